// HTML files, two ways. A saved newsroom page (a web capture: readerable text
// among navigation, ads and asides) has its story extracted by Mozilla
// Readability (web/extract.ts). Any other HTML (a hand-written story, a
// fragment, an export of our own) is read as it is: the body from <article>
// or the main content. Either way the fields come from the page's metadata in
// one precedence (web/fields.ts), the body keeps headings, lists, quotes,
// links and bold/italic as Lexical nodes, scripts, styles, navigation, forms
// and comments are dropped, and only http(s) and mailto links survive.
import { parseDocument } from 'htmlparser2';
import { bodyState } from '../../../../shared/editor/build.ts';
import type { BlockNode } from '../../../../shared/editor/serialized.ts';
import { bodyToParagraphs } from '../../../../shared/editor/plainText.ts';
import { guessLanguage } from './dates.ts';
import { blocksFromHtml, type HtmlElement, type HtmlNode, textOf } from './htmlBlocks.ts';
import { capNesting } from './nesting.ts';
import type { ParsedArticle, ParseInput, Parser } from './types.ts';
import { descendants, PARSE_OPTIONS, sameText, treeShape } from './web/dom.ts';
import { extractStory } from './web/extract.ts';
import { pageFields, type PageFields } from './web/fields.ts';
import { readPageMeta } from './web/pageMeta.ts';
import { hasChrome, isProbablyReaderable } from './web/readerable.ts';

export const htmlParser: Parser = {
  name: 'html',
  detect(input) {
    const { head } = input;
    if (input.ext === 'html' || input.ext === 'htm' || input.ext === 'xhtml') return 0.9;
    return /^\s*(?:<!doctype html|<html[\s>])/iu.test(head) ? 0.8 : 0;
  },
  parse(input) {
    return [parseHtml(input)];
  },
};

/** Flag on an article whose story Readability extracted from a saved page. */
export const WEB_CAPTURE_FLAG = 'web-capture';

export function parseHtml(input: ParseInput): ParsedArticle {
  // Bound the depth before any parser sees the markup (nesting.ts).
  const markup = capNesting(input.text, false);
  const doc = parseDocument(markup.text, PARSE_OPTIONS);
  const all = descendants(doc.children);
  const meta = readPageMeta(all);
  const flags = markup.capped ? ['deep-nesting'] : [];
  if (isWebCapture(doc.children, all, markup.capped)) {
    const capture = pageFields(meta, { path: 'capture', rootElements: all, zone: input.zone });
    const story = readStory(doc, capture.identity?.id ?? null);
    const blocks = story ? withoutRepeatedHeadline(blocksFromHtml(story), capture.fields.headline ?? '') : [];
    if (blocks.length > 0) return article(capture, blocks, [...flags, WEB_CAPTURE_FLAG]);
  }
  return simplePage(doc, all, meta, input, flags);
}

/**
 * Readability's page shapes: real newsroom pages nest at most 24 levels and
 * hold at most 2,025 elements (the 18 saved pages); past these bounds its time
 * grows faster than the page (999 nested paragraphs: 6 s), so such a file, a
 * generator's or a hostile one, is read as written.
 */
export const CAPTURE_LIMITS = { depth: 80, elements: 10_000 } as const;

/** Readability only for a page with chrome to remove and a story to find, in the shape real pages have. */
function isWebCapture(nodes: readonly HtmlNode[], all: readonly HtmlElement[], capped: boolean): boolean {
  if (capped || all.length > CAPTURE_LIMITS.elements || !hasChrome(all) || !isProbablyReaderable(all)) return false;
  return treeShape(nodes).depth <= CAPTURE_LIMITS.depth;
}

/** Readability's story, or null when it finds none or fails on the page (the page is then read as written). */
function readStory(doc: ReturnType<typeof parseDocument>, baseUrl: string | null): HtmlNode[] | null {
  try {
    return extractStory(doc, baseUrl);
  } catch {
    return null;
  }
}

/** The body from <article> (the one with the most text, when a page lists several), <main> or <body>, as written. */
function simplePage(doc: ReturnType<typeof parseDocument>, all: HtmlElement[], meta: ReturnType<typeof readPageMeta>, input: ParseInput, flags: string[]): ParsedArticle {
  const articles = all.filter((e) => e.name === 'article');
  const root =
    (articles.length > 1 ? longest(articles) : articles[0]) ??
    all.find((e) => e.name === 'main' || e.attribs.role === 'main' || e.attribs.itemprop === 'articleBody') ??
    all.find((e) => e.name === 'body') ??
    doc;
  const inRoot = root === doc ? all : descendants(root.children);
  const page = pageFields(meta, { path: 'simple', rootElements: inRoot, zone: input.zone });
  // The headline and byline are fields; keep them out of the body text.
  const headline = page.fields.headline ?? '';
  const h1 = page.headlineElement ?? inRoot.find((e) => e.name === 'h1' && sameText(textOf(e), headline));
  const authorLink = inRoot.find((e) => e.attribs.rel?.split(/\s+/u).includes('author')) ?? all.find((e) => e.attribs.rel === 'author' && e.name !== 'link');
  const bylineEl = inRoot.find((e) => /\bbyline\b/iu.test(e.attribs.class ?? ''));
  const skip = new Set<HtmlNode>([h1, bylineEl, authorLink && authorLink.name !== 'a' ? authorLink : undefined].filter((x): x is HtmlElement => x !== undefined));
  const blocks = blocksFromHtml(root === doc ? doc.children : root.children, skip);
  return article(page, blocks, [...(blocks.length === 0 ? ['no-body'] : []), ...flags], () => textOf(root));
}

function article(page: PageFields, blocks: BlockNode[], flags: string[], text?: () => string): ParsedArticle {
  const body = bodyState(blocks);
  const language = page.fields.language || (blocks.length > 0 ? guessLanguage(text ? text() : bodyToParagraphs(body).join('\n')) : '');
  return {
    fields: { ...page.fields, language },
    body,
    ...(page.identity ? { identity: page.identity } : {}),
    flags,
    zoneAssumed: page.zoneAssumed,
  };
}

function longest(elements: readonly HtmlElement[]): HtmlElement | undefined {
  let best: HtmlElement | undefined;
  let bestLength = -1;
  for (const el of elements) {
    const n = textOf(el).length;
    if (n > bestLength) [best, bestLength] = [el, n];
  }
  return best;
}

/** Readability keeps the story's title in the content when the page's <title> differs from it: the headline is a field, not the first paragraph. */
function withoutRepeatedHeadline(blocks: BlockNode[], headline: string): BlockNode[] {
  let start = 0;
  while (start < blocks.length && start < 2 && headline !== '' && isText(blocks[start] as BlockNode) && sameText(blockText(blocks[start] as BlockNode), headline)) start += 1;
  return start === 0 ? blocks : blocks.slice(start);
}

function isText(block: BlockNode): boolean {
  return block.type === 'heading' || block.type === 'paragraph';
}

function blockText(block: BlockNode): string {
  return bodyToParagraphs(bodyState([block])).join(' ');
}
