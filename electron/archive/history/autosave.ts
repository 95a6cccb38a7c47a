// Autosave: the editor calls this about once a second while the user types.
// Every call that changes something overwrites the working copy (the article
// row) in its own committed transaction, so a killed app loses at most the
// last debounce window. A revision is added only when the article's newest
// revision is older than the interval: at most one autosave revision per 10
// minutes of editing, however many autosaves ran.
import type { Archive } from '../archive.ts';
import * as articles from '../articles/repository.ts';
import { appendRevision, latestRevision } from '../revisions/repository.ts';
import { staleVersionError } from './conflict.ts';
import { pruneArticle } from './retention.ts';
import type { HistorySettings } from './settings.ts';
import { type EditInput, mergeEdit } from './workingCopy.ts';

export interface AutosaveResult {
  id: string;
  /** The version to send as baseVersion next time. */
  version: number;
  modifiedAt: string;
  wordCount: number;
  /** False when the edit equalled the stored working copy and nothing was written. */
  written: boolean;
  /** The revision this autosave created, or null (coalesced into the working copy). */
  revisionId: number | null;
}

export function autosave(archive: Archive, input: EditInput, settings: HistorySettings): AutosaveResult {
  return archive.db
    .transaction((): AutosaveResult => {
      const merged = mergeEdit(archive, input);
      const { row } = merged;
      if (merged.unchanged)
        return { id: row.id, version: row.version, modifiedAt: row.modified_at, wordCount: row.word_count, written: false, revisionId: null };
      const next = merged.next;
      const now = archive.now();
      const body = articles.storeBody(archive.db, next.body);
      const updated = articles.updateArticle(archive.db, { seq: row.seq, fields: next.fields, body, now, baseVersion: input.baseVersion });
      if (!updated) throw staleVersionError(row, input.baseVersion);
      let revisionId: number | null = null;
      const latest = latestRevision(archive.db, row.seq);
      const nowMs = Date.parse(now);
      if (!latest || nowMs - Date.parse(latest.createdAt) >= settings.autosaveRevisionIntervalMs) {
        const rev = appendRevision(archive.db, {
          articleSeq: row.seq,
          snapshot: next,
          reason: 'autosave',
          name: null,
          version: updated.version,
          wordCount: body.wordCount,
          now,
        });
        if (rev.created) revisionId = rev.id;
        // Thinning runs only when history grows, so its cost is paid once per interval, not per keystroke.
        pruneArticle(archive.db, row.seq, settings.retention, nowMs);
      }
      return { id: updated.id, version: updated.version, modifiedAt: updated.modified_at, wordCount: updated.word_count, written: true, revisionId };
    })
    .immediate();
}
