// The text of one ANPA-1312 message, between STX and ETX, line by line:
// caret lines (`^…<`, `^…=`) form the header until the first tab-indented or
// table line, tab-indented lines are paragraphs (one each), BS-led lines and
// `;`-separated lines of a tabular story are table rows, and caret lines
// inside the story are subheads.
/* eslint-disable no-control-regex -- wire framing and format codes (SOH, STX, US, RS, DLE, …) are control characters: matching them is the format */
import { heading, textNode } from '../../../../../shared/editor/build.ts';
import type { Author } from '../../../../../shared/model/newsroom.ts';
import type { BlockNode } from '../../../../../shared/editor/serialized.ts';
import { para } from '../blocks.ts';
import type { AnpaHeader } from './anpaHeader.ts';
import { bylineOf, tableParagraph, typeset, wireLine } from './common.ts';

export interface AnpaStory {
  /** The keyword line's keyword and version (`BC-US--Ethanol-Losing Grassland`, `1st Ld-Writethru`). */
  keyword: string;
  version: string;
  headline: string;
  dek: string;
  byline: string;
  authors: Author[];
  /** Eds notes, photo lines, editor's notes: for the desk, not the copy. */
  notes: string[];
  /** Notes that announce a kill, withhold, advisory or correction. */
  notices: string[];
  blocks: BlockNode[];
  firstParagraph: string;
  paragraphCount: number;
}

type Item = { kind: 'para' | 'sub'; text: string } | { kind: 'row'; cells: string[] };

const NOTE = /^\(?\s*Eds?\b\s*:|^EDITOR'?S NOTE\b|^Editor's Note\b|^AP Photos?\b|^With AP Photos?\b|^AP Video\b|^AP Graphics?\b/iu;
const NOTICE = /\b(?:kill(?:ed)?|elimination|withdraw\w*|withhold|withheld|advisory|corrects?|correct(?:ion|ed))\b/iu;
const ROLE = /\b(?:Press|Writer|Correspondent|Editor|Reporter|Columnist|Critic|Photographer|Staff|Contributor)\b/u;

export function anpaStory(lines: readonly string[], header: AnpaHeader | null, isKeywordLine: (text: string) => boolean): AnpaStory {
  const story: AnpaStory = { keyword: '', version: '', headline: '', dek: '', byline: '', authors: [], notes: [], notices: [], blocks: [], firstParagraph: '', paragraphCount: 0 };
  const items: Item[] = [];
  // A headline digest (caret lines only) has no tab-indented story: its caret lines after the headline are the copy.
  const hasStory = lines.some((l) => l.startsWith('\t') && wireLine(l) !== '' || l.startsWith('\b'));
  let inHead = true;
  let keywordSeen = false;
  let afterByline = false;
  for (const raw of lines) {
    const line = raw.replace(/\f/gu, '');
    if (line.startsWith('\b')) {
      inHead = false;
      items.push({ kind: 'row', cells: cellsOf(line.slice(1).replace(/^\^/u, '')) });
    } else if (line.startsWith('^')) {
      const text = caretText(line);
      if (text === '' || /^END$/u.test(text)) continue;
      if (!keywordSeen && isKeywordLine(text)) {
        keywordSeen = true;
        const parts = text.split(',').map((p) => p.trim());
        if (parts.length > 1 && /^\d*$/u.test(parts[parts.length - 1] as string)) parts.pop();
        story.keyword = parts[0] ?? '';
        story.version = parts.slice(1).join(', ');
        continue;
      }
      keywordSeen = true;
      if (!inHead) items.push({ kind: hasStory ? 'sub' : 'para', text });
      else if (NOTE.test(text)) {
        story.notes.push(text);
        if (NOTICE.test(text)) story.notices.push(text);
      } else if (/^By\s+\S/u.test(text)) {
        const by = bylineOf(text);
        story.byline = by.byline;
        story.authors = by.authors;
        afterByline = true;
      } else if (afterByline && ROLE.test(text) && story.authors.every((a) => a.role === '')) {
        story.authors = story.authors.map((a) => ({ ...a, role: text }));
      } else if (afterByline) {
        inHead = false;
        items.push({ kind: 'sub', text });
      } else if (story.headline === '') story.headline = text;
      else if (!hasStory) {
        inHead = false;
        items.push({ kind: 'para', text });
      } else if (story.dek === '') story.dek = text;
      else story.notes.push(text);
    } else {
      const text = wireLine(line.replace(/[<=]\s*$/u, '').replace(/\s[<=]\s*$/u, ''));
      if (text === '') continue;
      inHead = false;
      keywordSeen = true;
      if (header?.tabular && (text.match(/;/gu)?.length ?? 0) >= 2) items.push({ kind: 'row', cells: cellsOf(text) });
      else items.push({ kind: 'para', text: halves(typeset(text)) });
    }
  }
  story.blocks = blocksOf(items);
  const paragraphs = items.filter((i): i is { kind: 'para'; text: string } => i.kind === 'para');
  story.firstParagraph = paragraphs[0]?.text ?? '';
  story.paragraphCount = paragraphs.length;
  return story;
}

/** A caret line's text: without the caret, a leading `*NNNN<` reference, and the `<` / `=` line-end codes. */
function caretText(line: string): string {
  const text = line.replace(/^\^/u, '').replace(/^\*\d+<\s*\^/u, '');
  return halves(typeset(wireLine(text.replace(/[\s<=]+$/u, ''))));
}

/** AP's 7-bit tables write ½ as `{` (`3{` games behind). */
function halves(text: string): string {
  return text.replace(/(\d)\{/gu, '$1\u00BD');
}

/** A table row: `;`-separated cells, or cells at RS/US tab stops; DLE is a fixed space. */
function cellsOf(row: string): string[] {
  const text = row.replace(/\u0010/gu, '').replace(/[<=]\s*$/u, '');
  const split = text.includes(';') ? text.split(';') : text.split(/[\u001e\u001f]+/u);
  const cells = split.map((c) => wireLine(c).replace(/^\{$/u, '\u00BD').replace(/(\d)\{/gu, '$1\u00BD'));
  if (text.includes(';')) return cells;
  return cells.filter((c, i) => c !== '' || i === 0);
}

function blocksOf(items: readonly Item[]): BlockNode[] {
  const blocks: BlockNode[] = [];
  const hasParagraphs = items.some((i) => i.kind !== 'sub');
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length > 0) blocks.push(tableParagraph(rows));
    rows = [];
  };
  for (const item of items) {
    if (item.kind === 'row') {
      rows.push(item.cells);
      continue;
    }
    flush();
    if (item.kind === 'sub' && hasParagraphs) blocks.push(heading('h3', [textNode(item.text)]));
    else blocks.push(para([textNode(item.text)]));
  }
  flush();
  return blocks;
}
