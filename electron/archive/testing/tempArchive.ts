// Test support: real SQLite files in a fresh temporary folder per test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Archive } from '../archive.ts';
import type { Clock } from '../time/clock.ts';

export interface TempArchive {
  dir: string;
  path: string;
  archive: Archive;
  cleanup(): void;
}

export function tempDir(prefix = 'copydesk-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempArchive(options: { clock?: Clock } = {}): TempArchive {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'archive.sqlite');
  const archive = Archive.open(path, options);
  return {
    dir,
    path,
    archive,
    cleanup: () => {
      archive.close();
      cleanup();
    },
  };
}

/** The team's reference corpus beside the checkout (../shared/corpus), read at test time only. */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../../../shared/corpus');

/** A settable clock for tests of time-dependent behaviour. */
export function fakeClock(start = '2026-01-01T00:00:00.000Z'): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso: string) => {
      t = Date.parse(iso);
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}
