// The body as semantic HTML: p, h2–h4, ul/ol/li, blockquote, hr, a, strong,
// em, u, s, br. No classes, no styles, no empty elements. Every string from the
// article passes through escapeHtmlText/escapeHtmlAttr here.
import type { BlockNode, BodyState, ListItemNode, SerializedList } from '../editor/serialized.ts';
import { TEXT_FORMAT } from '../editor/serialized.ts';
import { escapeHtmlAttr, escapeHtmlText, isExternalHref } from './escape.ts';
import { isBlank, type Run, toRuns, trimBreaks } from './runs.ts';

// Outermost first, so the same formats always nest the same way.
const FORMAT_TAGS: ReadonlyArray<readonly [number, string]> = [
  [TEXT_FORMAT.bold, 'strong'],
  [TEXT_FORMAT.italic, 'em'],
  [TEXT_FORMAT.underline, 'u'],
  [TEXT_FORMAT.strikethrough, 's'],
];

/** The body's blocks, one per line. Empty when the body shows nothing. */
export function bodyToHtml(body: BodyState): string {
  const children = Array.isArray(body?.root?.children) ? body.root.children : [];
  const out: string[] = [];
  for (const block of children) {
    const html = blockToHtml(block);
    if (html !== '') out.push(html);
  }
  return out.join('\n');
}

function blockToHtml(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
      return wrap('p', inlineOf(block.children));
    case 'heading':
      // The headline is the document's only h1; body headings start at h2 and stop at h4.
      return wrap(headingTag(block.tag), inlineOf(block.children));
    case 'quote': {
      const inner = inlineOf(block.children);
      return inner === '' ? '' : `<blockquote><p>${inner}</p></blockquote>`;
    }
    case 'list':
      return listToHtml(block);
    case 'horizontalrule':
      return '<hr />';
    default:
      return '';
  }
}

function headingTag(tag: string): 'h2' | 'h3' | 'h4' {
  if (tag === 'h3') return 'h3';
  if (tag === 'h4' || tag === 'h5' || tag === 'h6') return 'h4';
  return 'h2';
}

function wrap(tag: string, inner: string): string {
  return inner === '' ? '' : `<${tag}>${inner}</${tag}>`;
}

function inlineOf(nodes: unknown): string {
  const runs = toRuns(Array.isArray(nodes) ? nodes : []);
  return isBlank(runs) ? '' : runsToHtml(trimBreaks(runs));
}

function runsToHtml(runs: readonly Run[]): string {
  let out = '';
  for (const run of runs) {
    if (run.kind === 'break') out += '<br />';
    else if (run.kind === 'link') out += linkToHtml(run.href, run.runs);
    else out += formatted(run.text, run.format);
  }
  return out;
}

function linkToHtml(href: string, runs: readonly Run[]): string {
  const rel = isExternalHref(href) ? ' rel="noopener noreferrer"' : '';
  return `<a href="${escapeHtmlAttr(href)}"${rel}>${runsToHtml(runs)}</a>`;
}

function formatted(text: string, format: number): string {
  let html = escapeHtmlText(text);
  if (text.trim() === '') return html; // <strong> </strong> is an empty span by another name
  for (let i = FORMAT_TAGS.length - 1; i >= 0; i -= 1) {
    const [bit, tag] = FORMAT_TAGS[i] as readonly [number, string];
    if (format & bit) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function listToHtml(list: SerializedList): string {
  const tag = list.listType === 'number' ? 'ol' : 'ul';
  const start = tag === 'ol' && Number.isInteger(list.start) && list.start !== 1 ? ` start="${list.start}"` : '';
  // Lexical keeps a nested list in a list item of its own; HTML wants it inside
  // the item it belongs to, so it is folded into the previous item.
  const items: Array<{ inline: string; nested: string[] }> = [];
  for (const item of Array.isArray(list.children) ? list.children : []) {
    if (item?.type !== 'listitem') continue;
    const { inline, nested } = itemParts(item);
    const previous = items[items.length - 1];
    if (inline === '' && nested.length > 0 && previous) previous.nested.push(...nested);
    else if (inline !== '' || nested.length > 0) items.push({ inline, nested });
  }
  if (items.length === 0) return '';
  const lis = items.map((i) => `<li>${[i.inline, ...i.nested].filter((s) => s !== '').join('\n')}</li>`);
  return `<${tag}${start}>\n${lis.join('\n')}\n</${tag}>`;
}

function itemParts(item: ListItemNode): { inline: string; nested: string[] } {
  const inlineNodes = [];
  const nested: string[] = [];
  for (const child of Array.isArray(item.children) ? item.children : []) {
    if (child?.type === 'list') {
      const html = listToHtml(child);
      if (html !== '') nested.push(html);
    } else inlineNodes.push(child);
  }
  return { inline: inlineOf(inlineNodes), nested };
}
