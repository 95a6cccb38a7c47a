import { statSync } from 'node:fs';
import type { Db } from '../db/open.ts';

export interface ArchiveStats {
  articles: number;
  revisions: number;
  /** Size on disk of the database file plus its WAL. */
  bytes: number;
  originals: number;
  originalsBytes: number;
  schemaVersion: number;
}

export function archiveStats(db: Db, path: string): ArchiveStats {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
  return {
    articles: count('SELECT count(*) AS n FROM articles'),
    revisions: count('SELECT count(*) AS n FROM revisions'),
    bytes: fileSize(path) + fileSize(`${path}-wal`),
    originals: count('SELECT count(*) AS n FROM originals'),
    originalsBytes: count('SELECT sum(length(data)) AS n FROM originals'),
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
  };
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
