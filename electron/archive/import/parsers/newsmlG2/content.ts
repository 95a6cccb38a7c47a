// A G2 newsItem's contentSet to Lexical blocks. inlineXML holds XHTML or NITF
// (read by nitf/read.ts, whose headline, byline and dateline fill what
// contentMeta leaves out); inlineData holds text (sometimes HTML typed as
// text/plain, ANSA). Several renditions of one story (dpa sends XHTML plus
// IPTC 7901 text renditions of the headline, body and notepad): the XHTML wins,
// else the longest text rendition that is the story, not its headline or notes.
import { Element } from 'domhandler';
import type { ArticleFields } from '../../../../../shared/model/article.ts';
import type { BlockNode } from '../../../../../shared/editor/serialized.ts';
import type { Zone } from '../../../time/zone.ts';
import type { HtmlNode } from '../htmlBlocks.ts';
import { readNitf } from '../nitf/read.ts';
import { blocksFromHtmlString, blocksFromNodes, blocksFromPlainText, looksLikeHtml } from '../xml/blocks.ts';
import { attr, kid, kids, text } from '../xml/query.ts';
import { cleanField } from '../xml/text.ts';
import type { XmlElement } from '../xml/tree.ts';
import { textOf } from '../htmlBlocks.ts';

export interface G2Content {
  blocks: BlockNode[];
  /** What an embedded NITF document says (headline, byline, dateline, …): used where contentMeta is silent. */
  nitf: Partial<ArticleFields> | null;
  capped: boolean;
}

/** Renditions that are not the story: a headline line, the notepad, notes for the desk. */
const NOT_STORY = /(?:^|:)(?:headline|title|public|nonpublic|notepad|note|caption|teaser|abstract|summary|preview|thumbnail)$/iu;

export interface PageFields {
  headline: string;
  byline: string;
  /** The dek and the description: a first paragraph equal to one of them is the teaser, shown as the dek. */
  teasers: string[];
}

export function readContent(item: XmlElement, page: PageFields, zone: Zone): G2Content {
  const set = kid(item, 'contentSet');
  for (const inline of kids(set, 'inlineXML')) {
    const content = fromInlineXml(inline, page, zone);
    if (content.blocks.length > 0) return content;
  }
  const data = kids(set, 'inlineData')
    .filter((d) => !NOT_STORY.test(attr(d, 'rendition')) && textOf(d as HtmlNode).trim() !== '')
    .sort((a, b) => textOf(b as HtmlNode).length - textOf(a as HtmlNode).length)[0];
  if (!data) return { blocks: [], nitf: null, capped: false };
  const raw = textOf(data as HtmlNode, true);
  if (/html/iu.test(attr(data, 'contenttype')) || looksLikeHtml(raw)) {
    const { blocks, capped } = blocksFromHtmlString(raw);
    return { blocks, nitf: null, capped };
  }
  return { blocks: blocksFromPlainText(raw), nitf: null, capped: false };
}

function fromInlineXml(inline: XmlElement, page: PageFields, zone: Zone): G2Content {
  const nitf = kids(inline).find((e) => e.name === 'nitf');
  if (nitf) {
    const story = readNitf(nitf, zone);
    return { blocks: story.blocks, nitf: story.fields, capped: false };
  }
  const html = kids(inline).find((e) => e.name === 'html');
  const body = html ? kid(html, 'body') : null;
  const nodes = body ? body.children : inline.children;
  return { blocks: blocksFromNodes(nodes, { skip: pageFurniture(nodes, page) }), nitf: null, capped: false };
}

/**
 * XHTML bodies repeat what contentMeta already says: dpa's <header> (slugline
 * list, time, genre, <h1> headline, byline) and teaser paragraph, an <h1> equal
 * to the headline, a first paragraph that is only the byline ("By Marwan
 * Makdisi"). They are fields, not body.
 */
function pageFurniture(nodes: readonly Element['children'][number][], page: PageFields): Set<HtmlNode> {
  const skip = new Set<HtmlNode>();
  const elements = nodes.filter((n): n is Element => n instanceof Element);
  for (const el of elements) if (el.name === 'header') skip.add(el as HtmlNode);
  const blocks = elements.flatMap((el) => (el.name === 'section' || el.name === 'div' || el.name === 'article' ? kids(el) : [el])).filter((el) => !skip.has(el as HtmlNode));
  const first = blocks[0];
  const firstText = first ? cleanField(text(first)) : '';
  if (first && (first.name === 'h1' || first.name === 'h2') && firstText === page.headline) skip.add(first as HtmlNode);
  else if (first && first.name === 'p' && page.byline !== '' && (firstText === page.byline || firstText.replace(/^by\s+/iu, '') === page.byline)) skip.add(first as HtmlNode);
  else if (first && first.name === 'p' && firstText !== '' && page.teasers.includes(firstText)) skip.add(first as HtmlNode);
  return skip;
}
