// Family 3 — importer fuzz: thousands of generated bad files. The import runs
// in its own process under a time limit: 0 crashes, 0 hangs, no file slower
// than the per-file limit, exactly one report row per input file, each with
// an outcome (and a reason when it failed), and the archive passes check.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO } from '../lib/cli.ts';
import { writeBadFiles } from '../lib/badFiles.ts';
import { type FamilyOptions, type FamilyResult, scratch } from '../lib/util.ts';

const PER_FILE_LIMIT_MS = 10_000;

interface ChildResult {
  ms: number;
  maxGap: number;
  slowest: string;
  check: { ok: boolean; problems: unknown[] };
  counts: Record<string, number>;
  rows: Array<{ path: string; outcome: string; reason: string | null; ms: number }>;
}

export async function importerFuzz(opts: FamilyOptions): Promise<FamilyResult> {
  const started = Date.now();
  const count = opts.full ? 10_000 : 1_200;
  const work = scratch('fuzz');
  const failures: string[] = [];
  try {
    const corpus = writeBadFiles(join(work.dir, 'in'), count, opts.seed + 3, opts.full);
    const out = join(work.dir, 'result.json');
    const limit = opts.full ? 1_200_000 : 300_000;
    const exit = await runChild([join(work.dir, 'a.sqlite'), corpus.root, JSON.stringify(corpus.vanish), out], limit);
    if (exit.timedOut) failures.push(`the import did not finish within ${limit / 1000} s (a hang)`);
    else if (exit.code !== 0) failures.push(`the import process crashed (exit ${exit.code}): ${exit.stderr.slice(0, 500)}`);
    const result = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as ChildResult) : null;
    const figures: FamilyResult['figures'] = { 'input files': corpus.expected.size, 'hidden files and folders (skipped, a row each)': corpus.hidden };
    if (result) {
      const byPath = new Map<string, number>();
      for (const row of result.rows) {
        const key = row.path.includes('#') && !corpus.expected.has(row.path) ? row.path.slice(0, row.path.lastIndexOf('#')) : row.path;
        byPath.set(key, (byPath.get(key) ?? 0) + 1);
        if (row.outcome === 'failed' && !row.reason) failures.push(`failed without a reason: ${row.path}`);
        const cls = corpus.expected.get(row.path);
        if ((cls === 'hidden file' || cls === 'hidden folder') !== (row.outcome === 'skipped')) failures.push(`${row.path} (${cls ?? 'not an input'}) came out ${row.outcome}`);
      }
      const missing = [...corpus.expected.keys()].filter((p) => !byPath.has(p));
      const extra = [...byPath.keys()].filter((p) => !corpus.expected.has(p));
      for (const p of missing.slice(0, 10)) failures.push(`no report row for ${JSON.stringify(p)} (${corpus.expected.get(p)})`);
      for (const p of extra.slice(0, 10)) failures.push(`a report row for a path that was not an input: ${JSON.stringify(p)}`);
      if (result.maxGap > PER_FILE_LIMIT_MS) failures.push(`${result.slowest} took ${result.maxGap} ms (limit ${PER_FILE_LIMIT_MS})`);
      if (!result.check.ok) failures.push(`check failed after the fuzz import: ${JSON.stringify(result.check.problems).slice(0, 300)}`);
      const vanished = result.rows.filter((r) => corpus.vanish.includes(r.path));
      const vanishedOk = vanished.filter((r) => r.outcome === 'failed' && /vanish|no longer exists|disappeared/.test(r.reason ?? '')).length;
      if (vanishedOk !== corpus.vanish.length) failures.push(`${corpus.vanish.length - vanishedOk} files deleted mid-import were not reported as vanished`);
      const perClass = new Map<string, number>();
      for (const row of result.rows) {
        const cls = corpus.expected.get(row.path) ?? 'other';
        perClass.set(cls, (perClass.get(cls) ?? 0) + row.ms);
      }
      opts.log(`  time by class (s): ${[...perClass.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join('; ')}`);
      opts.log(`  slowest file: ${result.slowest} (${result.maxGap} ms)`);
      const reasons = new Map<string, number>();
      for (const row of result.rows) if (row.outcome === 'failed') reasons.set(shortReason(row.reason), (reasons.get(shortReason(row.reason)) ?? 0) + 1);
      Object.assign(figures, {
        'report rows': result.rows.length,
        'inputs without a row': missing.length,
        'rows for no input': extra.length,
        crashes: exit.code === 0 ? 0 : 1,
        hangs: exit.timedOut ? 1 : 0,
        imported: result.counts.imported ?? 0,
        duplicates: result.counts.duplicates ?? 0,
        failed: result.counts.failed ?? 0,
        skipped: result.counts.skipped ?? 0,
        'deleted mid-import, reported vanished': `${vanishedOk}/${corpus.vanish.length}`,
        'slowest file (ms)': result.maxGap,
        'import time (s)': Number((result.ms / 1000).toFixed(1)),
        'check after': result.check.ok ? 'ok' : 'FAILED',
        'distinct failure reasons': reasons.size,
      });
      opts.log(`  failure reasons: ${[...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ×${v}`).join('; ')}`);
    } else failures.push('the import wrote no result');
    return { family: 3, name: 'importer fuzz', pass: failures.length === 0, figures, failures, seconds: (Date.now() - started) / 1000 };
  } finally {
    work.cleanup();
  }
}

function shortReason(reason: string | null): string {
  return (reason ?? 'none').replace(/\(to [^)]*\)/, '').replace(/\d+/g, 'N').slice(0, 60);
}

function runChild(args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'fuzzChild.ts'), ...args], {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr, timedOut });
    });
  });
}
