// The search bar's "All versions" toggle reads and writes `history:` in the
// query text. It must agree with the core's own reading of the query: checked
// against the real parser on hand-picked and random queries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../electron/archive/search/query/parser.ts';
import { hasHistoryScope, withHistoryScope } from '../../../renderer/src/features/search/historyScope.ts';

/** Every `history:` in the query has no value, a phrase, or a plain word as its value. */
function plainScopes(query: string): boolean {
  return [...query.matchAll(/history:([^\s()"]*)/giu)].every((m) => m[1] === '' || (/^[a-z]+$/iu.test(m[1] ?? '') && !/^(OR|AND|NOT)$/u.test(m[1] ?? '')));
}

describe('history: scope in the query text', () => {
  it('sees the scope where the core does, and nowhere else', () => {
    const cases: Array<[string, boolean]> = [
      ['history:', true],
      ['history:"troop withdrawal"', true],
      ['troop HISTORY:withdrawal', true],
      ['(history:troop OR army)', true],
      ['-history:troop', true],
      ['"a phrase"history:', true],
      ['"history: in a phrase"', false],
      ['--history:troop', false],
      ['section:history:x', false],
      ['histories:troop', false],
      ['prehistory:troop', false],
      ['troop history', false],
      ['', false],
    ];
    for (const [query, expected] of cases) {
      expect(hasHistoryScope(query), query).toBe(expected);
      expect(parseQuery(query).history, `core: ${query}`).toBe(expected);
    }
  });

  it('turns the scope on in front of the words, once', () => {
    expect(withHistoryScope('', true)).toBe('history:');
    expect(withHistoryScope('  troop withdrawal', true)).toBe('history: troop withdrawal');
    expect(withHistoryScope('"troop ', true)).toBe('history: "troop ');
    expect(withHistoryScope('history:"troop withdrawal"', true)).toBe('history:"troop withdrawal"');
  });

  it('turns it off keeping the words it scoped', () => {
    expect(withHistoryScope('history:', false)).toBe('');
    expect(withHistoryScope('troop -history: army', false)).toBe('troop army');
    expect(withHistoryScope('history:history:', false)).toBe('');
    expect(withHistoryScope('history: troop withdrawal', false)).toBe('troop withdrawal');
    expect(withHistoryScope('army history:"troop withdrawal" section:world', false)).toBe('army "troop withdrawal" section:world');
    expect(withHistoryScope('-History:troop (history:army OR navy)', false)).toBe('-troop (army OR navy)');
    expect(withHistoryScope('"history: kept" army', false)).toBe('"history: kept" army');
  });

  it('agrees with the core on random queries, and on and off leave the searched words alone', () => {
    const pieces = fc.constantFrom('history:', 'HISTORY:', 'history', 'troop', 'army', '"', '(', ')', '-', '!', ' ', '  ', 'OR', 'NOT', 'section:', 'world', ':', 'x');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 14 }).map((p) => p.join('')), (query) => {
        expect(hasHistoryScope(query)).toBe(parseQuery(query).history);
        const on = withHistoryScope(query, true);
        const off = withHistoryScope(query, false);
        expect(parseQuery(on).history).toBe(true);
        expect(parseQuery(off).history).toBe(false);
        // Only the scope changes: the words searched are the same with and without it, where the scope's
        // value is a plain word or phrase (`history:!x`, `history:OR`, `history:section:` read as other
        // syntax once the scope is gone, as they would typed without it).
        expect(parseQuery(on).root).toEqual(parseQuery(query).root);
        if (plainScopes(query)) expect(parseQuery(off).root).toEqual(parseQuery(query).root);
        expect(parseQuery(withHistoryScope(off, true)).root).toEqual(parseQuery(off).root);
      }),
      { numRuns: 2000 },
    );
  });
});
