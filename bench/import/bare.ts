// The peer: the same rows the importer wrote, inserted again by a bare
// prepared better-sqlite3 loop into a fresh file with the same schema
// (triggers, FTS and all) in one transaction, indexed by the trigger per article
// or, like the importer, in batches. Article by article, like any
// importer must (body, article, snapshot, revision with its item version, original,
// file record),
// and nothing else: no reading, hashing, decoding, parsing or compressing.
import Database from 'better-sqlite3';
import { Archive } from '../../electron/archive/archive.ts';
import { registerFunctions } from '../../electron/archive/db/functions.ts';
import { DeferredIndex } from '../../electron/archive/search/deferredIndex.ts';

type Row = Record<string, unknown>;
interface Table {
  name: string;
  columns: string[];
  rows: Row[];
}

export interface PreParsed {
  tables: Map<string, Table>;
  articles: number;
}

/** Ordinary tables, without virtual tables and their shadow tables. */
function plainTables(db: Database.Database): string[] {
  const all = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string; sql: string }>;
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/iu.test(t.sql)).map((t) => t.name);
  return all.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`))).map((t) => t.name);
}

/** Read every row the importer wrote for `jobId` (setup, not timed). */
export function readRows(path: string, jobId: number): PreParsed {
  const db = new Database(path, { readonly: true });
  const tables = new Map<string, Table>();
  for (const name of plainTables(db)) {
    const columns = (db.prepare('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0').all(name) as Array<{ name: string }>).map((c) => c.name);
    let rows = db.prepare(`SELECT * FROM "${name}"`).all() as Row[];
    if (name === 'import_files') rows = rows.filter((r) => r.job_id === jobId);
    if (name === 'import_jobs') rows = rows.filter((r) => r.id === jobId);
    tables.set(name, { name, columns, rows });
  }
  db.close();
  const articles = tables.get('articles')?.rows.length ?? 0;
  for (const [t, cols] of Object.entries(EXPECTED))
    for (const c of cols)
      if (!tables.get(t)?.columns.includes(c)) throw new Error(`bench/import/bare.ts needs ${t}.${c}: update it to the new schema`);
  return { tables, articles };
}

const EXPECTED: Record<string, string[]> = {
  articles: ['seq', 'id', 'body_id', 'source_sha256'],
  bodies: ['id'],
  snapshots: ['id', 'body_id'],
  revisions: ['article_seq', 'snapshot_id'],
  originals: ['sha256'],
  import_files: ['article_id'],
  import_jobs: ['id'],
};

/**
 * Insert the rows into a fresh archive file in one transaction, then
 * checkpoint the WAL into the database file (the importer pays its
 * checkpoints during the run, so the peer's is timed too).
 */
export function bareInsert(path: string, data: PreParsed, options: { batchedIndex: boolean }): { ms: number; cpuMs: number } {
  Archive.open(path).close(); // the same schema, made by the same migrations
  const db = new Database(path);
  registerFunctions(db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const t = (name: string) => data.tables.get(name) as Table;
  const insert = new Map(
    [...data.tables.values()].map((tb) => [
      tb.name,
      db.prepare(`INSERT INTO "${tb.name}" (${tb.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${tb.columns.map((c) => `@${c}`).join(', ')})`),
    ]),
  );
  const put = (table: string, row: Row) => insert.get(table)?.run(row);
  const byKey = (table: string, key: string) => new Map(t(table).rows.map((r) => [r[key], r]));
  const groupBy = (table: string, key: string) => {
    const m = new Map<unknown, Row[]>();
    for (const r of t(table).rows) m.set(r[key], [...(m.get(r[key]) ?? []), r]);
    return m;
  };
  const bodies = byKey('bodies', 'id');
  const snapshots = byKey('snapshots', 'id');
  const originals = byKey('originals', 'sha256');
  const revisions = groupBy('revisions', 'article_seq');
  // Which item version each import revision holds (migration 7); absent in older schemas.
  const revisionItems = data.tables.has('revision_items') ? byKey('revision_items', 'revision_id') : new Map<unknown, Row>();
  const files = groupBy('import_files', 'article_id');
  const done = new Set<unknown>();
  const once = (table: string, row: Row | undefined, key: unknown) => {
    if (!row || done.has(`${table}:${String(key)}`)) return;
    done.add(`${table}:${String(key)}`);
    put(table, row);
  };
  // The peer at its best: with batchedIndex the insert trigger stands aside and
  // every 1,000 articles are indexed by one INSERT … SELECT, as the importer does.
  const index = options.batchedIndex ? new DeferredIndex(db) : null;
  let n = 0;
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  db.transaction(() => {
    index?.begin();
    for (const job of t('import_jobs').rows) put('import_jobs', job);
    for (const a of t('articles').rows) {
      if (index && ++n % 1000 === 0) index.flush();
      once('bodies', bodies.get(a.body_id), a.body_id);
      put('articles', a);
      for (const rev of revisions.get(a.seq) ?? []) {
        const snap = snapshots.get(rev.snapshot_id);
        if (snap) once('bodies', bodies.get(snap.body_id), snap.body_id);
        once('snapshots', snap, rev.snapshot_id);
        put('revisions', rev);
        const item = revisionItems.get(rev.id);
        if (item) put('revision_items', item);
      }
      once('originals', originals.get(a.source_sha256), a.source_sha256);
      for (const f of files.get(a.id) ?? []) put('import_files', f);
    }
    for (const f of files.get(null) ?? []) put('import_files', f);
    index?.end();
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const used = process.cpuUsage(cpu);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  db.close();
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}
