// Identity and versions end to end through the importer, with a synthetic
// wire format (testing/itemParser.ts) standing in for the real parsers: later
// versions become revisions of one article from any path, older ones are kept
// in its history, kills and withholds set its status, re-sends are duplicates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Archive } from '../archive.ts';
import { heads } from '../sync/dag.ts';
import { type TempArchive, tempArchive } from '../testing/tempArchive.ts';
import { importPaths } from './importer.ts';
import { registerParser } from './parsers/registry.ts';
import { itemFile, type TestItem, testItemParser, wireItem } from './testing/itemParser.ts';
import type { ImportFileResult } from './types.ts';

registerParser(testItemParser);

let t: TempArchive;
let archive: Archive;
let src: string;
beforeEach(() => {
  t = tempArchive();
  archive = t.archive;
  src = join(t.dir, 'src');
  mkdirSync(src);
});
afterEach(() => t.cleanup());

/** Write one file and import it alone; its report row(s). */
async function importItem(name: string, items: TestItem | TestItem[]): Promise<ImportFileResult[]> {
  const path = join(src, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, itemFile(items));
  const report = await importPaths(archive, [path], {});
  return report.files;
}

async function importOne(name: string, item: TestItem): Promise<ImportFileResult> {
  const [row] = await importItem(name, item);
  return row as ImportFileResult;
}

const PARAS_1 = ['The port closed at dawn as the storm arrived.', 'Ferries stayed in harbour.'];
const PARAS_2 = ['The port closed at dawn as the storm arrived, officials said.', 'Ferries stayed in harbour.', 'Roads flooded inland.'];
const PARAS_3 = ['The port reopened at noon.', 'Ferries sailed again.'];

describe('versions of one item', () => {
  it('v1, v3, v2 from three files: the head is v3, the history holds all three, and a re-import changes nothing', async () => {
    const v1 = await importOne('a/v1.item', wireItem('urn:test:storm', 1, 'Storm closes port', PARAS_1, { urgency: 3 }));
    expect(v1).toMatchObject({ outcome: 'imported', flags: [] });
    const id = v1.articleId as string;

    const v3 = await importOne('b/v3.item', wireItem('urn:test:storm', 3, 'Port reopens after storm', PARAS_3, { signals: ['writethru'], urgency: 2 }));
    expect(v3).toMatchObject({ outcome: 'updated', articleId: id });
    expect(v3.reason).toContain('version 3 of item dpa urn:test:storm replaces version 1');

    const v2 = await importOne('c/v2.item', wireItem('urn:test:storm', 2, 'Storm closes port, roads flooded', PARAS_2, { signals: ['update'] }));
    expect(v2).toMatchObject({ outcome: 'updated', articleId: id, flags: ['older-version'] });
    expect(v2.reason).toContain('older than the version 3');

    const head = archive.getArticle(id);
    expect(head).toMatchObject({ headline: 'Port reopens after storm', urgency: 2, signals: ['writethru'], status: 'draft' });
    expect(head.bodyText).toBe(PARAS_3.join('\n\n'));
    expect(head.source).toMatchObject({ itemId: 'urn:test:storm', itemProvider: 'dpa', itemVersion: 3, path: join(src, 'b/v3.item') });
    const history = archive.listRevisions(id);
    expect(history.map((r) => [r.reason, r.itemVersion, r.name])).toEqual([
      ['import', 1, null],
      ['import', 3, 'Writethru 3'],
      ['import', 2, 'Update 2 (arrived after version 3; kept in history)'],
      // The newest revision is the article as it stands.
      ['import', undefined, 'Version 3 stays the head'],
    ]);
    expect(archive.getRevision(id, history[3]?.id as number).fields.headline).toBe('Port reopens after storm');
    expect(archive.getRevision(id, history[3]?.id as number).bodyText).toBe(PARAS_3.join('\n\n'));
    // Each revision holds its version's text; the older one did not move the article's version.
    expect(archive.getRevision(id, history[2]?.id as number).fields.headline).toBe('Storm closes port, roads flooded');
    expect(archive.getRevision(id, history[2]?.id as number).bodyText).toContain('Roads flooded inland.');
    expect(archive.getRevision(id, history[0]?.id as number).bodyText).toBe(PARAS_1.join('\n\n'));
    expect(head.version).toBe(2);
    expect(history.map((r) => r.version)).toEqual([1, 2, 2, 2]);
    // In the revision graph (shared archives) the only head is the newest revision, which holds the article's text.
    const graph = history.map((r) => ({ rid: r.rid, parents: r.parents, createdAt: r.createdAt, arrival: r.id, hash: r.hash }));
    expect(heads(graph).map((n) => n.rid)).toEqual([history[3]?.rid]);
    expect(archive.db.prepare('SELECT head_rid FROM articles WHERE id = ?').pluck().get(id)).toBe(history[3]?.rid);
    expect(archive.search('reopened').hits.map((h) => h.id)).toEqual([id]);
    expect(archive.search('flooded').total).toBe(0);

    const again = await importPaths(archive, [src], {});
    expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: 3, failed: 0 });
    expect(archive.listRevisions(id)).toHaveLength(4);
    expect(archive.check()).toMatchObject({ ok: true });
  });

  it('the same version again is a duplicate from any path; a changed re-send (a case-only fix too) is a new revision', async () => {
    const first = await importOne('one.item', wireItem('urn:test:vote', 2, 'Council backs budget', PARAS_1));
    const id = first.articleId as string;
    expect(await importOne('copy/one-again.item', wireItem('urn:test:vote', 2, 'Council  backs budget ', PARAS_1))).toMatchObject({
      outcome: 'duplicate',
      articleId: id,
      reason: 'version 2 of item dpa urn:test:vote is already in the archive',
    });
    const caseFix = await importOne('copy/case.item', wireItem('urn:test:vote', 2, 'Council Backs Budget', PARAS_1));
    expect(caseFix).toMatchObject({ outcome: 'updated', articleId: id, flags: ['resent'] });
    expect(archive.getArticle(id).headline).toBe('Council Backs Budget');
    expect(archive.listRevisions(id).map((r) => r.name)).toEqual(['Version 2', 'Version 2 (re-sent with changes)']);
  });

  it('a re-send that changes only urgency, an embargo or a subject is an update; an identical one is not', async () => {
    const base = (fields: object) => wireItem('urn:test:meta', 1, 'Markets steady', PARAS_1, { urgency: 4, ...fields });
    const id = (await importOne('m1.item', base({}))).articleId as string;
    expect((await importOne('m2.item', base({}))).outcome).toBe('duplicate');
    expect((await importOne('m3.item', base({ urgency: 2 }))).outcome).toBe('updated');
    expect((await importOne('m4.item', base({ urgency: 2, embargoedUntil: '2026-03-01T06:00:00+01:00' }))).outcome).toBe('updated');
    const subject = { scheme: 'medtop', code: '04000000', label: 'economy, business and finance' };
    expect((await importOne('m5.item', base({ urgency: 2, embargoedUntil: '2026-03-01T06:00:00+01:00', subjects: [subject] }))).outcome).toBe('updated');
    expect(archive.getArticle(id)).toMatchObject({ urgency: 2, embargoedUntil: '2026-03-01T06:00:00+01:00', subjects: [subject] });
    expect(archive.listRevisions(id)).toHaveLength(4);
  });

  it('an unversioned item: a changed send replaces the head in arrival order, an identical one is a duplicate', async () => {
    const id = (await importOne('u1.item', wireItem('urn:test:nover', null, 'Bridge closed', PARAS_1))).articleId as string;
    expect((await importOne('u2.item', wireItem('urn:test:nover', null, 'Bridge closed', PARAS_1))).outcome).toBe('duplicate');
    expect(await importOne('u3.item', wireItem('urn:test:nover', null, 'Bridge reopened', PARAS_3))).toMatchObject({ outcome: 'updated', articleId: id });
    expect(archive.getArticle(id).headline).toBe('Bridge reopened');
  });

  it('two files sending one item in the same (or no) version, differently: re-importing both changes nothing', async () => {
    const a = await importOne('twin/a.item', wireItem('urn:test:twin', null, 'Twin story, first send', PARAS_1));
    const b = await importOne('twin/b.item', wireItem('urn:test:twin', null, 'Twin story, second send', PARAS_2));
    expect(b).toMatchObject({ outcome: 'updated', articleId: a.articleId, flags: ['resent'] });
    // Each send was seen before: neither flips the head back (regression: every re-import made two new revisions).
    const again = await importPaths(archive, [join(src, 'twin')], {});
    expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: 2 });
    expect(archive.getArticle(a.articleId as string).headline).toBe('Twin story, second send');
    expect(archive.listRevisions(a.articleId as string)).toHaveLength(2);
  });

  it('the same id from another provider is another item', async () => {
    const a = await importOne('p1.item', wireItem('1001', 1, 'Rates held', PARAS_1, {}, 'dpa'));
    const b = await importOne('p2.item', wireItem('1001', 2, 'Rates cut', PARAS_3, {}, 'ap'));
    expect(b.outcome).toBe('imported');
    expect(b.articleId).not.toBe(a.articleId);
  });

  it('several items in one container file, and their next versions in another', async () => {
    const rows = await importItem('feed-1.item', [
      { key: 'a', ...wireItem('urn:test:a', 1, 'Item A', ['Alpha text.']) },
      { key: 'b', ...wireItem('urn:test:b', 1, 'Item B', ['Beta text.']) },
    ]);
    expect(rows.map((r) => [r.outcome, r.path.endsWith('#a') || r.path.endsWith('#b'), (r.flags ?? []).includes('record')])).toEqual([
      ['imported', true, true],
      ['imported', true, true],
    ]);
    const next = await importItem('feed-2.item', [
      { key: 'x', ...wireItem('urn:test:b', 2, 'Item B updated', ['Beta text, more.']) },
      { key: 'y', ...wireItem('urn:test:a', 1, 'Item A', ['Alpha text.']) },
    ]);
    expect(next.map((r) => [r.outcome, r.articleId])).toEqual([
      ['updated', rows[1]?.articleId],
      ['duplicate', rows[0]?.articleId],
    ]);
  });
});

describe('kills and withholds', () => {
  it('a kill notice without a body kills the article as a new revision; the story stays, and a later version cannot revive it', async () => {
    const id = (await importOne('k1.item', wireItem('urn:test:kill', 1, 'Minister resigns', PARAS_1))).articleId as string;
    const kill = await importOne('k2.item', {
      fields: { headline: '', pubStatus: 'canceled', signals: ['kill'], editorNote: 'Kill: the story is wrong.', provider: 'dpa' },
      paragraphs: [],
      identity: { provider: 'dpa', id: 'urn:test:kill', version: 2 },
    });
    expect(kill).toMatchObject({ outcome: 'updated', articleId: id });
    expect(kill.reason).toContain('the provider killed it');
    const killed = archive.getArticle(id);
    expect(killed).toMatchObject({ status: 'killed', headline: 'Minister resigns', pubStatus: 'canceled', editorNote: 'Kill: the story is wrong.' });
    expect(killed.bodyText).toBe(PARAS_1.join('\n\n'));
    expect(archive.listRevisions(id).map((r) => [r.name, r.itemVersion])).toEqual([
      [null, 1],
      ['Kill', 2],
    ]);
    expect(archive.search('status:killed').hits.map((h) => h.id)).toEqual([id]);

    const after = await importOne('k3.item', wireItem('urn:test:kill', 3, 'Minister resigns, aides say', PARAS_2, { pubStatus: 'usable' }));
    expect(after).toMatchObject({ outcome: 'updated', flags: ['after-kill'] });
    expect(after.reason).toContain('stays killed');
    expect(archive.getArticle(id)).toMatchObject({ status: 'killed', headline: 'Minister resigns, aides say' });
  });

  it('a withhold, then a release: the status the desk gave comes back', async () => {
    const id = (await importOne('w1.item', wireItem('urn:test:hold', 1, 'Talks resume', PARAS_1))).articleId as string;
    archive.save({ id, baseVersion: 1, fields: { status: 'ready' } });
    const hold = await importOne('w2.item', wireItem('urn:test:hold', 2, 'Talks resume', PARAS_1, { pubStatus: 'withheld', signals: ['withhold'] }));
    expect(hold.reason).toContain('the provider withheld it');
    expect(archive.getArticle(id).status).toBe('withheld');
    const release = await importOne('w3.item', wireItem('urn:test:hold', 3, 'Talks resume in Geneva', PARAS_2, { pubStatus: 'usable' }));
    expect(release.reason).toContain('the withhold is lifted (status ready)');
    expect(archive.getArticle(id)).toMatchObject({ status: 'ready', headline: 'Talks resume in Geneva' });
    expect(archive.listRevisions(id).map((r) => r.name)).toEqual([null, null, 'Withhold', 'Version 3']);
  });

  it('an item first seen as a kill comes in killed; an older kill arriving late does not kill the head', async () => {
    const first = await importOne('f.item', wireItem('urn:test:first-kill', 4, 'Killed story', PARAS_1, { pubStatus: 'canceled' }));
    expect(first.outcome).toBe('imported');
    expect(archive.getArticle(first.articleId as string).status).toBe('killed');
    expect(archive.listRevisions(first.articleId as string)[0]?.name).toBe('Kill');

    const id = (await importOne('o3.item', wireItem('urn:test:late-kill', 3, 'Fine story', PARAS_1))).articleId as string;
    const late = await importOne('o2.item', wireItem('urn:test:late-kill', 2, 'Fine story', PARAS_1, { pubStatus: 'canceled' }));
    expect(late).toMatchObject({ outcome: 'updated', flags: ['older-version'] });
    expect(archive.getArticle(id).status).toBe('draft');
    expect(archive.listRevisions(id).map((r) => r.name)).toEqual(['Version 3', 'Kill (arrived after version 3; kept in history)', 'Version 3 stays the head']);
    const rev = archive.listRevisions(id)[1];
    expect(rev?.name).toBe('Kill (arrived after version 3; kept in history)');
    expect(archive.getRevision(id, rev?.id as number).fields.status).toBe('killed');
  });
});

describe('duplicates and near-duplicates', () => {
  const write = (name: string, text: string) => writeFileSync(join(src, name), text);

  it('a case-only difference from another path is a new article flagged near-duplicate, naming the other', async () => {
    write('a.txt', 'Budget Passes After Long Debate\n\nThe council voted late on Tuesday.\n');
    const a = (await importPaths(archive, [join(src, 'a.txt')], {})).files[0] as ImportFileResult;
    write('b.txt', 'budget passes after long debate\n\nthe council voted late on tuesday.\n');
    const b = (await importPaths(archive, [join(src, 'b.txt')], {})).files[0] as ImportFileResult;
    expect(b).toMatchObject({ outcome: 'imported', flags: ['near-duplicate'] });
    expect(b.reason).toContain(`near-duplicate of article ${a.articleId as string}`);
    expect(b.articleId).not.toBe(a.articleId);
    // The same words with other spacing from a third path are still a plain duplicate.
    write('c.txt', 'Budget   Passes After Long Debate\n\nThe council  voted late on Tuesday.\n\n');
    expect((await importPaths(archive, [join(src, 'c.txt')], {})).files[0]).toMatchObject({ outcome: 'duplicate', articleId: a.articleId });
  });

  it('a case-only change at the same path is a new revision of its article', async () => {
    write('same.txt', 'Budget passes\n\nThe council voted.\n');
    const first = (await importPaths(archive, [join(src, 'same.txt')], {})).files[0] as ImportFileResult;
    write('same.txt', 'Budget Passes\n\nThe council voted.\n');
    const second = (await importPaths(archive, [join(src, 'same.txt')], {})).files[0] as ImportFileResult;
    expect(second).toMatchObject({ outcome: 'updated', articleId: first.articleId, flags: [] });
    expect(archive.getArticle(first.articleId as string).headline).toBe('Budget Passes');
  });

  it('a file without identity whose only change is metadata is an update, at the same path', async () => {
    const item = (urgency: number): TestItem => ({ fields: { headline: 'Plain item', urgency }, paragraphs: ['Text.'] });
    const first = await importOne('plain.item', item(5));
    expect((await importOne('plain.item', item(5))).outcome).toBe('duplicate');
    expect(await importOne('plain.item', item(1))).toMatchObject({ outcome: 'updated', articleId: first.articleId });
    expect(archive.getArticle(first.articleId as string).urgency).toBe(1);
  });

  it('the same text under another identity is kept as its own article, flagged', async () => {
    const a = await importOne('i1.item', wireItem('urn:test:one', 1, 'Same words', PARAS_1));
    const b = await importOne('i2.item', wireItem('urn:test:two', 1, 'Same words', PARAS_1));
    expect(b).toMatchObject({ outcome: 'imported', flags: ['near-duplicate'] });
    expect(b.reason).toContain(`near-duplicate of article ${a.articleId as string} (item dpa urn:test:one)`);
  });

  it('a file first read without identity becomes its item when read again as one', async () => {
    write('x.item', 'Storm closes port\n\nThe port closed.\n');
    const plain = (await importPaths(archive, [join(src, 'x.item')], {})).files[0] as ImportFileResult;
    expect(archive.getArticle(plain.articleId as string).source.itemId).toBeNull();
    const now = await importOne('x.item', wireItem('urn:test:adopt', 1, 'Storm closes port', ['The port closed.'], { urgency: 2 }));
    expect(now).toMatchObject({ outcome: 'updated', articleId: plain.articleId, reason: 'now read as item dpa urn:test:adopt' });
    expect(archive.getArticle(plain.articleId as string).source).toMatchObject({ itemId: 'urn:test:adopt', itemVersion: 1, format: 'test-item' });
    expect((await importOne('y.item', wireItem('urn:test:adopt', 2, 'Port closed', ['The port closed all day.']))).articleId).toBe(plain.articleId);
  });
});
