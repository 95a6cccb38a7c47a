// The writes behind an import outcome, shared by the path/content rules
// (store.ts) and the identity rules (storeItem.ts).
import type { Archive } from '../archive.ts';
import { fieldsFromRow } from '../articles/mapper.ts';
import type { ArticleFields, ArticleSource } from '../../../shared/model/article.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import type { ExistingRow, ImportLookups } from './lookups.ts';
import type { PreparedArticle } from './prepareFile.ts';
import type { ImportOutcome } from './types.ts';
import { sameFields } from './versions.ts';

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
  /** Report flags the outcome adds (`near-duplicate`, `older-version`, …). */
  flags: string[];
}

export function stored(outcome: Stored['outcome'], articleId: string, reason: string | null = null, flags: string[] = []): Stored {
  return { outcome, articleId, reason, flags };
}

export function sourceOf(ctx: StoreContext, sourcePath: string, parsed: PreparedArticle): ArticleSource {
  return {
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
}

/**
 * Same path, changed file: a new revision of the same article (a case-only fix
 * included: the content hash keeps case). A changed file whose article comes out
 * identical, every field the parser gave included, is a duplicate.
 */
export function updateByPath(
  ctx: StoreContext,
  existing: ExistingRow,
  sourcePath: string,
  parsed: PreparedArticle,
  options: { fields?: Partial<ArticleFields>; name?: string | null; reason?: string | null } = {},
): Stored {
  const given = options.fields ?? parsed.fields;
  const same =
    existing.content_hash === parsed.contentHash &&
    existing.item_id === (parsed.identity?.id ?? null) &&
    (given.status ?? existing.status) === existing.status &&
    sameFields(fieldsFromRow(existing), given);
  if (same)
    return stored('duplicate', existing.id, 'file changed but its article did not');
  // The update trigger removes the old row from the index: it must be there first.
  ctx.index.flush();
  const { slug: _slug, ...fields } = given;
  const saved = ctx.archive.saveInTransaction(
    { id: existing.id, baseVersion: existing.version, fields, body: JSON.parse(parsed.body.json) as BodyState, reason: 'import', name: options.name ?? null },
    sourceOf(ctx, sourcePath, parsed),
  );
  return stored('updated', saved.article.id, options.reason ?? null);
}

/** An article whose headline and body differ from another's only in case (whitespace aside): kept, and flagged. */
export function nearDuplicate(ctx: StoreContext, parsed: PreparedArticle): Stored | undefined {
  const other = ctx.lookups.sameFoldedContent(parsed.contentFoldHash);
  if (!other) return undefined;
  return stored('imported', other.id, `near-duplicate of article ${other.id}${other.source_path ? ` (${other.source_path})` : ''}: the same headline and body except for case`, [
    'near-duplicate',
  ]);
}

/** A new article with its first revision; `flagged` carries a near-duplicate's reason and flags. */
export function insertNew(ctx: StoreContext, sourcePath: string, parsed: PreparedArticle, flagged?: Stored, fields = parsed.fields, name: string | null = null): Stored {
  const article = ctx.archive.insertPrepared(
    { fields, body: parsed.body, contentHash: parsed.contentHash, contentFoldHash: parsed.contentFoldHash, source: sourceOf(ctx, sourcePath, parsed) },
    'import',
    name,
  );
  return stored('imported', article.id, flagged?.reason ?? null, flagged?.flags ?? []);
}
