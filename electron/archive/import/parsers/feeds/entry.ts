// One feed item (RSS 2.0, RSS 1.0/RDF, Atom) as an article. The readers in
// rss.ts and atom.ts reduce their vocabularies to a FeedEntry; this file
// decides body, dek, byline and identity the same way for all of them.
// The body is the full content when the feed carries it; an item that only
// has its short description is still an article, flagged `summary-only`.
import { bodyState } from '../../../../../shared/editor/build.ts';
import type { ArticleFields } from '../../../../../shared/model/article.ts';
import type { BlockNode } from '../../../../../shared/editor/serialized.ts';
import { resolveDate } from '../../../time/parseDate.ts';
import type { Zone } from '../../../time/zone.ts';
import { guessLanguage } from '../dates.ts';
import type { ParsedArticle } from '../types.ts';
import { blocksFromHtmlString, blocksFromPlainText } from '../xml/blocks.ts';
import { bodyText } from '../xml/document.ts';
import { cleanField, distinct, languageTag, stripBy } from '../xml/text.ts';

/** A body as the feed gives it: HTML (escaped or CDATA), plain text, or ready blocks (Atom xhtml). */
export type FeedBody = { html: string } | { text: string } | { blocks: BlockNode[] };

export interface FeedEntry {
  /** The item's identity in the feed: RSS guid, Atom id, else its link. */
  id: string;
  title: string;
  /** Full content (content:encoded, Atom content). */
  content: FeedBody | null;
  /** The short description (RSS description, Atom summary). */
  summary: FeedBody | null;
  authors: string[];
  posted: string;
  updated: string;
  /** The publisher's own categories (RSS category, Atom category). */
  categories: string[];
  language: string;
  /** Base URL for relative links in the content. */
  base: string;
  /** Vocabulary-specific fields (a wire's extension namespace). */
  extra?: Partial<ArticleFields>;
}

export interface FeedContext {
  /** Lower-case host or provider that scopes the items' identities. */
  provider: string;
  language: string;
  zone: Zone;
  flags: string[];
}

/** WordPress's default category means "none". */
const NO_CATEGORY = /^uncategori[sz]ed$/iu;

function blocksOf(body: FeedBody | null, base: string): { blocks: BlockNode[]; capped: boolean } {
  if (!body) return { blocks: [], capped: false };
  if ('blocks' in body) return { blocks: body.blocks, capped: false };
  if ('html' in body) return blocksFromHtmlString(body.html, base);
  return { blocks: blocksFromPlainText(body.text), capped: false };
}

/** The link a teaser ends with ("Continue reading", El País' "Seguir leyendo"): the rest is on the site. */
const READ_MORE = /^(?:continue reading|read more|read the full (?:story|article)|keep reading|seguir leyendo|leer m[áa]s|lire la suite|weiterlesen|continua a leggere|leia mais|\[?(?:…|\.\.\.)\]?)[\s.…:»>→-]*$/iu;

/** Drops a trailing read-more line; true when there was one (the content is a teaser). */
function dropReadMore(blocks: BlockNode[]): boolean {
  const last = blocks[blocks.length - 1];
  if (!last || last.type !== 'paragraph' || !READ_MORE.test(cleanField(bodyText([last])))) return false;
  blocks.pop();
  return true;
}

export function entryArticle(entry: FeedEntry, ctx: FeedContext): ParsedArticle {
  const full = blocksOf(entry.content, entry.base);
  const teaser = dropReadMore(full.blocks);
  const summary = blocksOf(entry.summary, entry.base);
  const summaryText = cleanField(bodyText(summary.blocks));
  // Only the opening of a long body is compared with the summary (cleaning all of it costs more than the rest).
  const fullRaw = full.blocks.length === 0 ? '' : bodyText(full.blocks);
  const fullHead = cleanField(fullRaw.slice(0, summaryText.length + 400));
  // A content that is the description again, plus a credit line or two (NPR), is still only a summary.
  const onlySummary = teaser || full.blocks.length === 0 || (summaryText !== '' && fullHead.startsWith(summaryText) && fullRaw.length - summaryText.length < 160);
  const fromSummary = full.blocks.length === 0 ? summary : full;
  const blocks = fromSummary.blocks;
  const posted = resolveDate(entry.posted || entry.updated, ctx.zone);
  const updated = resolveDate(entry.updated, ctx.zone);
  // `Pablo Linde ,Ana Fernández`: the spacing around commas as a reader expects it.
  const authors = distinct(entry.authors.map((a) => stripBy(cleanField(a)).replace(/\s*,\s*/gu, ', ')));
  const fields: Partial<ArticleFields> = {
    headline: entry.title,
    dek: onlySummary && !teaser ? '' : summaryText,
    byline: authors.join(', '),
    authors: authors.map((name) => ({ name, role: '' })),
    tags: distinct(entry.categories.map(cleanField).filter((c) => !NO_CATEGORY.test(c))),
    language: languageTag(entry.language) || languageTag(ctx.language) || guessLanguage(`${entry.title} ${fullHead || summaryText}`),
    ...entry.extra,
  };
  if (posted) fields.postedAt = posted.iso;
  if (updated && updated.iso !== posted?.iso) fields.updatedAt = updated.iso;
  const flags = [...ctx.flags];
  if (blocks.length === 0) flags.push('no-body');
  else if (onlySummary) flags.push('summary-only');
  if (full.capped || fromSummary.capped) flags.push('deep-nesting');
  return {
    key: entry.id,
    fields,
    body: bodyState(blocks),
    ...(entry.id !== '' ? { identity: { provider: ctx.provider, id: entry.id, version: null } } : {}),
    flags: [...new Set(flags)],
    ...(blocks.length === 0 ? { note: 'title only: the item has no description or content' } : teaser ? { note: 'teaser only: the feed links to the full text' } : onlySummary ? { note: 'summary only: the feed carries no full text for this item' } : {}),
    zoneAssumed: [posted, updated].some((d) => d?.zoneAssumed === true),
  };
}

/** Record keys must be unique in the file: a repeated id gets `~2`, `~3`. */
export function uniqueKeys(articles: ParsedArticle[]): ParsedArticle[] {
  const seen = new Map<string, number>();
  articles.forEach((a, i) => {
    const base = a.key || `item-${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    a.key = n === 1 ? base : `${base}~${n}`;
  });
  return articles;
}

/** `https://www.npr.org/…` → `npr.org`; '' when not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url.trim()).hostname.replace(/^www\./u, '').toLowerCase();
  } catch {
    return '';
  }
}
