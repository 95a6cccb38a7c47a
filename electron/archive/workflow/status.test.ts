import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { EditorService } from '../history/service.ts';
import { DEFAULT_READY_RULES } from '../../../shared/editing/readyRules.ts';
import { readReadyRules, writeReadyRules } from './rules.ts';
import { fakeClock, tempArchive, type TempArchive } from '../testing/tempArchive.ts';

let t: TempArchive | undefined;
afterEach(() => t?.cleanup());

function setup(fields: { headline?: string; targetLength?: number | null } = {}, paragraphs = ['Ten words of copy that are all here and done now.']) {
  t = tempArchive({ clock: fakeClock() });
  const service = new EditorService(t.archive);
  const article = service.create({ headline: 'Storm hits coast', ...fields, body: bodyFromParagraphs(paragraphs) });
  return { service, article };
}

describe('workflow', () => {
  it('moves draft → edited → ready → published, one status revision each', () => {
    const { service, article } = setup({ targetLength: 10 });
    for (const status of ['edited', 'ready', 'published'] as const) {
      const r = service.setStatus({ id: article.id, status });
      expect(r).toMatchObject({ changed: true, to: status });
    }
    const revs = service.history(article.id);
    expect(revs.map((r) => r.reason)).toEqual(['save', 'status', 'status', 'status']);
    expect(service.open(article.id).article.status).toBe('published');
  });

  it('blocks ready and says why: empty headline, TK markers, length off target', () => {
    const { service, article } = setup({ headline: '', targetLength: 400 }, ['Quote from the mayor TK.', 'TKTK on figures.']);
    let error: unknown;
    try {
      service.setStatus({ id: article.id, status: 'ready' });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'invalid-input' });
    const message = (error as Error).message;
    expect(message).toContain('headline is empty');
    expect(message).toContain('2 TK markers');
    expect(message).toMatch(/under the target of 400/);
    expect(service.history(article.id)).toHaveLength(1);
    const forced = service.setStatus({ id: article.id, status: 'ready', force: true });
    expect(forced.changed).toBe(true);
    expect(service.history(article.id).at(-1)).toMatchObject({ reason: 'status', name: 'forced to ready past the checklist' });
  });

  it('refuses an impossible transition and a stale version', () => {
    const { service, article } = setup();
    service.setStatus({ id: article.id, status: 'spiked' });
    expect(() => service.setStatus({ id: article.id, status: 'published' })).toThrow(/from spiked to published/);
    expect(() => service.setStatus({ id: article.id, status: 'draft', baseVersion: article.version })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(() => service.setStatus({ id: article.id, status: 'bogus' as never })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});

describe('ready rules of the desk', () => {
  it('block ready with the failing rule named, and follow the archive settings', () => {
    t = tempArchive({ clock: fakeClock('2026-12-03T12:00:00.000Z') });
    const service = new EditorService(t.archive);
    const wire = service.create({ headline: 'Rates rise', provider: 'dpa', embargoedUntil: '2026-12-03T08:00:00+09:00', body: bodyFromParagraphs(['Copy.']) });
    expect(readReadyRules(t.archive.db)).toEqual(DEFAULT_READY_RULES);
    expect(() => service.setStatus({ id: wire.id, status: 'ready' })).toThrow(/embargo \(2026-12-02T23:00Z\) has passed.*desk rule "embargo".*wire copy without an urgency/);
    expect(writeReadyRules(t.archive.db, { slugline: true, embargo: false, wireUrgency: false })).toEqual({ slugline: true, embargo: false, wireUrgency: false });
    expect(() => service.setStatus({ id: wire.id, status: 'ready' })).toThrow(/^Not ready: The slugline is empty\. \(desk rule "slugline"\)$/);
    const open = service.open(wire.id);
    expect(open.checklist.items.map((i) => i.id)).toEqual(['headline', 'tk', 'length', 'slugline']);
    service.save({ id: wire.id, baseVersion: open.article.version, fields: { slugline: 'BC-Rates' } });
    expect(service.setStatus({ id: wire.id, status: 'ready' })).toMatchObject({ changed: true, to: 'ready' });
  });

  it('lets a released embargo through; settings refuse unknown rules and wrong values', () => {
    t = tempArchive({ clock: fakeClock('2026-12-03T12:00:00.000Z') });
    const service = new EditorService(t.archive);
    const a = service.create({ headline: 'Held', urgency: 2, provider: 'AP', embargoedUntil: '2026-12-01T00:00:00Z', body: bodyFromParagraphs(['Copy.']) });
    expect(() => service.setStatus({ id: a.id, status: 'ready' })).toThrow(/desk rule "embargo"/);
    service.save({ id: a.id, baseVersion: service.open(a.id).article.version, fields: { embargoedUntil: null } });
    expect(service.setStatus({ id: a.id, status: 'ready' })).toMatchObject({ changed: true });
    expect(() => writeReadyRules(t!.archive.db, { nonsense: true } as never)).toThrow(/Unknown ready rule "nonsense"/);
    expect(() => writeReadyRules(t!.archive.db, { slugline: 'on' } as never)).toThrow(/on or off/);
  });
});
