// The CLI and newsroom metadata (issue 11): show --json carries every field
// (fields only added), show's text prints the wire metadata, search --json
// hits gain embargoedUntil/urgency/provider, and export refuses killed,
// withheld and embargoed articles (exit 2, per-file outcomes) unless
// --ignore-embargo lifts an embargo.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { Archive } from '../../archive/archive.ts';
import { tempDir } from '../../archive/testing/tempArchive.ts';
import { runCli } from '../run.ts';

let dir: string;
let cleanup: () => void;
let db: string;
const ids: Record<string, string> = {};

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'wire.sqlite');
  const archive = Archive.open(db);
  const make = (key: string, headline: string, fields: object) =>
    (ids[key] = archive.createArticle({ headline, postedAt: '2026-03-01T10:00:00+01:00', body: bodyFromParagraphs([`${headline}: text.`]), ...fields }, 'save').id);
  make('wire', 'Harbour fire spreads', {
    slugline: 'BC-Harbour-Fire',
    urgency: 2,
    priority: 3,
    provider: 'dpa',
    genre: 'Current',
    pubStatus: 'usable',
    signals: ['update'],
    subjects: [{ scheme: 'medtop', code: '20000106', label: 'crime' }],
    keywords: ['fire', 'harbour'],
    located: { name: 'Hamburg', countryCode: 'DE' },
    authors: [{ name: 'Anna Berg', role: 'writer' }],
    creditLine: 'dpa',
    copyrightHolder: 'dpa GmbH',
    usageTerms: 'Not for use in Austria',
    editorNote: 'Adds casualty figure',
    source: { path: '/wire/fire.xml', itemProvider: 'dpa', itemId: 'urn:newsml:dpa.com:fire', itemVersion: 2 },
  });
  make('future', 'Rates decision embargoed', { embargoedUntil: '2099-01-01T06:00:00+01:00', urgency: 3, provider: 'AP' });
  make('past', 'Rates decision published', { embargoedUntil: '2001-01-01T06:00:00+01:00' });
  make('killed', 'Rates decision killed', { status: 'killed', pubStatus: 'canceled' });
  make('withheld', 'Rates decision withheld', { status: 'withheld' });
  archive.close();
});
afterEach(() => cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--db', db], { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) as Record<string, unknown> };
}

describe('show', () => {
  it('--json carries the newsroom metadata and the item identity beside every earlier field', async () => {
    const r = await cli('show', ids.wire as string, '--json');
    expect(r.code).toBe(0);
    const body = r.json();
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['id', 'headline', 'dek', 'byline', 'dateline', 'section', 'tags', 'status', 'postedAt', 'updatedAt', 'bodyText', 'body', 'version', 'source']),
    );
    expect(body).toMatchObject({
      slugline: 'BC-Harbour-Fire',
      urgency: 2,
      priority: 3,
      embargoedUntil: null,
      expiresAt: null,
      provider: 'dpa',
      pubStatus: 'usable',
      signals: ['update'],
      subjects: [{ scheme: 'medtop', code: '20000106', label: 'crime' }],
      keywords: ['fire', 'harbour'],
      located: { name: 'Hamburg', countryCode: 'DE' },
      authors: [{ name: 'Anna Berg', role: 'writer' }],
      genre: 'Current',
      creditLine: 'dpa',
      copyrightHolder: 'dpa GmbH',
      usageTerms: 'Not for use in Austria',
      editorNote: 'Adds casualty figure',
      source: { path: '/wire/fire.xml', itemProvider: 'dpa', itemId: 'urn:newsml:dpa.com:fire', itemVersion: 2 },
    });
  });

  it('prints the wire metadata as text, and says when export refuses the article', async () => {
    const r = await cli('show', ids.wire as string);
    expect(r.out).toContain('slug BC-Harbour-Fire · urgency 2 · priority 3 · provider dpa · genre Current');
    expect(r.out).toContain('item dpa urn:newsml:dpa.com:fire version 2 · pubStatus usable · signals update');
    expect(r.out).toContain('subjects: crime (medtop:20000106)');
    expect(r.out).toContain('located: Hamburg, DE');
    expect(r.out).toContain('authors: Anna Berg (writer)');
    expect(r.out).toContain("editor's note: Adds casualty figure");
    expect(r.out).not.toContain('export refuses');
    expect((await cli('show', ids.future as string)).out).toContain('export refuses it: embargoed until 2099-01-01T06:00:00+01:00 (2099-01-01T05:00:00Z)');
    expect((await cli('show', ids.killed as string)).out).toContain('export refuses it: killed');
    // A plain article prints no wire lines at all.
    expect((await cli('show', ids.past as string)).out.split('\n').some((l) => /^(slug|item|subjects|authors) /u.test(l))).toBe(false);
  });
});

describe('search --json', () => {
  it('hits gain embargoedUntil, urgency and provider', async () => {
    const r = await cli('search', 'embargoed', '--json');
    const hit = (r.json().hits as Array<Record<string, unknown>>)[0];
    expect(Object.keys(hit ?? {})).toEqual(expect.arrayContaining(['id', 'headline', 'snippet', 'snippetText', 'section', 'status', 'postedAt', 'updatedAt', 'score']));
    expect(hit).toMatchObject({ id: ids.future, embargoedUntil: '2099-01-01T06:00:00+01:00', urgency: 3, provider: 'AP' });
    const filtered = await cli('search', 'rates urgency:<=3 provider:ap', '--json');
    expect((filtered.json().hits as Array<{ id: string }>).map((h) => h.id)).toEqual([ids.future]);
  });
});

describe('export refuses what may not leave the archive', () => {
  it('--query: killed, withheld and embargoed articles fail with their codes and exit 2; --ignore-embargo lifts only the embargo', async () => {
    const out = join(dir, 'out');
    const r = await cli('export', '--query', 'rates', '--out', out, '--format', 'txt', '--json');
    expect(r.code).toBe(2);
    const report = r.json() as { exported: number; failed: number; files: Array<{ id: string; outcome: string; code: string | null; reason: string | null }> };
    const byId = new Map(report.files.map((f) => [f.id, f]));
    expect(report).toMatchObject({ exported: 1, failed: 3 });
    expect(byId.get(ids.future as string)).toMatchObject({ outcome: 'failed', code: 'embargoed' });
    expect(byId.get(ids.killed as string)).toMatchObject({ outcome: 'failed', code: 'killed' });
    expect(byId.get(ids.withheld as string)).toMatchObject({ outcome: 'failed', code: 'withheld' });
    expect(byId.get(ids.past as string)).toMatchObject({ outcome: 'exported', code: null });
    expect(readdirSync(out).sort()).toEqual(['2026-03-01-rates-decision-published.txt', 'manifest.json']);

    const text = await cli('export', '--query', 'rates', '--out', join(dir, 'out-text'));
    expect(text.code).toBe(2);
    expect(text.err).toContain(`failed: ${ids.future as string}: embargoed until 2099-01-01T06:00:00+01:00`);
    expect(text.err).toContain('note: 1 article is under embargo and was not exported; pass --ignore-embargo to export it anyway.');

    const ignoring = await cli('export', '--query', 'rates', '--out', join(dir, 'out-2'), '--ignore-embargo', '--json');
    expect(ignoring.code).toBe(2);
    const again = ignoring.json() as { exported: number; files: Array<{ code: string | null }> };
    expect(again.exported).toBe(2);
    expect(again.files.map((f) => f.code).sort()).toEqual([null, null, 'killed', 'withheld'].sort());
  });

  it('one embargoed id alone: exit 2 without the flag, 0 with it', async () => {
    const refused = await cli('export', ids.future as string, '--out', join(dir, 'one'));
    expect(refused.code).toBe(2);
    expect(existsSync(join(dir, 'one', '2026-03-01-rates-decision-embargoed.html'))).toBe(false);
    const allowed = await cli('export', ids.future as string, '--out', join(dir, 'two'), '--ignore-embargo');
    expect(allowed.code).toBe(0);
    expect(existsSync(join(dir, 'two', '2026-03-01-rates-decision-embargoed.html'))).toBe(true);
  });
});
