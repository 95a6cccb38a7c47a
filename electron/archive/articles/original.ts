// Reading back what the importer kept: an article's original bytes (looked up
// by the SHA-256 recorded on the article) and a decoded text view. Null when
// nothing was kept: written in Copydesk, or imported with --no-originals.
import { brotliDecompressSync } from 'node:zlib';
import type { OriginalInfo, OriginalText } from '../../../shared/model/original.ts';
import type { Db } from '../db/open.ts';
import { sha256Hex } from '../db/hash.ts';
import { ArchiveError } from '../errors.ts';
import { decodeAs } from '../import/encoding.ts';
import type { ArticleRow } from './mapper.ts';

export interface ArticleOriginal extends OriginalInfo {
  /** Exactly the bytes of the file that came in. */
  bytes: Uint8Array;
}

export function readOriginal(db: Db, row: ArticleRow): ArticleOriginal | null {
  if (!row.source_sha256) return null;
  const kept = db.prepare('SELECT size, data FROM originals WHERE sha256 = ?').get(row.source_sha256) as { size: number; data: Buffer } | undefined;
  if (!kept) return null;
  const bytes = brotliDecompressSync(kept.data);
  // The archive promises what came in: a damaged blob is an error, never silently different bytes.
  if (bytes.length !== kept.size || sha256Hex(bytes) !== row.source_sha256)
    throw new ArchiveError('corrupt', `The original file kept for article ${row.id} does not match its SHA-256; run copydesk check.`);
  return {
    id: row.id,
    sha256: row.source_sha256,
    size: kept.size,
    sourcePath: row.source_path,
    encoding: row.source_encoding,
    encodingConfidence: row.source_confidence,
    format: row.source_format,
    importedAt: row.imported_at,
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

/** The text view; `maxChars` cuts long files for display (the window needs no 20 MB string). */
export function originalText(original: ArticleOriginal, maxChars = Number.POSITIVE_INFINITY): OriginalText {
  const { bytes, ...info } = original;
  const decoded = decodeAs(bytes, original.encoding);
  const truncated = decoded.text.length > maxChars;
  return {
    ...info,
    decodedAs: decoded.encoding,
    text: truncated ? decoded.text.slice(0, maxChars) : decoded.text,
    truncated,
    textLength: decoded.text.length,
  };
}
