// What a page says about itself, read once from htmlparser2's tree: its
// <meta> tags (name, property, itemprop, http-equiv; keys lower-cased, every
// value kept in order), JSON-LD blocks, canonical link, <html lang>, <title>,
// and the elements the fallbacks look at (h1, rel=author, bylines, times,
// microdata). Both paths of the HTML parser read fields from this.
import type { HtmlElement } from '../htmlBlocks.ts';
import { elementText, hasAncestor, metaText, tokens } from './dom.ts';
import { readJsonLd, type LdNode } from './jsonLd.ts';

export interface PageMeta {
  metas: ReadonlyMap<string, readonly string[]>;
  ld: { nodes: LdNode[]; byId: Map<string, LdNode> };
  canonical: string | null;
  htmlLang: string;
  title: string;
  all: readonly HtmlElement[];
}

export function readPageMeta(all: readonly HtmlElement[]): PageMeta {
  const metas = new Map<string, string[]>();
  const ldBlocks: string[] = [];
  let canonical: string | null = null;
  let htmlLang = '';
  let title = '';
  for (const el of all) {
    switch (el.name) {
      case 'meta': {
        const content = el.attribs.content;
        if (content === undefined || content.trim() === '') break;
        for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
          const key = el.attribs[attr]?.trim().toLowerCase();
          if (!key) continue;
          // `itemprop` on a <meta> inside an author's microdata (its `name`) is not the page's.
          if (attr === 'itemprop' && hasAncestor(el, (a) => a.attribs.itemscope !== undefined && a.attribs.itemprop !== undefined)) continue;
          const list = metas.get(key) ?? [];
          list.push(content);
          metas.set(key, list);
        }
        break;
      }
      case 'script':
        if (/^\s*application\/ld\+json\s*$/iu.test(el.attribs.type ?? '')) ldBlocks.push(rawText(el));
        break;
      case 'link':
        if (canonical === null && tokens(el, 'rel').includes('canonical') && el.attribs.href) canonical = el.attribs.href.trim();
        break;
      case 'html':
        htmlLang ||= (el.attribs.lang ?? el.attribs['xml:lang'] ?? '').trim();
        break;
      case 'title':
        // The document's title, not an SVG icon's.
        if (title === '' && !hasAncestor(el, (a) => a.name === 'svg')) title = elementText(el);
        break;
      default:
    }
  }
  return { metas, ld: readJsonLd(ldBlocks), canonical, htmlLang, title, all };
}

function rawText(el: HtmlElement): string {
  return el.children.map((c) => ('data' in c && typeof c.data === 'string' ? c.data : '')).join('');
}

/** Values of the first of `keys` the page has, as field text, in page order. */
export function metaValues(meta: PageMeta, keys: readonly string[]): string[] {
  for (const key of keys) {
    const values = (meta.metas.get(key) ?? []).map(metaText).filter((v) => v !== '');
    if (values.length > 0) return values;
  }
  return [];
}

/** Every value of every key, in key order: candidates to try one after another. */
export function metaCandidates(meta: PageMeta, keys: readonly string[]): string[] {
  return keys.flatMap((key) => (meta.metas.get(key) ?? []).map(metaText).filter((v) => v !== ''));
}
