// The working copy is the article row. Autosaves overwrite it (bumping the
// version, so a second editor's stale write is caught) without necessarily
// adding a revision; this module holds the pieces both paths share.
import type { ArticleFields } from '../../../shared/model/article.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import type { Archive } from '../archive.ts';
import { pickFields } from '../archive.ts';
import { articleFromRow, type ArticleRow } from '../articles/mapper.ts';
import { ArchiveError } from '../errors.ts';
import { type Snapshot, snapshotHash } from '../revisions/repository.ts';
import { staleVersionError } from './conflict.ts';

export interface EditInput {
  id: string;
  /** The version the editor loaded or last saved; a stale one is refused with `conflict`. */
  baseVersion: number;
  fields?: Partial<ArticleFields>;
  body?: BodyState;
}

export interface Merged {
  row: ArticleRow;
  current: Snapshot;
  next: Snapshot;
  /** True when `next` has the same content as the row: nothing to write. */
  unchanged: boolean;
}

/** Load the row, check the version and merge the edit over it. Caller holds the transaction. */
export function mergeEdit(archive: Archive, input: EditInput): Merged {
  const row = archive.requireRow(input.id);
  if (row.version !== input.baseVersion) throw staleVersionError(row, input.baseVersion);
  return mergeOnto(row, input);
}

/** Merge without the version check (for "keep mine on top"). */
export function mergeOnto(row: ArticleRow, input: Pick<EditInput, 'fields' | 'body'>): Merged {
  const article = articleFromRow(row);
  const current: Snapshot = { fields: pickFields(article), body: article.body };
  const next: Snapshot = { fields: { ...current.fields, ...(input.fields ?? {}) }, body: input.body ?? current.body };
  validateFields(next.fields);
  return { row, current, next, unchanged: snapshotHash(current) === snapshotHash(next) };
}

function validateFields(fields: ArticleFields): void {
  if (fields.targetLength != null && !(Number.isInteger(fields.targetLength) && fields.targetLength > 0))
    throw new ArchiveError('invalid-input', 'The target length must be a whole number of words above zero.');
}
