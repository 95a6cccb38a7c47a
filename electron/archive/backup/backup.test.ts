import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Archive } from '../archive.ts';
import { sha256Hex } from '../db/hash.ts';
import { tempDir } from '../testing/tempArchive.ts';
import { autoBackupIfDue } from './auto.ts';
import { inspectBackup } from './inspect.ts';
import { listBackups, newBackupPath, parseBackupName } from './location.ts';
import { restoreBackup } from './restore.ts';
import { readBackupSettings, writeBackupSettings } from './settings.ts';
import { takeBackup } from './take.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function archiveIn(): { dir: string; path: string; archive: Archive } {
  const t = tempDir();
  const path = join(t.dir, 'archive.sqlite');
  const archive = Archive.open(path);
  cleanups.push(() => {
    archive.close();
    t.cleanup();
  });
  return { dir: t.dir, path, archive };
}

describe('backup names', () => {
  it('round-trips kind and time, and never reuses a name', () => {
    const { dir, path } = archiveIn();
    const when = new Date('2026-03-04T05:06:07.089Z');
    const first = newBackupPath(path, dir, 'auto', when);
    expect(parseBackupName(path, first.slice(dir.length + 1))).toEqual({ kind: 'auto', takenAt: when.toISOString() });
    writeFileSync(first, '');
    expect(newBackupPath(path, dir, 'auto', when)).not.toBe(first);
    expect(parseBackupName(path, 'other.20260304T050607089Z.auto.sqlite')).toBeUndefined();
  });
});

describe('automatic backups', () => {
  it('are taken when due, skipped when not, and rotate to the number kept', async () => {
    const { path, archive } = archiveIn();
    archive.createArticle({ headline: 'Worth keeping' });
    writeBackupSettings(archive.db, { keep: 3, intervalHours: 24 });
    const day = 24 * 3_600_000;
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    for (let d = 0; d < 5; d += 1) expect((await autoBackupIfDue(archive, new Date(t0 + d * day))).taken).not.toBeNull();
    expect((await autoBackupIfDue(archive, new Date(t0 + 4 * day + 1000))).taken).toBeNull();
    const autos = listBackups(path).filter((b) => b.kind === 'auto');
    expect(autos.map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-01-05', '2026-01-04', '2026-01-03']);
    expect(inspectBackup(autos[0]!.file)).toMatchObject({ ok: true, articles: 1 });
  });

  it('takes none of an empty archive, and none when switched off', async () => {
    const { path, archive } = archiveIn();
    expect((await autoBackupIfDue(archive)).taken).toBeNull();
    archive.createArticle({ headline: 'x' });
    writeBackupSettings(archive.db, { enabled: false });
    expect((await autoBackupIfDue(archive)).taken).toBeNull();
    expect(listBackups(path)).toEqual([]);
    expect(readBackupSettings(archive.db)).toMatchObject({ enabled: false, keep: 7, intervalHours: 24 });
  });
});

describe('restore', () => {
  it('restores a backup and keeps the replaced archive aside, unchanged', async () => {
    const { path, archive } = archiveIn();
    const kept = archive.createArticle({ headline: 'In the backup' });
    const backup = await takeBackup(archive, 'manual');
    archive.createArticle({ headline: 'After the backup' });
    archive.close();
    const before = sha256Hex(readFileSync(path));
    const result = await restoreBackup(path, backup.file);
    expect(result.check.ok).toBe(true);
    expect(result.articles).toBe(1);
    expect(result.keptAside && sha256Hex(readFileSync(result.keptAside))).toBe(before);
    const reopened = Archive.open(path);
    expect(reopened.getArticle(kept.id).headline).toBe('In the backup');
    reopened.close();
  });

  it('refuses while another connection has the archive open, changing nothing', async () => {
    const { path, archive } = archiveIn();
    archive.createArticle({ headline: 'Open elsewhere' });
    const backup = await takeBackup(archive, 'manual');
    await expect(restoreBackup(path, backup.file)).rejects.toMatchObject({ code: 'busy' });
    expect(archive.stats().articles).toBe(1);
  });

  it('refuses a file that is not a restorable archive', async () => {
    const { dir, path } = archiveIn();
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all'.repeat(100));
    await expect(restoreBackup(path, junk)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(existsSync(path)).toBe(true);
  });
});
