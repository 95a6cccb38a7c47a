// `npm run bench:encodings [-- --json] [--misses]`: how many files of the
// outside encodings corpus (../shared/corpus/encodings, 29 encodings, one
// folder per true encoding) each detector decodes exactly, in the same run:
// Copydesk's importer (encoding.ts), jschardet (npm), and, when Python has
// them, chardet and charset-normalizer (bench/encodings/detectors.py; on
// Debian `apt-get install -y python3-chardet python3-charset-normalizer`).
// "Exactly" is defined in electron/archive/import/testing/encodingCorpus.ts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { decodeBytes } from '../../electron/archive/import/encoding.ts';
import { ENCODINGS_DIR, isExact, jschardetText, loadEncodingsCorpus, tally, type Tally } from '../../electron/archive/import/testing/encodingCorpus.ts';
import { metric, printMetrics, timeMs } from '../lib/metrics.ts';

interface PythonRow {
  truth: string;
  [detector: string]: { name: string | null; exact: boolean } | string;
}
interface PythonReport {
  python: string;
  versions: Record<string, string>;
  files: Record<string, PythonRow>;
}

const argv = process.argv.slice(2);
const files = loadEncodingsCorpus();
if (files.length === 0) {
  console.log(`skipped: ${ENCODINGS_DIR} is absent (the encodings corpus is evaluation-only and lives in ../shared)`);
  process.exit(0);
}

const ours = timeMs(() =>
  tally(files, (f) => {
    try {
      return isExact(f, decodeBytes(f.bytes).raw);
    } catch {
      return false;
    }
  }),
);
const js = timeMs(() => tally(files, (f) => isExact(f, jschardetText(f.bytes).text)));
const python = runPython();

const columns: Array<[string, Tally]> = [
  ['Copydesk', ours.value],
  ['jschardet', js.value],
];
if (python) {
  for (const detector of Object.keys(python.versions)) {
    columns.push([detector, tally(files, (f) => {
      const row = python.files[f.rel]?.[detector];
      return typeof row === 'object' && row.exact && python.files[f.rel]?.truth === f.truth;
    })]);
  }
}

const labels = [...new Set(files.map((f) => f.label))];
const header = ['encoding', 'files', ...columns.map(([name]) => name)];
const rows = labels.map((label) => [label, String(ours.value.files[label] ?? 0), ...columns.map(([, t]) => String(t.exact[label] ?? 0))]);
rows.push(['total', String(files.length), ...columns.map(([, t]) => String(t.total))]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
console.log(line(header));
for (const r of rows) console.log(line(r));
console.log(`\nCopydesk ${Math.round(ours.ms)} ms, jschardet ${Math.round(js.ms)} ms for ${files.length} files`);
if (argv.includes('--misses')) for (const [name, t] of columns) console.log(`${name} misses: ${t.misses.join(', ') || 'none'}`);

const best = columns.slice(1).reduce((a, b) => (b[1].total > a[1].total ? b : a));
printMetrics(
  [
    metric({
      name: 'files decoded exactly',
      value: ours.value.total,
      unit: 'files',
      peer: `best detector (${best[0]})`,
      peerValue: best[1].total,
      goal: '>= best detector',
      pass: ours.value.total >= best[1].total,
    }),
  ],
  argv.includes('--json'),
);

/** chardet and charset-normalizer through detectors.py; null (with the reason printed) when Python lacks them. */
function runPython(): PythonReport | null {
  const script = join(import.meta.dirname, 'detectors.py');
  for (const exe of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(exe, ['-c', 'import chardet, charset_normalizer'], { encoding: 'utf8' });
    if (probe.status !== 0) continue;
    const run = spawnSync(exe, [script, ENCODINGS_DIR], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) {
      console.log(`chardet/charset-normalizer: ${exe} ${script} failed: ${run.stderr.trim()}`);
      return null;
    }
    const report = JSON.parse(run.stdout) as PythonReport;
    const stale = files.filter((f) => report.files[f.rel]?.truth !== f.truth).length;
    console.log(`Python ${report.python} (${exe}): ${Object.entries(report.versions).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    if (stale > 0) console.log(`warning: ${stale} files' truth differs from encodingTruth.json; regenerate it (detectors.py --truth)`);
    return report;
  }
  console.log('chardet and charset-normalizer skipped: no python3 with both installed (Debian: apt-get install -y python3-chardet python3-charset-normalizer)');
  return null;
}
