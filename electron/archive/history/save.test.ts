import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { fakeClock, tempArchive, type TempArchive } from '../testing/tempArchive.ts';
import { EditorService } from './service.ts';

let t: TempArchive | undefined;
afterEach(() => t?.cleanup());

function setup() {
  const clock = fakeClock('2026-03-02T10:00:00.000Z');
  t = tempArchive({ clock });
  const service = new EditorService(t.archive);
  const article = service.create({ headline: 'Bridge reopens', body: bodyFromParagraphs(['The bridge reopened on Monday.']) });
  return { clock, service, article };
}

describe('explicit save and revision de-duplication', () => {
  it('de-duplicates a plain save of unchanged text by hash, but keeps a named one', () => {
    const { clock, service, article } = setup();
    clock.advance(1000);
    const a = service.save({ id: article.id, baseVersion: article.version, body: article.body });
    expect(a.revisionId).toBe(service.history(article.id)[0]!.id);
    expect(service.history(article.id)).toHaveLength(1);
    const named = service.save({ id: article.id, baseVersion: a.version, name: 'sent to desk' });
    expect(named.revisionId).not.toBe(a.revisionId);
    const revs = service.history(article.id);
    expect(revs.map((r) => [r.reason, r.name])).toEqual([['save', null], ['save', 'sent to desk']]);
    expect(revs[0]!.hash).toBe(revs[1]!.hash);
    // Identical content is stored once.
    const snapshots = t!.archive.db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number };
    expect(snapshots.n).toBe(1);
  });

  it('after autosaves, Ctrl+S records the working copy without bumping the version', () => {
    const { clock, service, article } = setup();
    clock.advance(1000);
    const auto = service.autosave({ id: article.id, baseVersion: article.version, body: bodyFromParagraphs(['Typed text.']) });
    expect(auto.revisionId).toBeNull();
    const saved = service.save({ id: article.id, baseVersion: auto.version, body: bodyFromParagraphs(['Typed text.']) });
    expect(saved.version).toBe(auto.version);
    const revs = service.history(article.id);
    expect(revs).toHaveLength(2);
    expect(t!.archive.getRevision(article.id, saved.revisionId).bodyText).toBe('Typed text.');
    expect(service.open(article.id).unrecorded).toBe(false);
  });
});

describe('optimistic concurrency', () => {
  it('refuses a stale save and "keep mine on top" keeps both texts in history', () => {
    const { clock, service, article } = setup();
    // Window A autosaves (no revision yet); window B, still on the old version, saves.
    clock.advance(1000);
    const a = service.autosave({ id: article.id, baseVersion: article.version, body: bodyFromParagraphs(['Text from window A.']) });
    expect(a.revisionId).toBeNull();
    expect(() => service.save({ id: article.id, baseVersion: article.version, body: bodyFromParagraphs(['Text from window B.']) })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    const mine = service.saveOnTop({ id: article.id, body: bodyFromParagraphs(['Text from window B.']) });
    expect(mine.theirsRevisionId).not.toBeNull();
    expect(t!.archive.getArticle(article.id).bodyText).toBe('Text from window B.');
    expect(mine.version).toBe(t!.archive.getArticle(article.id).version);
    const texts = service.history(article.id).map((r) => t!.archive.getRevision(article.id, r.id).bodyText);
    expect(texts).toEqual(['The bridge reopened on Monday.', 'Text from window A.', 'Text from window B.']);
  });

  it('does not duplicate the other text when it already is a revision', () => {
    const { clock, service, article } = setup();
    clock.advance(1000);
    const a = service.save({ id: article.id, baseVersion: article.version, body: bodyFromParagraphs(['Saved by A.']) });
    const mine = service.saveOnTop({ id: article.id, body: bodyFromParagraphs(['Saved by B.']) });
    expect(mine.theirsRevisionId).toBeNull();
    expect(mine.version).toBe(a.version + 1);
    expect(service.history(article.id)).toHaveLength(3);
  });
});

describe('restore', () => {
  it('restores one field or the whole article as a new revision, never rewriting history', () => {
    const { clock, service, article } = setup();
    clock.advance(60_000);
    const v2 = service.save({ id: article.id, baseVersion: article.version, fields: { headline: 'Bridge stays shut' }, body: bodyFromParagraphs(['Engineers found cracks.']) });
    const before = service.history(article.id);
    const first = before[0]!;
    const r = service.restore(article.id, first.id, { field: 'headline', baseVersion: v2.version });
    expect(r.article.headline).toBe('Bridge reopens');
    expect(r.article.bodyText).toBe('Engineers found cracks.');
    const after = service.history(article.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after[after.length - 1]!.reason).toBe('restore');
    const whole = service.restore(article.id, first.id);
    expect(whole.article.bodyText).toBe('The bridge reopened on Monday.');
    expect(() => service.restore(article.id, first.id, { field: 'nonsense' as never })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => service.restore(article.id, first.id, { field: 'body', baseVersion: 1 })).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('names an existing revision without changing its content', () => {
    const { service, article } = setup();
    const rev = service.history(article.id)[0]!;
    const named = service.nameRevision(article.id, rev.id, '  as published ');
    expect(named).toMatchObject({ name: 'as published', hash: rev.hash });
    expect(() => service.nameRevision(article.id, 9999, 'x')).toThrow(expect.objectContaining({ code: 'not-found' }));
  });
});
