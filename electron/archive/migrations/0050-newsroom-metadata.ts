import type { Database } from 'better-sqlite3';
import { contentHash } from '../articles/contentHash.ts';
import type { Migration } from './types.ts';

// Newsroom metadata (shared/model/newsroom.ts) and item identity become
// columns of `articles`; statuses gain `killed` and `withheld`; the duplicate
// check becomes case-sensitive, with a case-folded hash beside it for
// near-duplicates.
//
// SQLite cannot alter a CHECK constraint, so the table is rebuilt: new table,
// copy every row (same `seq`, which is the search index's rowid, so the index
// stays valid), drop, rename, then indexes, the view and the triggers again.
// The view and triggers go first: a rename refuses a schema in which a view
// names a missing table. Foreign keys are off during migrations (the runner
// checks every reference before committing), so dropping the old table does not
// cascade into `revisions`.
//
// `content_fold_hash` is the old `content_hash` formula (lower-cased); the old
// values are copied into it as they are, and `content_hash` is recomputed with
// case kept, from each article's headline and stored body text.

const COPIED = `seq, id, headline, dek, byline, dateline, section, tags, status, language, slug, target_length,
  posted_at, posted_ts, updated_at, updated_ts, created_at, modified_at, version, body_id, word_count,
  source_path, source_sha256, source_encoding, source_confidence, source_format, imported_at, timezone_assumed, content_hash`;

const json = (column: string, type: 'array' | 'object') =>
  `${column} TEXT NOT NULL DEFAULT '${type === 'array' ? '[]' : '{}'}' CHECK (json_valid(${column}) AND json_type(${column}) = '${type}')`;

const REBUILD = `
DROP VIEW search_source;
DROP TRIGGER articles_search_insert;
DROP TRIGGER articles_search_delete;
DROP TRIGGER articles_search_update;

CREATE TABLE articles_next (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  headline TEXT NOT NULL DEFAULT '',
  dek TEXT NOT NULL DEFAULT '',
  byline TEXT NOT NULL DEFAULT '',
  dateline TEXT NOT NULL DEFAULT '',
  section TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'edited', 'ready', 'published', 'spiked', 'killed', 'withheld')),
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
  content_hash TEXT NOT NULL,
  content_fold_hash TEXT NOT NULL,
  slugline TEXT NOT NULL DEFAULT '',
  urgency INTEGER CHECK (urgency IS NULL OR urgency BETWEEN 1 AND 9),
  priority INTEGER CHECK (priority IS NULL OR priority BETWEEN 1 AND 9),
  embargoed_until TEXT,
  embargoed_ts INTEGER,
  expires_at TEXT,
  expires_ts INTEGER,
  editor_note TEXT NOT NULL DEFAULT '',
  pub_status TEXT NOT NULL DEFAULT '' CHECK (pub_status IN ('', 'usable', 'withheld', 'canceled')),
  provider TEXT NOT NULL DEFAULT '',
  ${json('signals', 'array')},
  ${json('subjects', 'array')},
  genre TEXT NOT NULL DEFAULT '',
  ${json('keywords', 'array')},
  located TEXT CHECK (located IS NULL OR (json_valid(located) AND json_type(located) = 'object')),
  ${json('authors', 'array')},
  copyright_holder TEXT NOT NULL DEFAULT '',
  credit_line TEXT NOT NULL DEFAULT '',
  usage_terms TEXT NOT NULL DEFAULT '',
  desk TEXT NOT NULL DEFAULT '',
  item_provider TEXT,
  item_id TEXT,
  item_version INTEGER
) STRICT;

INSERT INTO articles_next (${COPIED}, content_fold_hash)
  SELECT ${COPIED}, content_hash FROM articles;
DROP TABLE articles;
ALTER TABLE articles_next RENAME TO articles;

CREATE INDEX articles_posted ON articles (posted_ts);
CREATE INDEX articles_updated ON articles (updated_ts);
CREATE INDEX articles_modified ON articles (modified_at);
CREATE INDEX articles_section ON articles (section COLLATE NOCASE);
CREATE INDEX articles_source_path ON articles (source_path);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_content_fold_hash ON articles (content_fold_hash);
CREATE INDEX articles_item ON articles (item_provider, item_id) WHERE item_id IS NOT NULL;
CREATE INDEX articles_embargoed ON articles (embargoed_ts) WHERE embargoed_ts IS NOT NULL;
CREATE INDEX articles_provider ON articles (provider COLLATE NOCASE) WHERE provider <> '';
CREATE INDEX articles_desk ON articles (desk COLLATE NOCASE) WHERE desk <> '';
`;

// The view and triggers exactly as migrations 1 and 4 left them.
const SEARCH = `
CREATE VIEW search_source AS
  SELECT a.seq, a.headline, a.dek, a.byline, cd_body_text(b.hash, b.data) AS body,
         cd_cjk(a.headline) AS cjk_headline, cd_cjk(a.dek) AS cjk_dek, cd_cjk(a.byline) AS cjk_byline,
         cd_cjk(cd_body_text(b.hash, b.data)) AS cjk_body
  FROM articles a JOIN bodies b ON b.id = a.body_id;

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles WHEN cd_index_deferred() = 0 BEGIN
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
`;

function recomputeContentHashes(db: Database): void {
  const rows = db.prepare('SELECT a.seq, a.headline, cd_body_text(b.hash, b.data) AS text FROM articles a JOIN bodies b ON b.id = a.body_id').iterate() as Iterable<{
    seq: number;
    headline: string;
    text: string;
  }>;
  const update = db.prepare('UPDATE articles SET content_hash = ? WHERE seq = ?');
  // Collected first: an UPDATE while iterating the same table is not allowed.
  const hashes: Array<[string, number]> = [];
  for (const row of rows) hashes.push([contentHash(row.headline, row.text), row.seq]);
  for (const [hash, seq] of hashes) update.run(hash, seq);
}

export const newsroomMetadata: Migration = {
  version: 5,
  name: 'newsroom-metadata',
  up(db) {
    db.exec(REBUILD);
    recomputeContentHashes(db);
    db.exec(SEARCH);
  },
};
