// Batched search indexing for the importer. While deferred, the insert
// trigger skips this connection's new articles (see migration 0040); flush()
// indexes all of them with one INSERT … SELECT, so FTS5 writes one segment
// per chunk instead of one per article. Callers flush before anything else
// can run on the connection (every await) and before updating an article
// that may not be indexed yet; end() flushes and switches deferral off.
import { setIndexDeferred } from '../db/functions.ts';
import type { Db } from '../db/open.ts';

export class DeferredIndex {
  private readonly insertSince;
  private readonly maxSeq;
  /** Articles with seq above this are not indexed yet; null when not deferring. */
  private since: number | null = null;
  /** False on a schema older than migration 0040 (tests open such files): the trigger indexes as before. */
  private readonly supported: boolean;

  constructor(private readonly db: Db) {
    const trigger = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'articles_search_insert'").pluck().get() as string | undefined;
    this.supported = trigger?.includes('cd_index_deferred()') ?? false;
    this.insertSince = db.prepare(
      `INSERT INTO search_index (rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body)
       SELECT seq, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body FROM search_source WHERE seq > ? ORDER BY seq`,
    );
    this.maxSeq = db.prepare('SELECT coalesce(max(seq), 0) FROM articles').pluck();
  }

  /** Start deferring; must be inside the transaction that will insert the articles. */
  begin(): void {
    if (this.since !== null || !this.supported) return;
    this.since = this.maxSeq.get() as number;
    setIndexDeferred(this.db, true);
  }

  /** Index every article inserted since begin() or the last flush. */
  flush(): void {
    if (this.since === null) return;
    const top = this.maxSeq.get() as number;
    if (top > this.since) this.insertSince.run(this.since);
    this.since = top;
  }

  end(): void {
    if (this.since === null) return;
    try {
      this.flush();
    } finally {
      this.abandon();
    }
  }

  /** Stop deferring without indexing: for a transaction that is being rolled back. */
  abandon(): void {
    this.since = null;
    setIndexDeferred(this.db, false);
  }
}
