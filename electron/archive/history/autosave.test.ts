import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { fakeClock, tempArchive, type TempArchive } from '../testing/tempArchive.ts';
import { Archive } from '../archive.ts';
import { EditorService } from './service.ts';
import { MINUTE } from './settings.ts';

let t: TempArchive | undefined;
afterEach(() => t?.cleanup());

function setup() {
  const clock = fakeClock('2026-03-02T10:00:00.000Z');
  t = tempArchive({ clock });
  const service = new EditorService(t.archive);
  const article = service.create({ headline: 'Council votes', body: bodyFromParagraphs(['First draft.']) });
  return { clock, service, article, t };
}

describe('autosave', () => {
  it('writes the working copy every time but adds at most one revision per 10 minutes', () => {
    const { clock, service, article } = setup();
    let version = article.version;
    const created: Array<number | null> = [];
    // 25 minutes of typing, an autosave every second of it.
    for (let s = 1; s <= 25 * 60; s++) {
      clock.advance(1000);
      const r = service.autosave({ id: article.id, baseVersion: version, body: bodyFromParagraphs([`Draft after ${s} seconds.`]) });
      expect(r.written).toBe(true);
      version = r.version;
      created.push(r.revisionId);
    }
    const revs = service.history(article.id);
    const autosaves = revs.filter((r) => r.reason === 'autosave');
    // The initial save was at 10:00; revisions at 10:10 and 10:20.
    expect(autosaves).toHaveLength(2);
    expect(autosaves.map((r) => r.createdAt)).toEqual(['2026-03-02T10:10:00.000Z', '2026-03-02T10:20:00.000Z']);
    expect(created.filter((c) => c !== null)).toHaveLength(2);
    // The working copy holds the very last keystroke, not the last revision.
    expect(service.open(article.id).article.bodyText).toBe('Draft after 1500 seconds.');
    expect(service.open(article.id).unrecorded).toBe(true);
  });

  it('writes nothing when the text did not change', () => {
    const { clock, service, article } = setup();
    clock.advance(60 * MINUTE);
    const r = service.autosave({ id: article.id, baseVersion: article.version, body: article.body, fields: { headline: article.headline } });
    expect(r).toMatchObject({ written: false, revisionId: null, version: article.version });
    expect(service.history(article.id)).toHaveLength(1);
  });

  it('refuses a stale base version with conflict and leaves the row alone', () => {
    const { clock, service, article } = setup();
    clock.advance(1000);
    const first = service.autosave({ id: article.id, baseVersion: article.version, body: bodyFromParagraphs(['Tab one.']) });
    expect(() => service.autosave({ id: article.id, baseVersion: article.version, body: bodyFromParagraphs(['Tab two.']) })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(service.open(article.id).article).toMatchObject({ version: first.version, bodyText: 'Tab one.' });
  });

  it('survives a reopen of the file: the last committed autosave is what comes back', () => {
    const { clock, service, article, t: temp } = setup();
    clock.advance(1000);
    service.autosave({ id: article.id, baseVersion: article.version, body: bodyFromParagraphs(['Lost power mid-sentence but this survives']) });
    // Open a second connection as a restarted app would, without closing the first (a killed process never closes).
    const reopened = Archive.open(temp.path);
    try {
      expect(reopened.getArticle(article.id).bodyText).toBe('Lost power mid-sentence but this survives');
    } finally {
      reopened.close();
    }
  });
});
