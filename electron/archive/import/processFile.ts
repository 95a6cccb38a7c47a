// One file from path to outcome rows: read, hash, decode, parse, store. The
// caller wraps the call in a savepoint, so a throw anywhere leaves nothing.
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Archive } from '../archive.ts';
import { sha256Hex } from '../db/hash.ts';
import type { Zone } from '../time/zone.ts';
import { bodyToPlainText } from '../../../shared/editor/plainText.ts';
import { decodeBytes, DecodeFailure } from './encoding.ts';
import { parseInput } from './parsers/registry.ts';
import type { ParsedArticle, Parser } from './parsers/types.ts';
import { type ImportLookups, storeArticle } from './store.ts';
import type { ImportFileResult } from './types.ts';
import { fsReason, type WalkEntry } from './walk.ts';

export interface FileContext {
  archive: Archive;
  lookups: ImportLookups;
  zone: Zone;
  encoding: string | null;
  onDuplicate: 'skip' | 'keep-both';
  maxSizeBytes: number;
  keepOriginals: boolean;
  now: string;
}

export interface FileRow {
  result: ImportFileResult;
  /** For container records: the file they came from. */
  containerPath?: string;
}

export interface ProcessedFile {
  rows: FileRow[];
  sha256: string | null;
  bytes: number;
}

export function failedRow(path: string, reason: string, extra: Partial<ImportFileResult> = {}): FileRow {
  return { result: { path, outcome: 'failed', articleId: null, reason, encoding: null, confidence: null, flags: [], ...extra } };
}

export function processFile(entry: WalkEntry, ctx: FileContext): ProcessedFile {
  const fail = (reason: string, sha: string | null = null, extra: Partial<ImportFileResult> = {}): ProcessedFile => ({
    rows: [failedRow(entry.path, reason, extra)],
    sha256: sha,
    bytes: 0,
  });
  if (entry.failure) return fail(entry.failure);
  if (entry.size > ctx.maxSizeBytes) return fail(`too large: ${entry.size} bytes (the limit is ${ctx.maxSizeBytes}; see --max-size)`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'vanished: the file disappeared during the import' : fsReason(error, 'unreadable'));
  }
  if (bytes.length === 0) return fail('empty file');
  if (bytes.length > ctx.maxSizeBytes) return fail(`too large: ${bytes.length} bytes (the limit is ${ctx.maxSizeBytes}; see --max-size)`);
  const sha = sha256Hex(bytes);
  // Re-importing an unchanged file is the common case: answer it before decoding or parsing.
  const known = ctx.lookups.existing(entry.path);
  if (known && known.source_sha256 === sha) {
    const result: ImportFileResult = { path: entry.path, outcome: 'duplicate', articleId: known.id, reason: 'unchanged since it was last imported', flags: [] };
    return { rows: [{ result }], sha256: sha, bytes: bytes.length };
  }
  let decoded;
  try {
    decoded = decodeBytes(bytes, ctx.encoding ?? undefined);
  } catch (error) {
    if (error instanceof DecodeFailure) return fail(error.reason, sha);
    throw error;
  }
  const enc = { encoding: decoded.encoding, confidence: decoded.confidence };
  if (decoded.text.trim() === '') return fail('empty: the file holds only whitespace', sha, enc);
  const input = { text: decoded.text, ext: extname(entry.path).slice(1).toLowerCase(), path: entry.path, zone: ctx.zone };
  let parser: Parser;
  let articles: ParsedArticle[];
  try {
    ({ parser, articles } = parseInput(input));
  } catch (error) {
    const name = (error as { parser?: string }).parser ?? 'text';
    return fail(`could not read as ${name}: ${(error as Error).message}`, sha, enc);
  }
  const container = articles.length > 1 || articles[0]?.key !== undefined;
  const storeCtx = {
    archive: ctx.archive,
    lookups: ctx.lookups,
    sha256: sha,
    encoding: decoded.encoding,
    confidence: decoded.confidence,
    format: parser.name,
    timezone: ctx.zone.name,
    onDuplicate: ctx.onDuplicate,
    now: ctx.now,
  };
  const rows: FileRow[] = [];
  let wrote = false;
  for (const parsed of articles) {
    const path = container ? `${entry.path}#${parsed.key ?? rows.length + 1}` : entry.path;
    const flags = [...decoded.flags, ...parsed.flags, ...(container ? ['record'] : [])];
    if (!container && (parsed.fields.headline ?? '') === '' && bodyToPlainText(parsed.body) === '') {
      rows.push(failedRow(path, `no text found (read as ${parser.name})`, { ...enc, flags }));
      continue;
    }
    const stored = storeArticle(storeCtx, path, parsed, container, container ? undefined : (known ?? null));
    if (stored.outcome !== 'duplicate') wrote = true;
    rows.push({
      result: { path, outcome: stored.outcome, articleId: stored.articleId, reason: stored.reason ?? parsed.note ?? null, ...enc, flags },
      ...(container ? { containerPath: entry.path } : {}),
    });
  }
  if (wrote && ctx.keepOriginals) ctx.lookups.keepOriginal(sha, bytes);
  return { rows, sha256: sha, bytes: bytes.length };
}
