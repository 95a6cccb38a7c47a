// Handlers of shared/contract/editor.ts. Every write goes to the single writer
// worker (one transaction each); history and diffs read from the pool.
import type { ArticleForEditValue, AutosaveValue, editorContract, SaveReceiptValue, SaveValue, StatusValue } from '../../../shared/contract/editor.ts';
import type { DiffFieldName } from '../../../shared/editing/diff.ts';
import type { Archive } from '../../archive/archive.ts';
import type { ArticleForEdit } from '../../archive/history/service.ts';
import { EditorService } from '../../archive/history/service.ts';
import type { AutosaveResult } from '../../archive/history/autosave.ts';
import type { SaveOutcome, SaveReceipt } from '../../archive/history/save.ts';
import type { StatusOutcome } from '../../archive/workflow/status.ts';
import { writeReadyRules } from '../../archive/workflow/rules.ts';
import { type DomainHandlers, reader, writer } from './types.ts';

// The contract restates the core's shapes (shared/ cannot import the core); these fail to compile if they drift.
type Assignable<T extends U, U> = T;
export type OpenAgrees = Assignable<ArticleForEdit, ArticleForEditValue>;
export type AutosaveAgrees = Assignable<AutosaveResult, AutosaveValue>;
export type SaveAgrees = Assignable<SaveOutcome, SaveValue>;
export type SaveReceiptAgrees = Assignable<SaveReceipt, SaveReceiptValue>;
export type StatusAgrees = Assignable<StatusOutcome, StatusValue>;

// One service per archive handle: it holds only settings, so this is a cache, not state.
const services = new WeakMap<Archive, EditorService>();
function editing(archive: Archive): EditorService {
  let service = services.get(archive);
  if (!service) services.set(archive, (service = new EditorService(archive)));
  return service;
}

/** Zod's partial object types carry `| undefined`; the core's optional props don't. Drop the undefined keys. */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export const editorHandlers = {
  open: reader((archive, input) => editing(archive).open(input.id)),
  create: writer((archive, input) => {
    const service = editing(archive);
    return service.open(service.create(defined(input)).id);
  }),
  autosave: writer((archive, input) => editing(archive).autosave(defined({ ...input, fields: input.fields && defined(input.fields) }))),
  save: writer((archive, input) => editing(archive).save(defined({ ...input, fields: input.fields && defined(input.fields) }))),
  saveOnTop: writer((archive, input) => editing(archive).saveOnTop(defined({ ...input, fields: input.fields && defined(input.fields) }))),
  history: reader((archive, input) => ({ revisions: editing(archive).history(input.id) })),
  diff: reader((archive, input) => editing(archive).diff(input.id, input.from, input.to)),
  restore: writer((archive, input) =>
    editing(archive).restore(input.id, input.revisionId, defined({ field: input.field as DiffFieldName | undefined, baseVersion: input.baseVersion })),
  ),
  setStatus: writer((archive, input) => editing(archive).setStatus(defined(input))),
  nameRevision: writer((archive, input) => editing(archive).nameRevision(input.id, input.revisionId, input.name)),
  subjectSuggestions: reader((archive, input) => ({ suggestions: archive.subjectSuggestions(input.prefix, input.limit) })),
  setReadyRules: writer((archive, input) => writeReadyRules(archive.db, defined(input))),
} satisfies DomainHandlers<typeof editorContract>;
