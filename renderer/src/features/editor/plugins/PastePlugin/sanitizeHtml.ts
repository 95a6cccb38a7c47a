// Clipboard HTML from Word, Google Docs and web pages, reduced to structure:
// headings, paragraphs, lists, quotes, links and emphasis. Everything runs on
// an inert DOMParser document (no scripts run, no images load), and what is
// left goes through Lexical's import, which only knows the registry's nodes.
import { isSafeUrl } from '../../links.ts';

const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'img', 'picture', 'video', 'audio', 'source', 'track', 'canvas', 'map', 'area', 'link', 'meta', 'base', 'title', 'head',
  'form', 'input', 'button', 'select', 'option', 'textarea', 'dialog', 'portal', 'xml',
]);

// The CSS that carries emphasis in Docs and Word (spans, not <b>/<i>); all other properties go.
const KEPT_STYLE = ['font-weight', 'font-style', 'text-decoration', 'text-decoration-line', 'vertical-align'];

export function sanitizePastedHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  removeComments(doc);
  convertWordLists(doc);
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.localName;
    // Namespaced Office tags (o:p, v:shape, w:…) and dropped tags go with their content.
    if (DROP.has(tag) || tag.includes(':')) {
      el.remove();
      continue;
    }
    cleanAttributes(el);
  }
  return doc;
}

function cleanAttributes(el: Element): void {
  const style = keptStyle(el);
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    if (name === 'href' && el.localName === 'a' && isSafeUrl(attr.value)) continue;
    if (name === 'start' && el.localName === 'ol' && /^\d{1,6}$/.test(attr.value)) continue;
    el.removeAttribute(attr.name);
  }
  if (style !== '') el.setAttribute('style', style);
}

function keptStyle(el: Element): string {
  const decl = (el as HTMLElement).style;
  if (!decl || decl.length === 0) return '';
  const parts: string[] = [];
  for (const prop of KEPT_STYLE) {
    const value = decl.getPropertyValue(prop);
    if (value && /^[a-z0-9 -]+$/i.test(value)) parts.push(`${prop}: ${value}`);
  }
  return parts.join('; ');
}

function removeComments(doc: Document): void {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) comments.push(n);
  for (const c of comments) c.parentNode?.removeChild(c);
}

/**
 * Word writes list items as paragraphs styled `mso-list: lN levelN` with the
 * bullet or number in a `mso-list: Ignore` span. Rebuild them as real lists.
 */
function convertWordLists(doc: Document): void {
  const paragraphs = Array.from(doc.body.querySelectorAll('p')).filter((p) => /mso-list:\s*l\d/i.test(p.getAttribute('style') ?? ''));
  let list: HTMLElement | null = null;
  for (const p of paragraphs) {
    const marker = Array.from(p.querySelectorAll('span')).find((s) => /mso-list:\s*ignore/i.test(s.getAttribute('style') ?? ''));
    const markerText = marker?.textContent?.trim() ?? '';
    marker?.remove();
    const ordered = /^[(]?[0-9a-z]{1,4}[.)]$/i.test(markerText);
    const previous = p.previousElementSibling;
    if (!list || previous !== list || (list.localName === 'ol') !== ordered) {
      list = doc.createElement(ordered ? 'ol' : 'ul');
      p.before(list);
    }
    const li = doc.createElement('li');
    while (p.firstChild) li.appendChild(p.firstChild);
    list.appendChild(li);
    p.remove();
  }
}
