// SQL functions the schema's view and triggers call. Every connection that
// reads search content or writes articles must register them (openArchiveDb
// does), because the FTS index reads body text through them: the text is
// stored once, compressed, inside the body JSON.
import type { Database } from 'better-sqlite3';
import { bodyToPlainText } from '../../../shared/editor/plainText.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { cjkBigrams } from '../search/cjk.ts';
import { decompressText } from './compress.ts';

export function bodyTextFromBlob(blob: Uint8Array): string {
  return bodyToPlainText(JSON.parse(decompressText(blob)) as BodyState);
}

// The importer's insert trigger asks for the text of the body it just
// compressed; remembering the last few spares a decompress + parse per row.
const recent = new Map<string, string>();
const RECENT_MAX = 64;

export function rememberBodyText(blob: Buffer, text: string): void {
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(blob.toString('base64'), text);
}

function cachedBodyText(blob: Uint8Array | null): string {
  if (blob == null) return '';
  const key = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).toString('base64');
  const hit = recent.get(key);
  return hit ?? bodyTextFromBlob(blob);
}

export function registerFunctions(db: Database): void {
  db.function('cd_body_text', { deterministic: true }, (blob: unknown) => cachedBodyText(blob as Uint8Array | null));
  db.function('cd_cjk', { deterministic: true }, (text: unknown) => cjkBigrams(typeof text === 'string' ? text : ''));
}
