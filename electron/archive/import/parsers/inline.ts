// Inline Markdown (bold, italic, code, strikethrough, links) to Lexical text
// and link nodes. Small on purpose: archives hold prose, not technical docs.
import { linkNode, textNode } from '../../../../shared/editor/build.ts';
import { TEXT_FORMAT } from '../../../../shared/editor/serialized.ts';
import type { InlineNode, SerializedText } from '../../../../shared/editor/serialized.ts';

/** Only these link targets survive an import; `javascript:` and friends become plain text. */
export function safeUrl(url: string): string | null {
  const u = url.trim();
  return /^(?:https?:\/\/|mailto:)/iu.test(u) ? u : null;
}

/** One unit of content inside a delimiter pair: a backslash escape, or a character that is neither the delimiter nor a backslash. */
const unit = (delimiter: string) => String.raw`(?:\\[\s\S]|[^${delimiter}\\])`;
/**
 * Inline tokens, leftmost first. A CommonMark backslash escape (`\*`, `\[`,
 * `\#`: any ASCII punctuation) is a token of its own, so an escaped character
 * can neither open nor close bold, italic, code, a link or strikethrough, and
 * inside a delimiter pair an escape is skipped over as one unit. Code spans
 * take backslashes literally, as CommonMark does.
 */
const TOKEN = new RegExp(
  [
    // \x60 is the backtick (a template literal cannot hold one raw).
    String.raw`\\(?<esc>[!-\/:-@\[-\x60{-~])`,
    String.raw`(?<tick>\x60+)(?<code>[^\x60]+?)\k<tick>`,
    String.raw`\*\*(?<bold1>${unit('*')}+?)\*\*`,
    String.raw`__(?<bold2>${unit('_')}+?)__`,
    String.raw`~~(?<strike>${unit('~')}+?)~~`,
    String.raw`\*(?<em1>(?:\\[\s\S]|[^*\\\s])${unit('*')}*?)\*`,
    String.raw`(?<![\p{L}\p{N}])_(?<em2>(?:\\[\s\S]|[^_\\\s])${unit('_')}*?)_(?![\p{L}\p{N}])`,
    // Destinations as the exporter writes them (<…>, may hold parentheses) or bare.
    String.raw`\[(?<label>${unit('\\]')}*)\]\(\s*(?:<(?<dest1>[^<>\n]*)>|(?<dest2>[^)\s]*))(?:\s+"[^"]*")?\s*\)`,
    String.raw`<(?<auto>(?:https?:\/\/|mailto:)[^>\s]+)>`,
  ].join('|'),
  'gu',
);

export function inlineMarkdown(text: string, format = 0): InlineNode[] {
  const out: InlineNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    const g = m.groups ?? {};
    if (start > last) pushText(out, text.slice(last, start), format);
    if (g.esc !== undefined) pushText(out, g.esc, format);
    else if (g.code !== undefined) pushText(out, g.code, format | TEXT_FORMAT.code);
    else if (g.bold1 !== undefined || g.bold2 !== undefined) out.push(...inlineMarkdown((g.bold1 ?? g.bold2) as string, format | TEXT_FORMAT.bold));
    else if (g.strike !== undefined) out.push(...inlineMarkdown(g.strike, format | TEXT_FORMAT.strikethrough));
    else if (g.em1 !== undefined || g.em2 !== undefined) out.push(...inlineMarkdown((g.em1 ?? g.em2) as string, format | TEXT_FORMAT.italic));
    else if (g.label !== undefined) {
      const url = safeUrl(unescapeMarkdown(g.dest1 ?? g.dest2 ?? ''));
      const children = inlineMarkdown(g.label, format).filter((n): n is SerializedText => n.type === 'text');
      if (url && children.length > 0) out.push(linkNode(url, children));
      else out.push(...children);
    } else if (g.auto !== undefined) {
      out.push(linkNode(g.auto, [textNode(g.auto, format)]));
    }
    last = start + m[0].length;
  }
  if (last < text.length) pushText(out, text.slice(last), format);
  return out;
}

/** CommonMark backslash escapes outside inline parsing (link destinations): `\(` → `(`. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/gu, '$1');
}

function pushText(out: InlineNode[], text: string, format: number): void {
  if (text === '') return;
  const prev = out[out.length - 1];
  if (prev?.type === 'text' && prev.format === format) prev.text += text;
  else out.push(textNode(text, format));
}
