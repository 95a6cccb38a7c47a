// The `history:` scope in the query text. The search bar's "All versions"
// toggle reads and writes it like the filter chips do (query.ts), so the box
// always shows what is searched: typing `history:` turns the toggle on, the
// toggle adds a bare `history:` in front, and turning it off takes every
// `history:` out while keeping the words it scoped (`history:"a b"` → `"a b"`).
// The scanner follows the core's lexer (electron/archive/search/query/lexer.ts):
// words break at whitespace, parentheses and quotes, an optional `-`/`!` negates,
// the prefix is case-insensitive, and text inside a phrase is never a scope.

const SCOPE = 'history:';
const BREAK = /[\s()"]/u;

/** Where each `history:` prefix sits in the query (start index of the prefix). */
function scopeAt(query: string): number[] {
  const found: number[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i] as string;
    if (/\s/u.test(ch) || ch === '(' || ch === ')') {
      i += 1;
      continue;
    }
    // A negation is one character in front of a token (`--history:` is a word, not a scope).
    if ((ch === '-' || ch === '!') && i + 1 < query.length && !/\s/u.test(query[i + 1] as string)) i += 1;
    const c = query[i] as string;
    if (c === '(') {
      i += 1;
      continue;
    }
    if (c === '"') {
      const end = query.indexOf('"', i + 1);
      i = end === -1 ? query.length : end + 1;
      continue;
    }
    let j = i;
    while (j < query.length && !BREAK.test(query[j] as string)) j += 1;
    if (query.slice(i, i + SCOPE.length).toLowerCase() === SCOPE) found.push(i);
    i = j;
  }
  return found;
}

/** The query asks for every version of each article. */
export function hasHistoryScope(query: string): boolean {
  return scopeAt(query).length > 0;
}

/** The query with the scope on (a bare `history:` in front, unless it has one) or off (every `history:` removed, its words kept). */
export function withHistoryScope(query: string, on: boolean): string {
  if (on) {
    if (hasHistoryScope(query)) return query;
    // Only leading space goes: trailing space may be inside an unclosed phrase.
    const rest = query.trimStart();
    return rest.trim() === '' ? SCOPE : `${SCOPE} ${rest}`;
  }
  let text = query;
  // Until none is left: a removed prefix can uncover another (`history:history:`).
  for (let found = scopeAt(text); found.length > 0; found = scopeAt(text)) {
    for (const start of [...found].reverse()) text = removeScope(text, start);
  }
  return text;
}

/** Take out the prefix at `start`; a bare one (no words of its own) goes with its negation sign and the space after it. */
function removeScope(text: string, start: number): string {
  let from = start;
  let to = start + SCOPE.length;
  const next = text[to];
  const bare = next === undefined || (BREAK.test(next) && next !== '"');
  if (bare) {
    if (from > 0 && (text[from - 1] === '-' || text[from - 1] === '!')) from -= 1;
    if (from === 0 || /\s/u.test(text[from - 1] as string)) while (to < text.length && /\s/u.test(text[to] as string)) to += 1;
  }
  return `${text.slice(0, from)}${text.slice(to)}`;
}
