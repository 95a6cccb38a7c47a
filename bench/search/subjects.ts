// npm run bench:subjects [-- --articles 100000 --writes 20 --json]
//
// The editor's subject picker on a large wire archive: every article carries
// 1–3 subjects out of a vocabulary of 1,200 (IPTC Media Topic-like codes with
// labels). The picker asks on every keystroke; its list is cached until the
// archive changes, so what a desk feels is the first keystroke after a write
// (an autosave). Measured in the same run:
//   - the peer: counting the subjects by scanning every article's JSON (what
//     the picker did before `subject_uses`, migration 9);
//   - the first suggestion after a save, and a keystroke on the cached list;
//   - the cost the counts' triggers add to writing articles with subjects:
//     the same 5,000 articles inserted with and without subjects.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bodyFromParagraphs } from '../../shared/editor/build.ts';
import type { Subject } from '../../shared/model/newsroom.ts';
import { Archive } from '../../electron/archive/archive.ts';
import { SUBJECT_RECOUNT } from '../../electron/archive/articles/subjectCounts.ts';
import { argValue, type Metric, metric, percentile, printMetrics, timeMs } from '../lib/metrics.ts';

const argv = process.argv.slice(2);
const N = Number(argValue(argv, 'articles') ?? 100_000);
const WRITES = Number(argValue(argv, 'writes') ?? 20);
const JSON_OUT = argv.includes('--json');
const VOCABULARY = 1200;

const log = (text: string) => {
  if (!JSON_OUT) process.stderr.write(`${text}\n`);
};

function subjectsOf(i: number): Subject[] {
  const pick = (k: number) => {
    const n = (i * (k * 2 + 1) + k * 37) % VOCABULARY;
    return { scheme: 'medtop', code: String(20000000 + n), label: `topic ${n} affairs` };
  };
  return Array.from({ length: 1 + (i % 3) }, (_, k) => pick(k));
}

function insert(archive: Archive, from: number, count: number, withSubjects: boolean): void {
  const BATCH = 1000;
  for (let i = from; i < from + count; i += BATCH) {
    archive.db.transaction(() => {
      for (let j = i; j < Math.min(from + count, i + BATCH); j += 1)
        archive.insertWithRevision({ headline: `Story ${j}`, body: bodyFromParagraphs([`Paragraph of story ${j}.`]), ...(withSubjects ? { subjects: subjectsOf(j) } : {}) });
    })();
  }
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-subjects-'));
  try {
    const archive = Archive.open(join(dir, 'archive.sqlite'));
    log(`building ${N} articles with subjects in ${dir}`);
    insert(archive, 0, N, true);

    // The triggers' cost on writes: the same number of articles with and without subjects, interleaved.
    const withS: number[] = [];
    const without: number[] = [];
    for (let rep = 0; rep < 3; rep += 1) {
      without.push(timeMs(() => insert(archive, N + rep * 10_000, 5000, false)).ms);
      withS.push(timeMs(() => insert(archive, N + rep * 10_000 + 5000, 5000, true)).ms);
    }

    const scan = archive.db.prepare(`${SUBJECT_RECOUNT} ORDER BY uses DESC, label COLLATE NOCASE, code`);
    const scans: number[] = [];
    const afterWrite: number[] = [];
    const cached: number[] = [];
    const probe = archive.db.prepare('SELECT id, version FROM articles WHERE seq = ?');
    for (let w = 0; w < WRITES; w += 1) {
      scans.push(timeMs(() => scan.all()).ms);
      const a = probe.get(1 + w) as { id: string; version: number };
      archive.save({ id: a.id, baseVersion: a.version, fields: { dek: `edit ${w}` } });
      afterWrite.push(timeMs(() => archive.subjectSuggestions('topic 1')).ms);
      cached.push(timeMs(() => archive.subjectSuggestions('topic 12')).ms);
    }
    const distinct = archive.subjectSuggestions('', 50).length;
    archive.close();
    log(`${distinct >= 50 ? '50+' : distinct} distinct subjects offered for an empty prefix; vocabulary ${VOCABULARY}`);

    const metrics: Metric[] = [
      metric({
        name: `subjects.first-after-write-p95@${N}`,
        value: percentile(afterWrite, 95),
        unit: 'ms',
        peer: 'scan of every article’s subjects (before migration 9), p95',
        peerValue: percentile(scans, 95),
        goal: 'report',
        pass: true,
      }),
      metric({ name: `subjects.cached-keystroke-p95@${N}`, value: percentile(cached, 95), unit: 'ms', peer: 'first after a write, p95', peerValue: percentile(afterWrite, 95), goal: 'report', pass: true }),
      metric({
        name: 'subjects.insert-5000-with-subjects',
        value: percentile(withS, 50),
        unit: 'ms',
        peer: 'the same inserts without subjects (no trigger work), median',
        peerValue: percentile(without, 50),
        goal: 'report',
        pass: true,
      }),
    ];
    printMetrics(metrics, JSON_OUT);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
