import type { Migration } from './types.ts';

// Which version of a wire item each import revision recorded (issue 11:
// identity and versions). An article's head holds one version of its item
// (`articles.item_version`); its history must say which version every import
// revision holds, so that an older version arriving late is kept in the history
// without replacing the head, and a re-send of a version already recorded is
// recognised as a duplicate.
//
// A table beside `revisions` rather than a column of it: another step of the
// same release rebuilds `revisions` with an explicit column list (SQLite cannot
// alter a CHECK), and a column added here would be lost whenever such a rebuild
// runs after this step. Rows keyed by revision id survive any rebuild that keeps
// the ids, and the step needs nothing from any other: it only adds a table.
// Only imports of items with an identity get a row; `item_version` is null when
// the item stated no version.
export const itemVersions: Migration = {
  version: 7,
  name: 'item-versions',
  up: `
CREATE TABLE revision_items (
  revision_id INTEGER PRIMARY KEY REFERENCES revisions (id) ON DELETE CASCADE,
  item_version INTEGER
) STRICT;
`,
};
