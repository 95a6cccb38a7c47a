// Runs a parsed query. Relevance order is FTS5's own `ORDER BY rank` (BM25 with
// the column weights configured in the schema), with the articles row joined by
// primary key, so SQLite streams hits in rank order with no temp B-tree sort.
// No input makes this throw: a query FTS5 still rejects is retried as plain
// literal words, and failing that returns nothing, with a notice either way.
import type { SearchHit, SearchOptions, SearchResult, SearchSort } from '../../../shared/model/search.ts';
import { bodyTextFor } from '../db/functions.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { type CompiledQuery, compileQuery } from './query/compile.ts';
import { parseQuery } from './query/parser.ts';
import { runHistorySearch } from './history.ts';
import { buildSnippet, highlighter } from './snippet.ts';

const MAX_LIMIT = 1000;
/**
 * BM25 ranking costs time in proportion to the matches: a word in 85 % of a
 * million articles takes about a second to rank. Past this many matches we
 * rank the most recently added ones only and say so, which keeps relevance
 * search interactive at any archive size; the total stays exact.
 */
export const RANK_WINDOW = 100_000;

interface HitRow {
  seq: number;
  id: string;
  headline: string;
  section: string;
  status: string;
  posted_at: string | null;
  updated_at: string | null;
  embargoed_until: string | null;
  urgency: number | null;
  provider: string;
  score: number;
}

export interface SearchTuning {
  rankWindow: number;
}

export function searchArticles(db: Db, query: string, options: SearchOptions = {}, tuning: SearchTuning = { rankWindow: RANK_WINDOW }): SearchResult {
  const parsed = parseQuery(query);
  const compiled = compileQuery(parsed.root, parsed.notices);
  compiled.notices = [...new Set(compiled.notices)];
  if (query.trim() !== '' && compiled.match === null && compiled.exclude === null && compiled.filters.length === 0) {
    // Only punctuation or operators: there is nothing to look for, and listing
    // the whole archive would look like a match.
    return { total: 0, hits: [], notices: [...compiled.notices, 'The query has no words to search for.'] };
  }
  const history = parsed.history || options.history === true;
  if (history && compiled.match === null)
    compiled.notices.push('history: needs words to look for in earlier versions; the current versions were searched.');
  const execute = (c: CompiledQuery): SearchResult => {
    if (!history || c.match === null) return run(db, c, options, tuning);
    const page = { limit: clampInt(options.limit, 20, 0, MAX_LIMIT), offset: clampInt(options.offset, 0, 0, Number.MAX_SAFE_INTEGER), sort: options.sort ?? 'relevance' };
    return runHistorySearch(db, { ...c, match: c.match }, page);
  };
  try {
    return execute(compiled);
  } catch (error) {
    if (!isFtsQueryError(error)) throw error;
    const literal = compileQuery(parseQuery(toLiteralWords(query)).root, [
      ...compiled.notices,
      'The query could not be read as written and was searched as plain words.',
    ]);
    try {
      return execute(literal);
    } catch (again) {
      if (!isFtsQueryError(again)) throw again;
      return { total: 0, hits: [], notices: [...literal.notices, 'Nothing could be searched for in this query.'] };
    }
  }
}

/** The SQL a query runs, for tests that check its plan. */
export function buildSearchSql(
  compiled: CompiledQuery,
  sort: SearchSort,
  minRowid: number | null = null,
): { sql: string; countSql: string; params: unknown[]; countParams: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  let from = 'articles a';
  let score = '0.0';
  if (compiled.match !== null) {
    from = 'search_index JOIN articles a ON a.seq = search_index.rowid';
    where.push('search_index MATCH ?');
    params.push(compiled.match);
    score = '-search_index.rank';
  } else if (compiled.exclude !== null) {
    where.push('a.seq NOT IN (SELECT rowid FROM search_index WHERE search_index MATCH ?)');
    params.push(compiled.exclude);
  }
  for (const f of compiled.filters) {
    where.push(f.sql);
    params.push(...f.params);
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const countParams = [...params];
  // CAST: better-sqlite3 binds JS numbers as REAL, and FTS5 only uses an
  // INTEGER rowid bound to skip ahead; with a REAL it ranks every match.
  const rankWhere = minRowid === null ? whereSql : `${whereSql} AND search_index.rowid >= CAST(? AS INTEGER)`;
  if (minRowid !== null) params.push(minRowid);
  const order =
    sort === 'relevance' && compiled.match !== null
      ? 'ORDER BY search_index.rank'
      : sort === 'updated'
        ? 'ORDER BY coalesce(a.updated_ts, a.posted_ts) DESC NULLS LAST, a.seq DESC'
        : 'ORDER BY a.posted_ts DESC NULLS LAST, a.seq DESC';
  const sql = `SELECT a.seq, a.id, a.headline, a.section, a.status, a.posted_at, a.updated_at, a.embargoed_until, a.urgency, a.provider, ${score} AS score
    FROM ${from} ${rankWhere} ${order} LIMIT ? OFFSET ?`;
  const countFrom = compiled.match !== null && compiled.filters.length === 0 ? 'search_index' : from;
  const countSql = `SELECT count(*) AS n FROM ${countFrom} ${whereSql}`;
  return { sql, countSql, params, countParams };
}

function run(db: Db, compiled: CompiledQuery, options: SearchOptions, tuning: SearchTuning): SearchResult {
  const limit = clampInt(options.limit, 20, 0, MAX_LIMIT);
  const offset = clampInt(options.offset, 0, 0, Number.MAX_SAFE_INTEGER);
  const sort = options.sort ?? 'relevance';
  const notices = [...compiled.notices];
  const counted = buildSearchSql(compiled, sort);
  const total = (stmt(db, counted.countSql).get(...counted.countParams) as { n: number }).n;
  let minRowid: number | null = null;
  if (sort === 'relevance' && compiled.match !== null && total > tuning.rankWindow) {
    minRowid = (stmt(db, 'SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(compiled.match, tuning.rankWindow - 1) as number | undefined) ?? null;
    if (minRowid !== null)
      notices.push(`Ranked the ${tuning.rankWindow.toLocaleString('en')} most recently added of ${total.toLocaleString('en')} matches; add words or filters to rank them all.`);
  }
  const { sql, params } = minRowid === null ? counted : buildSearchSql(compiled, sort, minRowid);
  const rows = stmt(db, sql).all(...params, limit, offset) as HitRow[];
  const pattern = highlighter(compiled.highlights);
  const bodies = loadBodies(db, rows.map((r) => r.seq));
  const hits: SearchHit[] = rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    section: r.section,
    status: r.status,
    postedAt: r.posted_at,
    updatedAt: r.updated_at,
    embargoedUntil: r.embargoed_until,
    urgency: r.urgency,
    provider: r.provider,
    snippet: buildSnippet(bodies.get(r.seq) ?? '', pattern),
    score: r.score,
  }));
  return { total, hits, notices };
}

/** Body text only for the page of hits, never for every match. */
function loadBodies(db: Db, seqs: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (seqs.length === 0) return out;
  const rows = stmt(db, 
      `SELECT a.seq, b.hash, b.data FROM articles a JOIN bodies b ON b.id = a.body_id WHERE a.seq IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(seqs)) as Array<{ seq: number; hash: string; data: Buffer }>;
  for (const row of rows) out.set(row.seq, bodyTextFor(row.hash, row.data));
  return out;
}

function isFtsQueryError(error: unknown): boolean {
  const message = (error as Error)?.message ?? '';
  // Only FTS5's own complaints about a MATCH expression; anything else is a
  // real fault and must surface, not turn into an empty result.
  return /^fts5:|unterminated string|unknown special query/i.test(message);
}

function toLiteralWords(query: string): string {
  // The history: scope is kept (as `history:` on the first word), never searched as the word "history".
  const scope = /(?:^|\s)history:/iu.test(query) ? 'history: ' : '';
  return scope + Array.from(query.replace(/(^|\s)history:/giu, '$1').matchAll(/[\p{L}\p{N}\p{M}]+/gu), (m) => m[0]).join(' ');
}

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}
