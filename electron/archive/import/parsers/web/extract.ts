// The story of a saved page, by Mozilla Readability. Readability runs on
// Mozilla's own JSDOMParser (the small DOM Firefox's reader view uses in a
// worker), fed a well-formed serialization of the tree htmlparser2 already
// built: htmlparser2 does the forgiving HTML parsing (implied end tags,
// unquoted attributes, stray `<`), JSDOMParser then only reads balanced
// markup, which is what it requires (jsdomTree.ts builds the document it
// would read from that markup directly). Neither can run a script or fetch
// anything: JSDOMParser is a plain data structure with no window, no
// network and no script engine, and scripts, frames and embeds are removed
// before it sees the page. Measured against linkedom, happy-dom and jsdom in
// README ("Web pages").
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type JSDOMParserClass from '@mozilla/readability/JSDOMParser.js';
import render from 'dom-serializer';
import { parseDocument } from 'htmlparser2';
import { type HtmlElement, type HtmlNode, isElement, textOf } from '../htmlBlocks.ts';
import { PARSE_OPTIONS } from './dom.ts';
import { buildJsdomDocument, needsRoundTrip } from './jsdomTree.ts';

/** Never content, and never to reach any DOM: code, frames, embeds, vector art, comments. */
// Also every element whose text a serializer writes raw (xmp, noembed, noframes, plaintext): JSDOMParser would read it as markup.
const REMOVE = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'xmp', 'noembed', 'noframes', 'plaintext',
]);

type Parent = { children: HtmlNode[] };

// Loaded on the first web capture, not at start-up: most imports (and every
// CLI command, every prepare worker) never meet one.
const requireLib = createRequire(import.meta.url);
let lib: { Readability: typeof ReadabilityClass; JSDOMParser: typeof JSDOMParserClass } | null = null;
function readability(): NonNullable<typeof lib> {
  lib ??= {
    Readability: (requireLib('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
    JSDOMParser: requireLib('@mozilla/readability/JSDOMParser.js') as typeof JSDOMParserClass,
  };
  return lib;
}

/** Remove code, frames, embeds and comments in place (iteratively: the tree may be 1,000 levels deep). */
function strip(root: Parent): void {
  const stack: Parent[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Parent;
    const kept = node.children.filter((c) => c.type !== 'comment' && !('name' in c && REMOVE.has(c.name)));
    if (kept.length !== node.children.length) node.children.splice(0, node.children.length, ...kept);
    for (const c of kept) if ('children' in c) stack.push(c as Parent);
  }
}

/**
 * The tree without code, frames, embeds and comments (changed in place), as
 * balanced markup JSDOMParser reads: every element closed (`<br />`,
 * `<p></p>`), every attribute quoted with a value, text escaped with the
 * entities it decodes (`&amp;`, `&lt;`, `&gt;`, `&#160;`).
 */
export function serializeForJsdomParser(root: Parent): string {
  strip(root);
  const html = render(root.children as Parameters<typeof render>[0], { encodeEntities: 'utf8', selfClosingTags: true, emptyAttrs: true });
  return html.replaceAll('&nbsp;', '&#160;');
}

/**
 * The page as JSDOMParser's document: what it reads from
 * serializeForJsdomParser(root), built from the tree without the markup
 * (jsdomTree.ts) unless the page has a node that build does not follow.
 * `root` is changed as serializeForJsdomParser changes it.
 */
export function jsdomDocumentOf(root: Parent, url: string): unknown {
  const { JSDOMParser } = readability();
  if (needsRoundTrip(root)) return new JSDOMParser().parse(serializeForJsdomParser(root), url);
  strip(root);
  return buildJsdomDocument(JSDOMParser, root, url);
}

/**
 * Readability's article content as htmlparser2 nodes, or null when it finds
 * none. `doc` is changed (scripts and comments removed): read the metadata
 * first. `baseUrl` (the page's canonical URL) makes relative links absolute.
 */
export function extractStory(doc: Parent, baseUrl: string | null): HtmlNode[] | null {
  const { Readability } = readability();
  const dom = jsdomDocumentOf(doc, baseUrl ?? 'about:blank');
  // Classes kept (they do not change what Readability extracts) so photo captions can be told from paragraphs.
  const article = new Readability(dom as ConstructorParameters<typeof ReadabilityClass>[0], { keepClasses: true }).parse();
  const content = article?.content;
  if (typeof content !== 'string' || content.trim() === '') return null;
  const story = parseDocument(content, PARSE_OPTIONS);
  dropCaptions(story);
  return story.children;
}

/** Longest text a caption or photo credit has; a longer element so classed is a container, not a caption. */
const CAPTION_TEXT = 400;

/**
 * Photo captions and credits Readability keeps as paragraphs (`<p
 * class="caption">`, `<span class="pb-caption">`, `<span class="credit">`)
 * are not the story's text: the photos themselves are not imported.
 */
function dropCaptions(root: Parent): void {
  const stack: Parent[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Parent;
    const kept = node.children.filter((c) => !(isElement(c) && isCaption(c)));
    if (kept.length !== node.children.length) node.children.splice(0, node.children.length, ...kept);
    for (const c of kept) if ('children' in c) stack.push(c as Parent);
  }
}

function isCaption(el: HtmlElement): boolean {
  const parts = (el.attribs.class ?? '').toLowerCase().split(/[\s_-]+/u);
  return parts.some((p) => p === 'caption' || p === 'credit') && textOf(el).length <= CAPTION_TEXT;
}
