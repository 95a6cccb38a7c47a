// SQL for the articles table. Parameters only; every multi-statement write is
// wrapped in a transaction by the caller (Archive).
import { uuidv7 } from '../db/uuid.ts';
import type { ArticleFields, ArticleSource } from '../../../shared/model/article.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import { compressText } from '../db/compress.ts';
import { rememberBodyText } from '../db/functions.ts';
import { sha256Hex } from '../db/hash.ts';
import { contentFoldHash, contentHash } from './contentHash.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';
import { type ArticleRow, toTimestamp } from './mapper.ts';
import type { PreparedBody } from './preparedBody.ts';

export interface StoredBody {
  /** Row id in `bodies`. */
  id: number;
  hash: string;
  text: string;
  wordCount: number;
}

/**
 * Store a body once per distinct content and return its row. Saving an
 * unchanged body, or restoring an old one, reuses the existing row.
 */
export function storeBody(db: Db, body: BodyState): StoredBody {
  const json = JSON.stringify(body);
  const hash = sha256Hex(json);
  const text = bodyToPlainText(body);
  rememberBodyText(hash, text);
  const existing = stmt(db, 'SELECT id FROM bodies WHERE hash = ?').pluck().get(hash) as number | undefined;
  const id = existing ?? Number(stmt(db, 'INSERT INTO bodies (hash, data) VALUES (?, ?)').run(hash, compressText(json)).lastInsertRowid);
  return { id, hash, text, wordCount: countWords(text) };
}

/** Store a body whose hash, text and compressed blob were made elsewhere (the importer's worker threads). */
export function storePreparedBody(db: Db, body: PreparedBody): StoredBody {
  rememberBodyText(body.hash, body.text);
  const existing = stmt(db, 'SELECT id FROM bodies WHERE hash = ?').pluck().get(body.hash) as number | undefined;
  const id = existing ?? Number(stmt(db, 'INSERT INTO bodies (hash, data) VALUES (?, ?)').run(body.hash, body.blob).lastInsertRowid);
  return { id, hash: body.hash, text: body.text, wordCount: body.wordCount };
}

export { contentFoldHash, contentHash } from './contentHash.ts';

export interface InsertArticle {
  fields: ArticleFields;
  body: StoredBody;
  source: ArticleSource;
  now: string;
  id?: string;
  /** Precomputed `contentHash(headline, body text)`, when the caller already has it. */
  contentHash?: string;
  /** Precomputed `contentFoldHash(headline, body text)` (the importer's worker threads make it). */
  contentFoldHash?: string;
}

/** Insert and return the new row's keys; the caller already holds every value it wrote. */
export function insertArticle(db: Db, input: InsertArticle): { seq: number; id: string } {
  const id = input.id ?? uuidv7();
  const f = input.fields;
  const s = input.source;
  const row = stmt(db, 
      `INSERT INTO articles (id, ${FIELD_COLUMNS}, created_at, modified_at, version, body_id, word_count,
         source_path, source_sha256, source_encoding, source_confidence, source_format, imported_at, timezone_assumed,
         item_provider, item_id, item_version, content_hash, content_fold_hash)
       VALUES (@id, ${FIELD_PARAMS}, @now, @now, 1, @bodyId, @wordCount,
         @sourcePath, @sourceSha, @sourceEncoding, @sourceConfidence, @sourceFormat, @importedAt, @timezoneAssumed,
         @itemProvider, @itemId, @itemVersion, @contentHash, @contentFoldHash)
       RETURNING seq`,
    )
    .pluck()
    .get({
      id,
      ...fieldParams(f),
      now: input.now,
      bodyId: input.body.id,
      wordCount: input.body.wordCount,
      sourcePath: s.path,
      sourceSha: s.sha256,
      sourceEncoding: s.encoding,
      sourceConfidence: s.encodingConfidence,
      sourceFormat: s.format,
      importedAt: s.importedAt,
      timezoneAssumed: s.timezoneAssumed,
      itemProvider: s.itemProvider,
      itemId: s.itemId,
      itemVersion: s.itemVersion,
      contentHash: input.contentHash ?? contentHash(f.headline, input.body.text),
      contentFoldHash: input.contentFoldHash ?? contentFoldHash(f.headline, input.body.text),
    }) as number;
  return { seq: row, id };
}

export interface UpdateArticle {
  seq: number;
  fields: ArticleFields;
  body: StoredBody;
  now: string;
  /** The version the change was based on; the update fails when the row moved on. */
  baseVersion: number;
  source?: Partial<ArticleSource>;
}

/** Returns the updated row, or undefined when baseVersion is stale. */
export function updateArticle(db: Db, input: UpdateArticle): ArticleRow | undefined {
  const s = input.source ?? {};
  const updated = stmt(db, 
      `UPDATE articles SET ${FIELD_ASSIGNMENTS},
         modified_at = @now, version = version + 1, body_id = @bodyId, word_count = @wordCount,
         content_hash = @contentHash, content_fold_hash = @contentFoldHash,
         source_sha256 = coalesce(@sourceSha, source_sha256), source_encoding = coalesce(@sourceEncoding, source_encoding),
         source_confidence = coalesce(@sourceConfidence, source_confidence), imported_at = coalesce(@importedAt, imported_at),
         source_path = coalesce(@sourcePath, source_path), source_format = coalesce(@sourceFormat, source_format),
         timezone_assumed = CASE WHEN @sourceSha IS NULL THEN timezone_assumed ELSE @timezoneAssumed END,
         item_provider = coalesce(@itemProvider, item_provider), item_id = coalesce(@itemId, item_id),
         item_version = coalesce(@itemVersion, item_version)
       WHERE seq = @seq AND version = @baseVersion
       RETURNING seq`,
    )
    .pluck()
    .get({
      ...fieldParams(input.fields),
      seq: input.seq,
      baseVersion: input.baseVersion,
      now: input.now,
      bodyId: input.body.id,
      wordCount: input.body.wordCount,
      contentHash: contentHash(input.fields.headline, input.body.text),
      contentFoldHash: contentFoldHash(input.fields.headline, input.body.text),
      sourceSha: s.sha256 ?? null,
      sourceEncoding: s.encoding ?? null,
      sourceConfidence: s.encodingConfidence ?? null,
      importedAt: s.importedAt ?? null,
      // A later version may come from another file (and another format): the source follows the head.
      sourcePath: s.path ?? null,
      sourceFormat: s.format ?? null,
      timezoneAssumed: s.timezoneAssumed ?? null,
      itemProvider: s.itemProvider ?? null,
      itemId: s.itemId ?? null,
      itemVersion: s.itemVersion ?? null,
    }) as number | undefined;
  return updated === undefined ? undefined : getArticleRowBySeq(db, updated);
}

// Field columns and their named parameters, in one order, written once.
const FIELD_COLUMN_PARAMS: ReadonlyArray<readonly [string, string]> = [
  ['headline', 'headline'],
  ['dek', 'dek'],
  ['byline', 'byline'],
  ['dateline', 'dateline'],
  ['section', 'section'],
  ['tags', 'tags'],
  ['status', 'status'],
  ['language', 'language'],
  ['slug', 'slug'],
  ['target_length', 'targetLength'],
  ['posted_at', 'postedAt'],
  ['posted_ts', 'postedTs'],
  ['updated_at', 'updatedAt'],
  ['updated_ts', 'updatedTs'],
  ['slugline', 'slugline'],
  ['urgency', 'urgency'],
  ['priority', 'priority'],
  ['embargoed_until', 'embargoedUntil'],
  ['embargoed_ts', 'embargoedTs'],
  ['expires_at', 'expiresAt'],
  ['expires_ts', 'expiresTs'],
  ['editor_note', 'editorNote'],
  ['pub_status', 'pubStatus'],
  ['provider', 'provider'],
  ['signals', 'signals'],
  ['subjects', 'subjects'],
  ['genre', 'genre'],
  ['keywords', 'keywords'],
  ['located', 'located'],
  ['authors', 'authors'],
  ['copyright_holder', 'copyrightHolder'],
  ['credit_line', 'creditLine'],
  ['usage_terms', 'usageTerms'],
  ['desk', 'desk'],
];
const FIELD_COLUMNS = FIELD_COLUMN_PARAMS.map(([c]) => c).join(', ');
const FIELD_PARAMS = FIELD_COLUMN_PARAMS.map(([, p]) => `@${p}`).join(', ');
const FIELD_ASSIGNMENTS = FIELD_COLUMN_PARAMS.map(([c, p]) => `${c} = @${p}`).join(', ');

function fieldParams(f: ArticleFields): Record<string, string | number | null> {
  return {
    headline: f.headline,
    dek: f.dek,
    byline: f.byline,
    dateline: f.dateline,
    section: f.section,
    tags: JSON.stringify(f.tags),
    status: f.status,
    language: f.language,
    slug: f.slug,
    targetLength: f.targetLength,
    postedAt: f.postedAt,
    postedTs: toTimestamp(f.postedAt),
    updatedAt: f.updatedAt,
    updatedTs: toTimestamp(f.updatedAt),
    slugline: f.slugline,
    urgency: f.urgency,
    priority: f.priority,
    embargoedUntil: f.embargoedUntil,
    embargoedTs: toTimestamp(f.embargoedUntil),
    expiresAt: f.expiresAt,
    expiresTs: toTimestamp(f.expiresAt),
    editorNote: f.editorNote,
    pubStatus: f.pubStatus,
    provider: f.provider,
    signals: JSON.stringify(f.signals),
    subjects: JSON.stringify(f.subjects),
    genre: f.genre,
    keywords: JSON.stringify(f.keywords),
    located: f.located === null ? null : JSON.stringify(f.located),
    authors: JSON.stringify(f.authors),
    copyrightHolder: f.copyrightHolder,
    creditLine: f.creditLine,
    usageTerms: f.usageTerms,
    desk: f.desk,
  };
}

/** Article columns plus the body's compressed JSON as `body`. */
const SELECT_ROW = 'SELECT a.*, b.data AS body, b.hash AS body_hash FROM articles a JOIN bodies b ON b.id = a.body_id';

export function getArticleRow(db: Db, id: string): ArticleRow | undefined {
  return stmt(db, `${SELECT_ROW} WHERE a.id = ?`).get(id) as ArticleRow | undefined;
}

export function getArticleRowBySeq(db: Db, seq: number): ArticleRow | undefined {
  return stmt(db, `${SELECT_ROW} WHERE a.seq = ?`).get(seq) as ArticleRow | undefined;
}

