import type { Migration } from './types.ts';

// The subject picker offers the subjects already used in the archive, most
// used first. It used to count them by scanning every article's JSON after
// each write (≈ 0.75 s at 100,000 articles with subjects: the first keystroke
// after every autosave waited for it). `subject_uses` keeps the counts, one
// row per distinct (scheme, code, label), maintained by triggers on
// `articles` like the search index, so the picker reads a table the size of
// the desk's vocabulary. A later migration that rebuilds `articles` must
// recreate these triggers. The SQL is written out here, not imported from
// articles/subjectCounts.ts: a shipped migration must not change with the code.
const element = (row: 'new' | 'old') => `SELECT coalesce(json_extract(j.value, '$.scheme'), '') AS scheme,
       coalesce(json_extract(j.value, '$.code'), '') AS code,
       coalesce(json_extract(j.value, '$.label'), '') AS label
     FROM json_each(${row}.subjects) j`;

const add = `INSERT INTO subject_uses (scheme, code, label, uses)
     SELECT scheme, code, label, 1 FROM (${element('new')}) WHERE true
     ON CONFLICT (scheme, code, label) DO UPDATE SET uses = uses + 1;`;

// An article may list a subject twice: each listing counted once, each taken back once.
const remove = `UPDATE subject_uses SET uses = uses - (
       SELECT count(*) FROM (${element('old')}) o
       WHERE o.scheme = subject_uses.scheme AND o.code = subject_uses.code AND o.label = subject_uses.label)
     WHERE (scheme, code, label) IN (${element('old')});
   DELETE FROM subject_uses WHERE uses <= 0;`;

const SQL = `
CREATE TABLE subject_uses (
  scheme TEXT NOT NULL,
  code TEXT NOT NULL,
  label TEXT NOT NULL,
  uses INTEGER NOT NULL CHECK (uses >= 0),
  PRIMARY KEY (scheme, code, label)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER articles_subjects_insert AFTER INSERT ON articles WHEN new.subjects <> '[]' BEGIN
  ${add}
END;
CREATE TRIGGER articles_subjects_delete AFTER DELETE ON articles WHEN old.subjects <> '[]' BEGIN
  ${remove}
END;
CREATE TRIGGER articles_subjects_update AFTER UPDATE OF subjects ON articles WHEN old.subjects IS NOT new.subjects BEGIN
  ${remove}
  ${add}
END;

INSERT INTO subject_uses (scheme, code, label, uses)
  SELECT scheme, code, label, count(*) FROM (
    SELECT coalesce(json_extract(j.value, '$.scheme'), '') AS scheme,
           coalesce(json_extract(j.value, '$.code'), '') AS code,
           coalesce(json_extract(j.value, '$.label'), '') AS label
    FROM articles a, json_each(a.subjects) j WHERE a.subjects <> '[]')
  GROUP BY scheme, code, label;
`;

export const subjectUses: Migration = {
  version: 9,
  name: 'subject-uses',
  up: SQL,
};
