// Global identities that several replicas must compute alike without talking:
// an automatic merge of the same two revisions, and the article of an
// identical imported file, get the same id on every replica, so pushing them
// twice is a no-op (ON CONFLICT DO NOTHING) rather than a duplicate.
import { sha256Hex } from '../db/hash.ts';

/** A UUID (version 8, RFC 9562 "custom") whose bits come from SHA-256 of the parts. */
export function derivedUuid(...parts: string[]): string {
  const hex = sha256Hex(parts.join('\u0000')).slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The id of an automatic merge: its parents (in order) and its content decide it. */
export function mergeRevisionId(parents: readonly string[], snapshotHash: string): string {
  return derivedUuid('copydesk-merge', ...parents, snapshotHash);
}

/** The id of an article imported from a file: the file's bytes and the item's identity within it. */
export function importedArticleId(fileSha256: string, item: string): string {
  return derivedUuid('copydesk-import', fileSha256, item);
}

/** The id of an import's first revision: the article and its content. */
export function importRevisionId(articleId: string, snapshotHash: string): string {
  return derivedUuid('copydesk-import-revision', articleId, snapshotHash);
}
