// The wire metadata the desk edits (issue 12) crosses IPC validated: each
// field's wrong shapes are refused by the contract (and by the dispatcher with
// `invalid-payload`, before any worker is asked), the right ones saved, and
// the subject suggestions and ready-rule settings are served by the core.
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/index.ts';
import { editorContract, fieldsSchema } from '../../../shared/contract/editor.ts';
import { tempArchive, type TempArchive } from '../../archive/testing/tempArchive.ts';
import { createDispatcher, type Sender } from './dispatch.ts';
import { silentLog, stubContext } from './fuzzing.ts';
import { editorHandlers } from './editor.ts';
import { handlers } from './registry.ts';

let t: TempArchive | undefined;
afterEach(() => t?.cleanup());

const good = {
  slugline: 'BC-Rates-Rise',
  urgency: 3,
  embargoedUntil: '2026-12-04T09:00:00Z',
  editorNote: 'Hold for the minister.\nSecond line is fine here.',
  subjects: [{ scheme: 'medtop', code: '04000000', label: 'economy, business and finance' }],
  keywords: ['rates', 'central bank'],
  located: { name: 'Seoul', countryCode: 'KR' },
  authors: [{ name: 'Kim Min-ji', role: 'writer' }],
};

const wrong: Array<[string, Record<string, unknown>]> = [
  ['slugline with a line break', { slugline: 'BC\nRates' }],
  ['slugline not a string', { slugline: 42 }],
  ['slugline too long', { slugline: 'x'.repeat(201) }],
  ['urgency 0', { urgency: 0 }],
  ['urgency 10', { urgency: 10 }],
  ['urgency a fraction', { urgency: 2.5 }],
  ['urgency as text', { urgency: '3' }],
  ['embargo without a zone (a wall time)', { embargoedUntil: '2026-12-04T09:00:00' }],
  ['embargo as a date only', { embargoedUntil: '2026-12-04' }],
  ['embargo not a date', { embargoedUntil: 'tomorrow 9am' }],
  ['embargo impossible date', { embargoedUntil: '2026-13-45T09:00:00Z' }],
  ['embargo a number', { embargoedUntil: 1764838800000 }],
  ['editor note not a string', { editorNote: ['x'] }],
  ['editor note too long', { editorNote: 'x'.repeat(5001) }],
  ['subjects not a list', { subjects: { scheme: 'medtop', code: '1', label: 'x' } }],
  ['subject with neither code nor label', { subjects: [{ scheme: 'medtop', code: '', label: ' ' }] }],
  ['subject missing a key', { subjects: [{ code: '1', label: 'x' }] }],
  ['subject with an extra key', { subjects: [{ scheme: '', code: '1', label: 'x', uses: 3 }] }],
  ['subject code with a control character', { subjects: [{ scheme: '', code: '1\u0000', label: 'x' }] }],
  ['keywords as one string', { keywords: 'rates, bank' }],
  ['keyword with a line break', { keywords: ['a\nb'] }],
  ['located as a string', { located: 'Seoul' }],
  ['located country in lower case', { located: { name: 'Seoul', countryCode: 'kr' } }],
  ['located country too long', { located: { name: 'Seoul', countryCode: 'KORE' } }],
  ['located with an extra key', { located: { name: 'Seoul', countryCode: 'KR', lat: 37 } }],
  ['author without a name', { authors: [{ name: '  ', role: 'writer' }] }],
  ['author without a role key', { authors: [{ name: 'Kim' }] }],
  ['author as a string', { authors: ['Kim (writer)'] }],
];

describe('wire fields in the editor contract', () => {
  it('accept every field in its right shape, and the empty values', () => {
    expect(fieldsSchema.safeParse(good).success).toBe(true);
    const empty = { slugline: '', urgency: null, embargoedUntil: null, editorNote: '', subjects: [], keywords: [], located: null, authors: [] };
    expect(fieldsSchema.safeParse(empty).success).toBe(true);
    expect(fieldsSchema.safeParse({ embargoedUntil: '2026-12-04T10:00+01:00' }).success).toBe(true);
    expect(fieldsSchema.safeParse({ located: { name: 'Somewhere', countryCode: '' } }).success).toBe(true);
    expect(fieldsSchema.safeParse({ subjects: [{ scheme: '', code: '', label: 'city council' }] }).success).toBe(true);
  });

  it.each(wrong)('refuse %s', (_name, fields) => {
    expect(fieldsSchema.safeParse({ ...good, ...fields }).success).toBe(false);
    const autosave = editorContract.methods.autosave.input;
    expect(autosave.safeParse({ id: 'abc', baseVersion: 1, fields }).success).toBe(false);
  });

  it('refuse wrong-shaped suggestion and ready-rule payloads', () => {
    const suggest = editorContract.methods.subjectSuggestions.input;
    expect(suggest.safeParse({ prefix: 'cri' }).success).toBe(true);
    for (const bad of [{}, { prefix: 3 }, { prefix: 'a\u0007' }, { prefix: 'x'.repeat(201) }, { prefix: 'a', limit: 0 }, { prefix: 'a', limit: 51 }, { prefix: 'a', sql: '1' }])
      expect(suggest.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    const rules = editorContract.methods.setReadyRules.input;
    expect(rules.safeParse({ slugline: true }).success).toBe(true);
    for (const bad of [{ slugline: 'on' }, { headline: true }, { embargo: 1 }, null])
      expect(rules.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it('the dispatcher answers invalid-payload without reaching the archive', async () => {
    let reached = 0;
    const context = stubContext({ workers: { call: async () => (reached++, { ok: true, value: null }), op: async () => ({ ok: true, value: null }) } as never });
    const dispatcher = createDispatcher({ contract, handlers, trustedOrigin: 'app://copydesk', context: () => context, log: silentLog });
    const own: Sender = { url: 'app://copydesk/index.html', isMainFrame: true, contentsId: 1 };
    const r = await dispatcher.dispatch('copydesk:editor.autosave', { id: 'abc', baseVersion: 1, fields: { embargoedUntil: 'soon' } }, own);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(r.ok ? '' : r.error.message).toContain('fields.embargoedUntil');
    const s = await dispatcher.dispatch('copydesk:editor.subjectSuggestions', { prefix: ['x'] }, own);
    expect(s).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(reached).toBe(0);
    expect(await dispatcher.dispatch('copydesk:editor.subjectSuggestions', { prefix: 'x' }, own)).toMatchObject({ ok: true });
    expect(reached).toBe(1);
  });
});

describe('wire fields through the handlers', () => {
  it('save, revision and diff every wire field; suggestions and rules come from the core', async () => {
    t = tempArchive();
    const a = t.archive;
    const opened = await editorHandlers.create.run(a, { headline: 'Rates' });
    expect(opened.readyRules).toEqual({ slugline: false, embargo: true, wireUrgency: true });
    const id = opened.article.id;
    const saved = await editorHandlers.save.run(a, { id, baseVersion: opened.article.version, fields: fieldsSchema.parse(good) as never });
    const article = a.getArticle(id);
    expect(article).toMatchObject(good);
    const { revisions } = await editorHandlers.history.run(a, { id });
    const diff = await editorHandlers.diff.run(a, { id, from: revisions[0]!.id, to: revisions.at(-1)!.id });
    expect(diff.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['slugline', 'urgency', 'embargoedUntil', 'editorNote', 'subjects', 'keywords', 'located', 'authors']);
    const restored = await editorHandlers.restore.run(a, { id, revisionId: revisions[0]!.id, field: 'authors', baseVersion: saved.version });
    expect(restored.article).toMatchObject({ authors: [], slugline: 'BC-Rates-Rise' });
    expect(await editorHandlers.subjectSuggestions.run(a, { prefix: 'econ' })).toEqual({ suggestions: [{ ...good.subjects[0], uses: 1 }] });
    expect(await editorHandlers.setReadyRules.run(a, { slugline: true })).toEqual({ slugline: true, embargo: true, wireUrgency: true });
    expect((await editorHandlers.open.run(a, { id })).readyRules.slugline).toBe(true);
  });
});
