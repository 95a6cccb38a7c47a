// Status changes: draft → edited → ready → published (and spiked). Moving to
// ready or published runs the desk's checklist; a failing item blocks the
// move (unless forced) and the error says which.
import { type Article, ARTICLE_STATUSES, type ArticleStatus } from '../../../shared/model/article.ts';
import { isWireCopy } from '../../../shared/editing/readyRules.ts';
import { canMove, type Checklist, GATED_STATUSES, readyChecklist, STATUS_TRANSITIONS } from '../../../shared/editing/workflow.ts';
import type { Archive } from '../archive.ts';
import { articleFromRow } from '../articles/mapper.ts';
import { ArchiveError } from '../errors.ts';
import { staleVersionError } from '../history/conflict.ts';
import type { SaveOutcome } from '../history/save.ts';
import { readReadyRules } from './rules.ts';

export interface StatusChange {
  id: string;
  status: ArticleStatus;
  /** When given, a stale version is refused with `conflict` like any save. */
  baseVersion?: number;
  /** Move even though the checklist fails (recorded in the revision name). */
  force?: boolean;
  name?: string | null;
}

export interface StatusOutcome extends Partial<SaveOutcome> {
  from: ArticleStatus;
  to: ArticleStatus;
  changed: boolean;
  checklist: Checklist;
}

export function isStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value);
}

export function articleChecklist(archive: Archive, id: string): Checklist {
  return checklistOf(archive, archive.getArticle(id));
}

/** The fixed checklist plus the desk's ready rules from the archive's settings, judged at the archive's clock. */
export function checklistOf(archive: Archive, article: Article): Checklist {
  return readyChecklist({
    headline: article.headline,
    dek: article.dek,
    bodyText: article.bodyText,
    targetLength: article.targetLength,
    wire: { slugline: article.slugline, urgency: article.urgency, embargoedUntil: article.embargoedUntil, wireCopy: isWireCopy(article), now: Date.parse(archive.now()) },
    rules: readReadyRules(archive.db),
  });
}

export function setStatus(archive: Archive, change: StatusChange): StatusOutcome {
  if (!isStatus(change.status)) throw new ArchiveError('invalid-input', `Unknown status "${String(change.status)}". Use one of: ${ARTICLE_STATUSES.join(', ')}.`);
  return archive.db
    .transaction((): StatusOutcome => {
      const row = archive.requireRow(change.id);
      if (change.baseVersion !== undefined && row.version !== change.baseVersion) throw staleVersionError(row, change.baseVersion);
      const article = articleFromRow(row);
      const from = article.status;
      const to = change.status;
      const checklist = checklistOf(archive, article);
      if (from === to) return { from, to, changed: false, checklist, article };
      if (!canMove(from, to))
        throw new ArchiveError('invalid-input', `An article cannot go from ${from} to ${to}; from ${from} it can go to ${STATUS_TRANSITIONS[from].join(', ')}.`, { from, to });
      if (GATED_STATUSES.includes(to) && !checklist.ready && !change.force) {
        const blockers = checklist.items.filter((i) => !i.ok).map((i) => i.detail);
        throw new ArchiveError('invalid-input', `Not ready: ${blockers.join(' ')}`, { from, to, checklist });
      }
      const saved = archive.saveInTransaction({
        id: change.id,
        baseVersion: row.version,
        fields: { status: to },
        reason: 'status',
        name: change.name ?? (checklist.ready || !GATED_STATUSES.includes(to) ? null : `forced to ${to} past the checklist`),
      });
      return { from, to, changed: true, checklist, article: saved.article, revisionId: saved.revisionId as number };
    })
    .immediate();
}
