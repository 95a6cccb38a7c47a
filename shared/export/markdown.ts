// Markdown (CommonMark + GFM strikethrough) with YAML front matter. Text is
// escaped so it reads back as the same text: no character of an article can
// open a tag, a link, an image, an entity, a heading or a list. Markdown
// renderers pass raw HTML through, so `<` is always escaped; a `!` that ends
// the text right before a link is escaped, or `Wow!` + a link would render as
// a remote image (issue 14). Underline has no Markdown form and is dropped
// (the words stay).
import type { BlockNode, BodyState, ListItemNode, SerializedList } from '../editor/serialized.ts';
import { TEXT_FORMAT } from '../editor/serialized.ts';
import { frontMatter } from './frontMatter.ts';
import { isBlank, type Run, toRuns, trimBreaks } from './runs.ts';
import type { ExportArticle } from './types.ts';

export function renderMarkdown(article: ExportArticle): string {
  const body = bodyToMarkdown(article.body);
  return `${frontMatter(article)}${body === '' ? '' : `\n${body}\n`}`;
}

export function bodyToMarkdown(body: BodyState): string {
  const children = Array.isArray(body?.root?.children) ? body.root.children : [];
  const out: string[] = [];
  let previousList: string | null = null;
  let alternate = false;
  for (const block of children) {
    // Two lists of the same kind in a row would read back as one list; CommonMark
    // ends a list when the marker changes (- and *, . and )).
    if (block?.type === 'list') {
      alternate = previousList === block.listType ? !alternate : false;
    }
    const md = blockToMarkdown(block, alternate);
    if (md === '') continue;
    out.push(md);
    previousList = block.type === 'list' ? block.listType : null;
  }
  return out.join('\n\n');
}

function blockToMarkdown(block: BlockNode, alternate = false): string {
  switch (block.type) {
    case 'paragraph':
      return inline(block.children);
    case 'heading': {
      const text = inline(block.children, true);
      const level = block.tag === 'h3' ? 3 : block.tag === 'h4' || block.tag === 'h5' || block.tag === 'h6' ? 4 : 2;
      return text === '' ? '' : `${'#'.repeat(level)} ${text}`;
    }
    case 'quote': {
      const text = inline(block.children);
      return text === '' ? '' : prefixLines(text, '> ', '> ');
    }
    case 'list':
      return listToMarkdown(block, alternate);
    case 'horizontalrule':
      return '---';
    default:
      return '';
  }
}

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first : rest) + line)
    .join('\n');
}

function listToMarkdown(list: SerializedList, alternate = false): string {
  const ordered = list.listType === 'number';
  const bullet = alternate ? '* ' : '- ';
  const delimiter = alternate ? ')' : '.';
  let n = Number.isInteger(list.start) && list.start >= 0 ? list.start : 1;
  const items: string[] = [];
  for (const item of Array.isArray(list.children) ? list.children : []) {
    if (item?.type !== 'listitem') continue;
    const { text, nested } = itemParts(item);
    if (text === '' && nested.length > 0 && items.length > 0) {
      // Lexical's "item holding only a nested list" belongs to the item before it.
      const indent = ' '.repeat(markerWidth(ordered, n - 1));
      items[items.length - 1] += `\n${nested.map((l) => prefixLines(l, indent, indent)).join('\n')}`;
      continue;
    }
    if (text === '' && nested.length === 0) continue;
    const marker = ordered ? `${n}${delimiter} ` : bullet;
    const indent = ' '.repeat(marker.length);
    let md = prefixLines(text === '' ? '' : text, marker, indent);
    if (nested.length > 0) md += `\n${nested.map((l) => prefixLines(l, indent, indent)).join('\n')}`;
    items.push(md);
    n += 1;
  }
  return items.join('\n');
}

function markerWidth(ordered: boolean, n: number): number {
  return ordered ? `${n}. `.length : 2;
}

function itemParts(item: ListItemNode): { text: string; nested: string[] } {
  const inlineNodes = [];
  const nested: string[] = [];
  for (const child of Array.isArray(item.children) ? item.children : []) {
    if (child?.type === 'list') {
      const md = listToMarkdown(child);
      if (md !== '') nested.push(md);
    } else inlineNodes.push(child);
  }
  return { text: inline(inlineNodes), nested };
}

/** Inline content; lines are joined by CommonMark hard breaks (a backslash at line end). */
function inline(nodes: unknown, singleLine = false): string {
  const runs = toRuns(Array.isArray(nodes) ? nodes : []);
  if (isBlank(runs)) return '';
  const state = { lineStart: true };
  return runsToMarkdown(trimBreaks(runs), state, singleLine)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

function runsToMarkdown(runs: readonly Run[], state: { lineStart: boolean }, singleLine: boolean): string {
  let out = '';
  for (const run of runs) {
    if (run.kind === 'break') {
      // A heading is one line in Markdown: its breaks become spaces.
      out += singleLine ? ' ' : '\\\n';
      state.lineStart = !singleLine;
    } else if (run.kind === 'link') {
      // `![` opens an image: the text's own `!` before a link stays text.
      if (/(^|[^\\])(\\\\)*!$/.test(out)) out = `${out.slice(0, -1)}\\!`;
      const label = runsToMarkdown(run.runs, state, true);
      out += `[${label}](<${run.href.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c))}>)`;
      state.lineStart = false;
    } else {
      out += formatted(run.text, run.format, state);
    }
  }
  return out;
}

function formatted(text: string, format: number, state: { lineStart: boolean }): string {
  const flat = text.replace(/\r\n|[\r\n]/g, ' ');
  // Emphasis delimiters must touch the words: `** x**` is not bold. Keep the
  // spaces outside the markers.
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(flat) as RegExpExecArray;
  const [, rawLead = '', core = '', trail = ''] = m;
  // Whitespace at the start of a line would indent it into a code block.
  const lead = state.lineStart ? '' : rawLead;
  if (core === '') return state.lineStart ? '' : flat;
  let open = '';
  if (format & TEXT_FORMAT.bold) open += '**';
  if (format & TEXT_FORMAT.italic) open += '*';
  if (format & TEXT_FORMAT.strikethrough) open += '~~';
  const close = Array.from(open.matchAll(/\*\*|\*|~~/g), (x) => x[0]).reverse().join('');
  const atStart = state.lineStart && lead === '' && open === '';
  state.lineStart = false;
  return `${lead}${open}${escapeMarkdown(core, atStart)}${close}${trail}`;
}

/** Backslash-escape what CommonMark/GFM would read as markup. */
export function escapeMarkdown(text: string, atLineStart: boolean): string {
  let out = text
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    // An ampersand only matters when it could start an entity.
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
  if (atLineStart) {
    out = out.replace(/^(\s*)([#+\-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  }
  return out;
}
