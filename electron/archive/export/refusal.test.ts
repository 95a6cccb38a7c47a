// What export refuses: killed and withheld articles always, embargoed ones
// before their instant unless the user confirmed. Time comes from the
// archive's clock, moved here by a fake one.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { emptyFields } from '../../../shared/model/article.ts';
import { fakeClock, type TempArchive, tempArchive } from '../testing/tempArchive.ts';
import { exportArticles } from './exporter.ts';
import { exportRefusal, underEmbargo } from './refusal.ts';

const EMBARGO = '2026-03-02T06:00:00+01:00'; // 05:00 UTC

describe('exportRefusal', () => {
  const article = (fields: Partial<ReturnType<typeof emptyFields>>) => ({ ...emptyFields(), ...fields });
  const before = new Date('2026-03-02T04:59:59.999Z');
  const at = new Date('2026-03-02T05:00:00Z');

  it.each([
    ['a draft', {}, before, false, null],
    ['a killed article', { status: 'killed' as const }, before, true, 'killed'],
    ['a provider kill the desk spiked', { status: 'spiked' as const, pubStatus: 'canceled' as const }, before, true, 'killed'],
    ['a withheld article', { status: 'withheld' as const }, before, true, 'withheld'],
    ['a withhold the desk released', { status: 'draft' as const, pubStatus: 'withheld' as const }, before, false, null],
    ['an embargo one millisecond before its instant', { embargoedUntil: EMBARGO }, before, false, 'embargoed'],
    ['an embargo at its instant', { embargoedUntil: EMBARGO }, at, false, null],
    ['an embargo the user overrides', { embargoedUntil: EMBARGO }, before, true, null],
    ['an embargo whose time cannot be read', { embargoedUntil: 'next Tuesday' }, at, false, 'embargoed'],
    ['a killed article under embargo, overridden', { status: 'killed' as const, embargoedUntil: EMBARGO }, before, true, 'killed'],
  ])('%s', (_name, fields, now, ignoreEmbargo, code) => {
    expect(exportRefusal(article(fields), now, { ignoreEmbargo })?.code ?? null).toBe(code);
  });

  it('names the instant of an embargo, as the file gave it and in UTC', () => {
    expect(exportRefusal(article({ embargoedUntil: EMBARGO }), before)).toEqual({
      code: 'embargoed',
      reason: 'embargoed until 2026-03-02T06:00:00+01:00 (2026-03-02T05:00:00Z)',
      embargoedUntil: EMBARGO,
    });
    expect(underEmbargo(EMBARGO, before)).toBe(true);
    expect(underEmbargo(EMBARGO, at)).toBe(false);
    expect(underEmbargo(null, at)).toBe(false);
  });
});

describe('exportArticles applies the rule', () => {
  let t: TempArchive;
  afterEach(() => t.cleanup());

  it('refuses an embargoed article until its instant, exports it after or when told, and never a killed or withheld one', () => {
    const clock = fakeClock('2026-03-01T12:00:00Z');
    t = tempArchive({ clock });
    const { archive } = t;
    const make = (headline: string, fields: object) =>
      archive.createArticle({ headline, postedAt: '2026-03-01T10:00:00+01:00', body: bodyFromParagraphs([`${headline}.`]), ...fields }).id;
    const embargoed = make('Rates decision', { embargoedUntil: EMBARGO });
    const killed = make('Wrong story', { status: 'killed' });
    const withheld = make('Held story', { status: 'withheld' });
    const plain = make('Plain story', {});
    const ids = [embargoed, killed, withheld, plain];

    const first = exportArticles(archive, ids, { outDir: join(t.dir, 'before'), format: 'txt' });
    expect(first.files.map((f) => [f.outcome, f.code])).toEqual([
      ['failed', 'embargoed'],
      ['failed', 'killed'],
      ['failed', 'withheld'],
      ['exported', null],
    ]);
    expect(first.files[0]?.reason).toBe('embargoed until 2026-03-02T06:00:00+01:00 (2026-03-02T05:00:00Z)');
    expect(readdirSync(join(t.dir, 'before')).sort()).toEqual(['2026-03-01-plain-story.txt', 'manifest.json']);
    expect(JSON.parse(readFileSync(first.manifest, 'utf8')).count).toBe(1);
    // Refused articles get no export revision.
    expect(archive.listRevisions(embargoed).map((r) => r.reason)).toEqual(['save']);

    const overridden = exportArticles(archive, ids, { outDir: join(t.dir, 'override'), format: 'txt', ignoreEmbargo: true });
    expect(overridden.files.map((f) => f.code)).toEqual([null, 'killed', 'withheld', null]);

    clock.set('2026-03-02T05:00:00Z');
    const after = exportArticles(archive, ids, { outDir: join(t.dir, 'after'), format: 'txt' });
    expect(after.files.map((f) => f.code)).toEqual([null, 'killed', 'withheld', null]);
    expect(existsSync(join(t.dir, 'after', '2026-03-01-rates-decision.txt'))).toBe(true);
  });
});
