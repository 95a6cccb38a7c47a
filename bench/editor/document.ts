// A synthetic article body of N words (no corpus text: the bench page is
// bundled and served, and research-only corpora must not leave ../shared).
// Mixed structure like real copy: paragraphs, a subhead every ~800 words, a
// short list now and then, and a TK marker.
import { bodyState, heading, list, paragraph } from '../../shared/editor/build.ts';
import type { BlockNode, BodyState } from '../../shared/editor/serialized.ts';

const WORDS = [
  'council', 'harbour', 'ferry', 'budget', 'residents', 'officials', 'said', 'on', 'Tuesday', 'the', 'plan', 'would', 'cost',
  'million', 'and', 'take', 'two', 'years', 'to', 'complete', 'according', 'report', 'published', 'by', 'port', 'authority',
  'questions', 'remain', 'about', 'funding', 'while', 'opposition', 'members', 'called', 'for', 'a', 'review', 'of', 'timetable',
];

function sentence(seed: number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]!);
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

export function syntheticBody(totalWords: number): BodyState {
  const blocks: BlockNode[] = [];
  let words = 0;
  let n = 0;
  while (words < totalWords) {
    n += 1;
    if (n % 14 === 0) {
      blocks.push(heading('h2', sentence(n, 5)));
      words += 5;
    } else if (n % 23 === 0) {
      blocks.push(list('bullet', [sentence(n, 8), sentence(n + 1, 8), sentence(n + 2, 8)]));
      words += 24;
    } else {
      const text = n === 3 ? `${sentence(n, 30)} Figures TK.` : `${sentence(n, 28)} ${sentence(n + 5, 28)}`;
      blocks.push(paragraph(text));
      words += n === 3 ? 32 : 56;
    }
  }
  return bodyState(blocks);
}
