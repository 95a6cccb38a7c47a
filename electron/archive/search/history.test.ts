// history: finds text that only an earlier version held, names the revisions
// that held it, and leaves today's search (current text only) unchanged.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { Archive } from '../archive.ts';
import { deleteRevisions } from '../revisions/repository.ts';
import { tempArchive, tempDir, type TempArchive } from '../testing/tempArchive.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { parseQuery } from './query/parser.ts';

let t: TempArchive | undefined;
let cleanup: (() => void) | undefined;
afterEach(() => {
  t?.cleanup();
  cleanup?.();
  t = undefined;
  cleanup = undefined;
});

/** A story corrected once: v1 said "troop withdrawal", v2 says "troop drawdown". */
function corrected(archive: Archive) {
  const a = archive.createArticle({ headline: 'Army plans change', section: 'World', body: bodyFromParagraphs(['The minister announced a troop withdrawal on Monday.']) });
  const v2 = archive.save({ id: a.id, baseVersion: 1, name: 'Correction', body: bodyFromParagraphs(['The minister announced a troop drawdown on Monday.']) });
  return { id: a.id, firstRevision: archive.listRevisions(a.id)[0]?.id as number, secondRevision: v2.revisionId as number };
}

describe('history: search', () => {
  it('finds the sentence a correction removed, naming the revision that held it', () => {
    t = tempArchive();
    const { archive } = t;
    const story = corrected(archive);
    archive.createArticle({ headline: 'Unrelated', body: bodyFromParagraphs(['A troop parade.']) });

    expect(archive.search('"troop withdrawal"').total).toBe(0);
    const result = archive.search('history:"troop withdrawal"');
    expect(result.total).toBe(1);
    expect(result.hits[0]).toMatchObject({ id: story.id, currentMatches: false });
    expect(result.hits[0]?.revisions?.map((r) => r.id)).toEqual([story.firstRevision]);
    // The snippet quotes the version that held the words.
    expect(result.hits[0]?.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toEqual(['troop withdrawal']);
    expect(result.notices.join(' ')).toMatch(/every version/u);

    // Words in both versions: every revision, and the current text.
    const both = archive.search('history:minister');
    expect(both.total).toBe(1);
    expect(both.hits[0]).toMatchObject({ currentMatches: true });
    expect(both.hits[0]?.revisions?.map((r) => r.id)).toEqual([story.firstRevision, story.secondRevision]);
  });

  it('covers articles with one revision through the current index, and keeps filters and the app toggle', () => {
    t = tempArchive();
    const { archive } = t;
    const story = corrected(archive);
    const single = archive.createArticle({ headline: 'Parade', section: 'City', body: bodyFromParagraphs(['A troop withdrawal parade.']) });
    const all = archive.search('history:"troop withdrawal"');
    expect(all.hits.map((h) => h.id).sort()).toEqual([story.id, single.id].sort());
    const parade = all.hits.find((h) => h.id === single.id);
    expect(parade).toMatchObject({ currentMatches: true });
    expect(parade?.revisions).toHaveLength(1);
    expect(archive.search('history:"troop withdrawal" section:world').hits.map((h) => h.id)).toEqual([story.id]);
    expect(archive.search('"troop withdrawal"', { history: true }).total).toBe(2);
    expect(archive.search('"troop withdrawal"').total).toBe(1);
  });

  it('searches Korean text of earlier versions', () => {
    t = tempArchive();
    const { archive } = t;
    const a = archive.createArticle({ headline: '정부 발표', body: bodyFromParagraphs(['정부는 철수 계획을 발표했다.']) });
    archive.save({ id: a.id, baseVersion: 1, body: bodyFromParagraphs(['정부는 감축 계획을 발표했다.']) });
    expect(archive.search('철수').total).toBe(0);
    expect(archive.search('history:철수').hits.map((h) => h.id)).toEqual([a.id]);
  });

  it('keeps the history index sound through saves and pruning, and the check covers it', () => {
    t = tempArchive();
    const { archive } = t;
    const story = corrected(archive);
    expect(archive.check()).toMatchObject({ ok: true });
    const first = archive.listRevisions(story.id)[0];
    archive.db.transaction(() => deleteRevisions(archive.db, [{ id: first?.id as number, hash: first?.hash as string }]))();
    expect(archive.search('history:"troop withdrawal"').total).toBe(0);
    expect(archive.check()).toMatchObject({ ok: true, problems: [] });
    // A damaged history index (an entry with no text behind it) is found.
    archive.db
      .prepare("INSERT INTO history_index (rowid, headline, dek, byline, body, cjk_headline, cjk_dek, cjk_byline, cjk_body) VALUES (999999, 'x', '', '', 'y', '', '', '', '')")
      .run();
    expect(archive.check().problems.map((p) => p.message).join(' ')).toMatch(/history index/u);
  });

  it('indexes the earlier versions of an archive made before the history index', () => {
    const d = tempDir();
    cleanup = d.cleanup;
    const path = join(d.dir, 'old.sqlite');
    const before = MIGRATIONS.findIndex((m) => m.name === 'history-index');
    const old = Archive.open(path, { migrations: MIGRATIONS.slice(0, before) });
    const story = corrected(old);
    old.close();
    const migrated = Archive.open(path);
    expect(migrated.search('history:"troop withdrawal"').hits.map((h) => h.id)).toEqual([story.id]);
    expect(migrated.check()).toMatchObject({ ok: true });
    migrated.close();
  });

  it('reads the scope in the query language', () => {
    expect(parseQuery('history:"troop withdrawal"')).toMatchObject({ history: true, root: { kind: 'term', text: 'troop withdrawal', phrase: true } });
    expect(parseQuery('history: troop')).toMatchObject({ history: true, root: { kind: 'term', text: 'troop' } });
    expect(parseQuery('troop').history).toBe(false);
  });
});
