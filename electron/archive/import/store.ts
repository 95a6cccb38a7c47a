// Writing one parsed article: decide its outcome (imported, updated,
// duplicate) from what the archive already holds, then write it through the
// Archive. Runs inside the importer's per-file savepoint.
//
// Items with an identity (a wire item's guid, uri, keyword…) follow the
// identity's version rules (storeItem.ts); everything else follows the path
// and content rules here. The writes themselves are in storeWrites.ts.
import type { PreparedArticle } from './prepareFile.ts';
import type { ExistingRow } from './lookups.ts';
import { storeItem } from './storeItem.ts';
import { insertNew, nearDuplicate, sourceOf, type StoreContext, type Stored, stored, updateByPath } from './storeWrites.ts';

export { type ExistingRow, ImportLookups } from './lookups.ts';
export type { StoreContext, Stored } from './storeWrites.ts';

/**
 * `record`: the article is one record of a container file (its bytes are shared with its siblings).
 * `known`: the row already looked up for this path (undefined: look it up here).
 */
export function storeArticle(ctx: StoreContext, sourcePath: string, parsed: PreparedArticle, record = false, known?: ExistingRow | null): Stored {
  const existing = known === undefined ? ctx.lookups.existing(sourcePath) : (known ?? undefined);
  if (parsed.identity) return storeItem(ctx, sourcePath, parsed, parsed.identity, existing);
  if (existing) {
    if (existing.source_sha256 === ctx.sha256) return stored('duplicate', existing.id, 'unchanged since it was last imported');
    return updateByPath(ctx, existing, sourcePath, parsed);
  }
  // In a shared archive the same bytes and item are one article, wherever they were imported first.
  const twin = ctx.archive.importTwin(sourceOf(ctx, sourcePath, parsed));
  if (twin) return stored('duplicate', twin, 'the same file is already in the shared archive');
  const same = ctx.lookups.sameContent(parsed.contentHash);
  if (same && same.source_sha256 === ctx.sha256 && !record)
    return stored('duplicate', same.id, `identical file already imported from ${same.source_path ?? 'another file'}`);
  if (same && ctx.onDuplicate === 'skip') return stored('duplicate', same.id, `same headline and body as ${same.source_path ?? `article ${same.id}`}`);
  return insertNew(ctx, sourcePath, parsed, same ? undefined : nearDuplicate(ctx, parsed));
}

