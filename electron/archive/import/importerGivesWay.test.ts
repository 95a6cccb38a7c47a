// An import gives way to the user's reads (giveWay.ts): with a read in
// flight it pauses between files, and it still imports every file; with none
// it never pauses. The counter is held by this test as main's pool would hold it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempArchive, tempArchive } from '../testing/tempArchive.ts';
import { MAX_PAUSE_MS } from './giveWay.ts';
import { importPaths } from './importer.ts';

const FILES = 40;
let temp: TempArchive;
let src: string;

beforeEach(() => {
  temp = tempArchive();
  src = join(temp.dir, 'src');
  mkdirSync(src);
  for (let i = 0; i < FILES; i += 1) writeFileSync(join(src, `${String(i).padStart(2, '0')}.txt`), `Headline ${i}\n\nThe body of story marker${i}.\n`);
});
afterEach(() => temp.cleanup());

async function importWith(readsRunning: number) {
  const readsInFlight = new Int32Array(new SharedArrayBuffer(4));
  Atomics.store(readsInFlight, 0, readsRunning);
  let gave: { pauses: number; pausedMs: number } | null = null;
  const report = await importPaths(temp.archive, [src], { timezone: 'UTC', readsInFlight, onGaveWay: (figures) => (gave = figures) });
  return { report, gave: gave as { pauses: number; pausedMs: number } | null };
}

describe('an import and the reads in flight', () => {
  it('pauses between files while a read runs, at most MAX_PAUSE_MS at a time, and imports every file', async () => {
    const { report, gave } = await importWith(1);
    expect(report.imported).toBe(FILES);
    expect(temp.archive.search('marker39').total).toBe(1);
    expect(gave?.pauses).toBeGreaterThanOrEqual(1);
    // Each pause ran to the cap (the read never ended), give or take the timer's grain.
    expect(gave?.pausedMs).toBeGreaterThanOrEqual((gave?.pauses ?? 0) * (MAX_PAUSE_MS - 5));
  });

  it('never pauses when no read runs', async () => {
    const { report, gave } = await importWith(0);
    expect(report.imported).toBe(FILES);
    expect(gave).toEqual({ pauses: 0, pausedMs: 0 });
  });
});
