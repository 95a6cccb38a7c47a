// A small, realistic archive built through the core API: articles with
// several revisions each, so every table and the search index have pages.
import { Archive } from '../../../electron/archive/archive.ts';
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

/** Everything a user would call the archive's content, as one hash: ids, fields, body text, versions. */
export function contentDigest(archive: Archive): { articles: number; revisions: number; digest: string } {
  const rows = archive.db
    .prepare('SELECT a.id, a.headline, a.dek, a.version, cd_body_text(b.hash, b.data) AS body FROM articles a JOIN bodies b ON b.id = a.body_id ORDER BY a.id')
    .all() as Array<Record<string, unknown>>;
  const revisions = (archive.db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n;
  const hash = rows.map((r) => JSON.stringify(r)).join('\n');
  return { articles: rows.length, revisions, digest: sha256(hash) };
}
