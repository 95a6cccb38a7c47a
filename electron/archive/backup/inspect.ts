// Looking inside a backup (or any candidate archive file) without writing to
// it: schema version, counts, and SQLite's own check. Used before restoring
// and by `copydesk backups --verify`.
import Database from 'better-sqlite3';
import { LATEST_VERSION } from '../migrations/index.ts';

export interface BackupInfo {
  ok: boolean;
  /** Why it cannot be restored, when !ok. */
  problem: string | null;
  schemaVersion: number | null;
  articles: number | null;
  revisions: number | null;
}

export function inspectBackup(file: string, options: { fullCheck?: boolean } = {}): BackupInfo {
  const info: BackupInfo = { ok: false, problem: null, schemaVersion: null, articles: null, revisions: null };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    info.schemaVersion = version;
    if (version < 1) return { ...info, problem: 'not a Copydesk archive (no schema version)' };
    if (version > LATEST_VERSION) return { ...info, problem: `written by a newer Copydesk (schema ${version})` };
    info.articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    info.revisions = (db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n;
    const rows = db.pragma(options.fullCheck ? 'integrity_check(5)' : 'quick_check(5)') as Array<Record<string, string>>;
    const bad = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
    if (bad.length > 0) return { ...info, problem: `damaged: ${bad.join('; ')}` };
    return { ...info, ok: true };
  } catch (error) {
    return { ...info, problem: `unreadable: ${(error as Error).message}` };
  } finally {
    db?.close();
  }
}
