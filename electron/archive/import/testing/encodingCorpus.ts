// Test and benchmark support: how many files of the outside encodings corpus
// (`../shared/corpus/encodings/`, one folder per true encoding, evaluation
// only) a decoder reads exactly.
//
// "Exactly" means: the decoded text, with one leading U+FEFF dropped, equals
// code point for code point the text Python decodes strictly with the
// folder's codec (no NFC, no line-end or control clean-up). So a `utf-16` or
// `utf-8-sig` file counts when its text is right whatever happens to its BOM;
// `utf-16le`/`utf-16be` files have no BOM and count when read in the right
// byte order; an `ascii` file counts when read as ASCII or any superset
// (UTF-8, windows-1252), since the text is the same. The truth is kept as
// SHA-256 digests of those texts (`encodingTruth.json`, written by
// `bench/encodings/detectors.py --truth`), so no corpus text enters the repository
// and the check needs no Python.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jschardet from 'jschardet';
import { CORPUS_DIR } from '../../testing/tempArchive.ts';
import { canDecode, decodeAs } from '../encoding.ts';

export const ENCODINGS_DIR = join(CORPUS_DIR, 'encodings');

export interface CorpusFile {
  /** `label/name`, label being the true encoding. */
  rel: string;
  label: string;
  bytes: Buffer;
  /** SHA-256 of the true text (hex). */
  truth: string;
}

/** The corpus files that have a recorded truth, in folder order; [] when the corpus is absent. */
export function loadEncodingsCorpus(): CorpusFile[] {
  if (!existsSync(ENCODINGS_DIR)) return [];
  const truth = (JSON.parse(readFileSync(join(import.meta.dirname, 'encodingTruth.json'), 'utf8')) as { files: Record<string, string> }).files;
  const out: CorpusFile[] = [];
  for (const label of readdirSync(ENCODINGS_DIR).sort()) {
    const folder = join(ENCODINGS_DIR, label);
    if (!existsSync(folder) || label.includes('.')) continue;
    for (const name of readdirSync(folder).sort()) {
      const rel = `${label}/${name}`;
      const digest = truth[rel];
      if (digest !== undefined) out.push({ rel, label, bytes: readFileSync(join(folder, name)), truth: digest });
    }
  }
  return out;
}

export function textDigest(text: string): string {
  return createHash('sha256').update(text.startsWith('\uFEFF') ? text.slice(1) : text, 'utf8').digest('hex');
}

export function isExact(file: CorpusFile, text: string | null): boolean {
  return text !== null && textDigest(text) === file.truth;
}

/**
 * jschardet's answer for a file, decoded with the best decoder Copydesk has
 * for the name it gives (`decodeAs`: standard tables, ISO-2022), so the
 * comparison is of detection, not of decoding tables; null when it names none.
 */
export function jschardetText(bytes: Buffer): { name: string | null; text: string | null } {
  const guess = jschardet.detect(bytes);
  const name = guess.encoding ?? null;
  if (name === null) return { name, text: null };
  // decodeAs drops a BOM whatever the name; otherwise a name it cannot decode gives no text.
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!canDecode(name) && !bom) return { name, text: null };
  return { name, text: decodeAs(bytes, name).text };
}

export interface Tally {
  /** Exact files per true encoding. */
  exact: Record<string, number>;
  files: Record<string, number>;
  total: number;
  misses: string[];
}

export function tally(files: readonly CorpusFile[], decide: (file: CorpusFile) => boolean): Tally {
  const out: Tally = { exact: {}, files: {}, total: 0, misses: [] };
  for (const file of files) {
    out.files[file.label] = (out.files[file.label] ?? 0) + 1;
    const ok = decide(file);
    out.exact[file.label] = (out.exact[file.label] ?? 0) + (ok ? 1 : 0);
    if (ok) out.total += 1;
    else out.misses.push(file.rel);
  }
  return out;
}
