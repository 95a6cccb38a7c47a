// Identity of an article's content, for duplicate checks across paths.
// Whitespace never matters (re-wrapped lines, a trailing space); case does:
// a re-send that only fixes capitalisation is a real change. The case-folded
// hash beside it finds such near-duplicates, so they can be flagged rather
// than dropped.
import { sha256Hex } from '../db/hash.ts';

// Every run of whitespace becomes one space. The pattern leaves a lone space
// alone (most runs in prose are one): the same result as /\s+/g → ' ', at a
// third of the cost on a news body.
const RUN = / \s+|[^\S ]\s*/g;
export const spaces = (s: string) => s.normalize('NFC').replace(RUN, ' ').trim();

/** Same headline and body text, ignoring whitespace only. */
export function contentHash(headline: string, bodyText: string): string {
  return sha256Hex(`${spaces(headline)}\n${spaces(bodyText)}`);
}

/** Same headline and body text, ignoring whitespace and case (the pre-version-5 `content_hash`). */
export function contentFoldHash(headline: string, bodyText: string): string {
  return sha256Hex(`${spaces(headline).toLowerCase()}\n${spaces(bodyText).toLowerCase()}`);
}

/** Both hashes, normalising the text once (a pulled or imported article needs both). */
export function contentHashes(headline: string, bodyText: string): { contentHash: string; contentFoldHash: string } {
  const text = `${spaces(headline)}\n${spaces(bodyText)}`;
  return { contentHash: sha256Hex(text), contentFoldHash: sha256Hex(text.toLowerCase()) };
}
