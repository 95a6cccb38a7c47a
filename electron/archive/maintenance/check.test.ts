import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { Archive } from '../archive.ts';
import { tempDir } from '../testing/tempArchive.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function filledArchive(): { path: string; dir: string } {
  const t = tempDir();
  cleanup = t.cleanup;
  const path = join(t.dir, 'archive.sqlite');
  const archive = Archive.open(path);
  archive.db.transaction(() => {
    for (let i = 0; i < 400; i += 1)
      archive.insertWithRevision({
        headline: `Story number ${i}`,
        section: `section-${i % 7}`,
        body: bodyFromParagraphs([`Paragraph ${i} about topic ${i % 13}.`, 'Another paragraph of body text.']),
      });
  })();
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  archive.close();
  return { path, dir: t.dir };
}

describe('check', () => {
  it('passes on a healthy archive', () => {
    const { path } = filledArchive();
    const archive = Archive.open(path);
    expect(archive.check()).toEqual({ ok: true, problems: [] });
    archive.close();
  });

  it('catches a damaged b-tree page', () => {
    const { path } = filledArchive();
    const raw = new Database(path);
    const { rootpage } = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'articles_section'").get() as { rootpage: number };
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.close();
    // Keep the 12-byte page header, overwrite the cell pointers and cells with garbage.
    const fd = openSync(path, 'r+');
    const offset = (rootpage - 1) * pageSize + 12;
    const junk = Buffer.alloc(pageSize - 12, 0x5a);
    writeSync(fd, junk, 0, junk.length, offset);
    const check = Buffer.alloc(16);
    readSync(fd, check, 0, 16, offset);
    closeSync(fd);
    expect(check.every((b) => b === 0x5a)).toBe(true);

    let report;
    try {
      const archive = Archive.open(path);
      report = archive.check();
      archive.close();
    } catch (error) {
      // Opening may already refuse a file this damaged; that is a detection too.
      report = { ok: false, problems: [{ kind: 'integrity', message: (error as Error).message }] };
    }
    expect(report.ok).toBe(false);
    expect(report.problems.some((p) => p.kind === 'integrity')).toBe(true);
  });

  it('catches a search index that drifted from the articles', () => {
    const { path } = filledArchive();
    const archive = Archive.open(path);
    // Simulate a write that bypassed the sync triggers.
    archive.db.exec('DROP TRIGGER articles_search_update');
    archive.db.prepare("UPDATE articles SET headline = 'Changed behind the index' WHERE seq = 5").run();
    const report = archive.check();
    archive.close();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toContain('search-index');
  });

  it('catches a garbled body blob even when this process wrote (and remembers) that body', () => {
    const { path } = filledArchive(); // the texts of all 400 bodies are in this process's memory now
    const raw = new Database(path);
    raw.prepare('UPDATE bodies SET data = randomblob(200) WHERE id IN (SELECT id FROM bodies ORDER BY id DESC LIMIT 3)').run();
    raw.close();
    const archive = Archive.open(path);
    const report = archive.check();
    archive.close();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toContain('search-index');
  });

  it('catches rows that point to nothing', () => {
    const { path } = filledArchive();
    const archive = Archive.open(path);
    archive.db.pragma('foreign_keys = OFF');
    archive.db
      .prepare("INSERT INTO revisions (article_seq, created_at, reason, name, version, word_count, hash, snapshot_id, rid) VALUES (99999, 'x', 'save', NULL, 1, 0, 'missing', 424242, 'orphan-rid')")
      .run();
    const report = archive.check();
    archive.close();
    expect(report.ok).toBe(false);
    expect(report.problems.filter((p) => p.kind === 'foreign-key').length).toBeGreaterThanOrEqual(1);
  });

  it('backs up online to a file that opens and passes check with the same articles', async () => {
    const { path, dir } = filledArchive();
    const archive = Archive.open(path);
    const dest = join(dir, 'backup.sqlite');
    await archive.backup(dest);
    await expect(archive.backup(dest)).rejects.toThrow(/already exists/);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).filter((n) => n.includes('.partial-'))).toEqual([]);
    archive.close();
    const copy = Archive.open(dest);
    expect(copy.check().ok).toBe(true);
    expect(copy.stats().articles).toBe(400);
    expect(copy.search('"paragraph 17"').total).toBe(1);
    copy.close();
  });
});
