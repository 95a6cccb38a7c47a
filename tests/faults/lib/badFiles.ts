// The fuzz corpus for the importer: every kind of bad input an archivist's
// folder can hold. Returns the paths the import must report (one row each),
// the files to delete once the import has started, and how many hidden files
// and folders it holds (skipped by design, one `skipped` row each).
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './util.ts';

export interface BadCorpus {
  root: string;
  /** Every path the report must have exactly one row for, by class. */
  expected: Map<string, string>;
  vanish: string[];
  hidden: number;
}

const KO = '북한의 비핵화는 유일한 길이다. 서울에서 기자가 전했다.';
const JA = '東京の天気は晴れ。記者が報じた。';
const EN = 'The council voted on the harbour budget late on Tuesday.';

function article(r: ReturnType<typeof rng>, i: number): string {
  return `Headline ${i} ${r.pick(['storm', 'court', 'market', 'school'])}\n\n${EN} ${KO}\n\n${JA} ${i}\n`;
}

export function writeBadFiles(root: string, count: number, seed: number, full: boolean): BadCorpus {
  const r = rng(seed);
  const expected = new Map<string, string>();
  const vanish: string[] = [];
  let hidden = 0;
  const bulk = join(root, 'bulk');
  mkdirSync(bulk, { recursive: true });
  const put = (path: string | Buffer, data: Buffer | string, cls: string, reportAs?: string) => {
    writeFileSync(path, data);
    expected.set(reportAs ?? String(path), cls);
  };

  const classes: Array<[string, (i: number) => Buffer | string]> = [
    ['random bytes', () => Buffer.from(Array.from({ length: r.int(1, 65536) }, () => r.int(0, 255)))],
    ['truncated utf-8', (i) => Buffer.from(article(r, i), 'utf8').subarray(0, -1 - r.int(0, 1))],
    ['utf-16le bom', (i) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article(r, i), 'utf16le')])],
    ['utf-16be bom', (i) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(article(r, i), 'utf16le').swap16()])],
    ['utf-16le no bom', (i) => Buffer.from(article(r, i), 'utf16le')],
    ['utf-16be no bom', (i) => Buffer.from(article(r, i), 'utf16le').swap16()],
    ['mixed encodings', (i) => Buffer.concat([Buffer.from(`Mixed ${i}\n\n${KO}\n`, 'utf8'), Buffer.from('café naïve £5\n', 'latin1'), Buffer.from([0x82, 0xa0, 0x93, 0xfa, 0x96, 0x7b])])],
    ['nul bytes', (i) => article(r, i).split('').join('\0')],
    ['all nul', () => Buffer.alloc(r.int(1, 4096))],
    ['zero bytes', () => Buffer.alloc(0)],
    ['whitespace only', () => ' \n\t\r\n   \n'.repeat(r.int(1, 50))],
    ['control characters', (i) => `Ctl ${i}\x01\x02\x1b[31m\n\n\x7f\x85 body \u202e reversed \ufeff\ufffe\n`],
    ['deep html', () => `<html><body>${'<div>'.repeat(20000)}deep${'</div>'.repeat(19000)}`],
    ['unterminated markup', () => `<!DOCTYPE html><html><head><title>x</title><!-- never closed ${'a'.repeat(50000)}`],
    ['broken sgml', () => `<REUTERS NEWID="1"><TITLE>T</TITLE><BODY>${'x '.repeat(30000)}`.repeat(r.int(1, 3))],
    ['nested quotes md', () => `---\ntitle: ${'"'.repeat(100)}\ndate: not-a-date\ntags: [${'['.repeat(500)}\n---\n${'> '.repeat(5000)}quote\n`],
    ['huge front matter', () => `---\ntitle: Big\n${Array.from({ length: 20000 }, (_, k) => `k${k}: ${'v'.repeat(20)}`).join('\n')}\n---\nbody\n`],
    ['nitf garbage', () => `<?xml version="1.0" encoding="x-unknown"?><nitf><head><title>${'<b>'.repeat(3000)}</title></head><body><body.content>${'<p>'.repeat(5000)}`],
    ['binary magic', () => Buffer.concat([Buffer.from(r.pick(['\x89PNG\r\n\x1a\n', '%PDF-1.7\n', 'PK\x03\x04', '\x7fELF\x02\x01\x01']), 'latin1'), Buffer.from(Array.from({ length: r.int(100, 8000) }, () => r.int(0, 255)))])],
    ['normal article', (i) => article(r, i)],
  ];
  const odd = ['café', 'cafe\u0301-nfd', 'a..b', 'evil..\\..\\escape', 'x\\y', 'new\nline', ' lead space', '-dash', '🙂 emoji', 'ｆｕｌｌ', 'tab\there', 'q?*<>|"'];

  // The slow hostile classes are capped so the run stays within its time budget.
  const heavy = new Set(['huge front matter', 'deep html', 'nitf garbage']);
  const heavyCap = full ? 60 : 8;
  const used = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    let [cls, make] = classes[i % classes.length] as [string, (i: number) => Buffer | string];
    if (heavy.has(cls) && (used.get(cls) ?? 0) >= heavyCap) [cls, make] = classes[classes.length - 1] as [string, (i: number) => Buffer | string];
    used.set(cls, (used.get(cls) ?? 0) + 1);
    const folder = join(bulk, String(Math.floor(i / 400)).padStart(3, '0'));
    if (i % 400 === 0) mkdirSync(folder, { recursive: true });
    const name = i % 7 === 0 ? `${odd[i % odd.length]}-${i}.txt` : `f${i}.${r.pick(['txt', 'md', 'html', 'xml', 'sgm', 'nitf', 'bin', ''])}`;
    put(join(folder, name), make(i), cls);
  }

  // Names the file system stores as bytes that are not UTF-8: reported under their decoded (lossy) name.
  const bytesDir = join(root, 'bytes');
  mkdirSync(bytesDir);
  for (const bytes of [[0x66, 0xff, 0x2e, 0x74, 0x78, 0x74], [0xc3, 0x28, 0x61]]) {
    const raw = Buffer.concat([Buffer.from(`${bytesDir}/`), Buffer.from(bytes)]);
    put(raw, 'Lossy name\n\nbody\n', 'invalid utf-8 name', join(bytesDir, Buffer.from(bytes).toString('utf8')));
  }

  // Hidden files and folders: skipped by the importer's walker by design, a `skipped`
  // row each; a hidden folder is one row, its contents are never listed.
  for (const h of ['.DS_Store', '.hidden.txt', '..sneaky.txt']) {
    put(join(bulk, h), 'hidden', 'hidden file');
    hidden += 1;
  }
  const git = join(bulk, '.git');
  mkdirSync(join(git, 'objects'), { recursive: true });
  writeFileSync(join(git, 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(git, 'objects', 'ab12'), 'blob');
  expected.set(git, 'hidden folder');
  hidden += 1;

  // Deep folders: 80 levels, a file at several depths.
  let deep = join(root, 'deep');
  for (let d = 0; d < 80; d += 1) {
    deep = join(deep, `level-${d}`);
    mkdirSync(deep, { recursive: true });
    if (d % 20 === 19) put(join(deep, `at-${d}.txt`), `Deep ${d}\n\nfound\n`, 'deep folder');
  }

  // Symlinks: loops, escapes, dangling, and a link to a pipe.
  const links = join(root, 'links');
  mkdirSync(links);
  const link = (target: string, name: string, cls: string) => {
    symlinkSync(target, join(links, name));
    expected.set(join(links, name), cls);
  };
  link(links, 'loop-to-self-dir', 'symlink loop');
  link(root, 'loop-to-root', 'symlink loop');
  link(join(links, 'b'), 'a', 'symlink loop');
  link(join(links, 'a'), 'b', 'symlink loop');
  link('/etc/hostname', 'escape-abs', 'symlink escape');
  link('../../../../../../../../etc/passwd', 'escape-dotdot', 'symlink escape');
  link(join(root, 'missing-target'), 'dangling', 'dangling symlink');
  try {
    execFileSync('mkfifo', [join(links, 'pipe')]);
    expected.set(join(links, 'pipe'), 'fifo');
    link(join(links, 'pipe'), 'to-pipe', 'fifo');
  } catch {
    // no mkfifo: the pipe case is skipped
  }

  // Huge single lines, and (full run) one file over the 20 MB limit.
  const huge = join(root, 'huge');
  mkdirSync(huge);
  const sizes = full ? [1, 3, 6, 8, 12, 21] : [1, 3];
  for (const mb of sizes) put(join(huge, `line-${mb}mb.txt`), `Huge ${mb}\n\n${'word '.repeat((mb * 1024 * 1024) / 5)}`, 'huge single line');

  // Files removed once the import has started: the walk saw them, the read will not.
  const gone = join(root, 'zz-vanish');
  mkdirSync(gone);
  for (let i = 0; i < Math.max(10, Math.floor(count / 50)); i += 1) {
    const p = join(gone, `vanish-${i}.txt`);
    put(p, `Vanishing ${i}\n\nbody\n`, 'deleted mid-import');
    vanish.push(p);
  }
  return { root, expected, vanish, hidden };
}
