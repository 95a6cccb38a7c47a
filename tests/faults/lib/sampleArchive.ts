// A small, realistic archive built through the core API: articles with
// several revisions each, so every table and the search index have pages.
import { Archive } from '../../../electron/archive/archive.ts';
import { LATEST_VERSION } from '../../../electron/archive/migrations/index.ts';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { rng, sha256 } from './util.ts';

const WORDS = 'harbour council budget strike election flood court market school hospital bridge festival storm river police mayor'.split(' ');

export function fillArchive(archive: Archive, count: number, seed: number, label = 'Story'): void {
  const r = rng(seed);
  const sentence = () => Array.from({ length: r.int(8, 30) }, () => r.pick(WORDS)).join(' ') + '.';
  archive.db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const paragraphs = Array.from({ length: r.int(3, 12) }, () => Array.from({ length: r.int(2, 6) }, sentence).join(' '));
      const a = archive.insertWithRevision({ headline: `${label} ${i} ${r.pick(WORDS)}`, byline: 'By A. Reporter', section: r.pick(['news', 'sport', 'city']), body: bodyFromParagraphs(paragraphs) }, 'save');
      if (i % 3 === 0) archive.saveInTransaction({ id: a.id, baseVersion: 1, fields: { dek: `Updated ${i}` }, reason: 'save' });
    }
  })();
}

/**
 * Fill an archive of an older schema version: the current core writes only
 * the newest schema, so the content is made in a scratch archive of the newest
 * version and its rows copied over, column by column where the older tables
 * have the column (schema steps only ever add columns to these tables).
 */
export function fillArchiveAt(archive: Archive, count: number, seed: number, label = 'Story'): void {
  const version = archive.db.pragma('user_version', { simple: true }) as number;
  if (version === LATEST_VERSION) {
    fillArchive(archive, count, seed, label);
    return;
  }
  const scratchArchive = Archive.open(':memory:');
  try {
    fillArchive(scratchArchive, count, seed, label);
    archive.db.transaction(() => {
      for (const table of ['bodies', 'articles', 'snapshots', 'revisions']) {
        const has = new Set((archive.db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name));
        const columns = (scratchArchive.db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name).filter((c) => has.has(c));
        const list = columns.join(', ');
        const insert = archive.db.prepare(`INSERT INTO ${table} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of scratchArchive.db.prepare(`SELECT ${list} FROM ${table} ORDER BY rowid`).raw().iterate()) insert.run(...(row as unknown[]));
      }
    })();
  } finally {
    scratchArchive.close();
  }
}

/** Everything a user would call the archive's content, as one hash: ids, fields, body text, versions. */
export function contentDigest(archive: Archive): { articles: number; revisions: number; digest: string } {
  const rows = archive.db
    .prepare('SELECT a.id, a.headline, a.dek, a.version, cd_body_text(b.hash, b.data) AS body FROM articles a JOIN bodies b ON b.id = a.body_id ORDER BY a.id')
    .all() as Array<Record<string, unknown>>;
  const revisions = (archive.db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n;
  const hash = rows.map((r) => JSON.stringify(r)).join('\n');
  return { articles: rows.length, revisions, digest: sha256(hash) };
}
