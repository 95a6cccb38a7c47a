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

const TOKEN =
  /(`+)([^`]+?)\1|\*\*([^*]+?)\*\*|__([^_]+?)__|~~([^~]+?)~~|\*([^*\s][^*]*?)\*|(?<![\p{L}\p{N}])_([^_\s][^_]*?)_(?![\p{L}\p{N}])|\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)|<((?:https?:\/\/|mailto:)[^>\s]+)>/gu;

export function inlineMarkdown(text: string, format = 0): InlineNode[] {
  const out: InlineNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    if (start > last) pushText(out, unescape(text.slice(last, start)), format);
    if (m[2] !== undefined) pushText(out, m[2], format | TEXT_FORMAT.code);
    else if (m[3] !== undefined || m[4] !== undefined) out.push(...inlineMarkdown((m[3] ?? m[4]) as string, format | TEXT_FORMAT.bold));
    else if (m[5] !== undefined) out.push(...inlineMarkdown(m[5], format | TEXT_FORMAT.strikethrough));
    else if (m[6] !== undefined || m[7] !== undefined) out.push(...inlineMarkdown((m[6] ?? m[7]) as string, format | TEXT_FORMAT.italic));
    else if (m[8] !== undefined) {
      const url = safeUrl(m[9] ?? '');
      const children = inlineMarkdown(m[8], format).filter((n): n is SerializedText => n.type === 'text');
      if (url && children.length > 0) out.push(linkNode(url, children));
      else out.push(...children);
    } else if (m[10] !== undefined) {
      out.push(linkNode(m[10], [textNode(m[10], format)]));
    }
    last = start + m[0].length;
  }
  if (last < text.length) pushText(out, unescape(text.slice(last)), format);
  return out;
}

function pushText(out: InlineNode[], text: string, format: number): void {
  if (text === '') return;
  const prev = out[out.length - 1];
  if (prev?.type === 'text' && prev.format === format) prev.text += text;
  else out.push(textNode(text, format));
}

function unescape(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!~>])/gu, '$1');
}
