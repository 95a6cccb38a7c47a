// The subjects already used in the archive that start with what the desk
// typed: by label (at its start or at any word's start), by code, or by
// `scheme:code`, case-insensitively. The editor's subject picker offers them,
// most used first, so a desk reuses the codes its wires send instead of
// inventing near-duplicates.
//
// The distinct subjects with how many times they are used come from
// `subject_uses` (migration 9, kept by triggers on `articles`): a table the
// size of the desk's vocabulary, where scanning every article's JSON took
// ≈ 0.75 s at 100,000 articles. The sorted list is kept per connection until
// the archive changes, since the picker asks on every keystroke. "Changed" is
// SQLite's own signal — `PRAGMA data_version` (commits by other connections,
// e.g. the app's writer seen from a reader) and `total_changes()` (this
// connection's own writes). An archive of an older schema (opened read-only,
// not migrated) is scanned as before.
import type { SubjectSuggestion } from '../../../shared/model/newsroom.ts';
import { MAX_SUBJECT_SUGGESTIONS } from '../../../shared/contract/editor.ts';
import type { Db } from '../db/open.ts';
import { hasSubjectCounts, SUBJECT_RECOUNT } from './subjectCounts.ts';

interface Cached {
  key: string;
  subjects: Array<SubjectSuggestion & { folded: string; codeFolded: string; qualified: string }>;
}

const cache = new WeakMap<Db, Cached>();

function changeKey(db: Db): string {
  return `${String(db.pragma('data_version', { simple: true }))}:${String(db.prepare('SELECT total_changes()').pluck().get())}`;
}

function distinctSubjects(db: Db): Cached['subjects'] {
  const key = changeKey(db);
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.subjects;
  const source = hasSubjectCounts(db) ? 'SELECT scheme, code, label, uses FROM subject_uses' : SUBJECT_RECOUNT;
  const rows = db
    .prepare(`${source} ORDER BY uses DESC, label COLLATE NOCASE, code`)
    .all() as Array<{ scheme: unknown; code: unknown; label: unknown; uses: unknown }>;
  const subjects = rows.map((r) => {
    const s = { scheme: String(r.scheme), code: String(r.code), label: String(r.label), uses: Number(r.uses) };
    return { ...s, folded: s.label.toLocaleLowerCase(), codeFolded: s.code.toLocaleLowerCase(), qualified: `${s.scheme}:${s.code}`.toLocaleLowerCase() };
  });
  cache.set(db, { key, subjects });
  return subjects;
}

export function subjectSuggestions(db: Db, prefix: string, limit = 10): SubjectSuggestion[] {
  const typed = prefix.trim().toLocaleLowerCase();
  const wordStart = ` ${typed}`;
  const max = Math.max(1, Math.min(MAX_SUBJECT_SUGGESTIONS, limit));
  const out: SubjectSuggestion[] = [];
  for (const s of distinctSubjects(db)) {
    const match =
      typed === '' ||
      s.folded.startsWith(typed) ||
      s.folded.includes(wordStart) ||
      s.codeFolded.startsWith(typed) ||
      (s.scheme !== '' && s.qualified.startsWith(typed));
    if (!match) continue;
    out.push({ scheme: s.scheme, code: s.code, label: s.label, uses: s.uses });
    if (out.length === max) break;
  }
  return out;
}
