// Everything a body costs in CPU before it touches the database: JSON, hash,
// plain text, word count and Brotli. Pure, so the importer can make it in
// worker threads while the main thread only writes to SQLite.
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { compressText } from '../db/compress.ts';
import { sha256Hex } from '../db/hash.ts';

export interface PreparedBody {
  json: string;
  /** SHA-256 of `json`: the body's identity in `bodies`. */
  hash: string;
  text: string;
  wordCount: number;
  /** `json`, Brotli-compressed, as stored. */
  blob: Uint8Array;
}

export function prepareBody(body: BodyState): PreparedBody {
  const json = JSON.stringify(body);
  const text = bodyToPlainText(body);
  return { json, hash: sha256Hex(json), text, wordCount: countWords(text), blob: compressText(json) };
}
