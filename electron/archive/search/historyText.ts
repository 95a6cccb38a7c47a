// The text `history:` searches beyond the current version: per article, the
// distinct earlier headlines, deks and bylines, and the earlier body lines,
// that the current version does not hold. Kept in `history_text` (migration 8),
// indexed by `history_index`. Recomputed from the article's revisions whenever
// a trigger marks it pending; bodies are read through the body-text cache, so
// an article whose versions share most bodies costs little.
import type { Database } from 'better-sqlite3';
import { bodyTextFor } from '../db/functions.ts';
import { stmt } from '../db/statements.ts';

interface Texts {
  headline: string;
  dek: string;
  byline: string;
  lines: string[];
}

const norm = (s: string) => s.replace(/\s+/gu, ' ').trim();

/** Body text as lines (paragraphs, list items, headings), whitespace-normalised, empty ones dropped. */
export function bodyLines(text: string): string[] {
  return text
    .split(/\n+/u)
    .map(norm)
    .filter((l) => l !== '');
}

function fieldsOf(json: string): Pick<Texts, 'headline' | 'dek' | 'byline'> {
  const f = JSON.parse(json) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? norm(v) : '');
  return { headline: str(f.headline), dek: str(f.dek), byline: str(f.byline) };
}

/** Recompute one article's earlier-only text; removes the row when every earlier version's text is still current. */
export function refreshHistoryText(db: Database, seq: number): void {
  const current = stmt(db, 'SELECT a.headline, a.dek, a.byline, b.hash, b.data FROM articles a JOIN bodies b ON b.id = a.body_id WHERE a.seq = ?')
    .get(seq) as { headline: string; dek: string; byline: string; hash: string; data: Buffer } | undefined;
  if (!current) {
    stmt(db, 'DELETE FROM history_text WHERE article_seq = ?').run(seq);
    return;
  }
  const currentLines = new Set(bodyLines(bodyTextFor(current.hash, current.data)));
  const now = { headline: norm(current.headline), dek: norm(current.dek), byline: norm(current.byline) };
  const past = { headline: new Set<string>(), dek: new Set<string>(), byline: new Set<string>(), lines: new Set<string>() };
  const snapshots = stmt(db, 'SELECT DISTINCT s.fields, s.body_id FROM revisions r JOIN snapshots s ON s.id = r.snapshot_id WHERE r.article_seq = ?')
    .all(seq) as Array<{ fields: string; body_id: number }>;
  const bodyRow = stmt(db, 'SELECT hash, data FROM bodies WHERE id = ?');
  const seenBodies = new Set<number>();
  for (const snap of snapshots) {
    const f = fieldsOf(snap.fields);
    for (const key of ['headline', 'dek', 'byline'] as const) if (f[key] !== '' && f[key] !== now[key]) past[key].add(f[key]);
    if (seenBodies.has(snap.body_id)) continue;
    seenBodies.add(snap.body_id);
    const body = bodyRow.get(snap.body_id) as { hash: string; data: Buffer } | undefined;
    if (!body || body.hash === current.hash) continue;
    for (const line of bodyLines(bodyTextFor(body.hash, body.data))) if (!currentLines.has(line)) past.lines.add(line);
  }
  const row = { headline: [...past.headline].join('\n'), dek: [...past.dek].join('\n'), byline: [...past.byline].join('\n'), body: [...past.lines].join('\n') };
  if (row.headline === '' && row.dek === '' && row.byline === '' && row.body === '') {
    stmt(db, 'DELETE FROM history_text WHERE article_seq = ?').run(seq);
    return;
  }
  const existing = stmt(db, 'SELECT headline, dek, byline, body FROM history_text WHERE article_seq = ?').get(seq) as typeof row | undefined;
  if (existing && existing.headline === row.headline && existing.dek === row.dek && existing.byline === row.byline && existing.body === row.body) return;
  if (existing) stmt(db, 'UPDATE history_text SET headline = ?, dek = ?, byline = ?, body = ? WHERE article_seq = ?').run(row.headline, row.dek, row.byline, row.body, seq);
  else stmt(db, 'INSERT INTO history_text (article_seq, headline, dek, byline, body) VALUES (?, ?, ?, ?, ?)').run(seq, row.headline, row.dek, row.byline, row.body);
}

/** Fold every pending article (or at most `limit`) into history_text; returns how many were folded. Caller holds a write transaction or none. */
export function foldPendingHistory(db: Database, limit = Number.MAX_SAFE_INTEGER): number {
  if (db.readonly || !historySupported(db)) return 0;
  const pending = stmt(db, 'SELECT article_seq FROM history_pending ORDER BY article_seq LIMIT ?').pluck().all(limit) as number[];
  if (pending.length === 0) return 0;
  const done = stmt(db, 'DELETE FROM history_pending WHERE article_seq = ?');
  const fold = () => {
    for (const seq of pending) {
      refreshHistoryText(db, seq);
      done.run(seq);
    }
  };
  if (db.inTransaction) fold();
  else db.transaction(fold).immediate();
  return pending.length;
}

// Tests and the fault suite write archives of older schemas with today's core: there is nothing to fold before migration 8.
const hasHistory = new WeakMap<Database, boolean>();
function historySupported(db: Database): boolean {
  let yes = hasHistory.get(db);
  if (yes === undefined) {
    yes = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'history_pending'").get() !== undefined;
    if (yes) hasHistory.set(db, yes);
  }
  return yes;
}

/** Fold one article if a trigger marked it (the core calls this after appending a revision). */
export function foldHistoryOf(db: Database, seq: number): void {
  if (!historySupported(db)) return;
  if (stmt(db, 'SELECT 1 FROM history_pending WHERE article_seq = ?').get(seq) === undefined) return;
  refreshHistoryText(db, seq);
  stmt(db, 'DELETE FROM history_pending WHERE article_seq = ?').run(seq);
}

/** Whether a trigger has marked the article for folding and it was not folded yet. */
export function historyPending(db: Database, seq: number): boolean {
  return historySupported(db) && stmt(db, 'SELECT 1 FROM history_pending WHERE article_seq = ?').get(seq) !== undefined;
}

/** Drop the mark a revision's trigger left when the caller knows the revision changed nothing `history:` searches. */
export function unmarkHistoryPending(db: Database, seq: number): void {
  if (historySupported(db)) stmt(db, 'DELETE FROM history_pending WHERE article_seq = ?').run(seq);
}

/** Articles whose earlier versions are not searchable yet (a read-only connection cannot fold them). */
export function pendingHistoryCount(db: Database): number {
  return stmt(db, 'SELECT count(*) FROM history_pending').pluck().get() as number;
}
