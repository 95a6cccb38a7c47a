// Fields read from the page's elements when its metadata is silent: the
// story's <h1> (never a logo's), a byline element, a <time>, a date in the
// story header. Rules measured on real newsroom pages (README, "Web pages").
import type { HtmlElement } from '../htmlBlocks.ts';
import { elementText, hasAncestor, sameText, tokens } from './dom.ts';

const LOGO = /logo|brand|masthead|site-?(?:name|title)/iu;
/** Never a story's header: navigation, asides, footers, forms. */
const CHROME = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'dialog']);

function inChrome(el: HtmlElement): boolean {
  return hasAncestor(el, (a) => CHROME.has(a.name) || /^(?:navigation|complementary|contentinfo|search)$/u.test(a.attribs.role ?? ''));
}

function idClass(el: HtmlElement): string {
  return `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
}

/**
 * A site's logo set in an <h1>: empty or the site's name, marked logo/brand
 * (on it, inside it or up to three levels above), or a short link to the
 * site's front page.
 */
export function isLogoHeading(h1: HtmlElement, text: string, siteNames: readonly string[]): boolean {
  if (text === '' || siteNames.some((s) => sameText(s, text))) return true;
  if (LOGO.test(idClass(h1))) return true;
  let up = h1.parent as HtmlElement | null;
  for (let i = 0; i < 3 && up && 'attribs' in up; i += 1, up = up.parent as HtmlElement | null) if (LOGO.test(idClass(up))) return true;
  const inside: HtmlElement[] = [];
  const stack = [...h1.children];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n && 'attribs' in n) {
      inside.push(n as HtmlElement);
      stack.push(...(n as HtmlElement).children);
    }
  }
  if (inside.some((e) => LOGO.test(idClass(e)))) return true;
  const short = text.split(/\s+/u).length <= 4;
  return short && inside.some((e) => e.name === 'a' && /^(?:\/|#|(?:https?:)?\/\/[^/]+\/?)$/iu.test((e.attribs.href ?? '').trim()));
}

/** The page's <h1>s that can be a story's headline (text, not a logo), with their text. */
export function storyHeadings(all: readonly HtmlElement[], siteNames: readonly string[]): Array<{ el: HtmlElement; text: string }> {
  const out: Array<{ el: HtmlElement; text: string }> = [];
  for (const el of all) {
    if (el.name !== 'h1' || inChrome(el)) continue;
    const text = elementText(el);
    if (!isLogoHeading(el, text, siteNames)) out.push({ el, text });
  }
  return out;
}

/** Microdata values: an element's `content`/`datetime` attribute, or its text. */
export function itempropValues(all: readonly HtmlElement[], prop: string): string[] {
  const out: string[] = [];
  for (const el of all) {
    if (!tokens(el, 'itemprop').includes(prop.toLowerCase())) continue;
    const named = el.attribs.itemscope !== undefined ? findNamed(el) : null;
    const value = el.attribs.content ?? el.attribs.datetime ?? (named ? elementText(named) : elementText(el));
    if (value.trim() !== '') out.push(value);
  }
  return out;
}

/** Inside an itemscope (a Person), the element carrying its `name`. */
function findNamed(scope: HtmlElement): HtmlElement | null {
  const stack = [...scope.children];
  while (stack.length > 0) {
    const n = stack.shift();
    if (!n || !('attribs' in n)) continue;
    const el = n as HtmlElement;
    if (tokens(el, 'itemprop').includes('name')) return el;
    stack.push(...el.children);
  }
  return null;
}

/** Byline elements, most specific first: links marked rel=author, then elements classed `byline`. */
export function bylineCandidates(all: readonly HtmlElement[]): Array<{ el: HtmlElement; text: string }> {
  const rel = all.filter((e) => e.name !== 'link' && tokens(e, 'rel').includes('author') && !inChrome(e));
  const classed = all.filter((e) => /\bbyline\b/iu.test(e.attribs.class ?? '') && !inChrome(e));
  return [...rel, ...classed].map((el) => ({ el, text: elementText(el) }));
}

/** Date-looking class or id parts (`pb-timestamp`, `date-and-time`, `pubtime_baidu`). */
const DATE_PART = /^(?:date|time|timestamp|datestamp|datetime|pubdate|pubtime|published|dateline)$/u;

/**
 * Dates in the page's elements, most explicit first: <time> elements
 * (datetime, else text), then elements whose class or id says date
 * (their `datetime`, `title`, `data-datetime` or `content`, else text).
 * Navigation, asides and footers (other stories' dates) are left out.
 */
export function dateCandidates(all: readonly HtmlElement[]): string[] {
  const times: string[] = [];
  const classed: string[] = [];
  for (const el of all) {
    if (el.name === 'time') {
      if (!inChrome(el)) times.push(el.attribs.datetime ?? elementText(el));
      continue;
    }
    const parts = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.toLowerCase().split(/[\s_-]+/u);
    if (!parts.some((p) => DATE_PART.test(p)) || inChrome(el)) continue;
    const a = el.attribs;
    for (const v of [a.datetime, a.title, a['data-datetime'], a.content, elementText(el)]) if (v && v.trim() !== '') classed.push(v);
  }
  return [...times, ...classed];
}
