import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Archive } from '../archive.ts';
import { ArchiveError } from '../errors.ts';
import { LATEST_VERSION, MIGRATIONS } from '../migrations/index.ts';
import { migrate, schemaVersion } from '../migrations/runner.ts';
import { sha256Hex } from './hash.ts';
import { openArchiveDb } from './open.ts';
import { tempDir } from '../testing/tempArchive.ts';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function dir(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('opening an archive', () => {
  it('creates a new file with WAL, FULL sync, foreign keys and the newest schema', () => {
    const path = join(dir(), 'new.sqlite');
    const db = openArchiveDb(path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      const strict = db.prepare("SELECT sql FROM sqlite_schema WHERE name IN ('articles', 'revisions')").all() as Array<{ sql: string }>;
      for (const t of strict) expect(t.sql).toMatch(/STRICT/);
    } finally {
      db.close();
    }
  });

  it('creates a new archive complete or not at all: no empty file is left when creation fails', () => {
    const folder = dir();
    const path = join(folder, 'new.sqlite');
    const failing = { version: 1, name: 'boom', up: 'CREATE TABLE t (x); SELECT no_such_function();' };
    expect(() => openArchiveDb(path, { migrations: [failing] })).toThrow();
    // Before: SQLite had created new.sqlite (0 bytes) and every later open refused it as damaged.
    expect(readdirSync(folder)).toEqual([]);
    const db = openArchiveDb(path);
    db.close();
    expect(readdirSync(folder).filter((f) => f.includes('creating'))).toEqual([]);
    expect(statSync(path).size).toBeGreaterThan(0);
  });

  it('reopens an existing archive without migrating again and keeps its data', () => {
    const path = join(dir(), 'a.sqlite');
    const first = Archive.open(path);
    const created = first.createArticle({ headline: 'Kept across opens' });
    first.close();
    const again = Archive.open(path);
    expect(again.getArticle(created.id).headline).toBe('Kept across opens');
    expect(schemaVersion(again.db)).toBe(LATEST_VERSION);
    again.close();
  });

  it('refuses a file from a newer version and leaves it byte-for-byte unchanged', () => {
    const path = join(dir(), 'newer.sqlite');
    const raw = new Database(path);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = sha256Hex(readFileSync(path));
    let error: unknown;
    try {
      Archive.open(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as ArchiveError).code).toBe('newer-version');
    expect((error as Error).message).toMatch(/newer Copydesk/);
    expect(sha256Hex(readFileSync(path))).toBe(before);
  });

  it('refuses a file that is not SQLite, and an SQLite file that is not an archive, without touching them', () => {
    const d = dir();
    const text = join(d, 'notes.txt');
    writeFileSync(text, 'this is not a database, just some words\n'.repeat(200));
    const foreign = join(d, 'other.sqlite');
    const raw = new Database(foreign);
    raw.exec('CREATE TABLE contacts (name TEXT)');
    raw.close();
    for (const path of [text, foreign]) {
      const before = sha256Hex(readFileSync(path));
      expect(() => Archive.open(path)).toThrow(expect.objectContaining({ code: 'not-an-archive' }));
      expect(sha256Hex(readFileSync(path))).toBe(before);
    }
  });

  it('rolls a failed migration step back completely: version and schema unchanged', () => {
    const path = join(dir(), 'm.sqlite');
    const db = openArchiveDb(path);
    const schemaBefore = db.prepare('SELECT name, sql FROM sqlite_schema ORDER BY name').all();
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'adds-then-fails', up: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;' },
    ];
    expect(() => migrate(db, path, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT name, sql FROM sqlite_schema ORDER BY name').all()).toEqual(schemaBefore);
    db.close();
  });

  it('applies a new migration step once and records its version', () => {
    const path = join(dir(), 'm2.sqlite');
    const db = openArchiveDb(path);
    const next = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'extra', up: 'CREATE TABLE extra (x INTEGER) STRICT;' }];
    expect(migrate(db, path, next)).toEqual([LATEST_VERSION + 1]);
    expect(migrate(db, path, next)).toEqual([]);
    expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    db.close();
  });
});
