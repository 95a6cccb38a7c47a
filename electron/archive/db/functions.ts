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

// The insert trigger asks for the text of a body that was just compressed,
// twice (the body column and its CJK bigrams). Remembering recent texts by
// their content hash spares a decompress + parse each time; a hash names the
// same text in any archive, so the cache is safe across open databases.
const recent = new Map<string, string>();
// Large enough to hold every body of an import chunk until it is indexed.
const RECENT_MAX = 1024;

export function rememberBodyText(hash: string, text: string): void {
  if (recent.has(hash)) return;
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(hash, text);
}

/** For the integrity check: it must read every body from disk, not trust texts remembered from writing them. */
export function forgetBodyTexts(): void {
  recent.clear();
}

export function bodyTextFor(hash: string | null, blob: Uint8Array | null): string {
  if (blob == null) return '';
  if (hash != null) {
    const hit = recent.get(hash);
    if (hit !== undefined) return hit;
  }
  const text = bodyTextFromBlob(blob);
  if (hash != null) rememberBodyText(hash, text);
  return text;
}

/** Connections whose new articles the insert trigger leaves to a batched index statement. */
const deferring = new WeakSet<Database>();

/** While on, this connection's inserted articles are not indexed by the trigger: the caller must index them (search/deferredIndex.ts). */
export function setIndexDeferred(db: Database, on: boolean): void {
  if (on) deferring.add(db);
  else deferring.delete(db);
}

export function registerFunctions(db: Database): void {
  db.function('cd_index_deferred', { deterministic: false }, () => (deferring.has(db) ? 1 : 0));
  db.function('cd_body_text', { deterministic: true }, (hash: unknown, blob: unknown) =>
    bodyTextFor(typeof hash === 'string' ? hash : null, (blob as Uint8Array | null) ?? null),
  );
  db.function('cd_cjk', { deterministic: true }, (text: unknown) => cjkBigrams(typeof text === 'string' ? text : ''));
}
