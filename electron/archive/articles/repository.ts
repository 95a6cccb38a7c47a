// SQL for the articles table. Parameters only; every multi-statement write is
// wrapped in a transaction by the caller (Archive).
import { uuidv7 } from '../db/uuid.ts';
import type { ArticleFields, ArticleSource } from '../../../shared/model/article.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import { compressText } from '../db/compress.ts';
import { rememberBodyText } from '../db/functions.ts';
import { sha256Hex } from '../db/hash.ts';
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

/** Identity of an article's content, for "same headline and body from another path". */
export function contentHash(headline: string, bodyText: string): string {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  return sha256Hex(`${norm(headline)}\n${norm(bodyText)}`);
}

export interface InsertArticle {
  fields: ArticleFields;
  body: StoredBody;
  source: ArticleSource;
  now: string;
  id?: string;
  /** Precomputed `contentHash(headline, body text)`, when the caller already has it. */
  contentHash?: string;
}

/** Insert and return the new row's keys; the caller already holds every value it wrote. */
export function insertArticle(db: Db, input: InsertArticle): { seq: number; id: string } {
  const id = input.id ?? uuidv7();
  const f = input.fields;
  const s = input.source;
  const row = stmt(db, 
      `INSERT INTO articles (id, headline, dek, byline, dateline, section, tags, status, language, slug, target_length,
         posted_at, posted_ts, updated_at, updated_ts, created_at, modified_at, version, body_id, word_count,
         source_path, source_sha256, source_encoding, source_confidence, source_format, imported_at, timezone_assumed, content_hash)
       VALUES (@id, @headline, @dek, @byline, @dateline, @section, @tags, @status, @language, @slug, @targetLength,
         @postedAt, @postedTs, @updatedAt, @updatedTs, @now, @now, 1, @bodyId, @wordCount,
         @sourcePath, @sourceSha, @sourceEncoding, @sourceConfidence, @sourceFormat, @importedAt, @timezoneAssumed, @contentHash)
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
      contentHash: input.contentHash ?? contentHash(f.headline, input.body.text),
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
      `UPDATE articles SET headline = @headline, dek = @dek, byline = @byline, dateline = @dateline, section = @section,
         tags = @tags, status = @status, language = @language, slug = @slug, target_length = @targetLength,
         posted_at = @postedAt, posted_ts = @postedTs, updated_at = @updatedAt, updated_ts = @updatedTs,
         modified_at = @now, version = version + 1, body_id = @bodyId, word_count = @wordCount, content_hash = @contentHash,
         source_sha256 = coalesce(@sourceSha, source_sha256), source_encoding = coalesce(@sourceEncoding, source_encoding),
         source_confidence = coalesce(@sourceConfidence, source_confidence), imported_at = coalesce(@importedAt, imported_at)
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
      sourceSha: s.sha256 ?? null,
      sourceEncoding: s.encoding ?? null,
      sourceConfidence: s.encodingConfidence ?? null,
      importedAt: s.importedAt ?? null,
    }) as number | undefined;
  return updated === undefined ? undefined : getArticleRowBySeq(db, updated);
}

function fieldParams(f: ArticleFields) {
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

