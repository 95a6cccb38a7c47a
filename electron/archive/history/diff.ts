// Word-level diff of two snapshots, field by field. Revisions are full
// snapshots, so any two can be compared directly: no chain to replay.
import { diffWordsWithSpace } from 'diff';
import type { ArticleFields } from '../../../shared/model/article.ts';
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import { DIFF_FIELDS, type DiffFieldName, type DiffPart, fieldValueText, type FieldDiff } from '../../../shared/editing/diff.ts';
import type { Snapshot } from '../revisions/repository.ts';

export interface DiffOptions {
  /** Give up on word granularity after this long and show the field as replaced. */
  timeoutMs?: number;
}

export function fieldText(snapshot: Snapshot, field: DiffFieldName): string {
  if (field === 'body') return bodyToPlainText(snapshot.body);
  return fieldValueText(field, snapshot.fields[field as keyof ArticleFields]);
}

export function diffText(before: string, after: string, options: DiffOptions = {}): { parts: DiffPart[]; coarse: boolean } {
  if (before === after) return { parts: before === '' ? [] : [{ op: 'equal', text: before }], coarse: false };
  const changes = diffWordsWithSpace(before, after, { timeout: options.timeoutMs ?? 2000 });
  if (!changes) {
    const parts: DiffPart[] = [];
    if (before !== '') parts.push({ op: 'removed', text: before });
    if (after !== '') parts.push({ op: 'added', text: after });
    return { parts, coarse: true };
  }
  const parts: DiffPart[] = [];
  for (const c of changes) {
    const op: DiffPart['op'] = c.added ? 'added' : c.removed ? 'removed' : 'equal';
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += c.value;
    else parts.push({ op, text: c.value });
  }
  return { parts, coarse: false };
}

export function diffSnapshots(a: Snapshot, b: Snapshot, options: DiffOptions = {}): { fields: FieldDiff[]; coarse: boolean } {
  let coarse = false;
  const fields = DIFF_FIELDS.map((field): FieldDiff => {
    const before = fieldText(a, field);
    const after = fieldText(b, field);
    const result = diffText(before, after, options);
    coarse ||= result.coarse;
    let added = 0;
    let removed = 0;
    for (const p of result.parts) {
      if (p.op === 'added') added += countWords(p.text);
      else if (p.op === 'removed') removed += countWords(p.text);
    }
    return { field, changed: before !== after, before, after, parts: result.parts, added, removed };
  });
  return { fields, coarse };
}
