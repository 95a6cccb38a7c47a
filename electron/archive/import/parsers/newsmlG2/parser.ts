// NewsML-G2 (IPTC): a newsItem, a newsMessage carrying several items, or a
// packageItem whose referenced items travel in the same message. Each news
// item with text is one article, identified by its guid (provider-scoped) and
// version. An item with metadata only (IPTC's LISTING_1, a picture item) is
// not an article; a file with no item that has text is refused, saying why.
import { bodyState } from '../../../../../shared/editor/build.ts';
import type { ArticleFields } from '../../../../../shared/model/article.ts';
import { resolveDate } from '../../../time/parseDate.ts';
import type { Zone } from '../../../time/zone.ts';
import { guessLanguage } from '../dates.ts';
import { FileRefused, type ParsedArticle, type Parser } from '../types.ts';
import { bodyText, readXml } from '../xml/document.ts';
import { attr, descendants, kid, kids, text } from '../xml/query.ts';
import { scale9 } from '../xml/text.ts';
import { xmlRoot } from '../xml/sniff.ts';
import { NS, type XmlElement } from '../xml/tree.ts';
import { readContent } from './content.ts';
import { readMeta } from './meta.ts';

const ITEM_ROOTS = new Set(['newsItem', 'newsMessage', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']);

export const newsmlG2Parser: Parser = {
  name: 'newsml-g2',
  detect(input) {
    const root = xmlRoot(input);
    if (!root || !ITEM_ROOTS.has(root.local)) return 0;
    // Without IPTC's namespace it may still be G2 from a careless producer; less sure.
    return root.namespace === NS.g2 ? 0.97 : 0.7;
  },
  parse(input) {
    const { root, flags: fileFlags } = readXml(input, 'NewsML-G2');
    if (!ITEM_ROOTS.has(root.name)) throw new FileRefused(`not NewsML-G2: the root element is <${root.name}>`);
    const message = root.name === 'newsMessage';
    const items = message ? kids(kid(root, 'itemSet')) : [root];
    const priority = message ? scale9(text(kid(kid(root, 'header'), 'priority'))) : null;
    const newsItems = items.filter((i) => i.name === 'newsItem');
    const articles: ParsedArticle[] = [];
    const unusable: string[] = [];
    for (const item of newsItems) {
      const result = readItem(item, priority, input.zone, fileFlags);
      if (typeof result === 'string') unusable.push(result);
      else articles.push(result);
    }
    if (articles.length === 0) throw new FileRefused(`no text found: ${unusable[0] ?? describeNonNews(items, newsItems)}`);
    if (articles.length > 1) keyByGuid(articles);
    if (unusable.length > 0) {
      const first = articles[0] as ParsedArticle;
      first.note = [first.note, `${unusable.length} other item(s) in this message had no text: ${unusable.join('; ')}`].filter(Boolean).join('; ');
    }
    return articles;
  },
};

/** One news item as an article, or why it is not one. */
function readItem(item: XmlElement, priority: number | null, zone: Zone, fileFlags: string[]): ParsedArticle | string {
  const guid = attr(item, 'guid');
  const meta = readMeta(item, priority);
  const fields = meta.fields;
  const content = readContent(item, { headline: fields.headline ?? '', byline: fields.byline ?? '', teasers: [fields.dek ?? '', meta.description] }, zone);
  if (content.nitf) fillFrom(fields, content.nitf);
  const blocks = content.blocks;
  const killNotice = blocks.length === 0 && (fields.pubStatus === 'canceled' || fields.pubStatus === 'withheld') && (fields.headline ?? '') !== '';
  if (blocks.length === 0 && !killNotice) {
    const what = meta.itemClass !== '' && meta.itemClass !== 'text' ? `is a ${meta.itemClass} item with no text` : 'has metadata only (no inlineXML or inlineData text)';
    return `NewsML-G2 item ${guid || '(no guid)'} ${what}`;
  }
  const posted = resolveDate(meta.dates.firstCreated || meta.dates.contentCreated || meta.dates.versionCreated, zone);
  const updated = resolveDate(meta.dates.versionCreated, zone);
  const embargo = resolveDate(meta.dates.embargoed, zone);
  if (posted) fields.postedAt = posted.iso;
  if (updated && updated.iso !== posted?.iso) fields.updatedAt = updated.iso;
  if (embargo) fields.embargoedUntil = embargo.iso;
  if (!fields.language) fields.language = guessLanguage(`${fields.headline ?? ''} ${bodyText(blocks)}`);
  const version = Number.parseInt(attr(item, 'version'), 10);
  const flags = [...new Set([...(blocks.length === 0 ? ['no-body'] : []), ...fileFlags, ...(content.capped ? ['deep-nesting'] : [])])];
  return {
    fields,
    body: bodyState(blocks),
    ...(guid !== '' ? { identity: { provider: identityProvider(fields.provider ?? '', guid), id: guid, version: Number.isFinite(version) ? version : null } } : {}),
    flags,
    ...(killNotice ? { note: `${fields.pubStatus} notice: the item has no text of its own` } : {}),
    zoneAssumed: [posted, updated, embargo].some((d) => d?.zoneAssumed === true),
  };
}

/** What NITF inside inlineXML says, where contentMeta said nothing. */
function fillFrom(fields: Partial<ArticleFields>, nitf: Partial<ArticleFields>): void {
  // The NITF byline comes with its authors (and their titles); contentMeta's creators are often logins.
  if (!fields.byline && nitf.byline) fields.authors = nitf.authors ?? [];
  for (const key of ['headline', 'dek', 'byline', 'dateline', 'language', 'slugline', 'editorNote', 'copyrightHolder', 'genre', 'section'] as const) {
    if (!fields[key] && nitf[key]) fields[key] = nitf[key];
  }
  if ((fields.authors ?? []).length === 0 && nitf.authors) fields.authors = nitf.authors;
  if ((fields.keywords ?? []).length === 0 && nitf.keywords) fields.keywords = nitf.keywords;
  if ((fields.subjects ?? []).length === 0 && nitf.subjects) fields.subjects = nitf.subjects;
  if (fields.urgency == null && nitf.urgency != null) fields.urgency = nitf.urgency;
  if (!fields.located && nitf.located) fields.located = nitf.located;
}

/** The provider the guid belongs to: the item's provider, else the authority in the guid (`tag:ap.org,2011:…` → `ap.org`). */
function identityProvider(provider: string, guid: string): string {
  if (provider !== '') return provider.toLowerCase();
  const m = /^(?:tag:([^,:]+)|urn:newsml:([^:]+))/iu.exec(guid);
  return (m?.[1] ?? m?.[2] ?? '').toLowerCase();
}

/** Items of one message each get their own record key: the guid, with the version when a guid repeats. */
function keyByGuid(articles: ParsedArticle[]): void {
  const seen = new Map<string, number>();
  articles.forEach((a, i) => {
    const base = a.identity?.id || `item-${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    a.key = n === 1 ? base : `${base}:${a.identity?.version ?? n}`;
  });
}

function describeNonNews(items: XmlElement[], newsItems: XmlElement[]): string {
  if (newsItems.length > 0) return 'no news item has text';
  const pkg = items.find((i) => i.name === 'packageItem');
  if (pkg) {
    const refs = descendants(pkg, 'itemRef').map((r) => attr(r, 'residref')).filter((r) => r !== '');
    return `NewsML-G2 packageItem ${attr(pkg, 'guid') || '(no guid)'} references ${refs.length} item(s)${refs.length ? ` (${refs.slice(0, 3).join(', ')})` : ''}, none of them in this file`;
  }
  const kinds = [...new Set(items.map((i) => `<${i.name}>`))].join(', ');
  return items.length === 0 ? 'the NewsML-G2 message holds no items' : `the NewsML-G2 file holds no news items, only ${kinds}`;
}
