// A page's fields from its metadata, in one documented precedence (README,
// "Web pages"): NewsArticle JSON-LD first, then OpenGraph/article:* and the
// other <meta> conventions (tables below), then microdata and the page's
// elements. The first source that yields a usable value wins, per field.
import type { ArticleFields } from '../../../../../shared/model/article.ts';
import type { Author } from '../../../../../shared/model/newsroom.ts';
import type { Zone } from '../../../time/zone.ts';
import { resolveDate } from '../../../time/parseDate.ts';
import type { HtmlElement } from '../htmlBlocks.ts';
import type { ItemIdentity } from '../types.ts';
import { fieldText } from './dom.ts';
import { bylineCandidates, dateCandidates, itempropValues, storyHeadings } from './domHints.ts';
import { articleNode, ldPeople, ldString, ldStrings, types } from './jsonLd.ts';
import { metaCandidates, metaValues, type PageMeta } from './pageMeta.ts';
import { bylineOf, cleanAuthors } from './people.ts';
import { canonicalIdentity, cleanTitle, copyrightName, languageOf, splitList } from './values.ts';

/** <meta> keys per field, in precedence order (lower case; `name`, `property`, `itemprop` and `http-equiv` alike). */
export const META_KEYS = {
  headline: ['og:title', 'twitter:title', 'parsely-title', 'dc.title'],
  dek: ['og:description', 'description', 'twitter:description', 'dc.description'],
  author: ['author', 'article:author', 'og:article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl'],
  posted: ['article:published_time', 'og:article:published_time', 'datepublished', 'article:published', 'date', 'dc.date.issued', 'dcterms.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'pubdate', 'publish-date'],
  updated: ['article:modified_time', 'og:article:modified_time', 'datemodified', 'article:modified', 'last-modified', 'dc.date.modified', 'dcterms.modified', 'og:updated_time'],
  section: ['article:section', 'og:article:section', 'section'],
  tags: ['article:tag', 'og:article:tag'],
  keywords: ['keywords', 'news_keywords'],
  language: ['content-language', 'language', 'dc.language', 'og:locale'],
  site: ['og:site_name', 'dc.publisher', 'article:publisher', 'application-name'],
  copyright: ['dcterms.rightsholder', 'copyright', 'dc.rights'],
  url: ['og:url'],
} as const;

export interface PageContext {
  /** `simple`: a page without chrome, read as it is; `capture`: a saved page whose story Readability found. */
  path: 'simple' | 'capture';
  /** Elements of the simple path's root (`<article>`, `<main>`, `<body>`); the whole page for a capture. */
  rootElements: readonly HtmlElement[];
  zone: Zone;
}

export interface PageFields {
  fields: Partial<ArticleFields>;
  identity?: ItemIdentity;
  zoneAssumed: boolean;
  /** The <h1> the headline came from (kept out of a simple page's body). */
  headlineElement: HtmlElement | null;
}

/** The first candidate that gives a value: lazily, so later sources cost nothing when an earlier one answers. */
function first<T>(...sources: Array<() => T | null | undefined>): T | null {
  for (const source of sources) {
    const v = source();
    if (v !== null && v !== undefined && !(typeof v === 'string' && v === '') && !(Array.isArray(v) && v.length === 0)) return v;
  }
  return null;
}

export function pageFields(meta: PageMeta, ctx: PageContext): PageFields {
  const { byId } = meta.ld;
  const art = articleNode(meta.ld.nodes);
  const ld = (key: string) => (art ? ldString(art[key], byId) : null);
  const ldText = (key: string) => fieldText(ld(key));
  const publisher = art ? fieldText(ldString(art.publisher, byId)) : '';
  const siteNames = [publisher, ...metaValues(meta, META_KEYS.site)].filter((s) => s !== '' && !/^https?:/iu.test(s));
  const creditLine = siteNames[0] ?? '';

  // Headline: a simple page's own <h1> is the title it shows; on a capture an <h1> may be a logo or a teaser's.
  let found: ReturnType<typeof storyHeadings> | null = null;
  const headings = () => (found ??= storyHeadings(meta.all, siteNames));
  const inRoot = () => {
    const scope = new Set(ctx.rootElements);
    return headings().find((h) => scope.has(h.el)) ?? null;
  };
  const h1Texts = () => headings().map((h) => h.text);
  const chosen: { h1: HtmlElement | null } = { h1: null };
  const fromH1 = (h: { el: HtmlElement; text: string } | null | undefined) => {
    if (!h) return null;
    chosen.h1 = h.el;
    return h.text;
  };
  const headline =
    first(
      () => ldText('headline'),
      () => (ctx.path === 'simple' ? fromH1(inRoot()) : null),
      () => fieldText(itempropValues(meta.all, 'headline')[0]),
      ...META_KEYS.headline.map((key) => () => cleanTitle(metaValues(meta, [key])[0] ?? '', siteNames, h1Texts())),
      () => fromH1(headings()[0]),
      () => cleanTitle(meta.title, siteNames, h1Texts()),
    ) ?? '';

  // The byline is the page's own byline line when it has one (kept as written); the authors, with roles, come from JSON-LD.
  const fromPage: Author[] =
    first<Author[]>(
      ...META_KEYS.author.map((key) => () => cleanAuthors(metaValues(meta, [key]).map((name) => ({ name, role: '' })), siteNames, key === 'byl')),
      () => cleanAuthors(itempropValues(meta.all, 'author').slice(0, 1).map((name) => ({ name, role: '' })), siteNames, true),
      () => {
        const scope = new Set(ctx.rootElements);
        const candidates = bylineCandidates(meta.all);
        for (const c of [...candidates.filter((x) => scope.has(x.el)), ...candidates]) {
          const a = cleanAuthors([{ name: c.text, role: '' }], siteNames, true);
          if (a.length > 0) return a;
        }
        return null;
      },
    ) ?? [];
  const authors: Author[] =
    first<Author[]>(
      () => (art ? cleanAuthors(ldPeople(art.author, byId), siteNames) : null),
      () => (art ? cleanAuthors(ldPeople(art.creator, byId), siteNames) : null),
    ) ?? fromPage;
  const byline = fromPage.length > 0 ? bylineOf(fromPage) : bylineOf(authors);

  const zone = ctx.zone;
  const dateOf = (values: readonly string[]) => {
    for (const v of values) {
      const r = resolveDate(v, zone);
      if (r) return r;
    }
    return null;
  };
  const posted = first(
    () => dateOf(ldStrings(art?.datePublished, byId)),
    () => dateOf(metaCandidates(meta, META_KEYS.posted)),
    () => dateOf(itempropValues(meta.all, 'datePublished')),
    () => dateOf([...dateCandidates(ctx.rootElements), ...dateCandidates(meta.all)]),
  );
  const updated = first(
    () => dateOf(ldStrings(art?.dateModified, byId)),
    () => dateOf(metaCandidates(meta, META_KEYS.updated)),
    () => dateOf(itempropValues(meta.all, 'dateModified')),
  );

  const tags = first(
    // One tag per article:tag; a page that packs them all into one tag separates them with commas.
    () => {
      const values = metaValues(meta, META_KEYS.tags);
      return values.length === 1 ? splitList(values[0] as string) : values;
    },
    () => metaValues(meta, META_KEYS.keywords).flatMap(splitList),
  );
  const keywords = first(
    () => (art ? ldStrings(art.keywords, byId).flatMap(splitList).map(fieldText) : null),
    () => metaValues(meta, META_KEYS.keywords).flatMap(splitList),
  );
  const genre = first(
    () => ldText('genre'),
    () => (art ? (types(art).map((t) => /^(\w+)NewsArticle$/u.exec(t)?.[1]).find((g) => g) ?? null) : null),
  );
  const located = art ? fieldText(ldString(art.contentLocation, byId)) : '';

  const fields: Partial<ArticleFields> = {
    headline,
    dek: first(() => ldText('description'), () => metaValues(meta, META_KEYS.dek)[0]) ?? '',
    byline,
    authors,
    section: first(() => ldText('articleSection'), () => metaValues(meta, META_KEYS.section).find((s) => !s.startsWith('/'))) ?? '',
    tags: dedupe(tags ?? []),
    keywords: dedupe(keywords ?? []),
    language: languageOf(meta.htmlLang, ld('inLanguage'), metaValues(meta, META_KEYS.language)[0]),
    dateline: ldText('dateline'),
    ...(located !== '' ? { located: { name: located, countryCode: '' } } : {}),
    genre: genre ?? '',
    creditLine,
    copyrightHolder: first(() => fieldText(art ? ldString(art.copyrightHolder, byId) : null), () => copyrightName(metaValues(meta, META_KEYS.copyright)[0])) ?? '',
    ...(posted ? { postedAt: posted.iso } : {}),
    ...(updated ? { updatedAt: updated.iso } : {}),
  };
  const canonical = [meta.canonical, ...metaValues(meta, META_KEYS.url), ld('url'), art ? ldString(art.mainEntityOfPage, byId) : null, (art?.mainEntityOfPage as { '@id'?: string } | undefined)?.['@id']];
  const identity = canonicalIdentity(canonical);
  return {
    fields,
    ...(identity ? { identity } : {}),
    zoneAssumed: (posted?.zoneAssumed ?? false) || (updated?.zoneAssumed ?? false),
    headlineElement: chosen.h1,
  };
}

function dedupe(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = x.toLowerCase();
    if (x === '' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
