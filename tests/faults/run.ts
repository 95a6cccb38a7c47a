// `npm run test:faults` — the fault suite. CI size by default (part of
// `npm test`), `--full` for the long run, `--only 1,5` for some families,
// `--seed N` to replay. Prints each family's figures; exits 1 on any failure.
import { parseArgs } from 'node:util';
import { backups } from './families/backups.ts';
import { corruptFiles } from './families/corruptFiles.ts';
import { crashWhileEditing } from './families/crashEditing.ts';
import { crashDuringImport } from './families/crashImport.ts';
import { diskFaults } from './families/diskFaults.ts';
import { hostileContent } from './families/hostileContent.ts';
import { importerFuzz } from './families/importFuzz.ts';
import { ipcShell } from './families/ipcShell.ts';
import { loadFamily } from './families/load.ts';
import { migrations } from './families/migrations.ts';
import { syncConvergence } from './families/syncConvergence.ts';
import type { FamilyOptions, FamilyResult } from './lib/util.ts';

type Family = { id: number; run: (o: FamilyOptions) => Promise<FamilyResult> };

const FAMILIES: Family[] = [
  { id: 1, run: crashDuringImport },
  { id: 2, run: crashWhileEditing },
  { id: 3, run: importerFuzz },
  { id: 4, run: diskFaults },
  { id: 5, run: corruptFiles },
  { id: 6, run: backups },
  { id: 7, run: migrations },
  { id: 8, run: ipcShell },
  { id: 9, run: hostileContent },
  { id: 10, run: loadFamily },
  { id: 11, run: syncConvergence },
];

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { full: { type: 'boolean' }, only: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' } },
  });
  const full = values.full === true;
  const seed = values.seed ? Number(values.seed) : 20260101;
  const only = values.only ? new Set(values.only.split(',').map(Number)) : null;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`copydesk fault suite — ${full ? 'full' : 'CI-sized'} run, seed ${seed}`);
  const results: FamilyResult[] = [];
  for (const family of FAMILIES) {
    if (only && !only.has(family.id)) continue;
    log(`\n# family ${family.id}`);
    let result: FamilyResult;
    try {
      result = await family.run({ full, seed, log });
    } catch (error) {
      result = { family: family.id, name: 'crashed', pass: false, figures: {}, failures: [(error as Error).stack ?? String(error)], seconds: 0 };
    }
    results.push(result);
    print(result);
  }
  const failed = results.filter((r) => !r.pass);
  const total = results.reduce((s, r) => s + r.seconds, 0);
  log(`\n${results.length - failed.length}/${results.length} families passed in ${total.toFixed(0)} s${failed.length ? ` — FAILED: ${failed.map((f) => f.family).join(', ')}` : ''}`);
  if (values.json) process.stdout.write(`${JSON.stringify({ full, seed, results })}\n`);
  return failed.length === 0 ? 0 : 1;
}

function print(r: FamilyResult): void {
  const status = r.skipped ? `SKIPPED (${r.skipped})` : r.pass ? 'PASS' : 'FAIL';
  process.stderr.write(`family ${r.family} — ${r.name}: ${status} in ${r.seconds.toFixed(1)} s\n`);
  for (const [k, v] of Object.entries(r.figures)) process.stderr.write(`  ${k.padEnd(34)} ${v}\n`);
  for (const f of r.failures.slice(0, 20)) process.stderr.write(`  ✗ ${f}\n`);
  if (r.failures.length > 20) process.stderr.write(`  … and ${r.failures.length - 20} more failures\n`);
}

process.exitCode = await main();
