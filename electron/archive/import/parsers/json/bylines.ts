// A display byline ("Von Marco Krefting und Sunrita Sen, dpa") into the line
// Copydesk shows and the people in it. Wire bylines name people joined by
// "and"/"und"/"og"/"och"/"et"/"y"/"&" and commas, then an agency or an
// affiliation: only parts that read as a person's name become authors.
import type { Author } from '../../../../../shared/model/newsroom.ts';

/** "By", "Von", "Av", "Par", "Por", "Di", "Door" opening a byline. */
const BY = /^(?:by|von|av|par|por|di|door|från|fra)\s+/iu;
const JOINERS = /\s*,\s*|\s+(?:and|und|og|och|et|y|e|en|&)\s+|\s*\/\s*|\s*;\s*/iu;
/** Words that make a part an organisation, not a person. */
const ORGANISATION = /\b(?:university|universität|college|institute|database|press|news|agency|associated|times|post|journal|herald|media|service|group|reuters|bloomberg|staff|desk|correspondents?|writers?)\b/iu;

/** The byline as shown: its "By"/"Von" dropped, spaces tidied. */
export function displayByline(raw: string): string {
  return raw.replace(/\s+/gu, ' ').trim().replace(BY, '');
}

/**
 * The people a byline names, each with `role` (a byline states none). `drop`
 * lists names that are not authors here (the provider, the credit line).
 */
export function bylineAuthors(byline: string, drop: readonly string[] = []): Author[] {
  const skip = new Set(drop.map((d) => d.toLowerCase()).filter((d) => d !== ''));
  const out: Author[] = [];
  for (const part of displayByline(byline).split(JOINERS)) {
    const name = part.trim();
    if (name === '' || skip.has(name.toLowerCase()) || !looksLikeName(name)) continue;
    if (!out.some((a) => a.name === name)) out.push({ name, role: '' });
  }
  return out;
}

/** A CJK name, or two to five words, the first capitalised, no digits, no organisation words, not an all-caps acronym. */
function looksLikeName(part: string): boolean {
  if (/^[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{2,8}$/u.test(part)) return true;
  const words = part.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  if (/\d|@|https?:/u.test(part) || ORGANISATION.test(part)) return false;
  return /^\p{Lu}/u.test(words[0] as string) && words.some((w) => /\p{Ll}/u.test(w));
}
