// Markdown with optional YAML front matter. Blocks: ATX headings, paragraphs,
// block quotes, bullet and numbered lists, rules, fenced code (kept as code-
// formatted text). The headline is the front matter title, else the first H1.
import { parse as parseYaml } from 'yaml';
import { bodyState, heading, horizontalRule, lineBreak, list, quote, textNode } from '../../../../shared/editor/build.ts';
import { TEXT_FORMAT } from '../../../../shared/editor/serialized.ts';
import type { BlockNode, InlineNode } from '../../../../shared/editor/serialized.ts';
import { collapseSpaces } from '../text.ts';
import { guessLanguage, resolveDates } from './dates.ts';
import { para } from './blocks.ts';
import { inlineMarkdown } from './inline.ts';
import { joinWrapped } from './paragraphs.ts';
import type { ParsedArticle, ParseInput, Parser } from './types.ts';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/u;

export const markdownParser: Parser = {
  name: 'markdown',
  detect(input) {
    const { head } = input;
    if (input.ext === 'md' || input.ext === 'markdown' || input.ext === 'mdown') return 0.9;
    return FRONT_MATTER.test(head) ? 0.7 : 0;
  },
  parse(input) {
    return [parseMarkdown(input)];
  },
};

export function parseMarkdown(input: ParseInput): ParsedArticle {
  const flags: string[] = [];
  let meta: Record<string, unknown> = {};
  let text = input.text;
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    text = text.slice(fm[0].length);
    try {
      const parsed: unknown = parseYaml(fm[1] ?? '');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
    } catch {
      flags.push('bad-front-matter');
    }
  }
  const blocks = parseBlocks(text);
  let headline = str(meta.title) ?? str(meta.headline) ?? '';
  if (headline === '') {
    const h1 = blocks.findIndex((b) => b.type === 'heading' && b.tag === 'h1');
    const firstText = h1 >= 0 ? h1 : blocks.findIndex((b) => b.type === 'paragraph');
    if (firstText >= 0) {
      headline = collapseSpaces(plain((blocks[firstText] as { children: InlineNode[] }).children));
      blocks.splice(firstText, 1);
    }
  }
  const dates = resolveDates(input.zone, str(meta.date ?? meta.posted ?? meta.published), str(meta.updated ?? meta.modified ?? meta.lastmod));
  const tags = meta.tags ?? meta.keywords;
  const tagList = Array.isArray(tags) ? tags.map(String) : typeof tags === 'string' ? tags.split(',').map((t) => t.trim()) : [];
  const author = meta.byline ?? meta.author ?? meta.authors;
  const fields: ParsedArticle['fields'] = {
    headline,
    dek: str(meta.dek ?? meta.description ?? meta.subtitle ?? meta.summary) ?? '',
    byline: Array.isArray(author) ? author.map(String).join(', ') : (str(author) ?? ''),
    section: str(meta.section ?? meta.category) ?? '',
    tags: tagList.filter((t) => t !== ''),
    language: str(meta.language ?? meta.lang) ?? guessLanguage(text),
    ...dates.fields,
  };
  const slug = str(meta.slug);
  if (slug) fields.slug = slug;
  if (blocks.length === 0) flags.push('no-body');
  return { fields, body: bodyState(blocks), flags, zoneAssumed: dates.zoneAssumed };
}

function parseBlocks(text: string): BlockNode[] {
  const lines = text.split('\n');
  const blocks: BlockNode[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push(para(inlineLines(pending)));
    pending = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    const t = line.trim();
    let m: RegExpExecArray | null;
    if (t === '') {
      flush();
    } else if ((m = /^(#{1,6})(?:[ \t]+(.*?))??(?:[ \t]+#+)?[ \t]*$/u.exec(t))) {
      // A closing run of # needs a space before it: `## C#` keeps its #.
      flush();
      const children = inlineMarkdown(m[2] ?? '');
      if (children.length > 0) blocks.push(heading(`h${m[1]?.length ?? 1}` as 'h1', children));
    } else if (/^(?:-{3,}|\*{3,}|_{3,})$/u.test(t.replace(/\s/g, ''))) {
      flush();
      blocks.push(horizontalRule());
    } else if (/^(```|~~~)/u.test(t)) {
      flush();
      const fence = t.slice(0, 3);
      const code: string[] = [];
      for (i += 1; i < lines.length && !(lines[i] as string).trim().startsWith(fence); i += 1) code.push(lines[i] as string);
      if (code.length > 0) blocks.push(para(codeLines(code)));
    } else if (t.startsWith('>')) {
      flush();
      const quoted: string[] = [];
      for (; i < lines.length && (lines[i] as string).trim().startsWith('>'); i += 1)
        quoted.push((lines[i] as string).trim().replace(/^>\s?/u, ''));
      i -= 1;
      blocks.push(quote(inlineLines(quoted.filter((q) => q !== ''))));
    } else if ((m = /^([-*+]|\d{1,9}[.)])\s+/u.exec(t))) {
      flush();
      const numbered = /\d/u.test(m[1] ?? '');
      const start = numbered ? Number.parseInt(m[1] ?? '1', 10) : 1;
      const items: string[][] = [];
      const item = numbered ? /^\d{1,9}[.)]\s+(.*)$/u : /^[-*+]\s+(.*)$/u;
      for (; i < lines.length; i += 1) {
        const l = (lines[i] as string).trim();
        const im = item.exec(l);
        if (im) items.push([im[1] ?? '']);
        else if (l !== '' && /^\s+/u.test(lines[i] as string) && items.length > 0) items[items.length - 1]?.push(l);
        else break;
      }
      i -= 1;
      blocks.push(list(numbered ? 'number' : 'bullet', items.map(inlineLines), start));
    } else {
      pending.push(t);
    }
  }
  flush();
  return blocks;
}

/**
 * The lines of one paragraph, quote or list item: joined as wrapped text,
 * except after a line ending in an unescaped backslash, CommonMark's hard line
 * break (what the Markdown exporter writes for a line break). On the last line
 * the backslash is literal.
 */
function inlineLines(lines: readonly string[]): InlineNode[] {
  const out: InlineNode[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length > 0) out.push(...inlineMarkdown(joinWrapped(group)));
    group = [];
  };
  lines.forEach((line, i) => {
    const trailing = /\\*$/u.exec(line)?.[0].length ?? 0;
    if (i < lines.length - 1 && trailing % 2 === 1) {
      group.push(line.slice(0, -1).trimEnd());
      flush();
      out.push(lineBreak());
    } else group.push(line);
  });
  flush();
  return out;
}

/** Code keeps its lines: code-formatted text with line breaks between them. */
export function codeLines(lines: readonly string[]): InlineNode[] {
  const out: InlineNode[] = [];
  lines.forEach((line, i) => {
    if (i > 0) out.push(lineBreak());
    if (line !== '') out.push(textNode(line, TEXT_FORMAT.code));
  });
  return out;
}

function plain(nodes: InlineNode[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'link' || n.type === 'autolink' ? plain(n.children) : ' ')).join('');
}

function str(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}
