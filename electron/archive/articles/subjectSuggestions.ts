// The subjects already used in the archive that start with what the desk
// typed: by label (at its start or at any word's start), by code, or by
// `scheme:code`. The editor's subject picker offers them, most used first, so
// a desk reuses the codes its wires send instead of inventing near-duplicates.
// A scan over the stored JSON of articles that carry subjects: no extra index
// to keep in step, and only articles with subjects are unpacked.
import type { SubjectSuggestion } from '../../../shared/model/newsroom.ts';
import type { Db } from '../db/open.ts';

import { MAX_SUBJECT_SUGGESTIONS } from '../../../shared/contract/editor.ts';

const likeEscape = (s: string) => s.replace(/[\\%_]/gu, (c) => `\\${c}`);

export function subjectSuggestions(db: Db, prefix: string, limit = 10): SubjectSuggestion[] {
  const typed = prefix.trim();
  const starts = `${likeEscape(typed)}%`;
  const wordStarts = `% ${likeEscape(typed)}%`;
  const rows = db
    .prepare(
      `SELECT scheme, code, label, COUNT(*) AS uses FROM (
         SELECT coalesce(json_extract(j.value, '$.scheme'), '') AS scheme,
                coalesce(json_extract(j.value, '$.code'), '') AS code,
                coalesce(json_extract(j.value, '$.label'), '') AS label
         FROM articles a, json_each(a.subjects) j
         WHERE a.subjects <> '[]'
       )
       WHERE ? = '' OR label LIKE ? ESCAPE '\\' OR label LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\'
          OR (scheme <> '' AND scheme || ':' || code LIKE ? ESCAPE '\\')
       GROUP BY scheme, code, label
       ORDER BY uses DESC, label COLLATE NOCASE, code
       LIMIT ?`,
    )
    .all(typed, starts, wordStarts, starts, starts, Math.max(1, Math.min(MAX_SUBJECT_SUGGESTIONS, limit))) as SubjectSuggestion[];
  return rows.map((r) => ({ scheme: String(r.scheme), code: String(r.code), label: String(r.label), uses: Number(r.uses) }));
}
