import type { Migration } from './types.ts';

// The first schema. Text lives once: headline/dek/byline as columns, each
// distinct body once in `bodies` as compressed Lexical JSON, shared by the
// article and every revision snapshot that has it. The FTS index is
// external-content over a view that derives body text and CJK bigrams, kept in
// sync by triggers. Large blobs live in rowid tables: WITHOUT ROWID b-trees
// spill rows over ~1 KB into half-empty overflow pages.
export const init: Migration = {
  version: 1,
  name: 'init',
  up: `
CREATE TABLE bodies (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  data BLOB NOT NULL
) STRICT;

CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  headline TEXT NOT NULL DEFAULT '',
  dek TEXT NOT NULL DEFAULT '',
  byline TEXT NOT NULL DEFAULT '',
  dateline TEXT NOT NULL DEFAULT '',
  section TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'edited', 'ready', 'published', 'spiked')),
  language TEXT NOT NULL DEFAULT '',
  slug TEXT NOT NULL DEFAULT '',
  target_length INTEGER CHECK (target_length IS NULL OR target_length > 0),
  posted_at TEXT,
  posted_ts INTEGER,
  updated_at TEXT,
  updated_ts INTEGER,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  body_id INTEGER NOT NULL REFERENCES bodies (id),
  word_count INTEGER NOT NULL DEFAULT 0,
  source_path TEXT,
  source_sha256 TEXT,
  source_encoding TEXT,
  source_confidence REAL,
  source_format TEXT,
  imported_at TEXT,
  timezone_assumed TEXT,
  content_hash TEXT NOT NULL
) STRICT;
CREATE INDEX articles_posted ON articles (posted_ts);
CREATE INDEX articles_updated ON articles (updated_ts);
CREATE INDEX articles_modified ON articles (modified_at);
CREATE INDEX articles_section ON articles (section COLLATE NOCASE);
CREATE INDEX articles_source_path ON articles (source_path);
CREATE INDEX articles_content_hash ON articles (content_hash);

CREATE TABLE snapshots (
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  fields TEXT NOT NULL CHECK (json_valid(fields)),
  body_id INTEGER NOT NULL REFERENCES bodies (id)
) STRICT;

CREATE TABLE revisions (
  id INTEGER PRIMARY KEY,
  article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('import', 'save', 'autosave', 'restore', 'status', 'export')),
  name TEXT,
  version INTEGER NOT NULL,
  word_count INTEGER NOT NULL,
  hash TEXT NOT NULL,
  snapshot_id INTEGER NOT NULL REFERENCES snapshots (id)
) STRICT;
CREATE INDEX revisions_article ON revisions (article_seq, id);

CREATE TABLE originals (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  data BLOB NOT NULL
) STRICT;

CREATE VIEW search_source AS
  SELECT a.seq, a.headline, a.dek, a.byline, cd_body_text(b.hash, b.data) AS body,
         cd_cjk(a.headline) AS cjk_headline, cd_cjk(a.dek) AS cjk_dek, cd_cjk(a.byline) AS cjk_byline,
         cd_cjk(cd_body_text(b.hash, b.data)) AS cjk_body
  FROM articles a JOIN bodies b ON b.id = a.body_id;

CREATE VIRTUAL TABLE search_index USING fts5 (
  headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body,
  content = 'search_source', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(10.0, 4.0, 3.0, 1.0, 10.0, 4.0, 3.0, 1.0)');

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
  INSERT INTO search_index (rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
  VALUES (new.seq, new.headline, new.dek, new.byline, cd_body_text((SELECT hash FROM bodies WHERE id = new.body_id), (SELECT data FROM bodies WHERE id = new.body_id)),
          cd_cjk(new.headline), cd_cjk(new.dek), cd_cjk(new.byline), cd_cjk(cd_body_text((SELECT hash FROM bodies WHERE id = new.body_id), (SELECT data FROM bodies WHERE id = new.body_id))));
END;
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
  INSERT INTO search_index (search_index, rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
  VALUES ('delete', old.seq, old.headline, old.dek, old.byline, cd_body_text((SELECT hash FROM bodies WHERE id = old.body_id), (SELECT data FROM bodies WHERE id = old.body_id)),
          cd_cjk(old.headline), cd_cjk(old.dek), cd_cjk(old.byline), cd_cjk(cd_body_text((SELECT hash FROM bodies WHERE id = old.body_id), (SELECT data FROM bodies WHERE id = old.body_id))));
END;
CREATE TRIGGER articles_search_update AFTER UPDATE OF headline, dek, byline, body_id ON articles BEGIN
  INSERT INTO search_index (search_index, rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
  VALUES ('delete', old.seq, old.headline, old.dek, old.byline, cd_body_text((SELECT hash FROM bodies WHERE id = old.body_id), (SELECT data FROM bodies WHERE id = old.body_id)),
          cd_cjk(old.headline), cd_cjk(old.dek), cd_cjk(old.byline), cd_cjk(cd_body_text((SELECT hash FROM bodies WHERE id = old.body_id), (SELECT data FROM bodies WHERE id = old.body_id))));
  INSERT INTO search_index (rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
  VALUES (new.seq, new.headline, new.dek, new.byline, cd_body_text((SELECT hash FROM bodies WHERE id = new.body_id), (SELECT data FROM bodies WHERE id = new.body_id)),
          cd_cjk(new.headline), cd_cjk(new.dek), cd_cjk(new.byline), cd_cjk(cd_body_text((SELECT hash FROM bodies WHERE id = new.body_id), (SELECT data FROM bodies WHERE id = new.body_id))));
END;

CREATE TABLE import_jobs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  state TEXT NOT NULL CHECK (state IN ('running', 'done', 'cancelled', 'interrupted')),
  roots TEXT NOT NULL CHECK (json_valid(roots)),
  options TEXT NOT NULL CHECK (json_valid(options))
) STRICT;

CREATE TABLE import_files (
  job_id INTEGER NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'updated', 'failed')),
  article_id TEXT,
  sha256 TEXT,
  encoding TEXT,
  confidence REAL,
  reason TEXT,
  flags TEXT NOT NULL DEFAULT '[]',
  finished_at TEXT NOT NULL,
  PRIMARY KEY (job_id, path)
) STRICT;
`,
};
