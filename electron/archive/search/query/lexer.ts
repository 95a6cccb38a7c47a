// Tokens of the query language. The lexer never fails: any input becomes a
// list of tokens, with notices for what it had to repair (an unclosed quote).

import { NEWSROOM_ALIASES, NEWSROOM_FILTER_FIELDS } from './newsroom.ts';

export const TEXT_FIELDS = ['headline', 'dek', 'byline'] as const;
export const FILTER_FIELDS = ['section', 'tag', 'status', 'posted', 'updated', 'desk', ...NEWSROOM_FILTER_FIELDS] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type FilterField = (typeof FILTER_FIELDS)[number];
const FIELD_ALIASES: Record<string, TextField | FilterField> = {
  headline: 'headline',
  hed: 'headline',
  title: 'headline',
  dek: 'dek',
  byline: 'byline',
  by: 'byline',
  author: 'byline',
  section: 'section',
  desk: 'desk',
  tag: 'tag',
  tags: 'tag',
  status: 'status',
  posted: 'posted',
  date: 'posted',
  updated: 'updated',
  ...NEWSROOM_ALIASES,
};

export type Token =
  | { kind: 'word'; text: string; negated: boolean; field: TextField | FilterField | null }
  | { kind: 'phrase'; text: string; negated: boolean; field: TextField | FilterField | null }
  | { kind: 'lparen'; negated: boolean }
  | { kind: 'rparen' }
  | { kind: 'op'; op: 'OR' | 'AND' | 'NOT' };

export interface LexResult {
  tokens: Token[];
  notices: string[];
  /** The query named the `history:` scope: search every version of each article, not only the current one. */
  history: boolean;
}

/** `history:` is a scope, not a field: it widens the whole query to every revision. */
const HISTORY_SCOPE = 'history';

const MAX_TOKENS = 64;
const BREAK = /[\s()"]/u;

export function lex(input: string): LexResult {
  const notices: string[] = [];
  const tokens: Token[] = [];
  let history = false;
  const text = input.normalize('NFC');
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/u.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === ')') {
      tokens.push({ kind: 'rparen' });
      i += 1;
      continue;
    }
    let negated = false;
    if ((ch === '-' || ch === '!') && i + 1 < text.length && !/\s/u.test(text[i + 1] as string)) {
      negated = true;
      i += 1;
    }
    const c = text[i] as string;
    if (c === '(') {
      tokens.push({ kind: 'lparen', negated });
      i += 1;
      continue;
    }
    if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end === -1) notices.push('An unclosed quote was closed at the end of the query.');
      tokens.push({ kind: 'phrase', text: text.slice(i + 1, end === -1 ? undefined : end), negated, field: null });
      i = end === -1 ? text.length : end + 1;
      continue;
    }
    let j = i;
    while (j < text.length && !BREAK.test(text[j] as string)) j += 1;
    const word = text.slice(i, j);
    i = j;
    if (!negated && (word === 'OR' || word === 'AND' || word === 'NOT')) {
      tokens.push({ kind: 'op', op: word });
      continue;
    }
    const fieldMatch = /^([A-Za-z]+):(.*)$/su.exec(word);
    if (fieldMatch && (fieldMatch[1] as string).toLowerCase() === HISTORY_SCOPE) {
      history = true;
      const value = fieldMatch[2] as string;
      // `history:"a phrase"` and `history:word` search their text; a bare `history:` only sets the scope.
      if (value === '' && text[i] === '"') {
        const end = text.indexOf('"', i + 1);
        if (end === -1) notices.push('An unclosed quote was closed at the end of the query.');
        tokens.push({ kind: 'phrase', text: text.slice(i + 1, end === -1 ? undefined : end), negated, field: null });
        i = end === -1 ? text.length : end + 1;
      } else if (value !== '') tokens.push({ kind: 'word', text: value, negated, field: null });
      continue;
    }
    const field = fieldMatch ? FIELD_ALIASES[(fieldMatch[1] as string).toLowerCase()] : undefined;
    if (fieldMatch && field) {
      const value = fieldMatch[2] as string;
      if (value === '' && text[i] === '"') {
        const end = text.indexOf('"', i + 1);
        if (end === -1) notices.push('An unclosed quote was closed at the end of the query.');
        tokens.push({ kind: 'phrase', text: text.slice(i + 1, end === -1 ? undefined : end), negated, field });
        i = end === -1 ? text.length : end + 1;
        continue;
      }
      tokens.push({ kind: 'word', text: value, negated, field });
      continue;
    }
    tokens.push({ kind: 'word', text: word, negated, field: null });
  }
  if (tokens.length > MAX_TOKENS) {
    notices.push(`The query was cut to its first ${MAX_TOKENS} terms.`);
    tokens.length = MAX_TOKENS;
  }
  return { tokens, notices, history };
}
