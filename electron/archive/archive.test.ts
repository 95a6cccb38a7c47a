import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs, bodyState, heading, list, paragraph, textNode } from '../../shared/editor/build.ts';
import { TEXT_FORMAT } from '../../shared/editor/serialized.ts';
import { Archive } from './archive.ts';
import { ArchiveError } from './errors.ts';
import { fakeClock, type TempArchive, tempArchive } from './testing/tempArchive.ts';

let t: TempArchive;
afterEach(() => t?.cleanup());

describe('articles', () => {
  it('stores every field, the body JSON, its text and word count, and provenance', () => {
    t = tempArchive();
    const body = bodyState([
      heading('h2', 'Background'),
      paragraph([textNode('Seoul is '), textNode('busy', TEXT_FORMAT.bold), textNode(' today.')]),
      list('bullet', ['one item', 'two items']),
    ]);
    const created = t.archive.createArticle({
      headline: 'A headline',
      dek: 'The dek',
      byline: 'By Kim',
      dateline: 'SEOUL',
      section: 'World',
      tags: ['korea', 'politics'],
      status: 'edited',
      language: 'en',
      targetLength: 600,
      postedAt: '2019-01-09T07:31:00+09:00',
      updatedAt: '2019-01-09T08:00:00+09:00',
      body,
      source: { path: '/in/a.txt', sha256: 'ab'.repeat(32), encoding: 'utf-8', encodingConfidence: 1, format: 'plain', importedAt: '2026-01-01T00:00:00.000Z', timezoneAssumed: 'Asia/Seoul' },
    });
    const loaded = t.archive.getArticle(created.id);
    expect(loaded.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(loaded).toMatchObject({
      headline: 'A headline',
      dek: 'The dek',
      byline: 'By Kim',
      dateline: 'SEOUL',
      section: 'World',
      tags: ['korea', 'politics'],
      status: 'edited',
      language: 'en',
      slug: 'a-headline',
      targetLength: 600,
      postedAt: '2019-01-09T07:31:00+09:00',
      updatedAt: '2019-01-09T08:00:00+09:00',
      version: 1,
    });
    expect(loaded.body).toEqual(body);
    expect(loaded.bodyText).toBe('Background\n\nSeoul is busy today.\n\none item\ntwo items');
    expect(loaded.wordCount).toBe(9);
    expect(loaded.source).toMatchObject({ path: '/in/a.txt', encoding: 'utf-8', timezoneAssumed: 'Asia/Seoul' });
  });

  it('refuses an unknown status and an unknown id with coded errors', () => {
    t = tempArchive();
    expect(() => t.archive.createArticle({ status: 'lost' as never })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => t.archive.getArticle('nope')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});

describe('revisions and saving', () => {
  it('records an initial revision: import with a source, save without', () => {
    t = tempArchive();
    const imported = t.archive.createArticle({ headline: 'From a file', source: { path: '/x.txt' } });
    const written = t.archive.createArticle({ headline: 'Written here' });
    expect(t.archive.listRevisions(imported.id).map((r) => r.reason)).toEqual(['import']);
    expect(t.archive.listRevisions(written.id).map((r) => r.reason)).toEqual(['save']);
  });

  it('increments the version on save and refuses a stale save, writing nothing', () => {
    t = tempArchive();
    const a = t.archive.createArticle({ headline: 'v1', body: bodyFromParagraphs(['first']) });
    const saved = t.archive.save({ id: a.id, baseVersion: 1, fields: { headline: 'v2' } });
    expect(saved.article.version).toBe(2);
    let error: unknown;
    try {
      t.archive.save({ id: a.id, baseVersion: 1, fields: { headline: 'stale' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe('conflict');
    expect((error as ArchiveError).details).toEqual({ currentVersion: 2, baseVersion: 1 });
    expect(t.archive.getArticle(a.id).headline).toBe('v2');
    expect(t.archive.listRevisions(a.id)).toHaveLength(2);
  });

  it('de-duplicates a save whose content equals the latest revision, but keeps named ones', () => {
    t = tempArchive();
    const a = t.archive.createArticle({ headline: 'Same' });
    const again = t.archive.save({ id: a.id, baseVersion: 1, fields: { headline: 'Same' } });
    expect(t.archive.listRevisions(a.id)).toHaveLength(1);
    t.archive.save({ id: a.id, baseVersion: again.article.version, name: 'sent to desk' });
    const revs = t.archive.listRevisions(a.id);
    expect(revs).toHaveLength(2);
    expect(revs[1]?.name).toBe('sent to desk');
    expect(revs[0]?.hash).toBe(revs[1]?.hash);
    const snapshots = t.archive.db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number };
    expect(snapshots.n).toBe(1);
  });

  it('restores a whole revision or one field as a new revision, never rewriting history', () => {
    const clock = fakeClock();
    t = tempArchive({ clock });
    const a = t.archive.createArticle({ headline: 'Old headline', dek: 'Old dek', body: bodyFromParagraphs(['old body']) });
    clock.advance(60_000);
    t.archive.save({ id: a.id, baseVersion: 1, fields: { headline: 'New headline', dek: 'New dek' }, body: bodyFromParagraphs(['new body']) });
    const [first] = t.archive.listRevisions(a.id);
    const historyBefore = t.archive.listRevisions(a.id);

    const fieldOnly = t.archive.restore(a.id, first!.id, { field: 'headline' });
    expect(fieldOnly.article.headline).toBe('Old headline');
    expect(fieldOnly.article.dek).toBe('New dek');
    expect(fieldOnly.article.bodyText).toBe('new body');

    const whole = t.archive.restore(a.id, first!.id);
    expect(whole.article).toMatchObject({ headline: 'Old headline', dek: 'Old dek', bodyText: 'old body' });
    const history = t.archive.listRevisions(a.id);
    expect(history.map((r) => r.reason)).toEqual(['save', 'save', 'restore', 'restore']);
    expect(history.slice(0, 2)).toEqual(historyBefore);
    expect(t.archive.getRevision(a.id, history[1]!.id).fields.headline).toBe('New headline');
  });
});

describe('changedSinceOpen', () => {
  it('is false for a connection that only read, true once it wrote', () => {
    t = tempArchive();
    const a = t.archive.createArticle({ headline: 'Written' });
    const path = t.path;
    t.archive.close();
    const reopened = Archive.open(path);
    try {
      reopened.getArticle(a.id);
      reopened.search('written');
      expect(reopened.changedSinceOpen()).toBe(false);
      reopened.save({ id: a.id, baseVersion: 1, fields: { headline: 'Changed' } });
      expect(reopened.changedSinceOpen()).toBe(true);
    } finally {
      reopened.close();
    }
  });
});
