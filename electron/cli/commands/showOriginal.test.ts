// `show --original` pins: raw bytes out (also through the real binary and a
// pipe), --out written whole, the JSON fields, and exit 1 when nothing was kept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Archive } from '../../archive/archive.ts';
import { tempDir } from '../../archive/testing/tempArchive.ts';
import { runCli } from '../run.ts';

const KOREAN = readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/import/ko-wikinews-0004.txt'), 'utf8');
const BIN = resolve(import.meta.dirname, '../../../bin/copydesk.mjs');

let dir: string;
let cleanup: () => void;
let db: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('copydesk-cli-original-'));
  db = join(dir, 'a.sqlite');
  mkdirSync(join(dir, 'src'));
});
afterEach(() => cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const bytes: Uint8Array[] = [];
  const code = await runCli([...argv, '--db', db], {
    out: (s) => out.push(s),
    outBytes: (b) => bytes.push(Uint8Array.from(b)),
    err: (s) => err.push(s),
    env: {},
    interactive: false,
  });
  return { code, out: out.join('\n'), err: err.join('\n'), bytes: Buffer.concat(bytes) };
}

async function importOne(name: string, content: Buffer, ...flags: string[]): Promise<string> {
  writeFileSync(join(dir, 'src', name), content);
  const r = await cli('import', join(dir, 'src', name), '--json', ...flags);
  expect(r.code).toBe(0);
  return (JSON.parse(r.out) as { files: Array<{ articleId: string }> }).files[0]?.articleId as string;
}

describe('copydesk show --original', () => {
  it('writes the original bytes to stdout exactly, nothing added', async () => {
    const bytes = iconv.encode(KOREAN, 'euc-kr');
    const id = await importOne('ko.txt', bytes);
    const r = await cli('show', id, '--original');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.bytes.equals(bytes)).toBe(true);
  });

  it('--json prints the fields and the text decoded in the detected encoding', async () => {
    const bytes = iconv.encode(KOREAN, 'euc-kr');
    const id = await importOne('ko.txt', bytes);
    const r = await cli('show', id, '--original', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['id', 'sha256', 'size', 'sourcePath', 'encoding', 'encodingConfidence', 'format', 'importedAt', 'decodedAs', 'text']),
    );
    expect(json).toMatchObject({ id, size: bytes.length, sourcePath: join(dir, 'src', 'ko.txt'), encoding: 'EUC-KR', decodedAs: 'EUC-KR', text: KOREAN });
    expect(json.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('--out FILE writes the bytes whole, replacing an old file, leaving no temporary behind', async () => {
    const bytes = iconv.encode('Café owners fear £2m rise\r\n\r\n“Déjà vu,” said Zoë.\r\n', 'windows-1252');
    const id = await importOne('cafe.txt', bytes);
    const target = join(dir, 'restored.txt');
    writeFileSync(target, 'an older file');
    const r = await cli('show', id, '--original', '--out', target);
    expect(r.code).toBe(0);
    expect(r.bytes.length).toBe(0);
    expect(r.out).toContain(`${bytes.length} bytes`);
    expect(readFileSync(target).equals(bytes)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const json = JSON.parse((await cli('show', id, '--original', '--out', target, '--json')).out) as Record<string, unknown>;
    expect(json).toMatchObject({ id, file: target, encoding: 'windows-1252', text: '\u0043afé owners fear £2m rise\r\n\r\n“Déjà vu,” said Zoë.\r\n' });
  });

  it('exits 1 with one line when no original was kept, the article was written in Copydesk, or there is no such article', async () => {
    const id = await importOne('plain.txt', Buffer.from('Ferry timetable approved\n\nIt was approved.\n'), '--no-originals');
    for (const extra of [[], ['--json'], ['--out', join(dir, 'x.txt')]]) {
      const r = await cli('show', id, '--original', ...extra);
      expect(r.code).toBe(1);
      expect(r.err).toBe(`copydesk: Article ${id} has no original file kept: it was imported with --no-originals.`);
      expect(r.out).toBe('');
      expect(r.bytes.length).toBe(0);
    }
    expect(existsSync(join(dir, 'x.txt'))).toBe(false);
    const archive = Archive.open(db);
    const written = archive.createArticle({ headline: 'Written here' }).id;
    archive.close();
    const w = await cli('show', written, '--original');
    expect(w).toMatchObject({ code: 1, err: `copydesk: Article ${written} has no original file: it was written in Copydesk, not imported.`, out: '' });
    const unknown = await cli('show', 'no-such-id', '--original');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^copydesk: No article with id no-such-id/);
  });

  it('refuses --out without --original, and a folder that does not exist, with exit 1', async () => {
    const id = await importOne('plain.txt', Buffer.from('Ferry timetable approved\n\nIt was approved.\n'));
    const r = await cli('show', id, '--out', join(dir, 'x.txt'));
    expect(r).toMatchObject({ code: 1, err: 'copydesk: --out goes with --original (show <id> --original --out FILE).' });
    const missing = join(dir, 'nowhere', 'x.txt');
    const m = await cli('show', id, '--original', '--out', missing);
    expect(m).toMatchObject({ code: 1, err: `copydesk: No such file or folder: ${missing}.` });
  });

  it('is binary-safe through the real command and a pipe', async () => {
    const bytes = Buffer.concat([iconv.encode(KOREAN, 'euc-kr'), Buffer.from([0x0d, 0x0a, 0xff, 0x80, 0x0a])]);
    const id = await importOne('ko.txt', bytes);
    const run = spawnSync(process.execPath, [BIN, 'show', id, '--original', '--db', db], { maxBuffer: 1 << 24 });
    expect(run.status).toBe(0);
    expect(run.stdout.equals(bytes)).toBe(true);
  });
});
