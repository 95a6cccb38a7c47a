// `history:` searches: the query runs against every revision's text as well as
// the current one. Articles with more than one revision have their snapshots
// in `history_index` (migration 8); an article's current text is in
// `search_index`. An article matches when either does; its best rank orders
// the results; each hit names the revisions whose text held the match and
// says whether the current text still does, so "what did we publish before
// the correction?" answers with the revision to compare against the current one.
import type { RevisionMatch, SearchHit, SearchOptions, SearchResult } from '../../../shared/model/search.ts';
import { bodyTextFor } from '../db/functions.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import type { CompiledQuery } from './query/compile.ts';
import { buildSnippet, highlighter } from './snippet.ts';

interface HitRow {
  seq: number;
  id: string;
  headline: string;
  section: string;
  status: string;
  posted_at: string | null;
  updated_at: string | null;
  score: number;
}

// Best rank per article over both indexes. (FTS5 ranks are negative: lower is better.)
const MATCHED = `WITH matched(seq, rank) AS (
    SELECT r.article_seq, history_index.rank FROM history_index JOIN revisions r ON r.snapshot_id = history_index.rowid WHERE history_index MATCH ?
    UNION ALL
    SELECT search_index.rowid, search_index.rank FROM search_index WHERE search_index MATCH ?
  ), best(seq, rank) AS (SELECT seq, min(rank) FROM matched GROUP BY seq)`;

export function runHistorySearch(db: Db, compiled: CompiledQuery & { match: string }, options: Required<Pick<SearchOptions, 'limit' | 'offset' | 'sort'>>): SearchResult {
  const where: string[] = [];
  const params: unknown[] = [compiled.match, compiled.match];
  for (const f of compiled.filters) {
    where.push(f.sql);
    params.push(...f.params);
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = stmt(db, `${MATCHED} SELECT count(*) FROM best JOIN articles a ON a.seq = best.seq ${whereSql}`).pluck().get(...params) as number;
  const order =
    options.sort === 'relevance'
      ? 'ORDER BY best.rank, a.seq DESC'
      : options.sort === 'updated'
        ? 'ORDER BY coalesce(a.updated_ts, a.posted_ts) DESC NULLS LAST, a.seq DESC'
        : 'ORDER BY a.posted_ts DESC NULLS LAST, a.seq DESC';
  const rows = stmt(
    db,
    `${MATCHED} SELECT a.seq, a.id, a.headline, a.section, a.status, a.posted_at, a.updated_at, -best.rank AS score
     FROM best JOIN articles a ON a.seq = best.seq ${whereSql} ${order} LIMIT ? OFFSET ?`,
  ).all(...params, options.limit, options.offset) as HitRow[];
  const pattern = highlighter(compiled.highlights);
  const hits: SearchHit[] = rows.map((row) => {
    const found = revisionsHolding(db, compiled.match, row.seq);
    return {
      id: row.id,
      headline: row.headline,
      section: row.section,
      status: row.status,
      postedAt: row.posted_at,
      updatedAt: row.updated_at,
      snippet: buildSnippet(found.text, pattern),
      score: row.score,
      revisions: found.revisions,
      currentMatches: found.current,
    };
  });
  return { total, hits, notices: [...compiled.notices, 'Searched every version of each article (history:).'] };
}

/** For one article of the page: which revisions held the match, whether the current text does, and the text to quote. */
function revisionsHolding(db: Db, match: string, seq: number): { revisions: RevisionMatch[]; current: boolean; text: string } {
  const current = stmt(db, 'SELECT 1 FROM search_index WHERE search_index MATCH ? AND rowid = CAST(? AS INTEGER)').pluck().get(match, seq) !== undefined;
  const all = stmt(db, 'SELECT id, created_at, reason, name, snapshot_id FROM revisions WHERE article_seq = ? ORDER BY id').all(seq) as Array<{
    id: number;
    created_at: string;
    reason: string;
    name: string | null;
    snapshot_id: number;
  }>;
  // Point lookups by rowid: FTS5 answers `rowid = ?` without scanning every match of a common word
  // (bound as an INTEGER: FTS5 mishandles a REAL rowid bound, and better-sqlite3 binds numbers as REAL).
  const holds = new Map<number, boolean>();
  const held = (snapshot: number) => {
    let yes = holds.get(snapshot);
    if (yes === undefined) {
      yes = stmt(db, 'SELECT 1 FROM history_index WHERE history_index MATCH ? AND rowid = CAST(? AS INTEGER)').pluck().get(match, snapshot) !== undefined;
      holds.set(snapshot, yes);
    }
    return yes;
  };
  let matched = all.filter((r) => held(r.snapshot_id));
  // An article with one revision is not in the history index: its only revision is its current text.
  if (matched.length === 0 && current && all.length > 0) matched = [all[all.length - 1] as (typeof all)[number]];
  const revisions = matched.map((r) => ({ id: r.id, createdAt: r.created_at, reason: r.reason, name: r.name }));
  let text: string;
  if (current || matched.length === 0) {
    const row = stmt(db, 'SELECT b.hash, b.data FROM articles a JOIN bodies b ON b.id = a.body_id WHERE a.seq = ?').get(seq) as { hash: string; data: Buffer };
    text = bodyTextFor(row.hash, row.data);
  } else {
    const newest = matched[matched.length - 1] as (typeof matched)[number];
    const row = stmt(db, 'SELECT b.hash, b.data FROM snapshots s JOIN bodies b ON b.id = s.body_id WHERE s.id = ?').get(newest.snapshot_id) as { hash: string; data: Buffer };
    text = bodyTextFor(row.hash, row.data);
  }
  return { revisions, current, text };
}
