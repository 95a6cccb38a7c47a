// Matches of a search string in the body's text nodes. A match must lie within
// one text node (a word half bold, half plain is not found): that keeps
// replace a simple splice that never disturbs formatting around it.
import { $getRoot, type TextNode } from 'lexical';

export interface Match {
  key: string;
  offset: number;
  length: number;
}

export function $findMatches(query: string, caseSensitive: boolean): Match[] {
  if (query === '') return [];
  const needle = caseSensitive ? query : query.toLowerCase();
  const out: Match[] = [];
  for (const node of $getRoot().getAllTextNodes() as TextNode[]) {
    const text = caseSensitive ? node.getTextContent() : node.getTextContent().toLowerCase();
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length))
      out.push({ key: node.getKey(), offset: i, length: needle.length });
  }
  return out;
}
