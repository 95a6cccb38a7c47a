// Runs one fuzz import in its own process (the parent enforces the time
// limit, so a hang is caught instead of hanging the suite). Deletes the
// "vanish" files as soon as the first file is done, i.e. after the walk.
import { rmSync, writeFileSync } from 'node:fs';
import { Archive } from '../../../electron/archive/archive.ts';
import { importPaths } from '../../../electron/archive/import/importer.ts';

const [dbPath, root, vanishJson, outPath] = process.argv.slice(2) as [string, string, string, string];
const vanish = JSON.parse(vanishJson) as string[];
const archive = Archive.open(dbPath);
let last = Date.now();
let maxGap = 0;
let slowest = '';
let first = true;
const gaps = new Map<string, number>();
const started = Date.now();
const report = await importPaths(archive, [root], {
  onFile: (f) => {
    const now = Date.now();
    if (first) {
      first = false;
      for (const p of vanish) rmSync(p, { force: true });
    } else {
      gaps.set(f.path, now - last);
      if (now - last > maxGap) {
        maxGap = now - last;
        slowest = f.path;
      }
    }
    last = now;
  },
});
const check = archive.check();
archive.close();
writeFileSync(
  outPath,
  JSON.stringify({
    ms: Date.now() - started,
    maxGap,
    slowest,
    check,
    counts: { imported: report.imported, updated: report.updated, duplicates: report.duplicates, failed: report.failed, skipped: report.skipped },
    rows: report.files.map((f) => ({ path: f.path, outcome: f.outcome, reason: f.reason, ms: gaps.get(f.path) ?? 0 })),
  }),
);
