// The query tree -> an FTS5 MATCH expression plus SQL filters. User text never
// reaches FTS5 raw: every term is reduced to its letter/number tokens and
// double-quoted, so FTS5 syntax characters in a query are literal text.
import { ARTICLE_STATUSES } from '../../../../shared/model/article.ts';
import { runBigrams, splitCjk } from '../cjk.ts';
import type { QueryNode } from './parser.ts';
import type { FilterField, TextField } from './lexer.ts';
import { type DateRange, parseDateRange } from './dates.ts';
import { newsroomFilterSql } from './newsroom.ts';

export interface SqlFilter {
  sql: string;
  params: Array<string | number>;
}

/** A positive term, for highlighting matches in snippets. */
export interface HighlightTerm {
  tokens: string[];
  prefix: boolean;
  cjk: boolean;
}

export interface CompiledQuery {
  /** FTS5 expression the rows must match; null when the query has no positive text. */
  match: string | null;
  /** FTS5 expression the rows must NOT match, when the query is only negative terms. */
  exclude: string | null;
  filters: SqlFilter[];
  highlights: HighlightTerm[];
  notices: string[];
}

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const CJK_COLUMNS: Record<TextField | 'all', string> = {
  all: '{cjk_headline cjk_dek cjk_byline cjk_body}',
  headline: '{cjk_headline}',
  dek: '{cjk_dek}',
  byline: '{cjk_byline}',
};
const STATUSES: readonly string[] = ARTICLE_STATUSES;

interface Fts {
  pos: string | null;
  neg: string | null;
}

export function compileQuery(root: QueryNode | null, notices: string[] = []): CompiledQuery {
  const out: CompiledQuery = { match: null, exclude: null, filters: [], highlights: [], notices: [...notices] };
  if (!root) return out;
  const top = root.kind === 'and' ? root.items : [root];
  const textItems: QueryNode[] = [];
  for (const item of top) {
    if (item.kind === 'filter') out.filters.push(filterSql(item.field, item.value, false, out.notices));
    else if (item.kind === 'not' && item.item.kind === 'filter')
      out.filters.push(filterSql(item.item.field, item.item.value, true, out.notices));
    else textItems.push(item);
  }
  const fts = compileAnd(textItems, out, false);
  out.match = fts.pos;
  out.exclude = fts.pos === null ? fts.neg : null;
  if (fts.pos !== null && fts.neg !== null) out.match = `(${fts.pos}) NOT (${fts.neg})`;
  return out;
}

function compileNode(node: QueryNode, out: CompiledQuery, negated: boolean): Fts {
  switch (node.kind) {
    case 'term':
      return { pos: compileTerm(node, out, negated), neg: null };
    case 'not': {
      const inner = compileNode(node.item, out, !negated);
      return { pos: null, neg: inner.pos };
    }
    case 'and':
      return compileAnd(node.items, out, negated);
    case 'or': {
      const parts: string[] = [];
      for (const item of node.items) {
        const c = compileNode(item, out, negated);
        if (c.pos !== null) parts.push(c.neg ? `(${c.pos}) NOT (${c.neg})` : c.pos);
        else if (c.neg !== null) out.notices.push('A negative term inside OR was ignored.');
      }
      return { pos: parts.length === 0 ? null : parts.length === 1 ? (parts[0] as string) : `(${parts.join(' OR ')})`, neg: null };
    }
    case 'filter':
      out.notices.push(`The filter ${node.field}:${node.value} only works at the top level of a query and was ignored there.`);
      return { pos: null, neg: null };
  }
}

function compileAnd(items: QueryNode[], out: CompiledQuery, negated: boolean): Fts {
  const pos: string[] = [];
  const neg: string[] = [];
  for (const item of items) {
    const c = compileNode(item, out, negated);
    if (c.pos !== null) pos.push(c.pos);
    if (c.neg !== null) neg.push(c.neg);
  }
  const p = pos.length === 0 ? null : pos.length === 1 ? (pos[0] as string) : pos.map((x) => `(${x})`).join(' AND ');
  const n = neg.length === 0 ? null : neg.length === 1 ? (neg[0] as string) : neg.map((x) => `(${x})`).join(' OR ');
  if (p !== null && n !== null) return { pos: `(${p}) NOT (${n})`, neg: null };
  return { pos: p, neg: n };
}

function compileTerm(node: Extract<QueryNode, { kind: 'term' }>, out: CompiledQuery, negated: boolean): string | null {
  const parts: string[] = [];
  const pieces = splitCjk(node.text);
  pieces.forEach((piece, index) => {
    const last = index === pieces.length - 1;
    if (piece.cjk) {
      const grams = runBigrams(piece.text);
      const single = grams.length === 1 && Array.from(grams[0] as string).length === 1;
      // One character can only be found as the start of a bigram (or alone).
      parts.push(`${CJK_COLUMNS[node.field ?? 'all']} : ${quote(grams)}${single ? '*' : ''}`);
      if (!negated) out.highlights.push({ tokens: [piece.text], prefix: false, cjk: true });
      if (single) out.notices.push(`A one-character search (${piece.text}) may miss matches; type two or more characters.`);
      return;
    }
    const tokens = Array.from(piece.text.matchAll(TOKEN), (m) => m[0]);
    if (tokens.length === 0) return;
    const prefix = node.prefix && last;
    const column = node.field ? `{${node.field}} : ` : '';
    parts.push(`${column}${quote(tokens)}${prefix ? '*' : ''}`);
    if (!negated) out.highlights.push({ tokens, prefix, cjk: false });
  });
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as string) : parts.map((p) => `(${p})`).join(' AND ');
}

function quote(tokens: string[]): string {
  return `"${tokens.join(' ').replace(/"/g, '""')}"`;
}

function filterSql(field: FilterField, value: string, negate: boolean, notices: string[]): SqlFilter {
  const wrap = (f: SqlFilter): SqlFilter => (negate ? { sql: `NOT coalesce((${f.sql}), 0)`, params: f.params } : f);
  switch (field) {
    case 'section':
      return wrap({ sql: 'a.section = ? COLLATE NOCASE', params: [value] });
    case 'desk':
      return wrap({ sql: 'a.desk = ? COLLATE NOCASE', params: [value] });
    case 'tag':
      return wrap({ sql: 'EXISTS (SELECT 1 FROM json_each(a.tags) t WHERE t.value = ? COLLATE NOCASE)', params: [value] });
    case 'status': {
      const status = value.toLowerCase();
      if (!STATUSES.includes(status)) notices.push(`There is no status "${value}"; statuses are ${STATUSES.join(', ')}.`);
      return wrap({ sql: 'a.status = ?', params: [status] });
    }
    case 'posted':
    case 'updated': {
      const range = parseDateRange(value);
      if (!range) {
        notices.push(`"${value}" is not a date or range (try ${field}:2019, ${field}:2019-01 or ${field}:2019-01-01..2019-03-31); the filter matched nothing.`);
        return { sql: '0', params: [] };
      }
      return wrap(rangeSql(field === 'posted' ? 'a.posted_at' : 'a.updated_at', range));
    }
    default: {
      const filter = newsroomFilterSql(field, value, notices);
      return filter ? wrap(filter) : { sql: '0', params: [] };
    }
  }
}

// Dates compare as the source's local calendar dates: "2019-01-09T07:31:00+09:00"
// is on 2019-01-09 in the newsroom that wrote it, whatever the reader's zone.
function rangeSql(column: string, range: DateRange): SqlFilter {
  const conditions: string[] = [];
  const params: string[] = [];
  if (range.from) {
    conditions.push(`${column} >= ?`);
    params.push(range.from);
  }
  if (range.until) {
    conditions.push(`${column} < ?`);
    params.push(range.until);
  }
  if (conditions.length === 0) conditions.push(`${column} IS NOT NULL`);
  return { sql: conditions.join(' AND '), params };
}
