// SQL for the articles table. Parameters only; every multi-statement write is
// wrapped in a transaction by the caller (Archive).
import { randomUUID } from 'node:crypto';
import type { ArticleFields, ArticleSource } from '../../../shared/model/article.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import { compressText } from '../db/compress.ts';
import { rememberBodyText } from '../db/functions.ts';
import { sha256Hex } from '../db/hash.ts';
import type { Db } from '../db/open.ts';
import { type ArticleRow, toTimestamp } from './mapper.ts';

export interface StoredBody {
  blob: Buffer;
  text: string;
  wordCount: number;
}

export function storeBody(body: BodyState): StoredBody {
  const text = bodyToPlainText(body);
  const blob = compressText(JSON.stringify(body));
  rememberBodyText(blob, text);
  return { blob, text, wordCount: countWords(text) };
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
}

export function insertArticle(db: Db, input: InsertArticle): ArticleRow {
  const f = input.fields;
  const s = input.source;
  const row = db
    .prepare(
      `INSERT INTO articles (id, headline, dek, byline, dateline, section, tags, status, language, slug, target_length,
         posted_at, posted_ts, updated_at, updated_ts, created_at, modified_at, version, body, word_count,
         source_path, source_sha256, source_encoding, source_confidence, source_format, imported_at, timezone_assumed, content_hash)
       VALUES (@id, @headline, @dek, @byline, @dateline, @section, @tags, @status, @language, @slug, @targetLength,
         @postedAt, @postedTs, @updatedAt, @updatedTs, @now, @now, 1, @body, @wordCount,
         @sourcePath, @sourceSha, @sourceEncoding, @sourceConfidence, @sourceFormat, @importedAt, @timezoneAssumed, @contentHash)
       RETURNING *`,
    )
    .get({
      id: input.id ?? randomUUID(),
      ...fieldParams(f),
      now: input.now,
      body: input.body.blob,
      wordCount: input.body.wordCount,
      sourcePath: s.path,
      sourceSha: s.sha256,
      sourceEncoding: s.encoding,
      sourceConfidence: s.encodingConfidence,
      sourceFormat: s.format,
      importedAt: s.importedAt,
      timezoneAssumed: s.timezoneAssumed,
      contentHash: contentHash(f.headline, input.body.text),
    }) as ArticleRow;
  return row;
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
  return db
    .prepare(
      `UPDATE articles SET headline = @headline, dek = @dek, byline = @byline, dateline = @dateline, section = @section,
         tags = @tags, status = @status, language = @language, slug = @slug, target_length = @targetLength,
         posted_at = @postedAt, posted_ts = @postedTs, updated_at = @updatedAt, updated_ts = @updatedTs,
         modified_at = @now, version = version + 1, body = @body, word_count = @wordCount, content_hash = @contentHash,
         source_sha256 = coalesce(@sourceSha, source_sha256), source_encoding = coalesce(@sourceEncoding, source_encoding),
         source_confidence = coalesce(@sourceConfidence, source_confidence), imported_at = coalesce(@importedAt, imported_at)
       WHERE seq = @seq AND version = @baseVersion
       RETURNING *`,
    )
    .get({
      ...fieldParams(input.fields),
      seq: input.seq,
      baseVersion: input.baseVersion,
      now: input.now,
      body: input.body.blob,
      wordCount: input.body.wordCount,
      contentHash: contentHash(input.fields.headline, input.body.text),
      sourceSha: s.sha256 ?? null,
      sourceEncoding: s.encoding ?? null,
      sourceConfidence: s.encodingConfidence ?? null,
      importedAt: s.importedAt ?? null,
    }) as ArticleRow | undefined;
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

export function getArticleRow(db: Db, id: string): ArticleRow | undefined {
  return db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
}

export function findBySourcePath(db: Db, path: string): ArticleRow | undefined {
  return db.prepare('SELECT * FROM articles WHERE source_path = ? ORDER BY seq LIMIT 1').get(path) as ArticleRow | undefined;
}

export function findByContentHash(db: Db, hash: string): ArticleRow | undefined {
  return db.prepare('SELECT * FROM articles WHERE content_hash = ? ORDER BY seq LIMIT 1').get(hash) as ArticleRow | undefined;
}

export function deleteArticle(db: Db, seq: number): void {
  db.prepare('DELETE FROM articles WHERE seq = ?').run(seq);
}
