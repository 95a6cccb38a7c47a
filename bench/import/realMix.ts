// The benchmark's real-format input: the interchange files (agency wire,
// feeds, exports, saved pages in ../shared/corpus/interchange, read at run
// time and never copied into the repo) replicated into N files that each stand
// for items of their own.
//
// Generic across formats: each file is read once through the importer's own
// prepare step with whatever parsers are registered, which tells us the
// identities its items carry; every copy rewrites those id strings (bytes, as
// written in the file; where the parser normalises an id, its longest word)
// with a suffix of its own, so each copy is new items, not a re-send. Each
// choice is checked by reading a copy again. A file whose items have no identity (a format whose parser is
// not registered yet reads it as text or HTML) rewrites its first headline, or
// the start of one of its first lines of text, where the file spells it
// literally; failing both, its copies come in as duplicates, and the template
// report says how many files are in each case.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { type PreparedFile, prepareFile } from '../../electron/archive/import/prepareFile.ts';

export interface Template {
  /** The interchange folder (format family) it came from. */
  family: string;
  name: string;
  bytes: Buffer;
  /** The parser that read it (`text` or `html` where a format's parser is not registered). */
  parser: string;
  items: number;
  /** What each copy rewrites to be unique. */
  kind: 'identity' | 'headline' | 'none' | 'failed';
  needles: Buffer[];
}

const MAX_BYTES = 20 * 1024 * 1024;

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const family of readdirSync(dir).sort()) {
    const folder = join(dir, family);
    if (!statSync(folder).isDirectory()) continue;
    for (const name of readdirSync(folder).sort()) if (statSync(join(folder, name)).isFile()) out.push(join(folder, name));
  }
  return out;
}

/** The byte forms an id may take in a file: as is, and XML-escaped. */
function forms(text: string): Buffer[] {
  const plain = Buffer.from(text, 'utf8');
  const escaped = text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  return escaped === text ? [plain] : [plain, Buffer.from(escaped, 'utf8')];
}

/** The importer's own prepare step over these bytes (written to a scratch file with the same name). */
function prepareBytes(bytes: Buffer, name: string, scratch: string): PreparedFile {
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return prepareFile({ entry: { path, size: bytes.length }, knownSha256: null }, { timezone: 'UTC', encoding: null, maxSizeBytes: MAX_BYTES, keepOriginals: false });
}

const idsOf = (p: PreparedFile) => (p.kind === 'parsed' ? p.articles.flatMap((a) => (a.identity && a.identity.id !== '' ? [a.identity.id] : [])) : []);
const hashesOf = (p: PreparedFile) => (p.kind === 'parsed' ? p.articles.map((a) => a.contentHash) : []);

/**
 * Where an id is not written as is (a keyword whose spaces the parser drops):
 * its longer alphanumeric runs, then their camel-case words, longest first.
 */
const idTokens = (id: string) => {
  const runs = id.match(/[\p{L}\p{N}]{4,}/gu) ?? [];
  const words = runs.flatMap((r) => r.match(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu) ?? []).filter((w) => w.length >= 4);
  return [...new Set(runs.sort((a, b) => b.length - a.length)), ...new Set(words.sort((a, b) => b.length - a.length))];
};

/**
 * Read every interchange file once with the registered parsers and decide how
 * its copies become unique; a choice counts only when a copy, read again,
 * really carries other identities (or, without identities, other text).
 */
export function loadTemplates(dir: string): Template[] {
  const scratch = mkdtempSync(join(tmpdir(), 'copydesk-bench-templates-'));
  try {
    return listFiles(dir).map((path) => learn(path, scratch));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function learn(path: string, scratch: string): Template {
  const bytes = readFileSync(path);
  const base = { family: basename(join(path, '..')), name: basename(path), bytes };
  const prepared = prepareBytes(bytes, base.name, scratch);
  if (prepared.kind !== 'parsed') return { ...base, parser: 'none', items: 0, kind: 'failed', needles: [] };
  const found = { ...base, parser: prepared.format, items: prepared.articles.length };
  const unique = (needles: Buffer[], kind: 'identity' | 'headline') => {
    if (needles.length === 0) return false;
    const copy = prepareBytes(replicate({ ...found, kind, needles }, 0), base.name, scratch);
    if (kind === 'identity') {
      const before = new Set(idsOf(prepared));
      const after = idsOf(copy);
      return after.length === before.size && after.every((id) => !before.has(id));
    }
    const before = new Set(hashesOf(prepared));
    return hashesOf(copy).some((h) => !before.has(h));
  };
  const ids = [...new Set(idsOf(prepared))];
  if (ids.length > 0) {
    // Per id, the first of its forms (as is, escaped, then its words) whose rewrite really changes it.
    const needles = ids.flatMap((id) => {
      for (const needle of [...forms(id), ...idTokens(id).flatMap(forms)]) {
        if (!bytes.includes(needle)) continue;
        const copy = prepareBytes(replicate({ ...found, kind: 'identity', needles: [needle] }, 0), base.name, scratch);
        if (!idsOf(copy).includes(id)) return [needle];
      }
      return [];
    });
    if (unique(longestFirst(needles), 'identity')) return { ...found, kind: 'identity', needles: longestFirst(needles) };
    // Other text under the same identity would be a re-send (a revision), not a new item: say so instead.
    return { ...found, kind: 'none', needles: [] };
  }
  // Without identities: the first headline, else the start of one of the first lines of text, as the file spells it.
  const first = prepared.articles[0];
  const lines = (first?.body.text ?? '').split('\n').filter((l) => l.trim().length >= 12).slice(0, 8);
  const candidates = [first?.fields.headline ?? '', ...lines.map((l) => l.trim().slice(0, 24))].filter((c) => c.length >= 8);
  for (const candidate of candidates) {
    const needles = forms(candidate).filter((n) => bytes.includes(n));
    if (unique(needles, 'headline')) return { ...found, kind: 'headline', needles };
  }
  return { ...found, kind: 'none', needles: [] };
}

// An id that contains another (a guid and its URL form) is replaced first.
const longestFirst = (needles: Buffer[]) => [...needles].sort((a, b) => b.length - a.length);

function replaceAll(bytes: Buffer, needle: Buffer, replacement: Buffer): Buffer {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(needle, from); at !== -1; at = bytes.indexOf(needle, from)) {
    parts.push(bytes.subarray(from, at), replacement);
    from = at + needle.length;
  }
  if (parts.length === 0) return bytes;
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

/** Copy `copy` of a template: every needle gets the copy's suffix. */
export function replicate(template: Template, copy: number): Buffer {
  let out = template.bytes;
  const suffix = template.kind === 'headline' ? ` r${copy}` : `-r${copy}`;
  for (const needle of template.needles) out = replaceAll(out, needle, Buffer.concat([needle, Buffer.from(suffix, 'utf8')]));
  return out;
}

/** N copies, round-robin over the templates, in folders of 1,000 (extension kept: it may break ties). */
export function writeRealMix(root: string, n: number, templates: readonly Template[]): { bytes: number } {
  let bytes = 0;
  for (let i = 0; i < n; i += 1) {
    const dir = join(root, `r${String(Math.floor(i / 1000)).padStart(4, '0')}`);
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    const template = templates[i % templates.length] as Template;
    const copy = Math.floor(i / templates.length);
    const data = replicate(template, copy);
    const ext = extname(template.name);
    writeFileSync(join(dir, `${i}-${template.family}${ext}`), data);
    bytes += data.length;
  }
  return { bytes };
}

/** One line per format family: files, the parsers that read them, and how copies are made unique. */
export function describeTemplates(templates: readonly Template[]): string[] {
  const families = new Map<string, Template[]>();
  for (const t of templates) families.set(t.family, [...(families.get(t.family) ?? []), t]);
  return [...families].map(([family, list]) => {
    const count = (kind: Template['kind']) => list.filter((t) => t.kind === kind).length;
    const parsers = [...new Set(list.map((t) => t.parser))].join('/');
    return `  ${family.padEnd(22)} ${String(list.length).padStart(3)} files, read as ${parsers}; unique by identity ${count('identity')}, by headline or text ${count('headline')}, not unique ${count('none')}, failed ${count('failed')}`;
  });
}
