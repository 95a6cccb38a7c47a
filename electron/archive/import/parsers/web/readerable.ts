// Which HTML files are web captures: a full page whose story sits among
// navigation, ads and asides, where Readability earns its keep. A page
// without such chrome (a hand-written story, an export of our own) keeps the
// simple path, so Readability can never drop a list or a short paragraph of
// it. Measured on the saved pages in ../shared/corpus (README, "Web pages").
import type { HtmlElement } from '../htmlBlocks.ts';
import { hasAncestor } from './dom.ts';

// Readability-readerable.js (Mozilla, Apache-2.0) over htmlparser2's tree,
// same constants: a page is readerable when its visible <p>, <pre>,
// <article> (and <div>s holding <br>) of 140+ characters add up to a score
// over 20 (each adds √(length − 140)). Checked against the library on jsdom
// in readerable.test.ts.
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/iu;
const MAYBE = /and|article|body|column|content|main|shadow/iu;
const MIN_CONTENT = 140;
const MIN_SCORE = 20;

function visible(el: HtmlElement): boolean {
  const a = el.attribs;
  if (/display\s*:\s*none/iu.test(a.style ?? '') || a.hidden !== undefined) return false;
  return a['aria-hidden'] !== 'true' || (a.class ?? '').includes('fallback-image');
}

/** DOM textContent: all descendant text, scripts and styles included, as browsers count it. */
function textLength(el: HtmlElement): number {
  let text = '';
  const stack: unknown[] = [el];
  while (stack.length > 0) {
    const n = stack.pop() as { type?: string; data?: string; children?: unknown[] };
    if (n.type === 'text') text += n.data ?? '';
    else if (n.children) for (let i = n.children.length - 1; i >= 0; i -= 1) stack.push(n.children[i]);
  }
  return text.trim().length;
}

export function isProbablyReaderable(all: readonly HtmlElement[]): boolean {
  const nodes = new Set<HtmlElement>();
  for (const el of all) {
    if (el.name === 'p' || el.name === 'pre' || el.name === 'article') nodes.add(el);
    else if (el.name === 'br' && el.parent && (el.parent as HtmlElement).name === 'div') nodes.add(el.parent as HtmlElement);
  }
  let score = 0;
  for (const el of nodes) {
    if (!visible(el)) continue;
    const match = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    if (UNLIKELY.test(match) && !MAYBE.test(match)) continue;
    if (el.name === 'p' && hasAncestor(el, (a) => a.name === 'li')) continue;
    const length = textLength(el);
    if (length < MIN_CONTENT) continue;
    score += Math.sqrt(length - MIN_CONTENT);
    if (score > MIN_SCORE) return true;
  }
  return false;
}

/** Elements that are a site's chrome, never a story: menus, asides, footers, forms, frames, buttons, scripts that run. */
const CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'iframe', 'button', 'menu']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'complementary', 'contentinfo', 'search']);

/**
 * True when the page carries a site's chrome. Not <header> (a story's own
 * header holds its headline and byline) nor data-only scripts (JSON-LD).
 * Several <article>s count: a page that lists teasers beside its story.
 */
export function hasChrome(all: readonly HtmlElement[]): boolean {
  let articles = 0;
  for (const el of all) {
    if (CHROME_TAGS.has(el.name) || CHROME_ROLES.has(el.attribs.role ?? '')) return true;
    if (el.name === 'script' && !/json/iu.test(el.attribs.type ?? '')) return true;
    if (el.name === 'article' && ++articles > 1) return true;
  }
  return false;
}

