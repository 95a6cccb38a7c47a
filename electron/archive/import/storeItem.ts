// Storing an item that carries an identity (provider + id, with a version):
// the identity, not the path, says which article it belongs to.
//
// - An unknown identity is a new article (flagged `near-duplicate` when another
//   article has the same headline and body, or the same except for case). A
//   path whose article was imported before it could be read as an item (no
//   identity yet) becomes that item: a new revision, today's path rule.
// - A newer version, from any path, is a new revision of the same article
//   (reason `import`, named by its signal: `Writethru 2`, `Correction`,
//   `Version 3`); a kill or withhold notice sets the status, a later version
//   lifts a withhold, a kill is final.
// - The same version again is a duplicate when it says what the archive
//   recorded for that version in any import of it (headline and body
//   whitespace-insensitive, every field the parser gave); a same-version
//   re-send that changed is a new revision of the head (`… (re-sent with
//   changes)`, flag `resent`).
// - An older version is kept in the history as a revision recording it (flag
//   `older-version`), followed by one that holds the head again (`Version N
//   stays the head`), so the newest revision is always the article as it is;
//   it never replaces the head.
// Rules in versions.ts; README "Identity and versions".
import type { ArticleFields, ArticleStatus } from '../../../shared/model/article.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { contentHash } from '../articles/contentHash.ts';
import { fieldsFromRow } from '../articles/mapper.ts';
import { storePreparedBody } from '../articles/repository.ts';
import { recordedVersions, recordItemVersion, statusBeforeHold } from '../revisions/items.ts';
import { appendRevision } from '../revisions/repository.ts';
import type { ItemIdentity } from './parsers/types.ts';
import type { PreparedArticle } from './prepareFile.ts';
import type { ExistingRow } from './lookups.ts';
import { insertNew, nearDuplicate, sourceOf, type StoreContext, type Stored, stored, updateByPath } from './storeWrites.ts';
import { compareVersions, fieldsToWrite, providerNotice, type ProviderNotice, revisionName, sameFields, statusAfter } from './versions.ts';

export function storeItem(ctx: StoreContext, sourcePath: string, parsed: PreparedArticle, identity: ItemIdentity, atPath: ExistingRow | undefined): Stored {
  const notice = providerNotice(parsed.fields);
  const head = ctx.lookups.item(identity.provider, identity.id);
  if (!head) {
    const name = revisionName('first', parsed.fields, identity.version, null);
    const fields = notice ? { ...parsed.fields, status: notice } : parsed.fields;
    if (atPath && atPath.item_id === null)
      return updateByPath(ctx, atPath, sourcePath, parsed, { fields, name, reason: `now read as item ${itemLabel(identity)}` });
    // In a shared archive the same bytes and item are one article, wherever they were imported first.
    const twin = ctx.archive.importTwin(sourceOf(ctx, sourcePath, parsed));
    if (twin) return stored('duplicate', twin, 'the same file is already in the shared archive');
    return insertNew(ctx, sourcePath, parsed, sameText(ctx, parsed) ?? nearDuplicate(ctx, parsed), fields, name);
  }
  const order = compareVersions(identity.version, head.item_version);
  if (order !== 'newer' && saysNothingNew(ctx, head, parsed, identity.version, order))
    return stored('duplicate', head.id, `${versionText(identity.version)} of item ${itemLabel(identity)} is already in the archive`);
  if (order === 'older') return keepInHistory(ctx, head, parsed, identity, notice);
  return updateHead(ctx, head, sourcePath, parsed, identity, notice, order === 'same');
}

const itemLabel = (identity: ItemIdentity) => (identity.provider === '' ? identity.id : `${identity.provider} ${identity.id}`);
const versionText = (version: number | null) => (version === null ? 'the unversioned send' : `version ${version}`);

/**
 * Equal to what the archive recorded for this version: any import revision of
 * it (a send seen before, even if another send of the same version came
 * since: re-importing both never flips the head), or, for the head's own
 * version before any was recorded, the head. Compared with what the import
 * would write: an empty headline or body keeps the recorded one.
 */
function saysNothingNew(ctx: StoreContext, head: ExistingRow, parsed: PreparedArticle, version: number | null, order: 'same' | 'older'): boolean {
  const recorded: Array<{ fields: ArticleFields; hash: string; bodyText: () => string }> = recordedVersions(ctx.lookups.db, head.seq, version).map((r) => ({
    fields: r.fields,
    hash: contentHash(r.fields.headline, r.bodyText),
    bodyText: () => r.bodyText,
  }));
  if (recorded.length === 0 && order === 'same') recorded.push({ fields: fieldsFromRow(head), hash: head.content_hash, bodyText: () => bodyTextOf(ctx, head) });
  const given = parsed.fields.headline ?? '';
  const toWrite = fieldsToWrite(parsed.fields);
  return recorded.some((r) => {
    const headline = given !== '' ? given : r.fields.headline;
    const arriving = headline === given && parsed.body.text !== '' ? parsed.contentHash : contentHash(headline, parsed.body.text !== '' ? parsed.body.text : r.bodyText());
    return arriving === r.hash && sameFields(r.fields, toWrite);
  });
}

function bodyTextOf(ctx: StoreContext, head: ExistingRow): string {
  return ctx.archive.getArticle(head.id).bodyText;
}

/** Another item, or an article without identity, with exactly this headline and body: kept as its own article, flagged. */
function sameText(ctx: StoreContext, parsed: PreparedArticle): Stored | undefined {
  const other = ctx.lookups.sameContent(parsed.contentHash);
  if (!other) return undefined;
  const what = other.item_id === null ? 'an article without item identity' : `item ${other.item_provider ? `${other.item_provider} ` : ''}${other.item_id}`;
  return stored('imported', other.id, `near-duplicate of article ${other.id} (${what}): the same headline and body under another identity, kept as its own article`, [
    'near-duplicate',
  ]);
}

function updateHead(
  ctx: StoreContext,
  head: ExistingRow,
  sourcePath: string,
  parsed: PreparedArticle,
  identity: ItemIdentity,
  notice: ProviderNotice,
  resent: boolean,
): Stored {
  const current = head.status as ArticleStatus;
  const status = statusAfter(current, notice, () => statusBeforeHold(ctx.lookups.db, head.seq));
  const fields: Partial<ArticleFields> = { ...fieldsToWrite(parsed.fields), status };
  const name = revisionName(resent ? 'resent' : 'newer', parsed.fields, identity.version, head.item_version);
  // The update trigger removes the old row from the index: it must be there first.
  ctx.index.flush();
  const saved = ctx.archive.saveInTransaction(
    {
      id: head.id,
      baseVersion: head.version,
      fields,
      // A version without a body (a bare kill notice) keeps the story's text.
      ...(parsed.body.text !== '' ? { body: JSON.parse(parsed.body.json) as BodyState } : {}),
      reason: 'import',
      name,
    },
    sourceOf(ctx, sourcePath, parsed),
  );
  const flags: string[] = resent ? ['resent'] : [];
  const notes: string[] = [
    resent
      ? `${versionText(identity.version)} of item ${itemLabel(identity)} re-sent with changes: a new revision`
      : `${versionText(identity.version)} of item ${itemLabel(identity)} replaces ${versionText(head.item_version)}: a new revision${name ? ` (${name})` : ''}`,
  ];
  if (current === 'killed' && notice !== 'killed') {
    flags.push('after-kill');
    notes.push('the article stays killed (a kill is final)');
  } else if (status === 'killed' && current !== 'killed') notes.push('the provider killed it');
  else if (status === 'withheld' && current !== 'withheld') notes.push('the provider withheld it');
  else if (current === 'withheld' && status !== 'withheld') notes.push(`the withhold is lifted (status ${status})`);
  return stored('updated', saved.article.id, notes.join('; '), flags);
}

/** An older version than the head's: a revision that records it, the head untouched. */
function keepInHistory(ctx: StoreContext, head: ExistingRow, parsed: PreparedArticle, identity: ItemIdentity, notice: ProviderNotice): Stored {
  const db = ctx.lookups.db;
  const row = ctx.archive.requireRow(head.id);
  const fields: ArticleFields = { ...fieldsFromRow(head), ...fieldsToWrite(parsed.fields), status: notice ?? (head.status as ArticleStatus) };
  const body =
    parsed.body.text !== '' ? storePreparedBody(db, parsed.body) : { id: row.body_id, hash: row.body_hash, text: '', wordCount: row.word_count };
  // The article's own version does not move: its content did not change (like an export revision).
  const rev = appendRevision(db, {
    articleSeq: head.seq,
    snapshot: { fields },
    storedBody: body,
    reason: 'import',
    name: revisionName('older', parsed.fields, identity.version, head.item_version),
    version: head.version,
    wordCount: body.wordCount,
    now: ctx.archive.now(),
  });
  recordItemVersion(db, rev.id, identity.version);
  // The newest revision is always the article as it stands (history, diff and retention rely on it,
  // and a shared archive's head is its newest revision): close the record with the head again.
  const headName = versionText(head.item_version);
  appendRevision(db, {
    articleSeq: head.seq,
    snapshot: { fields: fieldsFromRow(head) },
    storedBody: { id: row.body_id, hash: row.body_hash, text: '', wordCount: row.word_count },
    reason: 'import',
    name: `${headName.charAt(0).toUpperCase()}${headName.slice(1)} stays the head`,
    version: head.version,
    wordCount: row.word_count,
    now: ctx.archive.now(),
  });
  return stored(
    'updated',
    head.id,
    `${versionText(identity.version)} of item ${itemLabel(identity)} is older than the ${versionText(head.item_version)} the article holds: kept in its history, the article is unchanged`,
    ['older-version'],
  );
}
