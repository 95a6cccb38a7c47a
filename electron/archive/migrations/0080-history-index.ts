import type { Database } from 'better-sqlite3';
import { foldPendingHistory } from '../search/historyText.ts';
import type { Migration } from './types.ts';

// What `history:` searches: text that an earlier version of an article held
// and its current version no longer does ("what did we publish before the
// correction?"). Per article, `history_text` keeps the distinct earlier
// headlines, deks and bylines and the earlier body lines that are not in the
// current text (search/historyText.ts computes it); `history_index` is an
// external-content FTS5 index over it (CJK bigram columns as in
// `search_index`), kept in sync by triggers. A history: search is the current
// index ∪ this one, so it costs about one more search of a small index, not a
// search of every revision. An article that never changed has no row.
//
// Revisions are appended from several places (saves, imports of later
// versions, sync, retention deleting old ones); each marks its article in
// `history_pending` by trigger, and the core folds pending articles into
// `history_text` (after a save, at the end of an import batch, before a
// history search). Nothing can be missed however a revision arrives.
const cjk = (expr: string) => `cd_cjk(${expr})`;

const SQL = `
CREATE TABLE history_text (
  article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  headline TEXT NOT NULL,
  dek TEXT NOT NULL,
  byline TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT;

CREATE TABLE history_pending (article_seq INTEGER PRIMARY KEY) STRICT;

CREATE VIEW history_source AS
  SELECT article_seq AS seq, headline, dek, byline, body,
         ${cjk('headline')} AS cjk_headline, ${cjk('dek')} AS cjk_dek, ${cjk('byline')} AS cjk_byline, ${cjk('body')} AS cjk_body
  FROM history_text;

CREATE VIRTUAL TABLE history_index USING fts5 (
  headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body,
  content = 'history_source', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO history_index (history_index, rank) VALUES ('rank', 'bm25(10.0, 4.0, 3.0, 1.0, 10.0, 4.0, 3.0, 1.0)');

CREATE TRIGGER history_text_insert AFTER INSERT ON history_text BEGIN
  INSERT INTO history_index (rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
  VALUES (new.article_seq, new.headline, new.dek, new.byline, new.body, ${cjk('new.headline')}, ${cjk('new.dek')}, ${cjk('new.byline')}, ${cjk('new.body')});
END;
CREATE TRIGGER history_text_delete AFTER DELETE ON history_text BEGIN
  INSERT INTO history_index (history_index, rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
  VALUES ('delete', old.article_seq, old.headline, old.dek, old.byline, old.body, ${cjk('old.headline')}, ${cjk('old.dek')}, ${cjk('old.byline')}, ${cjk('old.body')});
END;
CREATE TRIGGER history_text_update AFTER UPDATE ON history_text BEGIN
  INSERT INTO history_index (history_index, rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
  VALUES ('delete', old.article_seq, old.headline, old.dek, old.byline, old.body, ${cjk('old.headline')}, ${cjk('old.dek')}, ${cjk('old.byline')}, ${cjk('old.body')});
  INSERT INTO history_index (rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
  VALUES (new.article_seq, new.headline, new.dek, new.byline, new.body, ${cjk('new.headline')}, ${cjk('new.dek')}, ${cjk('new.byline')}, ${cjk('new.body')});
END;

-- An article's first revision is its current text: nothing to fold (the importer pays one indexed lookup).
CREATE TRIGGER revisions_history_pending AFTER INSERT ON revisions
WHEN EXISTS (SELECT 1 FROM revisions WHERE article_seq = new.article_seq AND id <> new.id)
BEGIN
  INSERT OR IGNORE INTO history_pending (article_seq) VALUES (new.article_seq);
END;
CREATE TRIGGER revisions_history_pruned AFTER DELETE ON revisions
WHEN EXISTS (SELECT 1 FROM articles WHERE seq = old.article_seq)
BEGIN
  INSERT OR IGNORE INTO history_pending (article_seq) VALUES (old.article_seq);
END;
CREATE TRIGGER articles_history_gone AFTER DELETE ON articles BEGIN
  DELETE FROM history_pending WHERE article_seq = old.seq;
END;

-- Articles that already have several revisions.
INSERT INTO history_pending (article_seq) SELECT article_seq FROM revisions GROUP BY article_seq HAVING count(*) > 1;
`;

export const historyIndex: Migration = {
  version: 8,
  name: 'history-index',
  up(db: Database) {
    db.exec(SQL);
    foldPendingHistory(db);
  },
};
