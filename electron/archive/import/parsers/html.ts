// HTML pages: metadata from <head> (og:title, article:published_time, author),
// the body from <article> or the main content, with headings, lists, quotes,
// links and bold/italic kept as Lexical nodes. Scripts, styles, navigation,
// forms and comments are dropped; only http(s) and mailto links survive.
import { parseDocument } from 'htmlparser2';
import { bodyState } from '../../../../shared/editor/build.ts';
import { collapseSpaces } from '../text.ts';
import { guessLanguage, resolveDates } from './dates.ts';
import { blocksFromHtml, type HtmlNode, isElement, textOf, type HtmlElement } from './htmlBlocks.ts';
import { capNesting } from './nesting.ts';
import type { ParsedArticle, ParseInput, Parser } from './types.ts';

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

export function parseHtml(input: ParseInput): ParsedArticle {
  const markup = capNesting(input.text, false);
  const doc = parseDocument(markup.text, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const all = descendants(doc.children);
  const meta = (key: string) => {
    const el = all.find((e) => e.name === 'meta' && (e.attribs.property === key || e.attribs.name === key || e.attribs.itemprop === key));
    const v = el?.attribs.content?.trim();
    return v ? v : null;
  };
  const root =
    all.find((e) => e.name === 'article') ??
    all.find((e) => e.name === 'main' || e.attribs.role === 'main' || e.attribs.itemprop === 'articleBody') ??
    all.find((e) => e.name === 'body') ??
    doc;
  const inRoot = root === doc ? all : descendants(root.children);
  const h1 = inRoot.find((e) => e.name === 'h1') ?? all.find((e) => e.name === 'h1');
  const titleEl = all.find((e) => e.name === 'title');
  const headline = collapseSpaces((h1 ? textOf(h1) : null) || meta('og:title') || (titleEl ? textOf(titleEl) : '') || '');
  const authorLink = inRoot.find((e) => e.attribs.rel?.split(/\s+/u).includes('author')) ?? all.find((e) => e.attribs.rel === 'author' && e.name !== 'link');
  const bylineEl = inRoot.find((e) => /\bbyline\b/iu.test(e.attribs.class ?? ''));
  const byline = collapseSpaces(meta('author') ?? meta('article:author') ?? (authorLink ? textOf(authorLink) : null) ?? (bylineEl ? textOf(bylineEl) : '') ?? '');
  const timeEl = inRoot.find((e) => e.name === 'time') ?? all.find((e) => e.name === 'time');
  const posted = meta('article:published_time') ?? meta('datePublished') ?? meta('date') ?? timeEl?.attribs.datetime ?? (timeEl ? textOf(timeEl) : null);
  const updated = meta('article:modified_time') ?? meta('dateModified') ?? meta('last-modified');
  const dates = resolveDates(input.zone, posted, updated);
  // The headline and byline are fields; keep them out of the body text.
  const skip = new Set<HtmlNode>([h1, bylineEl, authorLink && authorLink.name !== 'a' ? authorLink : undefined].filter((x): x is HtmlElement => x !== undefined));
  const blocks = blocksFromHtml(root === doc ? doc.children : root.children, skip);
  const htmlEl = all.find((e) => e.name === 'html');
  const keywords = meta('keywords');
  const tags = all.filter((e) => e.name === 'meta' && e.attribs.property === 'article:tag').map((e) => e.attribs.content?.trim() ?? '');
  const text = blocks.length > 0 ? textOf(root) : '';
  return {
    fields: {
      headline,
      dek: collapseSpaces(meta('description') ?? meta('og:description') ?? ''),
      byline,
      section: meta('article:section') ?? '',
      tags: (tags.length > 0 ? tags : (keywords?.split(',') ?? [])).map((t) => t.trim()).filter((t) => t !== ''),
      language: declaredLanguage(htmlEl?.attribs.lang) ?? guessLanguage(text),
      ...dates.fields,
    },
    body: bodyState(blocks),
    flags: [...(blocks.length === 0 ? ['no-body'] : []), ...(markup.capped ? ['deep-nesting'] : [])],
    zoneAssumed: dates.zoneAssumed,
  };
}

function descendants(nodes: readonly HtmlNode[]): HtmlElement[] {
  const out: HtmlElement[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as HtmlNode;
    if (!isElement(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as HtmlNode);
  }
  return out;
}

/** The primary subtag of `<html lang>`; none for a missing one or "und" (undetermined: what our own export writes when the language is unknown). */
function declaredLanguage(lang: string | undefined): string | undefined {
  const primary = lang?.split(/[-_]/u)[0]?.toLowerCase();
  return primary && primary !== 'und' ? primary : undefined;
}
