// Two and three replicas of one desk against a real PostgreSQL: edits travel,
// offline edits from the same base merge or stay as a visible conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { EditorService } from '../history/service.ts';
import { sync } from './engine.ts';
import { startDesk, type TestDesk } from '../testing/syncDesk.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await startDesk();
}, 120_000);
afterAll(() => desk?.stop());

describe('sync between replicas', () => {
  it('carries a new article and its edits to another replica, once', async () => {
    const a = desk.replica('kim');
    const b = desk.replica('lee');
    const article = a.archive.createArticle({ headline: 'Council meets', body: bodyFromParagraphs(['One.', 'Two.']) });
    expect(article.desk).toBe('politics');
    expect(await a.sync()).toMatchObject({ pushed: 1, pulled: 0, conflicts: 0 });
    expect(await b.sync()).toMatchObject({ pushed: 0, pulled: 1 });
    expect(b.archive.getArticle(article.id)).toMatchObject({ headline: 'Council meets', bodyText: article.bodyText });
    const editor = new EditorService(b.archive);
    editor.save({ id: article.id, baseVersion: b.archive.getArticle(article.id).version, fields: { dek: 'Budget on the table' } });
    expect(await b.sync()).toMatchObject({ pushed: 1, pulled: 0 });
    expect(await a.sync()).toMatchObject({ pulled: 1, pushed: 0 });
    expect(a.archive.getArticle(article.id).dek).toBe('Budget on the table');
    // Nothing more to do on either side.
    expect(await a.sync()).toMatchObject({ pushed: 0, pulled: 0 });
    expect(await b.sync()).toMatchObject({ pushed: 0, pulled: 0 });
    const rids = (r: typeof a) => r.archive.listRevisions(article.id).map((x) => [x.rid, x.hash]);
    expect(rids(a).sort()).toEqual(rids(b).sort());
  });

  it('pulls a whole archive in small batches (read ahead), every revision and body once, searchable', async () => {
    const a = desk.replica('kim');
    const editor = new EditorService(a.archive);
    const made: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      // Articles 0 and 1 share a body; each edit of an odd article goes back to its first body, so bodies recur across batches.
      const article = a.archive.createArticle({ headline: `Batch story ${i} zebrafinch`, body: bodyFromParagraphs([`Shared opening ${i < 2 ? 0 : i}.`]) });
      editor.save({ id: article.id, baseVersion: article.version, body: bodyFromParagraphs([`Second text ${i}.`]) });
      const second = a.archive.getArticle(article.id);
      if (i % 2 === 1) editor.save({ id: article.id, baseVersion: second.version, body: bodyFromParagraphs([`Shared opening ${i < 2 ? 0 : i}.`]) });
      made.push(article.id);
    }
    const pushed = await a.sync();
    expect(pushed.pushed).toBeGreaterThanOrEqual(17);
    const fresh = desk.replica('lee');
    const pulled = await sync(fresh.archive, 'desk', { password: fresh.person.password, batchSize: 3 });
    const revisions = (r: typeof a) => (r.archive.db.prepare('SELECT rid, hash FROM revisions ORDER BY rid').all() as Array<{ rid: string; hash: string }>).map((x) => `${x.rid}:${x.hash}`);
    const missing = revisions(a).filter((x) => !revisions(fresh).includes(x));
    expect(missing).toEqual([]);
    expect(pulled).toMatchObject({ pulled: revisions(fresh).length, conflicts: 0, merged: 0 });
    const bodies = (r: typeof a) => r.archive.db.prepare('SELECT hash FROM bodies ORDER BY hash').pluck().all();
    expect(bodies(fresh)).toEqual([...new Set(bodies(fresh))]);
    for (const id of made) {
      const [mine, theirs] = [a.archive.getArticle(id), fresh.archive.getArticle(id)];
      expect(theirs).toMatchObject({ headline: mine.headline, bodyText: mine.bodyText });
    }
    expect(fresh.archive.search('zebrafinch').total).toBe(7);
    expect(await sync(fresh.archive, 'desk', { password: fresh.person.password, batchSize: 3 })).toMatchObject({ pulled: 0, pushed: 0 });
  });

  it('merges offline edits of different fields and different paragraphs', async () => {
    const a = desk.replica('kim');
    const b = desk.replica('lee');
    const art = a.archive.createArticle({ headline: 'Base', body: bodyFromParagraphs(['Alpha.', 'Beta.', 'Gamma.']) });
    await a.sync();
    await b.sync();
    const ea = new EditorService(a.archive);
    const eb = new EditorService(b.archive);
    ea.save({ id: art.id, baseVersion: a.archive.getArticle(art.id).version, fields: { headline: 'Headline from A' }, body: bodyFromParagraphs(['Alpha (A).', 'Beta.', 'Gamma.']) });
    eb.save({ id: art.id, baseVersion: b.archive.getArticle(art.id).version, fields: { dek: 'Dek from B' }, body: bodyFromParagraphs(['Alpha.', 'Beta.', 'Gamma (B).']) });
    await a.sync();
    const rb = await b.sync();
    expect(rb).toMatchObject({ pulled: 1, merged: 1, conflicts: 0 });
    const merged = b.archive.getArticle(art.id);
    expect(merged).toMatchObject({ headline: 'Headline from A', dek: 'Dek from B' });
    expect(merged.bodyText).toContain('Alpha (A).');
    expect(merged.bodyText).toContain('Gamma (B).');
    const ra = await a.sync();
    expect(ra.pulled).toBeGreaterThanOrEqual(1);
    expect(a.archive.getArticle(art.id).bodyText).toBe(merged.bodyText);
    const mergeRev = b.archive.listRevisions(art.id).find((r) => r.reason === 'merge');
    expect(mergeRev?.parents).toHaveLength(2);
  });

  it('keeps both texts and marks a conflict when the same field changed on both sides', async () => {
    const a = desk.replica('kim');
    const b = desk.replica('lee');
    const art = a.archive.createArticle({ headline: 'Same base', body: bodyFromParagraphs(['Only paragraph.']) });
    await a.sync();
    await b.sync();
    new EditorService(a.archive).save({ id: art.id, baseVersion: a.archive.getArticle(art.id).version, fields: { headline: 'Mine' } });
    new EditorService(b.archive).save({ id: art.id, baseVersion: b.archive.getArticle(art.id).version, fields: { headline: 'Theirs' } });
    await a.sync();
    const rb = await b.sync();
    expect(rb).toMatchObject({ conflicts: 1, merged: 0 });
    expect(b.archive.getArticle(art.id).headline).toBe('Theirs');
    const ra = await a.sync();
    expect(ra.conflicts).toBe(1);
    const heads = (r: typeof a) => r.archive.db.prepare('SELECT conflict FROM articles WHERE id = ?').pluck().get(art.id);
    expect(heads(a)).toBe(1);
    expect(heads(b)).toBe(1);
  });
});
