// The working copy is the article row. Autosaves overwrite it (bumping the
// version, so a second editor's stale write is caught) without necessarily
// adding a revision; this module holds the pieces both paths share.
import type { ArticleFields } from '../../../shared/model/article.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import type { Archive } from '../archive.ts';
import { type ArticleRow, fieldsFromRow } from '../articles/mapper.ts';
import { decompressText } from '../db/compress.ts';
import { canonicalJson, sha256Hex } from '../db/hash.ts';
import { ArchiveError } from '../errors.ts';
import type { Snapshot } from '../revisions/repository.ts';
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
  /** The stored state; the body is decompressed only when asked for. */
  readonly current: Snapshot;
  /** The state after the edit. */
  readonly next: Snapshot;
  /** `next`, but the stored body is decompressed only on access (recording a revision never needs it). */
  readonly lazyNext: Snapshot;
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
  const currentFields = fieldsFromRow(row);
  const nextFields = { ...currentFields, ...(input.fields ?? {}) };
  validateFields(nextFields);
  // The row keeps the SHA-256 of the body JSON it stores, which is the
  // JSON.stringify of what the editor sent last time: "unchanged" needs no
  // decompress or parse of a long body on every autosave.
  const sameBody = input.body === undefined || sha256Hex(JSON.stringify(input.body)) === row.body_hash;
  const unchanged = sameBody && canonicalJson(nextFields) === canonicalJson(currentFields);
  let stored: BodyState | undefined;
  const storedBody = () => (stored ??= JSON.parse(decompressText(row.body)) as BodyState);
  return {
    row,
    unchanged,
    get current(): Snapshot {
      return { fields: currentFields, body: storedBody() };
    },
    get next(): Snapshot {
      return { fields: nextFields, body: input.body ?? storedBody() };
    },
    // The same snapshot with its body read only if someone asks for it.
    lazyNext: {
      fields: nextFields,
      get body(): BodyState {
        return input.body ?? storedBody();
      },
    },
  };
}

function validateFields(fields: ArticleFields): void {
  if (fields.targetLength != null && !(Number.isInteger(fields.targetLength) && fields.targetLength > 0))
    throw new ArchiveError('invalid-input', 'The target length must be a whole number of words above zero.');
}
