import type { Migration } from './types.ts';

// The search index's insert trigger gains a WHEN clause: a connection that is
// importing can hold new articles back from the trigger and index them as one
// statement per chunk (electron/archive/search/deferredIndex.ts).
//
// Why: a statement with a trigger or a foreign key opens a statement
// savepoint, and FTS5 writes its pending terms to disk as a new segment at
// every savepoint. Indexing article by article inside an import therefore
// wrote one tiny segment per article and spent most of its time merging them;
// one INSERT … SELECT per chunk writes one. Every other connection (and this
// one outside an import) is unaffected: cd_index_deferred() is 0 for them.
export const batchedIndex: Migration = {
  version: 4,
  name: 'batched-index',
  up: `
DROP TRIGGER articles_search_insert;
CREATE TRIGGER articles_search_insert AFTER INSERT ON articles WHEN cd_index_deferred() = 0 BEGIN
  INSERT INTO search_index (rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
  VALUES (new.seq, new.headline, new.dek, new.byline, cd_body_text((SELECT hash FROM bodies WHERE id = new.body_id), (SELECT data FROM bodies WHERE id = new.body_id)),
          cd_cjk(new.headline), cd_cjk(new.dek), cd_cjk(new.byline), cd_cjk(cd_body_text((SELECT hash FROM bodies WHERE id = new.body_id), (SELECT data FROM bodies WHERE id = new.body_id))));
END;
`,
};
