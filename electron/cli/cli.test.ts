// The CLI's JSON shapes and exit codes are a public interface; these tests pin them.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../shared/editor/build.ts';
import { Archive } from '../archive/archive.ts';
import { tempDir } from '../archive/testing/tempArchive.ts';
import { runCli } from './run.ts';

let dir: string;
let cleanup: () => void;
let db: string;
let articleId: string;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'cli.sqlite');
  const archive = Archive.open(db);
  articleId = archive.createArticle({
    headline: 'Council approves budget',
    section: 'City',
    postedAt: '2019-01-09T07:31:00+09:00',
    body: bodyFromParagraphs(['The council approved the budget on Monday.']),
  }).id;
  archive.close();
});
afterEach(() => cleanup());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, interactive: false });
  return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) as Record<string, unknown> };
}

describe('copydesk CLI', () => {
  it('prints help and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const name of ['import', 'search', 'show', 'history', 'stats', 'check', 'backup']) expect(r.out).toContain(name);
  });

  it('rejects an unknown command and a bad option with exit 1 and one line, no stack', async () => {
    for (const argv of [['frobnicate'], ['search', 'x', '--sort', 'sideways', '--db', db], ['search', '--limit', 'lots', 'x', '--db', db], ['show', '--bogus', '--db', db]]) {
      const r = await cli(...argv);
      expect(r.code).toBe(1);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^copydesk: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('search --json has total and hits with the documented fields', async () => {
    const r = await cli('search', 'budget', '--db', db, '--json');
    expect(r.code).toBe(0);
    const body = r.json() as { total: number; hits: Array<Record<string, unknown>> };
    expect(body.total).toBe(1);
    expect(Object.keys(body.hits[0] ?? {})).toEqual(expect.arrayContaining(['id', 'headline', 'snippet', 'section', 'postedAt', 'updatedAt', 'score']));
    expect(body.hits[0]).toMatchObject({ id: articleId, headline: 'Council approves budget', section: 'City', postedAt: '2019-01-09T07:31:00+09:00' });
    expect(body.hits[0]?.snippetText).toBe('The council approved the budget on Monday.');
  });

  it('search history: names the revisions that held words the current text lost', async () => {
    const archive = Archive.open(db);
    archive.save({ id: articleId, baseVersion: 1, name: 'Correction', body: bodyFromParagraphs(['The council rejected the budget on Monday.']) });
    const first = archive.listRevisions(articleId)[0]?.id;
    archive.close();
    expect((await cli('search', 'approved', '--db', db, '--json')).json()).toMatchObject({ total: 0 });
    const r = await cli('search', 'history:approved', '--db', db, '--json');
    expect(r.code).toBe(0);
    const body = r.json() as { total: number; hits: Array<Record<string, unknown>> };
    expect(body.total).toBe(1);
    expect(body.hits[0]).toMatchObject({ id: articleId, currentMatches: false, revisions: [{ id: first, reason: 'save' }] });
    expect(body.hits[0]?.snippetText).toBe('The council approved the budget on Monday.');
    expect((await cli('search', 'approved', '--history', '--db', db, '--json')).json()).toMatchObject({ total: 1 });
    const text = await cli('search', 'history:approved', '--db', db);
    expect(text.out).toMatch(new RegExp(`in revisions ${first} \\(save, .*\\); not in the current text`, 'u'));
  });

  it('show --json prints the whole article; an unknown id exits 1', async () => {
    const r = await cli('show', articleId, '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ id: articleId, bodyText: 'The council approved the budget on Monday.', version: 1, body: { root: { type: 'root' } }, source: { path: null } });
    const missing = await cli('show', 'no-such-id', '--db', db, '--json');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/No article with id no-such-id/);
  });

  it('history, stats and check print their JSON shapes', async () => {
    const history = (await cli('history', articleId, '--db', db, '--json')).json() as { revisions: Array<Record<string, unknown>> };
    expect(Object.keys(history.revisions[0] ?? {})).toEqual(expect.arrayContaining(['id', 'createdAt', 'reason', 'name', 'wordCount', 'hash']));
    const stats = (await cli('stats', '--db', db, '--json')).json();
    expect(stats).toMatchObject({ articles: 1, revisions: 1 });
    expect(stats.bytes).toBeGreaterThan(0);
    const check = await cli('check', '--db', db, '--json');
    expect(check.code).toBe(0);
    expect(check.json()).toEqual({ ok: true, problems: [] });
  });

  it('check exits 2 when it finds problems', async () => {
    const archive = Archive.open(db);
    archive.db.exec('DROP TRIGGER articles_search_update');
    archive.db.prepare("UPDATE articles SET headline = 'drifted'").run();
    archive.close();
    const r = await cli('check', '--db', db, '--json');
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ ok: false });
  });

  it('backup writes a usable copy and refuses to overwrite one', async () => {
    const dest = join(dir, 'copy.sqlite');
    expect((await cli('backup', dest, '--db', db, '--json')).code).toBe(0);
    const again = await cli('backup', dest, '--db', db);
    expect(again.code).toBe(1);
    expect((await cli('search', 'council', '--db', dest, '--json')).json()).toMatchObject({ total: 1 });
  });

  it('uses $COPYDESK_DB when --db is absent', async () => {
    const out: string[] = [];
    const code = await runCli(['stats', '--json'], { out: (s) => out.push(s), err: () => {}, env: { COPYDESK_DB: db }, interactive: false });
    expect(code).toBe(0);
    expect(JSON.parse(out[0] ?? '{}')).toMatchObject({ articles: 1 });
  });
});

describe('the archive path', () => {
  it('refuses to search an archive that does not exist instead of creating one', async () => {
    const missing = join(dir, 'typo', 'archive.sqlite');
    const r = await cli('search', 'x', '--db', missing);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No archive at .*typo/);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });
});

describe('global options before the command', () => {
  it('accepts --db FILE and --json ahead of the command name', async () => {
    const r = await cli('--db', db, '--json', 'search', 'council');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ total: 1 });
  });
});
