// diff / restore / status: their --json output and exit codes are a public interface.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { Archive } from '../../archive/archive.ts';
import { tempDir } from '../../archive/testing/tempArchive.ts';
import { runCli } from '../run.ts';

// The import command pulls in the whole importer; these tests are about other commands.
vi.mock('./import.ts', () => ({ importCommand: { name: 'import', summary: 'Import files', usage: 'copydesk import', run: () => 0 } }));

let cleanup: () => void;
let db: string;
let id: string;
let revs: number[];

beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = join(t.dir, 'cli.sqlite');
  const archive = Archive.open(db);
  const a = archive.createArticle({ headline: 'Ferry service cut', targetLength: 9, body: bodyFromParagraphs(['The ferry will run twice a day from June TK.']) });
  const s = archive.save({ id: a.id, baseVersion: a.version, fields: { headline: 'Ferry service halved' }, body: bodyFromParagraphs(['The ferry will run twice a day from June.']) });
  id = a.id;
  revs = [archive.listRevisions(a.id)[0]!.id, s.revisionId!];
  archive.close();
});
afterEach(() => cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...argv, '--db', db], { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, interactive: false });
  const lines = out.join('\n');
  return { code, out: lines, err: err.join('\n'), json: () => JSON.parse(lines) as Record<string, unknown> };
}

describe('copydesk diff', () => {
  it('prints a field-by-field word diff as JSON', async () => {
    const r = await cli('diff', id, String(revs[0]), String(revs[1]), '--json');
    expect(r.code).toBe(0);
    const json = r.json() as { articleId: string; from: number; to: number; coarse: boolean; fields: Array<{ field: string; changed: boolean; parts: unknown[]; added: number; removed: number }> };
    expect(json).toMatchObject({ articleId: id, from: revs[0], to: revs[1], coarse: false });
    const headline = json.fields.find((f) => f.field === 'headline')!;
    expect(headline).toMatchObject({ changed: true, added: 1, removed: 1, parts: [{ op: 'equal', text: 'Ferry service ' }, { op: 'removed', text: 'cut' }, { op: 'added', text: 'halved' }] });
    expect(json.fields.find((f) => f.field === 'body')).toMatchObject({ changed: true, removed: 1, added: 0 });
  });

  it('prints word-diff markers as text, and compares with the working copy', async () => {
    const r = await cli('diff', id, String(revs[0]), 'current');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ferry service [-cut-]{+halved+}');
    expect(r.out).not.toContain('== byline');
  });

  it('exits 1 with one line for a bad or unknown revision', async () => {
    for (const argv of [['diff', id, 'abc', '1'], ['diff', id, String(revs[0]), '99999'], ['diff', 'no-such-article', '1', '2'], ['diff', id]]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.err.split('\n')).toHaveLength(1);
    }
  });
});

describe('copydesk restore', () => {
  it('restores one field as a new revision and reports it as JSON', async () => {
    const r = await cli('restore', id, String(revs[0]), '--field', 'headline', '--json');
    expect(r.code).toBe(0);
    const json = r.json();
    expect(json).toMatchObject({ articleId: id, restoredFrom: revs[0], field: 'headline', headline: 'Ferry service cut', version: 3 });
    expect(json.revisionId).toBeGreaterThan(revs[1]!);
    const show = await cli('show', id, '--json');
    expect(show.json()).toMatchObject({ headline: 'Ferry service cut', bodyText: 'The ferry will run twice a day from June.' });
    const history = await cli('history', id, '--json');
    expect((history.json().revisions as Array<{ reason: string }>).map((x) => x.reason)).toEqual(['save', 'save', 'restore']);
  });

  it('exits 1 for an unknown field', async () => {
    const r = await cli('restore', id, String(revs[0]), '--field', 'colour');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Unknown field "colour"/);
  });
});

describe('copydesk status', () => {
  it('moves through the workflow and prints the checklist', async () => {
    const shown = await cli('status', id, '--json');
    expect(shown.json()).toMatchObject({ id, status: 'draft', checklist: { ready: true } });
    const r = await cli('status', id, 'edited', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ id, from: 'draft', to: 'edited', changed: true, blocked: false, version: 3 });
  });

  it('exits 1 when the checklist blocks ready, saying what blocks it, and --force overrides', async () => {
    await cli('restore', id, String(revs[0]), '--field', 'body');
    const r = await cli('status', id, 'ready', '--json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Not ready: 1 TK marker still in the copy/);
    const json = r.json() as { blocked: boolean; checklist: { ready: boolean; items: Array<{ id: string; ok: boolean }> } };
    expect(json.blocked).toBe(true);
    expect(json.checklist.items.filter((i) => !i.ok).map((i) => i.id)).toEqual(['tk']);
    const forced = await cli('status', id, 'ready', '--force', '--json');
    expect(forced.code).toBe(0);
    expect(forced.json()).toMatchObject({ to: 'ready', changed: true });
  });

  it('exits 1 for an unknown status or an impossible move', async () => {
    expect((await cli('status', id, 'filed')).code).toBe(1);
    expect((await cli('status', id, 'published')).err).toMatch(/cannot go from draft to published/);
  });
});

describe('copydesk ready-rules', () => {
  it('shows the defaults, switches a rule, and status then names the rule that blocks ready', async () => {
    const shown = await cli('ready-rules', '--json');
    expect(shown.json()).toEqual({ rules: { slugline: false, embargo: true, wireUrgency: true } });
    const set = await cli('ready-rules', '--slugline', 'on', '--wire-urgency', 'off', '--json');
    expect(set.json()).toEqual({ rules: { slugline: true, embargo: true, wireUrgency: false } });
    expect((await cli('ready-rules')).out).toMatch(/^on +--slugline +a slugline is present$/m);
    const r = await cli('status', id, 'ready', '--json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('The slugline is empty. (desk rule "slugline")');
    const json = r.json() as { checklist: { items: Array<{ id: string; ok: boolean }> } };
    expect(json.checklist.items.filter((i) => !i.ok).map((i) => i.id)).toEqual(['slugline']);
    expect((await cli('edit', id, '--set', 'slugline=BC-Ferry', '--json')).code).toBe(0);
    expect((await cli('status', id, 'ready', '--json')).json()).toMatchObject({ to: 'ready', changed: true });
  });

  it('refuses a value other than on or off, and edit refuses a wire field of the wrong shape', async () => {
    const r = await cli('ready-rules', '--embargo', 'maybe');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--embargo takes on or off/);
    const bad = await cli('edit', id, '--set', 'embargoedUntil=2026-12-04 09:00');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/embargoedUntil: Must be an ISO 8601 date-time with a zone/);
    expect((await cli('edit', id, '--set', 'urgency=12')).code).toBe(1);
  });
});
