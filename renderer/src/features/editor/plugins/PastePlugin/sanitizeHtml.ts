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
  const emphasis = emphasisFromStyle(el);
  for (const attr of Array.from(el.attributes)) {
    const name = attr.name.toLowerCase();
    if (name === 'href' && el.localName === 'a' && isSafeUrl(attr.value)) continue;
    if (name === 'start' && el.localName === 'ol' && /^\d{1,6}$/.test(attr.value)) continue;
    el.removeAttribute(attr.name);
  }
  // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold.
  if ((el.localName === 'b' || el.localName === 'strong') && emphasis.notBold) {
    el.replaceWith(...Array.from(el.childNodes));
    return;
  }
  for (const tag of emphasis.tags) {
    const wrapper = el.ownerDocument.createElement(tag);
    while (el.firstChild) wrapper.appendChild(el.firstChild);
    el.appendChild(wrapper);
  }
}

/**
 * Docs and Word carry emphasis in CSS on spans, not in <b>/<i>. Turn it into
 * tags before every style attribute is dropped, so the import never has to
 * read CSS (and no CSS ever reaches the stored text).
 */
function emphasisFromStyle(el: Element): { tags: string[]; notBold: boolean } {
  const decl = parseStyle(el.getAttribute('style') ?? '');
  if (decl.size === 0) return { tags: [], notBold: false };
  const tags: string[] = [];
  const weight = decl.get('font-weight') ?? '';
  const numeric = Number.parseInt(weight, 10);
  if (weight === 'bold' || weight === 'bolder' || numeric >= 600) tags.push('strong');
  const style = decl.get('font-style') ?? '';
  if (style === 'italic' || style.startsWith('oblique')) tags.push('em');
  const decoration = `${decl.get('text-decoration-line') ?? ''} ${decl.get('text-decoration') ?? ''}`;
  if (decoration.includes('underline')) tags.push('u');
  if (decoration.includes('line-through')) tags.push('s');
  return { tags, notBold: weight === 'normal' || (numeric > 0 && numeric < 600) };
}

/**
 * The style attribute read as text: the page's CSP (style-src 'self') keeps
 * inline styles out of the CSSOM even in a DOMParser document, so el.style is empty.
 */
export function parseStyle(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    out.set(part.slice(0, colon).trim().toLowerCase(), part.slice(colon + 1).replace(/!important/i, '').trim().toLowerCase());
  }
  return out;
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
