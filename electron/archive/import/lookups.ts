// The importer's queries against what the archive already holds, prepared
// once per import (better-sqlite3 compiles a statement on every prepare()),
// each on first use.
import type { Statement } from 'better-sqlite3';
import type { ArticleRow } from '../articles/mapper.ts';
import type { Db } from '../db/open.ts';

/** An `articles` row as the importer reads it (no body). */
export type ExistingRow = Omit<ArticleRow, 'body' | 'body_hash'>;

export class ImportLookups {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Db) {}

  private query(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  existing(path: string): ExistingRow | undefined {
    return this.query('SELECT * FROM articles WHERE source_path = ? ORDER BY seq LIMIT 1').get(path) as ExistingRow | undefined;
  }

  /** The SHA-256 of the bytes this path held at its last import (null: none, or never imported). */
  knownSha256(path: string): string | null {
    const row = this.query('SELECT source_sha256 FROM articles WHERE source_path = ? ORDER BY seq LIMIT 1').get(path) as { source_sha256: string | null } | undefined;
    return row?.source_sha256 ?? null;
  }

  /** An article with the same headline and body (whitespace aside, case kept). */
  sameContent(hash: string): ExistingRow | undefined {
    return this.query('SELECT * FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1').get(hash) as ExistingRow | undefined;
  }

  /** An article with the same headline and body except for case. */
  sameFoldedContent(foldHash: string): ExistingRow | undefined {
    return this.query('SELECT * FROM articles WHERE content_fold_hash = ? ORDER BY seq LIMIT 1').get(foldHash) as ExistingRow | undefined;
  }

  /** The article of an item identity. */
  item(provider: string, id: string): ExistingRow | undefined {
    return this.query('SELECT * FROM articles WHERE item_provider = ? AND item_id = ? ORDER BY seq LIMIT 1').get(provider, id) as ExistingRow | undefined;
  }

  keepOriginal(sha256: string, size: number, compressed: Uint8Array): void {
    if (this.query('SELECT 1 FROM originals WHERE sha256 = ?').get(sha256) !== undefined) return;
    this.query('INSERT OR IGNORE INTO originals (sha256, size, data) VALUES (?, ?, ?)').run(sha256, size, compressed);
  }
}
