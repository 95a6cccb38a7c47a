// The body of an interchange export comes from the same sanitized semantic
// HTML as the HTML export (serializer → allow-list sanitizer), read back as a
// tree and renamed into the target vocabulary (XHTML for NewsML-G2, NITF's
// body.content). Only the elements the sanitizer admits can appear, so each
// vocabulary maps a closed set; anything unmapped keeps its text only.
import { parseDocument } from 'htmlparser2';
import { bodyToHtml } from '../../../../shared/export/html.ts';
import type { ExportArticle } from '../../../../shared/export/types.ts';
import { el, type XmlElement, type XmlNode } from '../../../../shared/export/xml.ts';
import { sanitizeFragment } from '../sanitize.ts';

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;

/** How one sanitized HTML element becomes elements of the target vocabulary (outermost first), or its children only. */
export type Vocabulary = (tag: string, attrs: Readonly<Record<string, string>>, children: readonly ChildNode[]) => XmlElement[] | 'children';

/** The sanitized body HTML of an article: exactly the `fragment` export's markup. */
export function sanitizedBody(article: Pick<ExportArticle, 'body'>): string {
  const html = bodyToHtml(article.body);
  return html === '' ? '' : sanitizeFragment(html);
}

/** The body's blocks in the target vocabulary. Whitespace-only text between blocks is dropped. */
export function bodyMarkup(article: Pick<ExportArticle, 'body'>, vocabulary: Vocabulary): XmlNode[] {
  const doc = parseDocument(sanitizedBody(article), { decodeEntities: true });
  const root: XmlElement = el('root');
  // Iterative: list items may nest lists to any depth.
  const stack: Array<{ nodes: readonly ChildNode[]; into: XmlElement; topLevel: boolean }> = [{ nodes: doc.children, into: root, topLevel: true }];
  while (stack.length > 0) {
    const { nodes, into, topLevel } = stack.pop() as (typeof stack)[number];
    for (const node of nodes) {
      if (node.type === 'text') {
        if (topLevel && node.data.trim() === '') continue;
        into.children.push(node.data);
        continue;
      }
      if (node.type !== 'tag') continue;
      const element = node as Element;
      const mapped = vocabulary(element.name, element.attribs, element.children);
      if (mapped === 'children') {
        stack.push({ nodes: element.children, into, topLevel });
        continue;
      }
      const [outer, ...inner] = mapped;
      if (!outer) continue;
      // <em> directly inside <em> (bold italic in NITF) adds nothing.
      if (inner.length === 0 && outer.name === into.name && outer.attrs.length === 0 && into.attrs.length === 0) {
        stack.push({ nodes: element.children, into, topLevel });
        continue;
      }
      let innermost = outer;
      for (const next of inner) {
        innermost.children.push(next);
        innermost = next;
      }
      into.children.push(outer);
      stack.push({ nodes: element.children, into: innermost, topLevel: false });
    }
  }
  return root.children;
}

/** True when an HTML element's children include block-level elements. */
export function hasBlockChildren(children: readonly ChildNode[]): boolean {
  return children.some((c) => c.type === 'tag' && ['p', 'ul', 'ol', 'h2', 'h3', 'h4', 'blockquote', 'hr'].includes((c as Element).name));
}
