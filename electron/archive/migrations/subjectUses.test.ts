// Step 9 adds `subject_uses`, the subject picker's counts, kept by triggers on
// `articles`. An older archive comes through untouched with its counts filled
// in; afterwards every way an article's subjects change keeps them exact, and
// the archive check recounts them.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Archive } from '../archive.ts';
import { tempArchive, tempDir } from '../testing/tempArchive.ts';
import { SUBJECT_RECOUNT } from '../articles/subjectCounts.ts';
import { LATEST_VERSION, MIGRATIONS } from './index.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const STEP = MIGRATIONS.findIndex((m) => m.name === 'subject-uses');
const crime = { scheme: 'medtop', code: '20000106', label: 'crime' };
const economy = { scheme: 'medtop', code: '04000000', label: 'economy, business and finance' };
const free = { scheme: '', code: '', label: 'city council' };

const counts = (a: Archive) => a.db.prepare('SELECT scheme, code, label, uses FROM subject_uses ORDER BY label').all();
/** What the counts must be: a recount from the articles (what the picker scanned before this table). */
const recount = (a: Archive) => a.db.prepare(`${SUBJECT_RECOUNT} ORDER BY label`).all();

/** A new archive of today's schema, removed after the test. */
function fresh(): Archive {
  const t = tempArchive();
  cleanup = t.cleanup;
  return t.archive;
}

function open(): { path: string } {
  const t = tempDir();
  cleanup = t.cleanup;
  return { path: join(t.dir, 'archive.sqlite') };
}

describe('migration 9: subject-uses', () => {
  it('fills the counts of an archive made before it, leaving its articles as they were', () => {
    expect(MIGRATIONS[STEP]?.version).toBe(9);
    const { path } = open();
    const old = Archive.open(path, { migrations: MIGRATIONS.slice(0, STEP) });
    old.createArticle({ headline: 'One', subjects: [crime, economy] });
    old.createArticle({ headline: 'Two', subjects: [crime] });
    old.createArticle({ headline: 'None' });
    const articles = old.db.prepare('SELECT * FROM articles ORDER BY seq').all();
    old.close();

    const migrated = Archive.open(path);
    try {
      expect(migrated.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(migrated.db.prepare('SELECT * FROM articles ORDER BY seq').all()).toEqual(articles);
      expect(counts(migrated)).toEqual([
        { ...crime, uses: 2 },
        { ...economy, uses: 1 },
      ]);
      expect(migrated.subjectSuggestions('cri')).toEqual([{ ...crime, uses: 2 }]);
      expect(migrated.check()).toMatchObject({ ok: true, problems: [] });
    } finally {
      migrated.close();
    }
  });

  it('stays equal to a recount through creates, edits, a subject listed twice, restores and deletes', () => {
    const a = fresh();
    const one = a.createArticle({ headline: 'One', subjects: [crime, economy] });
    const two = a.createArticle({ headline: 'Two', subjects: [crime, crime, free] });
    expect(counts(a)).toEqual(recount(a));
    expect(counts(a)).toContainEqual({ ...crime, uses: 3 });

    a.save({ id: one.id, baseVersion: 1, fields: { subjects: [economy, free] } });
    expect(counts(a)).toEqual(recount(a));
    a.save({ id: two.id, baseVersion: 1, fields: { subjects: [crime] } });
    expect(counts(a)).toEqual(recount(a));
    expect(counts(a)).toContainEqual({ ...crime, uses: 1 });

    // A save that does not touch subjects leaves them; a restore brings the old ones back.
    a.save({ id: two.id, baseVersion: 2, fields: { dek: 'Updated' } });
    const first = a.listRevisions(two.id)[0]?.id as number;
    a.restore(two.id, first, { baseVersion: 3 });
    expect(counts(a)).toEqual(recount(a));
    expect(counts(a)).toContainEqual({ ...crime, uses: 2 });

    a.db.prepare('DELETE FROM articles WHERE id = ?').run(one.id);
    expect(counts(a)).toEqual(recount(a));
    a.db.prepare('DELETE FROM articles').run();
    expect(counts(a)).toEqual([]);
    expect(a.subjectSuggestions('')).toEqual([]);
  });

  it('is recounted by the archive check, which names a count that went wrong', () => {
    const a = fresh();
    a.createArticle({ headline: 'One', subjects: [crime] });
    expect(a.check().ok).toBe(true);
    a.db.prepare('UPDATE subject_uses SET uses = 5').run();
    const report = a.check();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.message).join(' ')).toMatch(/subject counts: 1 subject/u);
  });
});
