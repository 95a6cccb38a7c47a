// Query tokens -> a small boolean tree. Like the lexer it never fails: an
// operator without operands is read as a literal word, a stray ")" is dropped
// and a missing ")" is supplied, each with a notice.
import { type FilterField, FILTER_FIELDS, lex, type TextField, type Token } from './lexer.ts';

export type QueryNode =
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode }
  | { kind: 'term'; text: string; phrase: boolean; prefix: boolean; field: TextField | null }
  | { kind: 'filter'; field: FilterField; value: string };

export interface ParsedQuery {
  root: QueryNode | null;
  notices: string[];
  /** `history:` was in the query: search every revision (search/history.ts). */
  history: boolean;
}

export function parseQuery(input: string): ParsedQuery {
  const { tokens, notices, history } = lex(input);
  const parser = new Parser(literalizeOperators(tokens), notices);
  const root = parser.parseAll();
  return { root, notices, history };
}

const isOperandStart = (t: Token | undefined) =>
  t !== undefined && (t.kind === 'word' || t.kind === 'phrase' || t.kind === 'lparen' || (t.kind === 'op' && t.op === 'NOT'));
const isOperandEnd = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'phrase' || t.kind === 'rparen');

/**
 * OR/AND need an operand on both sides, NOT one after it. A dangling one is
 * dropped when the query has words (search-as-you-type sees "mayor OR" on the
 * way to "mayor OR council"); a query of nothing but operators searches them
 * as the words they are.
 */
function literalizeOperators(tokens: Token[]): Token[] {
  const hasOperands = tokens.some((t) => t.kind === 'word' || t.kind === 'phrase');
  const out: Token[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'op') {
      out.push(t);
      return;
    }
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const ok = t.op === 'NOT' ? isOperandStart(after) : isOperandEnd(before) && isOperandStart(after);
    if (ok) out.push(t);
    else if (!hasOperands) out.push({ kind: 'word', text: t.op, negated: false, field: null });
  });
  return out;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly notices: string[],
  ) {}

  parseAll(): QueryNode | null {
    const items: QueryNode[] = [];
    while (this.pos < this.tokens.length) {
      const node = this.parseOr();
      if (node) items.push(node);
      if (this.peek()?.kind === 'rparen') {
        this.notices.push('A ")" without a matching "(" was ignored.');
        this.pos += 1;
      }
    }
    return combine('and', items);
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private parseOr(): QueryNode | null {
    const items: QueryNode[] = [];
    const first = this.parseAnd();
    if (first) items.push(first);
    while (this.peek()?.kind === 'op' && (this.peek() as { op: string }).op === 'OR') {
      this.pos += 1;
      const next = this.parseAnd();
      if (next) items.push(next);
    }
    return combine('or', items);
  }

  private parseAnd(): QueryNode | null {
    const items: QueryNode[] = [];
    for (;;) {
      const t = this.peek();
      if (t === undefined || t.kind === 'rparen') break;
      if (t.kind === 'op' && t.op === 'OR') break;
      if (t.kind === 'op' && t.op === 'AND') {
        this.pos += 1;
        continue;
      }
      const node = this.parseUnary();
      if (node) items.push(node);
    }
    return combine('and', items);
  }

  private parseUnary(): QueryNode | null {
    const t = this.peek();
    if (t?.kind === 'op' && t.op === 'NOT') {
      this.pos += 1;
      const item = this.parseUnary();
      return item ? { kind: 'not', item } : null;
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode | null {
    const t = this.tokens[this.pos++];
    if (t === undefined) return null;
    if (t.kind === 'lparen') {
      const inner = this.parseOr();
      if (this.peek()?.kind === 'rparen') this.pos += 1;
      else this.notices.push('A missing ")" was added at the end of the query.');
      if (!inner) return null;
      return t.negated ? { kind: 'not', item: inner } : inner;
    }
    if (t.kind === 'word' || t.kind === 'phrase') {
      const node = leaf(t);
      if (!node) return null;
      return t.negated ? { kind: 'not', item: node } : node;
    }
    return null;
  }
}

function leaf(t: Extract<Token, { kind: 'word' | 'phrase' }>): QueryNode | null {
  if (t.field && (FILTER_FIELDS as readonly string[]).includes(t.field)) {
    const value = t.text.trim();
    if (value === '') return null;
    return { kind: 'filter', field: t.field as FilterField, value };
  }
  const field = t.field as TextField | null;
  if (t.kind === 'phrase') return { kind: 'term', text: t.text, phrase: true, prefix: false, field };
  const prefix = /\*+$/u.test(t.text);
  const text = t.text.replace(/\*+$/u, '');
  return { kind: 'term', text, phrase: false, prefix, field };
}

function combine(kind: 'and' | 'or', items: QueryNode[]): QueryNode | null {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0] as QueryNode;
  return { kind, items };
}
