// An HTML body carried inside a JSON field (ninjs body_html / bodies[],
// digitalwires article_html) into Lexical blocks, without the parts that are
// fields rather than copy: a leading <h1> repeating the headline, and a
// dateline element (`<span class="dateline">New York <span class="credit">(dpa)</span> - </span>`),
// which is returned so the caller can use it as the dateline.
import { parseDocument } from 'htmlparser2';
import type { BlockNode } from '../../../../../shared/editor/serialized.ts';
import { blocksFromHtml, type HtmlElement, type HtmlNode, isElement, textOf } from '../htmlBlocks.ts';
import { capNesting } from '../nesting.ts';

export interface HtmlBody {
  blocks: BlockNode[];
  /** Text of the body's dateline element, e.g. `New York (dpa)`; '' when it has none. */
  dateline: string;
  /** Markup was nested too deep to keep as structure (flag `deep-nesting`). */
  capped: boolean;
}

/** dpa's dateline; TT's `dat` line (topic label and source) is dropped but is no dateline. */
const DATELINE_CLASS = /(?:^|\s)dateline(?:\s|$)/u;
const NOT_COPY_CLASS = /(?:^|\s)(?:dateline|dat)(?:\s|$)/u;

export function htmlBody(html: string, headline: string, xml = false): HtmlBody {
  const markup = capNesting(html, xml);
  const doc = parseDocument(markup.text, { decodeEntities: true, xmlMode: xml, lowerCaseTags: !xml, lowerCaseAttributeNames: !xml });
  const all = descendants(doc.children);
  // A whole document (TT's html5 rendition): its <body>; a NITF document: its body.content.
  const root = all.find((e) => e.name === 'body.content') ?? all.find((e) => e.name === 'body') ?? null;
  const skip = new Set<HtmlNode>();
  let dateline = '';
  const wanted = squash(headline);
  const heading = all.find((e) => e.name === 'h1' || e.name === 'hl1');
  if (heading && wanted !== '' && squash(textOf(heading)) === wanted) skip.add(heading);
  for (const e of all) {
    const cls = e.attribs.class ?? '';
    if (!NOT_COPY_CLASS.test(cls) || hasSkippedAncestor(e, skip)) continue;
    skip.add(e);
    if (dateline === '' && DATELINE_CLASS.test(cls)) dateline = tidyDateline(textOf(e));
  }
  const blocks = blocksFromHtml(root ? root.children : doc.children, skip);
  return { blocks, dateline, capped: markup.capped };
}

/** `New York (dpa) - ` → `New York (dpa)`: the dash joins the dateline to the copy. */
export function tidyDateline(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(/\s*[-–—]+\s*$/u, '').trim();
}

function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

function hasSkippedAncestor(e: HtmlElement, skip: ReadonlySet<HtmlNode>): boolean {
  for (let p = e.parent; p; p = p.parent) if (skip.has(p as HtmlNode)) return true;
  return false;
}

function descendants(nodes: readonly HtmlNode[]): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const n = stack.pop() as HtmlNode;
    if (!isElement(n)) continue;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i -= 1) stack.push(n.children[i] as HtmlNode);
  }
  return out;
}
