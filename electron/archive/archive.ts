// The archive core's front door: one object per open archive file, with
// synchronous methods (better-sqlite3 is synchronous; the app runs this in a
// worker thread, the CLI directly). Callers outside the core use only this.
import type { Article, ArticleFields, ArticleSource, FieldName } from '../../shared/model/article.ts';
import { ARTICLE_STATUSES, FIELD_NAMES, withFieldDefaults } from '../../shared/model/article.ts';
import type { Revision, RevisionReason, RevisionSummary } from '../../shared/model/revision.ts';
import type { Facets, SearchOptions, SearchResult } from '../../shared/model/search.ts';
import type { OriginalText } from '../../shared/model/original.ts';
import type { SubjectSuggestion } from '../../shared/model/newsroom.ts';
import type { BodyState } from '../../shared/editor/serialized.ts';
import { emptyBody } from '../../shared/editor/build.ts';
import { slugify } from '../../shared/model/slug.ts';
import { articleFromRow, type ArticleRow } from './articles/mapper.ts';
import { type ArticleOriginal, originalText, readOriginal } from './articles/original.ts';
import * as articles from './articles/repository.ts';
import type { PreparedBody } from './articles/preparedBody.ts';
import { subjectSuggestions } from './articles/subjectSuggestions.ts';
import { type Db, openArchiveDb, type OpenOptions } from './db/open.ts';
import { ArchiveError } from './errors.ts';
import { backupTo } from './maintenance/backup.ts';
import { type CheckReport, checkArchive } from './maintenance/check.ts';
import { archiveStats, type ArchiveStats } from './maintenance/stats.ts';
import * as revisions from './revisions/repository.ts';
import { itemVersionsOf, recordItemVersion } from './revisions/items.ts';
import { searchFacets } from './search/facets.ts';
import { searchArticles } from './search/search.ts';
import { type Clock, isoNow, systemClock } from './time/clock.ts';
import { defaultDesk, hasRemote } from './sync/defaultDesk.ts';
import { importedArticleId, importRevisionId } from './sync/ids.ts';

export interface NewArticle extends Partial<ArticleFields> {
  body?: BodyState;
  source?: Partial<ArticleSource>;
}

export interface PreparedArticleInput {
  fields: Partial<ArticleFields>;
  body: PreparedBody;
  /** `contentHash(headline, body text)`, already computed for the duplicate check. */
  contentHash: string;
  /** `contentFoldHash(headline, body text)`, when already computed. */
  contentFoldHash?: string;
  source?: Partial<ArticleSource>;
}

export interface SaveInput {
  id: string;
  /** The version the editor loaded; a stale one is refused with a `conflict` error. */
  baseVersion: number;
  fields?: Partial<ArticleFields>;
  body?: BodyState;
  reason?: RevisionReason;
  name?: string | null;
}

export interface SaveResult {
  article: Article;
  revisionId: number | null;
}

export class Archive {
  readonly db: Db;
  readonly path: string;
  private readonly clock: Clock;

  private constructor(db: Db, path: string, clock: Clock) {
    this.db = db;
    this.path = path;
    this.clock = clock;
  }

  static open(path: string, options: OpenOptions & { clock?: Clock } = {}): Archive {
    return new Archive(openArchiveDb(path, options), path, options.clock ?? systemClock);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  now(): string {
    return isoNow(this.clock);
  }

  /** Create an article with an initial revision (reason `import` when it has a source, else `save`). */
  createArticle(input: NewArticle = {}, reason?: RevisionReason): Article {
    return this.db.transaction(() => this.insertWithRevision(input, reason)).immediate();
  }

  /** For callers already inside a transaction (the importer batches many files per commit). */
  insertWithRevision(input: NewArticle, reason?: RevisionReason): Article {
    const now = this.now();
    const fields = completeFields({ ...input, desk: input.desk || defaultDesk(this.db) });
    const bodyState = input.body ?? emptyBody();
    const body = articles.storeBody(this.db, bodyState);
    const source = completeSource(input.source);
    const { seq, id } = articles.insertArticle(this.db, { fields, body, source, now });
    const rev = revisions.appendRevision(this.db, {
      articleSeq: seq,
      snapshot: { fields, body: bodyState },
      storedBody: body,
      reason: reason ?? (source.path ? 'import' : 'save'),
      name: null,
      version: 1,
      wordCount: body.wordCount,
      now,
    });
    if (source.itemId !== null) recordItemVersion(this.db, rev.id, source.itemVersion);
    // Everything written is at hand: no need to read the row back.
    return { ...fields, id, createdAt: now, modifiedAt: now, version: 1, body: bodyState, bodyText: body.text, wordCount: body.wordCount, source };
  }

  /**
   * The importer's insert: the body was prepared off this thread (hash, text,
   * compressed blob) and the content hash computed with it, so only SQLite
   * work is left here. Inside a caller's transaction; returns the new keys.
   */
  insertPrepared(input: PreparedArticleInput, reason: RevisionReason, name: string | null = null): { id: string; seq: number } {
    const now = this.now();
    const fields = completeFields({ ...input.fields, desk: input.fields.desk || defaultDesk(this.db) });
    const body = articles.storePreparedBody(this.db, input.body);
    const source = completeSource(input.source);
    const shared = sharedImportId(this.db, source);
    const keys = articles.insertArticle(this.db, {
      fields,
      body,
      source,
      now,
      contentHash: input.contentHash,
      ...(input.contentFoldHash !== undefined ? { contentFoldHash: input.contentFoldHash } : {}),
      ...(shared ? { id: shared } : {}),
    });
    const rev = revisions.appendRevision(this.db, {
      // Identical files imported on two replicas of a shared archive become one article with one first revision.
      ...(shared ? { rid: importRevisionId(shared, revisions.snapshotHash({ fields }, body.hash)) } : {}),
      articleSeq: keys.seq,
      snapshot: { fields },
      storedBody: body,
      reason,
      name,
      version: 1,
      wordCount: body.wordCount,
      now,
    });
    if (source.itemId !== null) recordItemVersion(this.db, rev.id, source.itemVersion);
    return keys;
  }

  /**
   * With a remote: the article this file's item already is, on this replica
   * or pulled from another (the same bytes and item identity), if any.
   */
  importTwin(source: Partial<ArticleSource>): string | undefined {
    if (!source.sha256 || !hasRemote(this.db)) return undefined;
    const id = importedArticleId(source.sha256, importItemKey(completeSource(source)));
    return articles.getArticleRow(this.db, id) ? id : undefined;
  }

  getArticle(id: string): Article {
    return articleFromRow(this.requireRow(id));
  }

  /** The file this article was imported from, byte for byte; null when none was kept (written here, or --no-originals). */
  getOriginal(id: string): ArticleOriginal | null {
    return readOriginal(this.db, this.requireRow(id));
  }

  /** The kept original decoded with the encoding detected at import; `maxChars` cuts it for display. */
  getOriginalText(id: string, maxChars?: number): OriginalText | null {
    const original = this.getOriginal(id);
    return original ? originalText(original, maxChars) : null;
  }

  /** True once this connection has written anything (the CLI backs up only after a change). */
  changedSinceOpen(): boolean {
    return (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n > 0;
  }

  /**
   * Save fields and/or body on top of `baseVersion`, appending a revision.
   * A stale baseVersion raises `conflict` and writes nothing.
   */
  save(input: SaveInput): SaveResult {
    return this.db.transaction(() => this.saveInTransaction(input)).immediate();
  }

  saveInTransaction(input: SaveInput, source?: Partial<ArticleSource>): SaveResult {
    const row = this.requireRow(input.id);
    if (row.version !== input.baseVersion) throw conflictError(row, input.baseVersion);
    const current = articleFromRow(row);
    const fields = { ...pickFields(current), ...(input.fields ?? {}) };
    const bodyState = input.body ?? current.body;
    const body = articles.storeBody(this.db, bodyState);
    const now = this.now();
    const updated = articles.updateArticle(this.db, {
      seq: row.seq,
      fields,
      body,
      now,
      baseVersion: input.baseVersion,
      ...(source ? { source } : {}),
    });
    if (!updated) throw conflictError(row, input.baseVersion);
    const rev = revisions.appendRevision(this.db, {
      articleSeq: row.seq,
      snapshot: { fields, body: bodyState },
      storedBody: body,
      reason: input.reason ?? 'save',
      name: input.name ?? null,
      version: updated.version,
      wordCount: body.wordCount,
      now,
    });
    // An import of an identified item: the history says which version this revision holds.
    if (source?.itemId != null) recordItemVersion(this.db, rev.id, source.itemVersion ?? null);
    return { article: articleFromRow(updated), revisionId: rev.id };
  }

  /** Every revision, oldest first; an import of a wire item says which version of it (`itemVersion`). */
  listRevisions(id: string): RevisionSummary[] {
    const seq = this.requireRow(id).seq;
    const items = itemVersionsOf(this.db, seq);
    return revisions.listRevisions(this.db, seq).map((r) => (items.has(r.id) ? { ...r, itemVersion: items.get(r.id) ?? null } : r));
  }

  getRevision(id: string, revisionId: number): Revision {
    const rev = revisions.getRevision(this.db, this.requireRow(id).seq, revisionId);
    if (!rev) throw new ArchiveError('not-found', `Article ${id} has no revision ${revisionId}.`);
    return rev;
  }

  /** Restore a whole revision, or one field of it, as a new revision on top. History is never rewritten. */
  restore(id: string, revisionId: number, options: { field?: FieldName | 'body'; baseVersion?: number } = {}): SaveResult {
    return this.db
      .transaction(() => {
        const rev = this.getRevision(id, revisionId);
        const row = this.requireRow(id);
        const baseVersion = options.baseVersion ?? row.version;
        if (options.field === 'body') return this.saveInTransaction({ id, baseVersion, body: rev.body, reason: 'restore' });
        if (options.field) {
          const field = options.field;
          return this.saveInTransaction({ id, baseVersion, fields: { [field]: rev.fields[field] }, reason: 'restore' });
        }
        return this.saveInTransaction({ id, baseVersion, fields: rev.fields, body: rev.body, reason: 'restore' });
      })
      .immediate();
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    return searchArticles(this.db, query, options);
  }

  /** The most used sections, tags and providers, and the urgencies in use, for the filter chips. */
  facets(): Facets {
    return searchFacets(this.db);
  }

  /** Subjects already used in the archive whose label, code or `scheme:code` starts with `prefix`, most used first. */
  subjectSuggestions(prefix: string, limit?: number): SubjectSuggestion[] {
    return subjectSuggestions(this.db, prefix, limit);
  }

  stats(): ArchiveStats {
    return archiveStats(this.db, this.path);
  }

  check(): CheckReport {
    return checkArchive(this.db);
  }

  /** Online backup through SQLite's backup API; the archive stays usable meanwhile. */
  backup(destination: string): Promise<void> {
    return backupTo(this.db, destination);
  }

  requireRow(id: string): ArticleRow {
    const row = articles.getArticleRow(this.db, id);
    if (!row) throw new ArchiveError('not-found', `No article with id ${id}.`);
    return row;
  }
}

function conflictError(row: ArticleRow, baseVersion: number): ArchiveError {
  return new ArchiveError(
    'conflict',
    `Article ${row.id} changed since it was opened (now version ${row.version}, the edit was based on ${baseVersion}). Reload it, or keep your text as a new revision on top.`,
    { currentVersion: row.version, baseVersion },
  );
}

export function pickFields(article: ArticleFields): ArticleFields {
  const out: Record<string, unknown> = {};
  for (const name of FIELD_NAMES) out[name] = article[name];
  return out as unknown as ArticleFields;
}

function completeFields(input: Partial<ArticleFields>): ArticleFields {
  const fields = withFieldDefaults(input);
  if (!ARTICLE_STATUSES.includes(fields.status)) throw new ArchiveError('invalid-input', `Unknown status "${String(fields.status)}".`);
  if (input.slug === undefined) fields.slug = slugify(fields.headline);
  return fields;
}

/**
 * With a remote, an imported article's id comes from the file's SHA-256 and
 * the item's identity in it (provider and id, else the record's key), so the
 * same file imported on two replicas is one article. A second import of the
 * same item here (kept both) gets a fresh id.
 */
function sharedImportId(db: Archive['db'], source: ArticleSource): string | undefined {
  if (!source.sha256 || !hasRemote(db)) return undefined;
  const id = importedArticleId(source.sha256, importItemKey(source));
  return articles.getArticleRow(db, id) ? undefined : id;
}

/** The item's identity within its file: provider and id, else the record's key in a container ('' for a one-article file). */
function importItemKey(source: ArticleSource): string {
  return source.itemId ? `${source.itemProvider ?? ''}\u0000${source.itemId}` : (source.path?.split('#').slice(1).join('#') ?? '');
}

function completeSource(source: Partial<ArticleSource> | undefined): ArticleSource {
  return {
    path: source?.path ?? null,
    sha256: source?.sha256 ?? null,
    encoding: source?.encoding ?? null,
    encodingConfidence: source?.encodingConfidence ?? null,
    format: source?.format ?? null,
    importedAt: source?.importedAt ?? null,
    timezoneAssumed: source?.timezoneAssumed ?? null,
    itemId: source?.itemId ?? null,
    itemProvider: source?.itemProvider ?? null,
    itemVersion: source?.itemVersion ?? null,
  };
}
