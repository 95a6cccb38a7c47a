// Explicit saves (Ctrl/Cmd+S), "keep mine on top" after a conflict, and
// recording the working copy as a revision (export, naming the current text).
import type { Article } from '../../../shared/model/article.ts';
import type { RevisionReason } from '../../../shared/model/revision.ts';
import type { Archive } from '../archive.ts';
import type { ArticleRow } from '../articles/mapper.ts';
import { appendRevision, latestRevision, type Snapshot } from '../revisions/repository.ts';
import { type EditInput, mergeEdit, mergeOnto } from './workingCopy.ts';

export interface SaveOutcome {
  article: Article;
  /** The revision holding the saved text (an existing one when nothing changed). */
  revisionId: number;
  /** For "keep mine on top": the revision that preserved the other editor's text, when it had none yet. */
  theirsRevisionId?: number | null;
}

/**
 * What an explicit save answers: the new version and the revision, not the
 * article. The editor already holds the text it saved; sending a long story
 * back (and decompressing it to do so) would cost more than the save itself.
 */
export interface SaveReceipt {
  id: string;
  version: number;
  modifiedAt: string;
  wordCount: number;
  /** The revision holding the saved text (an existing one when nothing changed). */
  revisionId: number;
  /** For "keep mine on top": the revision that preserved the other editor's text, when it had none yet. */
  theirsRevisionId?: number | null;
}

function receipt(row: Pick<ArticleRow, 'id' | 'version' | 'modified_at' | 'word_count'>, revisionId: number): SaveReceipt {
  return { id: row.id, version: row.version, modifiedAt: row.modified_at, wordCount: row.word_count, revisionId };
}

function receiptOf(article: Article, revisionId: number): SaveReceipt {
  return { id: article.id, version: article.version, modifiedAt: article.modifiedAt, wordCount: article.wordCount, revisionId };
}

export interface ExplicitSave extends EditInput {
  name?: string | null;
}

/**
 * Ctrl/Cmd+S. Usually the autosave already wrote the text, so the row is left
 * alone (no version bump, no re-index) and only a revision is appended.
 */
export function saveExplicit(archive: Archive, input: ExplicitSave): SaveReceipt {
  return archive.db
    .transaction((): SaveReceipt => {
      // `next` is read only when it changed: for a long story already autosaved,
      // decompressing the body would cost more than the whole save.
      const merged = mergeEdit(archive, input);
      const row = merged.row;
      if (!merged.unchanged) {
        const next = merged.next;
        const saved = archive.saveInTransaction({ ...input, fields: next.fields, body: next.body, reason: 'save', name: input.name ?? null });
        return receiptOf(saved.article, saved.revisionId as number);
      }
      return receipt(row, recordSnapshot(archive, row, merged.lazyNext, 'save', input.name ?? null));
    })
    .immediate();
}

/**
 * After a `conflict`: write my text as a new revision on top of whatever is
 * there now. If the other text lives only in the working copy (autosaved, no
 * revision yet), it is recorded first, so both texts survive in history.
 */
export function saveOnTop(archive: Archive, input: Omit<ExplicitSave, 'baseVersion'>): SaveReceipt {
  return archive.db
    .transaction((): SaveReceipt => {
      const row = archive.requireRow(input.id);
      const latest = latestRevision(archive.db, row.seq);
      let theirsRevisionId: number | null = null;
      if (!latest || latest.version < row.version) theirsRevisionId = recordRow(archive, row.id, 'save', null);
      const { next } = mergeOnto(row, input);
      const saved = archive.saveInTransaction({
        id: input.id,
        baseVersion: row.version,
        fields: next.fields,
        body: next.body,
        reason: 'save',
        name: input.name ?? null,
      });
      return { ...receiptOf(saved.article, saved.revisionId as number), theirsRevisionId };
    })
    .immediate();
}

/**
 * Record the working copy as a revision without changing it (export, or
 * naming the current text). Plain saves equal to the newest revision are de-duplicated.
 */
export function recordRow(archive: Archive, id: string, reason: RevisionReason, name: string | null): number {
  const row = archive.requireRow(id);
  return recordSnapshot(archive, row, mergeOnto(row, {}).current, reason, name);
}

function recordSnapshot(archive: Archive, row: ArticleRow, snapshot: Snapshot, reason: RevisionReason, name: string | null): number {
  return appendRevision(archive.db, {
    articleSeq: row.seq,
    snapshot,
    // The snapshot's body is the row's stored body: reuse it by id and hash
    // instead of serializing, hashing and counting a long story again.
    storedBody: { id: row.body_id, hash: row.body_hash, text: '', wordCount: row.word_count },
    reason,
    name,
    version: row.version,
    wordCount: row.word_count,
    now: archive.now(),
  }).id;
}
