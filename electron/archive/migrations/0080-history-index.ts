import type { Migration } from './types.ts';

// A second full-text index, over revision snapshots, so `history:` can find
// text that only an earlier version of an article held ("what did we publish
// before the correction?"). It is external-content over the view
// `history_source` (each snapshot's headline, dek and byline from its fields
// JSON, its body text through cd_body_text, CJK bigram columns as in
// `search_index`), keyed by snapshot id: a snapshot is stored once however many
// revisions point at it, and is indexed once.
//
// Only articles with more than one revision need it: an article's single
// revision is its current text, which `search_index` already holds. So the
// importer's first revision of each new article costs nothing here (the
// trigger's WHEN is one indexed lookup), and today's search never reads this
// index. When an article gains its second revision, all its snapshots are
// indexed; later revisions add theirs. `history_indexed` records what is in.
// Retention deleting a snapshot takes it out of the index first.
const cjk = (expr: string) => `cd_cjk(${expr})`;
const FIELD = (name: string) => `coalesce(json_extract(s.fields, '$.${name}'), '')`;
const BODY = 'cd_body_text(b.hash, b.data)';
const COLUMNS = `s.id AS id, ${FIELD('headline')} AS headline, ${FIELD('dek')} AS dek, ${FIELD('byline')} AS byline, ${BODY} AS body,
  ${cjk(FIELD('headline'))} AS cjk_headline, ${cjk(FIELD('dek'))} AS cjk_dek, ${cjk(FIELD('byline'))} AS cjk_byline, ${cjk(BODY)} AS cjk_body`;

export const historyIndex: Migration = {
  version: 8,
  name: 'history-index',
  up: `
CREATE INDEX revisions_snapshot ON revisions (snapshot_id);
CREATE TABLE history_indexed (snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots (id)) STRICT;

-- Exactly the indexed snapshots: FTS5's integrity check compares the index with this view.
CREATE VIEW history_source AS
  SELECT ${COLUMNS} FROM snapshots s JOIN bodies b ON b.id = s.body_id
  WHERE s.id IN (SELECT snapshot_id FROM history_indexed);

CREATE VIRTUAL TABLE history_index USING fts5 (
  headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body,
  content = 'history_source', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO history_index (history_index, rank) VALUES ('rank', 'bm25(10.0, 4.0, 3.0, 1.0, 10.0, 4.0, 3.0, 1.0)');


CREATE TRIGGER revisions_history_index AFTER INSERT ON revisions
WHEN EXISTS (SELECT 1 FROM revisions WHERE article_seq = new.article_seq AND id <> new.id)
BEGIN
  INSERT INTO history_index (rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
    SELECT ${COLUMNS} FROM snapshots s JOIN bodies b ON b.id = s.body_id
    WHERE s.id IN (SELECT snapshot_id FROM revisions WHERE article_seq = new.article_seq)
      AND s.id NOT IN (SELECT snapshot_id FROM history_indexed);
  INSERT OR IGNORE INTO history_indexed (snapshot_id) SELECT DISTINCT snapshot_id FROM revisions WHERE article_seq = new.article_seq;
END;

CREATE TRIGGER snapshots_history_unindex BEFORE DELETE ON snapshots
WHEN EXISTS (SELECT 1 FROM history_indexed WHERE snapshot_id = old.id)
BEGIN
  INSERT INTO history_index (history_index, rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
    SELECT 'delete', id, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body FROM history_source WHERE id = old.id;
  DELETE FROM history_indexed WHERE snapshot_id = old.id;
END;

-- Articles that already have several revisions: index their snapshots now.
INSERT INTO history_indexed (snapshot_id)
  SELECT DISTINCT snapshot_id FROM revisions WHERE article_seq IN (SELECT article_seq FROM revisions GROUP BY article_seq HAVING count(*) > 1);
INSERT INTO history_index (rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
  SELECT id, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body FROM history_source;
`,
};
