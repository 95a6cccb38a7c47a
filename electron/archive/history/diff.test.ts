import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { sideBySide } from '../../../shared/editing/diff.ts';
import { fakeClock, tempArchive, type TempArchive } from '../testing/tempArchive.ts';
import { diffText } from './diff.ts';
import { EditorService } from './service.ts';

let t: TempArchive | undefined;
afterEach(() => t?.cleanup());

describe('word-level diff', () => {
  it('marks changed words, not whole lines', () => {
    const { parts } = diffText('The quick brown fox jumps.', 'The quick red fox leaps.');
    expect(parts).toEqual([
      { op: 'equal', text: 'The quick ' },
      { op: 'removed', text: 'brown' },
      { op: 'added', text: 'red' },
      { op: 'equal', text: ' fox ' },
      { op: 'removed', text: 'jumps' },
      { op: 'added', text: 'leaps' },
      { op: 'equal', text: '.' },
    ]);
    const { left, right } = sideBySide(parts);
    expect(left.map((p) => p.text).join('')).toBe('The quick brown fox jumps.');
    expect(right.map((p) => p.text).join('')).toBe('The quick red fox leaps.');
  });

  it('diffs any two revisions field by field, and against the working copy', () => {
    t = tempArchive({ clock: fakeClock() });
    const service = new EditorService(t.archive);
    const a = service.create({ headline: 'Mayor resigns', byline: 'Ann Lee', tags: ['politics'], body: bodyFromParagraphs(['The mayor resigned on Tuesday.', 'More TK.']) });
    const s2 = service.save({
      id: a.id,
      baseVersion: a.version,
      fields: { headline: 'Mayor resigns after vote', tags: ['politics', 'city hall'] },
      body: bodyFromParagraphs(['The mayor resigned on Tuesday night.', 'More TK.']),
    });
    const [r1, r2] = service.history(a.id).map((r) => r.id);
    const d = service.diff(a.id, r1!, r2!);
    const byField = Object.fromEntries(d.fields.map((f) => [f.field, f]));
    expect(byField.headline).toMatchObject({ changed: true, added: 2, removed: 0, before: 'Mayor resigns', after: 'Mayor resigns after vote' });
    expect(byField.byline).toMatchObject({ changed: false, parts: [{ op: 'equal', text: 'Ann Lee' }] });
    expect(byField.tags).toMatchObject({ changed: true, before: 'politics', after: 'politics, city hall' });
    expect(byField.body!.parts.filter((p) => p.op === 'added').map((p) => p.text.trim())).toEqual(['night']);
    expect(byField.body!.removed).toBe(0);
    service.autosave({ id: a.id, baseVersion: s2.version, fields: { dek: 'A new dek' } });
    const current = service.diff(a.id, r2!, 'current');
    expect(current.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['dek']);
    expect(() => service.diff(a.id, r1!, 424242)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('falls back to a whole replacement instead of hanging on a huge rewrite', () => {
    const words = (seed: string) => Array.from({ length: 20_000 }, (_, i) => `${seed}${i}`).join(' ');
    const { parts, coarse } = diffText(words('a'), words('b'), { timeoutMs: 50 });
    expect(coarse).toBe(true);
    expect(parts.map((p) => p.op)).toEqual(['removed', 'added']);
  });
});
