// Writing one parsed article: decide its outcome (imported, updated,
// duplicate) from what the archive already holds, then write it through the
// Archive. Runs inside the importer's per-file savepoint.
import type { Archive } from '../archive.ts';
import type { Db } from '../db/open.ts';
import type { ArticleFields } from '../../../shared/model/article.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import type { PreparedArticle } from './prepareFile.ts';
import type { ImportOutcome } from './types.ts';

export interface ExistingRow {
  seq: number;
  id: string;
  version: number;
  source_path: string | null;
  source_sha256: string | null;
  content_hash: string;
  headline: string;
  dek: string;
  byline: string;
  dateline: string;
  section: string;
  tags: string;
  language: string;
  posted_at: string | null;
  updated_at: string | null;
}

const COLUMNS = 'seq, id, version, source_path, source_sha256, content_hash, headline, dek, byline, dateline, section, tags, language, posted_at, updated_at';

/** Prepared once per import: better-sqlite3 compiles a statement on every prepare(). */
export class ImportLookups {
  readonly byPath;
  readonly byContent;
  readonly byPathPrefix;
  readonly hasOriginal;
  readonly insertOriginal;

  constructor(db: Db) {
    this.byPath = db.prepare(`SELECT ${COLUMNS} FROM articles WHERE source_path = ? ORDER BY seq LIMIT 1`);
    this.byContent = db.prepare(`SELECT ${COLUMNS} FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1`);
    // Records of a container: paths `file#key` sort between `file#` and `file$`.
    this.byPathPrefix = db.prepare(`SELECT ${COLUMNS} FROM articles WHERE source_path >= ? AND source_path < ? ORDER BY source_path`);
    this.hasOriginal = db.prepare('SELECT 1 FROM originals WHERE sha256 = ?').pluck();
    this.insertOriginal = db.prepare('INSERT OR IGNORE INTO originals (sha256, size, data) VALUES (?, ?, ?)');
  }

  existing(path: string): ExistingRow | undefined {
    return this.byPath.get(path) as ExistingRow | undefined;
  }

  records(containerPath: string): ExistingRow[] {
    return this.byPathPrefix.all(`${containerPath}#`, `${containerPath}$`) as ExistingRow[];
  }

  keepOriginal(sha256: string, size: number, compressed: Uint8Array): void {
    if (this.hasOriginal.get(sha256) !== undefined) return;
    this.insertOriginal.run(sha256, size, compressed);
  }
}

export interface StoreContext {
  archive: Archive;
  lookups: ImportLookups;
  index: { flush(): void };
  sha256: string;
  encoding: string;
  confidence: number;
  format: string;
  timezone: string;
  onDuplicate: 'skip' | 'keep-both';
  now: string;
}

export interface Stored {
  outcome: Exclude<ImportOutcome, 'failed'>;
  articleId: string;
  reason: string | null;
}

/**
 * `record`: the article is one record of a container file (its bytes are shared with its siblings).
 * `known`: the row already looked up for this path (undefined: look it up here).
 */
export function storeArticle(ctx: StoreContext, sourcePath: string, parsed: PreparedArticle, record = false, known?: ExistingRow | null): Stored {
  const hash = parsed.contentHash;
  const source = {
    path: sourcePath,
    sha256: ctx.sha256,
    encoding: ctx.encoding,
    encodingConfidence: ctx.confidence,
    format: ctx.format,
    importedAt: ctx.now,
    timezoneAssumed: parsed.zoneAssumed ? ctx.timezone : null,
    itemId: parsed.identity?.id ?? null,
    itemProvider: parsed.identity?.provider ?? null,
    itemVersion: parsed.identity?.version ?? null,
  };
  const existing = known === undefined ? ctx.lookups.existing(sourcePath) : (known ?? undefined);
  if (existing) {
    if (existing.source_sha256 === ctx.sha256) return { outcome: 'duplicate', articleId: existing.id, reason: 'unchanged since it was last imported' };
    if (existing.content_hash === hash && sameFields(existing, parsed.fields))
      return { outcome: 'duplicate', articleId: existing.id, reason: 'file changed but its article did not' };
    const { slug: _slug, ...fields } = parsed.fields;
    // The update trigger removes the old row from the index: it must be there first.
    ctx.index.flush();
    const saved = ctx.archive.saveInTransaction(
      { id: existing.id, baseVersion: existing.version, fields, body: JSON.parse(parsed.body.json) as BodyState, reason: 'import' },
      source,
    );
    return { outcome: 'updated', articleId: saved.article.id, reason: null };
  }
  // In a shared archive the same bytes and item are one article, wherever they were imported first.
  const twin = ctx.archive.importTwin(source);
  if (twin) return { outcome: 'duplicate', articleId: twin, reason: 'the same file is already in the shared archive' };
  const same = ctx.lookups.byContent.get(hash) as ExistingRow | undefined;
  if (same && same.source_sha256 === ctx.sha256 && !record)
    return { outcome: 'duplicate', articleId: same.id, reason: `identical file already imported from ${same.source_path ?? 'another file'}` };
  if (same && ctx.onDuplicate === 'skip')
    return { outcome: 'duplicate', articleId: same.id, reason: `same headline and body as ${same.source_path ?? `article ${same.id}`}` };
  const article = ctx.archive.insertPrepared({ fields: parsed.fields, body: parsed.body, contentHash: hash, source }, 'import');
  return { outcome: 'imported', articleId: article.id, reason: null };
}

function sameFields(row: ExistingRow, f: Partial<ArticleFields>): boolean {
  const eq = (a: unknown, b: unknown) => b === undefined || a === b;
  return (
    eq(row.headline, f.headline) &&
    eq(row.dek, f.dek) &&
    eq(row.byline, f.byline) &&
    eq(row.dateline, f.dateline) &&
    eq(row.section, f.section) &&
    eq(row.language, f.language) &&
    eq(row.posted_at, f.postedAt) &&
    eq(row.updated_at, f.updatedAt) &&
    (f.tags === undefined || row.tags === JSON.stringify(f.tags))
  );
}
