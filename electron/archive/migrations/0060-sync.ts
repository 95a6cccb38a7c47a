import type { Database } from 'better-sqlite3';
import { uuidv7 } from '../db/uuid.ts';
import type { Migration } from './types.ts';

// The shared archive (electron/archive/sync). Revisions gain a global identity
// (`rid`, a UUID every replica and the server agree on), their parents
// (`revision_parents`: one for an edit, two or more for a merge, none for the
// first revision) and who made them (`author`, the server user; '' for work
// done before any remote). The reason list gains `merge` (an automatic merge
// of two offline edits) and `resolve` (a person's resolution of a conflict);
// SQLite cannot alter a CHECK, so `revisions` is rebuilt with its rows and
// ids kept. Existing history becomes a chain: each revision's parent is the
// article's revision before it.
//
// Articles gain `head_rid` (the revision the working copy shows) and
// `conflict` (1 while the article has several heads that did not merge).
// `remotes` lists the shared archives this replica syncs with (never a
// password), and `remote_revisions` which revisions each remote is known to
// hold: pushed from here or pulled from it. Version 6: 5 is the model base.
export const sync: Migration = {
  version: 6,
  name: 'sync',
  up(db: Database) {
    db.exec(`
CREATE TABLE revisions_next (
  id INTEGER PRIMARY KEY,
  article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('import', 'save', 'autosave', 'restore', 'status', 'export', 'merge', 'resolve')),
  name TEXT,
  version INTEGER NOT NULL,
  word_count INTEGER NOT NULL,
  hash TEXT NOT NULL,
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
  rid TEXT NOT NULL UNIQUE,
  author TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO revisions_next (id, article_seq, created_at, reason, name, version, word_count, hash, snapshot_id, rid)
  SELECT id, article_seq, created_at, reason, name, version, word_count, hash, snapshot_id, 'pending-' || id FROM revisions;
DROP TABLE revisions;
ALTER TABLE revisions_next RENAME TO revisions;
CREATE INDEX revisions_article ON revisions (article_seq, id);

CREATE TABLE revision_parents (
  revision_id INTEGER NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  parent_rid TEXT NOT NULL,
  PRIMARY KEY (revision_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX revision_parents_parent ON revision_parents (parent_rid);

ALTER TABLE articles ADD COLUMN head_rid TEXT;
ALTER TABLE articles ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0 CHECK (conflict IN (0, 1));
CREATE INDEX articles_conflict ON articles (conflict) WHERE conflict = 1;

CREATE TABLE remotes (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  desk TEXT NOT NULL DEFAULT '',
  subscribe TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(subscribe) AND json_type(subscribe) = 'array'),
  pull_cursor INTEGER NOT NULL DEFAULT 0,
  last_sync TEXT,
  last_error TEXT,
  server_user TEXT,
  server_role TEXT,
  added_at TEXT NOT NULL
) STRICT;

CREATE TABLE remote_revisions (
  remote_id INTEGER NOT NULL REFERENCES remotes (id) ON DELETE CASCADE,
  revision_id INTEGER NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
  PRIMARY KEY (remote_id, revision_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX remote_revisions_revision ON remote_revisions (revision_id);
`);
    const setRid = db.prepare('UPDATE revisions SET rid = ? WHERE id = ?');
    // Collected first: an UPDATE while iterating the same table is not allowed.
    for (const id of db.prepare('SELECT id FROM revisions ORDER BY id').pluck().all() as number[]) setRid.run(uuidv7(), id);
    db.exec(`
INSERT INTO revision_parents (revision_id, position, parent_rid)
  SELECT r.id, 0, (SELECT p.rid FROM revisions p WHERE p.article_seq = r.article_seq AND p.id < r.id ORDER BY p.id DESC LIMIT 1)
  FROM revisions r
  WHERE EXISTS (SELECT 1 FROM revisions p WHERE p.article_seq = r.article_seq AND p.id < r.id);
UPDATE articles SET head_rid = (SELECT r.rid FROM revisions r WHERE r.article_seq = articles.seq ORDER BY r.id DESC LIMIT 1);
`);
  },
};
