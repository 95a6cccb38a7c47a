// `history:` searches: the query runs against each article's current text
// (`search_index`) and against the text only its earlier versions held
// (`history_index`, see historyText.ts). An article matches when either does
// and is ranked by the better of the two. For the page of hits, each
// article's revisions are then checked one by one (in a small temporary FTS5
// table, so the same query language decides) to name the revisions whose text
// held the match, and whether the current text still does: "what did we
// publish before the correction?" answers with the revision to compare.
import type { Database } from 'better-sqlite3';
import type { RevisionMatch, SearchHit, SearchOptions, SearchResult } from '../../../shared/model/search.ts';
import { bodyTextFor } from '../db/functions.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { cjkBigrams } from './cjk.ts';
import { foldPendingHistory, pendingHistoryCount } from './historyText.ts';
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
  embargoed_until: string | null;
  urgency: number | null;
  provider: string;
  score: number;
  cur: number;
}

// Best rank per article over both indexes (FTS5 ranks are negative: lower is
// better), and whether the current text is among the matches.
const MATCHED = `WITH matched(seq, rank, cur) AS (
    SELECT history_index.rowid, history_index.rank, 0 FROM history_index WHERE history_index MATCH ?
    UNION ALL
    SELECT search_index.rowid, search_index.rank, 1 FROM search_index WHERE search_index MATCH ?
  ), best(seq, rank, cur) AS (SELECT seq, min(rank), max(cur) FROM matched GROUP BY seq)`;
// Counting needs no ranks: a union of rowids is cheap even for a common word.
const COUNT_ALL = 'SELECT count(*) FROM (SELECT rowid FROM history_index WHERE history_index MATCH ? UNION SELECT rowid FROM search_index WHERE search_index MATCH ?)';

export function runHistorySearch(db: Db, compiled: CompiledQuery & { match: string }, options: Required<Pick<SearchOptions, 'limit' | 'offset' | 'sort'>>): SearchResult {
  const notices = [...compiled.notices, 'Searched every version of each article (history:).'];
  foldPendingHistory(db);
  const pending = db.readonly ? pendingHistoryCount(db) : 0;
  if (pending > 0) notices.push(`${pending} article${pending === 1 ? '' : 's'} changed a moment ago; their earlier versions will be searchable shortly.`);
  const where: string[] = [];
  const params: unknown[] = [compiled.match, compiled.match];
  for (const f of compiled.filters) {
    where.push(f.sql);
    params.push(...f.params);
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    where.length === 0 ? stmt(db, COUNT_ALL).pluck().get(...params) : stmt(db, `${MATCHED} SELECT count(*) FROM best JOIN articles a ON a.seq = best.seq ${whereSql}`).pluck().get(...params)
  ) as number;
  const order =
    options.sort === 'relevance'
      ? 'ORDER BY best.rank, a.seq DESC'
      : options.sort === 'updated'
        ? 'ORDER BY coalesce(a.updated_ts, a.posted_ts) DESC NULLS LAST, a.seq DESC'
        : 'ORDER BY a.posted_ts DESC NULLS LAST, a.seq DESC';
  const rows = stmt(
    db,
    `${MATCHED} SELECT a.seq, a.id, a.headline, a.section, a.status, a.posted_at, a.updated_at, a.embargoed_until, a.urgency, a.provider, -best.rank AS score, best.cur
     FROM best JOIN articles a ON a.seq = best.seq ${whereSql} ${order} LIMIT ? OFFSET ?`,
  ).all(...params, options.limit, options.offset) as HitRow[];
  const held = revisionsHolding(db, compiled.match, rows);
  const pattern = highlighter(compiled.highlights);
  const hits: SearchHit[] = rows.map((row) => {
    const found = held.get(row.seq) ?? { revisions: [], current: false, text: '' };
    return {
      id: row.id,
      headline: row.headline,
      section: row.section,
      status: row.status,
      postedAt: row.posted_at,
      updatedAt: row.updated_at,
      embargoedUntil: row.embargoed_until,
      urgency: row.urgency,
      provider: row.provider,
      snippet: buildSnippet(found.text, pattern),
      score: row.score,
      revisions: found.revisions,
      currentMatches: found.current,
    };
  });
  return { total, hits, notices };
}

interface Held {
  revisions: RevisionMatch[];
  current: boolean;
  /** The body text to quote: the current one when it matches, else the newest matching revision's. */
  text: string;
}

interface RevisionRow {
  article_seq: number;
  id: number;
  created_at: string;
  reason: string;
  name: string | null;
  snapshot_id: number;
  fields: string;
  body_hash: string;
  body: Buffer;
}

/**
 * The page's articles: which revisions held the match. Each distinct snapshot
 * of their revisions goes into a temporary FTS5 table (allowed on a read-only
 * connection: the temp schema is private) and the same MATCH expression picks
 * out those that hold it.
 */
function revisionsHolding(db: Database, match: string, hits: readonly HitRow[]): Map<number, Held> {
  const out = new Map<number, Held>();
  if (hits.length === 0) return out;
  const seqs = hits.map((h) => h.seq);
  // Contentless: the probe only answers which rows match, it never shows their text.
  db.exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.history_probe USING fts5 (headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body, content = '', tokenize = 'unicode61 remove_diacritics 2')",
  );
  const rows = stmt(
    db,
    `SELECT r.article_seq, r.id, r.created_at, r.reason, r.name, r.snapshot_id, s.fields, b.hash AS body_hash, b.data AS body
     FROM revisions r JOIN snapshots s ON s.id = r.snapshot_id JOIN bodies b ON b.id = s.body_id
     WHERE r.article_seq IN (SELECT value FROM json_each(?)) ORDER BY r.article_seq, r.id`,
  ).all(JSON.stringify(seqs)) as RevisionRow[];
  const texts = new Map<number, string>();
  const insert = stmt(db, 'INSERT INTO temp.history_probe (rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  // One transaction (the temp schema only: allowed on a read-only connection): one FTS5 segment, not one per row.
  const matching = db.transaction(() => {
    stmt(db, "INSERT INTO temp.history_probe (history_probe) VALUES ('delete-all')").run();
    for (const row of rows) {
      if (texts.has(row.snapshot_id)) continue;
      const f = JSON.parse(row.fields) as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : '');
      const body = bodyTextFor(row.body_hash, row.body);
      texts.set(row.snapshot_id, body);
      const [h, d, by] = [str(f.headline), str(f.dek), str(f.byline)];
      insert.run(row.snapshot_id, h, d, by, body, cjkBigrams(h), cjkBigrams(d), cjkBigrams(by), cjkBigrams(body));
    }
    return new Set(stmt(db, 'SELECT rowid FROM temp.history_probe WHERE history_probe MATCH ?').pluck().all(match) as number[]);
  })();
  for (const hit of hits) {
    const current = hit.cur === 1;
    const own = rows.filter((r) => r.article_seq === hit.seq && matching.has(r.snapshot_id));
    let text = '';
    if (current || own.length === 0) {
      const row = stmt(db, 'SELECT b.hash, b.data FROM articles a JOIN bodies b ON b.id = a.body_id WHERE a.seq = ?').get(hit.seq) as { hash: string; data: Buffer };
      text = bodyTextFor(row.hash, row.data);
    } else text = texts.get((own[own.length - 1] as RevisionRow).snapshot_id) ?? '';
    out.set(hit.seq, { revisions: own.map((r) => ({ id: r.id, createdAt: r.created_at, reason: r.reason, name: r.name })), current, text });
  }
  return out;
}
