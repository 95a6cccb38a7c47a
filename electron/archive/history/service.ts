// The editor's view of the archive: one object the IPC handler and the CLI
// call. Each method is one transaction; errors are ArchiveErrors with a code.
import type { Article, ArticleFields, FieldName } from '../../../shared/model/article.ts';
import { FIELD_NAMES } from '../../../shared/model/article.ts';
import type { RevisionSummary } from '../../../shared/model/revision.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import type { Checklist } from '../../../shared/editing/workflow.ts';
import type { ReadyRules } from '../../../shared/editing/readyRules.ts';
import { readReadyRules } from '../workflow/rules.ts';
import type { DiffFieldName, RevisionDiff, RevisionRef } from '../../../shared/editing/diff.ts';
import type { Archive, NewArticle } from '../archive.ts';
import { pickFields } from '../archive.ts';
import { ArchiveError } from '../errors.ts';
import { latestRevision, setRevisionName, type Snapshot } from '../revisions/repository.ts';
import { articleChecklist, setStatus, type StatusChange, type StatusOutcome } from '../workflow/status.ts';
import { autosave, type AutosaveResult } from './autosave.ts';
import { diffSnapshots } from './diff.ts';
import { pruneArchive } from './retention.ts';
import { type ExplicitSave, recordRow, saveExplicit, saveOnTop, type SaveOutcome, type SaveReceipt } from './save.ts';
import { type HistorySettings, historySettings } from './settings.ts';
import type { EditInput } from './workingCopy.ts';

export interface ArticleForEdit {
  article: Article;
  /** The newest revision, or null for an article with none. */
  latestRevisionId: number | null;
  /** True when the working copy holds text no revision has recorded yet (autosaves since the last revision). */
  unrecorded: boolean;
  checklist: Checklist;
  readyRules: ReadyRules;
}

export class EditorService {
  readonly settings: HistorySettings;

  constructor(
    readonly archive: Archive,
    settings: Partial<HistorySettings> = {},
  ) {
    this.settings = historySettings(settings);
  }

  open(id: string): ArticleForEdit {
    const article = this.archive.getArticle(id);
    const latest = latestRevision(this.archive.db, this.archive.requireRow(id).seq);
    return {
      article,
      latestRevisionId: latest?.id ?? null,
      unrecorded: !latest || latest.version < article.version,
      checklist: articleChecklist(this.archive, id),
      readyRules: readReadyRules(this.archive.db),
    };
  }

  create(input: NewArticle = {}): Article {
    return this.archive.createArticle({ ...input, source: {} }, 'save');
  }

  autosave(input: EditInput): AutosaveResult {
    return autosave(this.archive, input, this.settings);
  }

  save(input: ExplicitSave): SaveReceipt {
    return saveExplicit(this.archive, input);
  }

  saveOnTop(input: Omit<ExplicitSave, 'baseVersion'>): SaveReceipt {
    return saveOnTop(this.archive, input);
  }

  /** Record the working copy as an `export` revision (the exporter calls this). */
  recordExport(id: string, name: string | null = null): number {
    return this.archive.db.transaction(() => recordRow(this.archive, id, 'export', name)).immediate();
  }

  history(id: string): RevisionSummary[] {
    return this.archive.listRevisions(id);
  }

  nameRevision(id: string, revisionId: number, name: string | null): RevisionSummary {
    const trimmed = name?.trim() || null;
    if (trimmed && trimmed.length > 200) throw new ArchiveError('invalid-input', 'A revision name is at most 200 characters.');
    const seq = this.archive.requireRow(id).seq;
    if (!setRevisionName(this.archive.db, seq, revisionId, trimmed))
      throw new ArchiveError('not-found', `Article ${id} has no revision ${revisionId}.`);
    const rev = this.archive.getRevision(id, revisionId);
    const { fields: _f, body: _b, bodyText: _t, ...summary } = rev;
    return summary;
  }

  diff(id: string, from: RevisionRef, to: RevisionRef): RevisionDiff {
    const result = diffSnapshots(this.snapshot(id, from), this.snapshot(id, to));
    return { articleId: id, from, to, fields: result.fields, coarse: result.coarse };
  }

  restore(id: string, revisionId: number, options: { field?: DiffFieldName; baseVersion?: number } = {}): SaveOutcome {
    if (options.field !== undefined && options.field !== 'body' && !(FIELD_NAMES as readonly string[]).includes(options.field))
      throw new ArchiveError('invalid-input', `Unknown field "${options.field}". Use body or one of: ${FIELD_NAMES.join(', ')}.`);
    const field = options.field as FieldName | 'body' | undefined;
    const result = this.archive.restore(id, revisionId, { ...(field ? { field } : {}), ...(options.baseVersion !== undefined ? { baseVersion: options.baseVersion } : {}) });
    return { article: result.article, revisionId: result.revisionId as number };
  }

  setStatus(change: StatusChange): StatusOutcome {
    return setStatus(this.archive, change);
  }

  checklist(id: string): Checklist {
    return articleChecklist(this.archive, id);
  }

  prune(): { articles: number; deleted: number } {
    return pruneArchive(this.archive.db, this.settings.retention, Date.parse(this.archive.now()));
  }

  private snapshot(id: string, ref: RevisionRef): Snapshot {
    if (ref === 'current') {
      const article = this.archive.getArticle(id);
      return { fields: pickFields(article), body: article.body };
    }
    const rev = this.archive.getRevision(id, ref);
    return { fields: rev.fields, body: rev.body };
  }
}

export type { AutosaveResult, ExplicitSave, SaveOutcome, StatusChange, StatusOutcome, EditInput, ArticleFields, BodyState };
