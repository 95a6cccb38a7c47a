// The desk's workflow rules, shared so the core can enforce them and the
// editor can show the same checklist live while the user types.
import type { ArticleStatus } from '../model/article.ts';
import { countWords } from '../editor/plainText.ts';
import { DEFAULT_READY_RULES, type ReadyRuleName, type ReadyRules, type WireReadyInput, wireRuleVerdicts } from './readyRules.ts';

/**
 * Where each status may go next. Spiked copy comes back only as a draft. A
 * withheld item may be released back to the desk; a kill is final (the story
 * stays in the archive, but it can only be spiked).
 */
export const STATUS_TRANSITIONS: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['edited', 'ready', 'spiked', 'withheld', 'killed'],
  edited: ['draft', 'ready', 'spiked', 'withheld', 'killed'],
  ready: ['draft', 'edited', 'published', 'spiked', 'withheld', 'killed'],
  published: ['edited', 'spiked', 'withheld', 'killed'],
  spiked: ['draft'],
  withheld: ['draft', 'edited', 'spiked', 'killed'],
  killed: ['spiked'],
};

export function canMove(from: ArticleStatus, to: ArticleStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

// "TK" (to come) in capitals, alone or doubled (TKTK), as its own word.
const TK = /(?<![\p{L}\p{N}])TK(?:TK)*(?![\p{L}\p{N}])/gu;

export interface TkMatch {
  index: number;
  length: number;
}

export function findTkMarkers(text: string): TkMatch[] {
  const out: TkMatch[] = [];
  for (const m of text.matchAll(TK)) out.push({ index: m.index, length: m[0].length });
  return out;
}

export function countTkMarkers(text: string): number {
  return findTkMarkers(text).length;
}

/** Default slack around the target length, as a fraction of the target. */
export const DEFAULT_LENGTH_TOLERANCE = 0.1;

export interface LengthVerdict {
  words: number;
  target: number | null;
  /** Words over (+) or under (−) the target; 0 without a target. */
  delta: number;
  within: boolean;
}

export function lengthVerdict(words: number, target: number | null, tolerance = DEFAULT_LENGTH_TOLERANCE): LengthVerdict {
  if (target == null || target <= 0) return { words, target: null, delta: 0, within: true };
  const delta = words - target;
  return { words, target, delta, within: Math.abs(delta) <= Math.ceil(target * tolerance) };
}

export type ChecklistItemId = 'headline' | 'tk' | 'length' | ReadyRuleName;

export interface ChecklistItem {
  id: ChecklistItemId;
  ok: boolean;
  label: string;
  /** What blocks it, in words a desk editor reads; empty when ok. */
  detail: string;
}

export interface Checklist {
  ready: boolean;
  items: ChecklistItem[];
}

export interface ChecklistInput {
  headline: string;
  dek: string;
  bodyText: string;
  /** The body's word count when the caller has it already (a long story is costly to count twice). */
  bodyWords?: number;
  targetLength: number | null;
  tolerance?: number;
  /** The article's wire metadata; without it the desk's wire rules are not checked. */
  wire?: WireReadyInput;
  /** The desk's configurable rules (default: DEFAULT_READY_RULES). */
  rules?: ReadyRules;
}

/**
 * The "ready" checklist: headline present, no TK markers, length within target,
 * then the desk's wire rules that are switched on (slugline, lapsed embargo, urgency on wire copy).
 */
export function readyChecklist(input: ChecklistInput): Checklist {
  const tk = countTkMarkers(input.headline) + countTkMarkers(input.dek) + countTkMarkers(input.bodyText);
  const length = lengthVerdict(input.bodyWords ?? countWords(input.bodyText), input.targetLength, input.tolerance);
  const items: ChecklistItem[] = [
    {
      id: 'headline',
      ok: input.headline.trim() !== '',
      label: 'Headline present',
      detail: input.headline.trim() === '' ? 'The headline is empty.' : '',
    },
    {
      id: 'tk',
      ok: tk === 0,
      label: 'No TK markers',
      detail: tk === 0 ? '' : `${tk} TK marker${tk === 1 ? '' : 's'} still in the copy.`,
    },
    {
      id: 'length',
      ok: length.within,
      label: 'Length within target',
      detail: length.within
        ? ''
        : `${length.words} words: ${Math.abs(length.delta)} ${length.delta > 0 ? 'over' : 'under'} the target of ${length.target}.`,
    },
  ];
  if (input.wire) items.push(...wireRuleVerdicts(input.wire, input.rules ?? DEFAULT_READY_RULES));
  return { ready: items.every((i) => i.ok), items };
}

/** Statuses that require the checklist to pass. */
export const GATED_STATUSES: readonly ArticleStatus[] = ['ready', 'published'];
