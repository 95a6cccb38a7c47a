// Markdown with optional YAML front matter. The body is read to CommonMark's
// rules (plus GFM strikethrough and tables) by markdown-it and mapped to
// Lexical blocks (markdown/blocks.ts, markdown/inline.ts). The headline is the
// front matter title, else the first H1, else the first paragraph.
import { bodyState } from '../../../../shared/editor/build.ts';
import type { InlineNode } from '../../../../shared/editor/serialized.ts';
import { guessLanguage, resolveDates } from './dates.ts';
import { readJson } from './json/document.ts';
import { markdownBlocks } from './markdown/blocks.ts';
import { FRONT_MATTER, metaString, splitFrontMatter } from './markdown/frontMatter.ts';
import type { ParsedArticle, ParseInput, Parser } from './types.ts';

export const markdownParser: Parser = {
  name: 'markdown',
  detect(input) {
    const { head } = input;
    // A whole JSON document named .md is JSON (content decides, the extension only breaks ties).
    if (readJson(input)?.ok) return 0;
    if (input.ext === 'md' || input.ext === 'markdown' || input.ext === 'mdown') return 0.9;
    return FRONT_MATTER.test(head) ? 0.7 : 0;
  },
  parse(input) {
    return [parseMarkdown(input)];
  },
};

export function parseMarkdown(input: ParseInput): ParsedArticle {
  const flags: string[] = [];
  const { meta, rest, bad } = splitFrontMatter(input.text);
  if (bad) flags.push('bad-front-matter');
  const { blocks, capped } = markdownBlocks(rest);
  if (capped) flags.push('deep-nesting');
  let headline = metaString(meta.title) ?? metaString(meta.headline) ?? '';
  if (headline === '') {
    const h1 = blocks.findIndex((b) => b.type === 'heading' && b.tag === 'h1');
    const firstText = h1 >= 0 ? h1 : blocks.findIndex((b) => b.type === 'paragraph');
    if (firstText >= 0) {
      headline = plain((blocks[firstText] as { children: InlineNode[] }).children).replace(/\s+/gu, ' ').trim();
      blocks.splice(firstText, 1);
    }
  }
  const dates = resolveDates(input.zone, metaString(meta.date ?? meta.posted ?? meta.published), metaString(meta.updated ?? meta.modified ?? meta.lastmod));
  const tags = meta.tags ?? meta.keywords;
  const tagList = Array.isArray(tags) ? tags.map((t) => metaString(t) ?? '') : typeof tags === 'string' ? (metaString(tags) ?? '').split(',') : [];
  const author = meta.byline ?? meta.author ?? meta.authors;
  const fields: ParsedArticle['fields'] = {
    headline,
    dek: metaString(meta.dek ?? meta.description ?? meta.subtitle ?? meta.summary) ?? '',
    byline: Array.isArray(author) ? author.map((a) => metaString(a) ?? '').filter((a) => a !== '').join(', ') : (metaString(author) ?? ''),
    dateline: metaString(meta.dateline) ?? '',
    section: metaString(meta.section ?? meta.category) ?? '',
    tags: tagList.map((t) => t.trim()).filter((t) => t !== ''),
    language: metaString(meta.language ?? meta.lang) ?? guessLanguage(rest),
    ...dates.fields,
  };
  const slug = metaString(meta.slug);
  if (slug) fields.slug = slug;
  if (blocks.length === 0) flags.push('no-body');
  return { fields, body: bodyState(blocks), flags, zoneAssumed: dates.zoneAssumed };
}

function plain(nodes: readonly InlineNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'link' || n.type === 'autolink' ? plain(n.children) : ' ')).join('');
}
