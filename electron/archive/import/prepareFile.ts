// The CPU half of importing one file: read, hash, decode, parse, and prepare
// each article's body (JSON, hash, text, Brotli) and the compressed original.
// No database here, so it runs in the importer's worker threads in parallel
// with the SQLite writes; the result is plain data that crosses threads.
import { readFileSync } from 'node:fs';
import type { ArticleFields } from '../../../shared/model/article.ts';
import { contentHashes } from '../articles/contentHash.ts';
import { type PreparedBody, prepareBody } from '../articles/preparedBody.ts';
import { compressBytes } from '../db/compress.ts';
import { sha256Hex } from '../db/hash.ts';
import { resolveZone, type Zone } from '../time/zone.ts';
import { decodeBytes, DecodeFailure } from './encoding.ts';
import { makeParseInput } from './parsers/input.ts';
import { parseInput } from './parsers/registry.ts';
import type { ItemIdentity, ParsedArticle, Parser } from './parsers/types.ts';
import { fsReason, type WalkEntry } from './walk.ts';

/** The job's settings a preparer needs (plain data: it is posted to worker threads). */
export interface PrepareOptions {
  timezone: string;
  encoding: string | null;
  maxSizeBytes: number;
  keepOriginals: boolean;
}

export interface PrepareRequest {
  entry: WalkEntry;
  /** SHA-256 of the bytes this path held at its last import: equal bytes stop before decoding. */
  knownSha256: string | null;
}

export interface Decoded {
  encoding: string;
  confidence: number;
}

export interface PreparedArticle {
  key?: string;
  fields: Partial<ArticleFields>;
  identity: ItemIdentity | null;
  flags: string[];
  note: string | null;
  zoneAssumed: boolean;
  /** No headline and no body text. */
  empty: boolean;
  body: PreparedBody;
  contentHash: string;
  /** The same, case-folded: finds near-duplicates that differ only in case. */
  contentFoldHash: string;
}

export type PreparedFile =
  | { kind: 'failed'; reason: string; sha256: string | null; decoded: Decoded | null }
  | { kind: 'skipped'; reason: string }
  | { kind: 'unchanged'; sha256: string; size: number }
  | {
      kind: 'parsed';
      sha256: string;
      size: number;
      decoded: Decoded;
      decodeFlags: string[];
      format: string;
      /** More than one article, or records with keys: each gets its own path `file#key`. */
      container: boolean;
      /** The original bytes, compressed; null with --no-originals. */
      original: Uint8Array | null;
      articles: PreparedArticle[];
    };

const zones = new Map<string, Zone>();

function zoneFor(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = resolveZone(name);
    zones.set(name, zone);
  }
  return zone;
}

export function prepareFile(request: PrepareRequest, options: PrepareOptions): PreparedFile {
  const { entry } = request;
  const fail = (reason: string, sha256: string | null = null, decoded: Decoded | null = null): PreparedFile => ({ kind: 'failed', reason, sha256, decoded });
  if (entry.failure) return fail(entry.failure);
  if (entry.skipped) return { kind: 'skipped', reason: entry.skipped };
  if (entry.size > options.maxSizeBytes) return fail(`too large: ${entry.size} bytes (the limit is ${options.maxSizeBytes}; see --max-size)`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(entry.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'vanished: the file disappeared during the import' : fsReason(error, 'unreadable'));
  }
  if (bytes.length === 0) return fail('empty file');
  if (bytes.length > options.maxSizeBytes) return fail(`too large: ${bytes.length} bytes (the limit is ${options.maxSizeBytes}; see --max-size)`);
  const sha256 = sha256Hex(bytes);
  // Re-importing an unchanged file is the common case: answer it before decoding or parsing.
  if (sha256 === request.knownSha256) return { kind: 'unchanged', sha256, size: bytes.length };
  let text: string;
  let rawText: string;
  let decoded: Decoded;
  let decodeFlags: string[];
  try {
    const d = decodeBytes(bytes, options.encoding ?? undefined);
    ({ text, raw: rawText } = d);
    decoded = { encoding: d.encoding, confidence: d.confidence };
    decodeFlags = d.flags;
  } catch (error) {
    if (error instanceof DecodeFailure) return fail(error.reason, sha256);
    throw error;
  }
  if (text.trim() === '') return fail('empty: the file holds only whitespace', sha256, decoded);
  const input = makeParseInput({ text, rawText, bytes, path: entry.path, zone: zoneFor(options.timezone) });
  let parser: Parser;
  let parsed: ParsedArticle[];
  try {
    ({ parser, articles: parsed } = parseInput(input));
  } catch (error) {
    const name = (error as { parser?: string }).parser ?? 'text';
    return fail(`could not read as ${name}: ${(error as Error).message}`, sha256, decoded);
  }
  return {
    kind: 'parsed',
    sha256,
    size: bytes.length,
    decoded,
    decodeFlags,
    format: parser.name,
    container: parsed.length > 1 || parsed[0]?.key !== undefined,
    original: options.keepOriginals ? compressBytes(bytes) : null,
    articles: parsed.map(prepareArticle),
  };
}

function prepareArticle(parsed: ParsedArticle): PreparedArticle {
  const body = prepareBody(parsed.body);
  const headline = parsed.fields.headline ?? '';
  const hashes = contentHashes(headline, body.text);
  return {
    ...(parsed.key !== undefined ? { key: parsed.key } : {}),
    fields: parsed.fields,
    identity: parsed.identity ?? null,
    flags: parsed.flags,
    note: parsed.note ?? null,
    zoneAssumed: parsed.zoneAssumed,
    empty: headline === '' && body.text === '',
    body,
    contentHash: hashes.contentHash,
    contentFoldHash: hashes.contentFoldHash,
  };
}
