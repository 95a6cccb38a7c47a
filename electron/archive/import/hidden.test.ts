// Hidden files and folders (.DS_Store, .git, dotfiles) are not articles: they
// are skipped, but every one is accounted for in the report, and skips alone
// never count as a failure.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempArchive, type TempArchive } from '../testing/tempArchive.ts';
import { importPaths } from './importer.ts';
import { getJob } from './jobs.ts';

let t: TempArchive;
let src: string;

const write = (name: string, content: string) => {
  const path = join(src, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};

beforeEach(() => {
  t = tempArchive();
  src = join(t.dir, 'src');
  mkdirSync(src);
});
afterEach(() => t.cleanup());

describe('hidden files and folders', () => {
  it('are skipped with a report row each; a hidden folder is one row, not one per file inside', async () => {
    write('a.txt', 'Alpha\n\nAlpha body.\n');
    write('.DS_Store', 'Bud1\0\0binary junk');
    write('.env', 'SECRET=1\n');
    write('.git/HEAD', 'ref: refs/heads/main\n');
    write('.git/objects/ab/cdef', 'blob');
    write('sub/b.txt', 'Beta\n\nBeta body.\n');
    write('sub/.notes.md', '# Private\n\nnotes\n');
    symlinkSync(join(src, 'a.txt'), join(src, '.link-to-a.txt'));
    const report = await importPaths(t.archive, [src], {});
    const rows = report.files.map((f) => [f.path.slice(src.length + 1), f.outcome, f.reason]);
    expect(rows).toEqual([
      ['.DS_Store', 'skipped', 'hidden file'],
      ['.env', 'skipped', 'hidden file'],
      ['.git', 'skipped', 'hidden folder: nothing inside it is imported'],
      ['.link-to-a.txt', 'skipped', 'hidden file'],
      ['a.txt', 'imported', null],
      ['sub/.notes.md', 'skipped', 'hidden file'],
      ['sub/b.txt', 'imported', null],
    ]);
    expect(report).toMatchObject({ imported: 2, updated: 0, duplicates: 0, failed: 0, skipped: 5 });
    expect(report.files.filter((f) => f.outcome === 'skipped').every((f) => f.articleId === null)).toBe(true);
    expect(getJob(t.archive.db, report.jobId)).toMatchObject({ state: 'done', imported: 2, skipped: 5, failed: 0, files: 7 });
    expect(t.archive.check().ok).toBe(true);

    // Importing again: the same rows, the articles now duplicates, still nothing failed.
    const again = await importPaths(t.archive, [src], {});
    expect(again).toMatchObject({ imported: 0, duplicates: 2, failed: 0, skipped: 5 });
  });

  it('a hidden folder or file named explicitly is imported: the user chose it', async () => {
    const notes = write('.notes/n.txt', 'Notes headline\n\nbody\n');
    const dot = write('.draft.txt', 'Draft headline\n\nbody\n');
    const folder = await importPaths(t.archive, [join(src, '.notes')], {});
    expect(folder.files).toEqual([expect.objectContaining({ path: notes, outcome: 'imported' })]);
    const file = await importPaths(t.archive, [dot], {});
    expect(file.files).toEqual([expect.objectContaining({ path: dot, outcome: 'imported' })]);
  });

  it('a resumed job does not redo skipped rows', async () => {
    write('.DS_Store', 'junk');
    write('a.txt', 'Alpha\n\nbody\n');
    const controller = new AbortController();
    const first = await importPaths(t.archive, [src], { signal: controller.signal, onFile: () => controller.abort() });
    expect(first.cancelled).toBe(true);
    expect(first.files.map((f) => f.outcome)).toEqual(['skipped']);
    const second = await importPaths(t.archive, [src], {});
    expect(second.jobId).toBe(first.jobId);
    expect(second.files.map((f) => f.outcome)).toEqual(['skipped', 'imported']);
  });
});
