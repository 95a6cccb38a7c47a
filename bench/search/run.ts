// npm run bench:search [-- --articles 100000] [--revisions 5] [--reps 30] [--json] [--reuse] [--skip-size] [--no-minisearch]
//
// Builds an archive of N articles from bbc-news (see corpus.ts), then in the
// same run measures: core search vs the bare FTS5 query on the same file,
// MiniSearch 7 on the same text (search latency, indexing rate, memory), and
// the archive's size vs a plain table + contentless FTS5 index.
// With --revisions R (> 1) every article is saved R − 1 more times, each
// version's first paragraph carrying a token of its own (`verKartJ`), so that
// earlier versions hold text the current one does not; then `history:` queries
// are measured against the same queries on the current versions (goal p95 ≤ 3×).
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { bodyFromParagraphs } from '../../shared/editor/build.ts';
import { Archive } from '../../electron/archive/archive.ts';
import { compileQuery } from '../../electron/archive/search/query/compile.ts';
import { parseQuery } from '../../electron/archive/search/query/parser.ts';
import { argValue, gc, memoryMb, type Metric, metric, percentile, printMetrics, round, timeMs } from '../lib/metrics.ts';
import { loadBbc, replicated, type SourceDoc } from './corpus.ts';

const argv = process.argv.slice(2);
const N = Number(argValue(argv, 'articles') ?? 100_000);
const REPS = Number(argValue(argv, 'reps') ?? 30);
const JSON_OUT = argv.includes('--json');
const REUSE = argv.includes('--reuse') || N >= 1_000_000;
const CACHE = argValue(argv, 'cache') ?? join(homedir(), '.cache', 'copydesk-bench');
const WITH_PEER = N < 1_000_000 && !argv.includes('--no-minisearch');
const REVISIONS = Math.max(1, Number(argValue(argv, 'revisions') ?? 1));

/** Version k (1-based) of article j's paragraphs: the first paragraph carries the version's own token. */
function versionOf(paragraphs: readonly string[], j: number, k: number): string[] {
  if (REVISIONS === 1) return [...paragraphs];
  const [first = '', ...rest] = paragraphs;
  return [`${first} (ver${k}art${j})`, ...rest];
}

const QUERIES: Record<string, string[]> = {
  common: ['said', 'year', 'people', 'government'],
  rare: [`art${Math.floor(N / 2)}`, `art${N - 7}`, 'photosynthesis', 'ballistic'],
  twoWord: ['prime minister', 'mobile phone', 'interest rates', 'world cup'],
  phrase: ['"prime minister"', '"chief executive"', '"mobile phone"', '"last year"'],
};

function fileBytes(path: string): number {
  return [path, `${path}-wal`].reduce((sum, p) => sum + (existsSync(p) ? statSync(p).size : 0), 0);
}

function buildArchive(docs: SourceDoc[], path: string): { seconds: number; rssGrowthMb: number; peakRssGrowthMb: number } {
  rmSync(path, { force: true });
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  gc();
  const before = memoryMb().rss;
  let peak = before;
  const archive = Archive.open(path);
  const start = performance.now();
  const BATCH = 1000;
  for (let i = 0; i < N; i += BATCH) {
    archive.db.transaction(() => {
      for (let j = i; j < Math.min(N, i + BATCH); j += 1) {
        const d = replicated(docs, j);
        const a = archive.insertWithRevision({ headline: d.headline, section: d.section, body: bodyFromParagraphs(versionOf(d.paragraphs, j, 1)), source: { path: `/bench/${j}.txt` } });
        for (let k = 2; k <= REVISIONS; k += 1)
          archive.saveInTransaction({ id: a.id, baseVersion: k - 1, body: bodyFromParagraphs(versionOf(d.paragraphs, j, k)), reason: 'save' });
      }
    })();
    peak = Math.max(peak, memoryMb().rss);
    if (!JSON_OUT && i % 20_000 === 0) process.stderr.write(`\rbuilding archive ${i}/${N}`);
  }
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  const seconds = (performance.now() - start) / 1000;
  archive.close();
  gc();
  if (!JSON_OUT) process.stderr.write('\n');
  return { seconds, rssGrowthMb: memoryMb().rss - before, peakRssGrowthMb: peak - before };
}

function buildPlainComparison(docs: SourceDoc[], path: string): number {
  rmSync(path, { force: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE plain (id INTEGER PRIMARY KEY, headline TEXT, dek TEXT, byline TEXT, body TEXT) STRICT;
    CREATE VIRTUAL TABLE plain_fts USING fts5(headline, dek, byline, body, content='', tokenize='unicode61 remove_diacritics 2');`);
  const insert = db.prepare('INSERT INTO plain (id, headline, dek, byline, body) VALUES (?, ?, ?, ?, ?)');
  const index = db.prepare('INSERT INTO plain_fts (rowid, headline, dek, byline, body) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < N; i += 1) {
      const d = replicated(docs, i);
      const body = d.paragraphs.join('\n\n');
      insert.run(i + 1, d.headline, '', '', body);
      index.run(i + 1, d.headline, '', '', body);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return fileBytes(path);
}

function latencies(fn: (q: string) => unknown, queries: string[]): number[] {
  for (const q of queries) fn(q); // warm the page cache and statement cache
  const samples: number[] = [];
  for (let r = 0; r < REPS; r += 1) for (const q of queries) samples.push(timeMs(() => fn(q)).ms);
  return samples;
}

/**
 * Indexing as MiniSearch does it: tokenize the stored text of every article
 * into the search index. Measured on a copy so the archive file stays as built.
 */
async function reindexSeconds(path: string): Promise<number> {
  const copyPath = join(CACHE, `reindex-${N}.sqlite`);
  rmSync(copyPath, { force: true });
  const source = Archive.open(path);
  await source.backup(copyPath);
  source.close();
  const copy = Archive.open(copyPath);
  const seconds = timeMs(() => copy.db.prepare("INSERT INTO search_index (search_index) VALUES ('rebuild')").run()).ms / 1000;
  copy.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${copyPath}${suffix}`, { force: true });
  return seconds;
}

async function main(): Promise<void> {
  const docs = loadBbc();
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, REVISIONS > 1 ? `search-${N}-r${REVISIONS}.sqlite` : `search-${N}.sqlite`);
  let build: ReturnType<typeof buildArchive> | undefined;
  if (REUSE && existsSync(path)) console.log(`reusing ${path}`);
  else build = buildArchive(docs, path);

  const archive = Archive.open(path);
  const bare = archive.db.prepare('SELECT rowid, rank FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 20');
  const all = Object.values(QUERIES).flat();
  const matchOf = new Map(all.map((q) => [q, compileQuery(parseQuery(q).root).match as string]));
  const core = (q: string) => archive.search(q, { limit: 20 });
  const coreSamples = latencies(core, all);
  const bareSamples = latencies((q) => bare.all(matchOf.get(q)), all);
  const perCategory = Object.entries(QUERIES).map(([name, qs]) => ({
    name,
    core: latencies(core, qs),
    bare: latencies((q) => bare.all(matchOf.get(q)), qs),
    total: archive.search(qs[0] as string).total,
  }));
  // history: the same queries over every version, plus a rare word only the first version held.
  const historyQueries = REVISIONS > 1 ? [...all, `ver1art${Math.floor(N / 2)}`, `ver1art${N - 7}`] : [];
  const currentHistorySamples = latencies(core, historyQueries);
  const historySamples = latencies((q) => archive.search(`history:${q}`, { limit: 20 }), historyQueries);
  const archiveBytes = fileBytes(path);
  const stats = archive.stats();
  archive.close();


  const metrics: Metric[] = [];
  const coreP95 = percentile(coreSamples, 95);
  const bareP95 = percentile(bareSamples, 95);
  metrics.push(
    metric({ name: `search.core.p95@${N}`, value: coreP95, unit: 'ms', peer: 'bare FTS5 p95', peerValue: bareP95, goal: '<= 1.3 x bare + 10 ms', pass: coreP95 <= 1.3 * bareP95 + 10 }),
    metric({ name: `search.core.p50@${N}`, value: percentile(coreSamples, 50), unit: 'ms', peer: 'bare FTS5 p50', peerValue: percentile(bareSamples, 50), goal: 'report', pass: true }),
  );
  for (const c of perCategory) {
    const p95 = percentile(c.core, 95);
    const goal = c.name === 'common' && N >= 1_000_000 ? '<= 300 ms at 1M' : '<= 1.3 x bare + 10 ms';
    const pass = c.name === 'common' && N >= 1_000_000 ? p95 <= 300 : p95 <= 1.3 * percentile(c.bare, 95) + 10;
    metrics.push(metric({ name: `search.${c.name}.p95@${N}`, value: p95, unit: 'ms', peer: 'bare FTS5 p95', peerValue: percentile(c.bare, 95), goal, pass }));
  }

  if (REVISIONS > 1) {
    const historyP95 = percentile(historySamples, 95);
    const currentP95 = percentile(currentHistorySamples, 95);
    metrics.push(
      metric({ name: `search.history.p95@${N}x${REVISIONS}`, value: historyP95, unit: 'ms', peer: 'the same queries, current versions only, p95', peerValue: currentP95, goal: '<= 3.0 x', pass: historyP95 <= 3 * currentP95 }),
      metric({ name: `search.history.p50@${N}x${REVISIONS}`, value: percentile(historySamples, 50), unit: 'ms', peer: 'current versions only, p50', peerValue: percentile(currentHistorySamples, 50), goal: 'report', pass: true }),
    );
  }

  if (WITH_PEER) {
    gc();
    const heapBefore = memoryMb().heap;
    const mini = new MiniSearch<{ id: number; headline: string; section: string; body: string }>({ fields: ['headline', 'dek', 'byline', 'body'], storeFields: [] });
    const miniStart = performance.now();
    for (let i = 0; i < N; i += 1) {
      const d = replicated(docs, i);
      mini.add({ id: i, headline: d.headline, section: d.section, body: d.paragraphs.join('\n\n') });
    }
    const miniSeconds = (performance.now() - miniStart) / 1000;
    gc();
    const miniHeapGrowth = memoryMb().heap - heapBefore;
    const miniSearch = (q: string) => {
      const phrase = q.startsWith('"');
      return mini.search(q.replace(/"/g, ''), { combineWith: 'AND', ...(phrase ? {} : {}) }).slice(0, 20);
    };
    const miniSamples = latencies(miniSearch, all);
    // Compared with the core's samples taken before MiniSearch filled the heap,
    // so neither side pays for the other's garbage collection.
    const coreAgain = coreSamples;
    const reindexRate = N / (await reindexSeconds(path));
    metrics.push(
      metric({ name: `search.vs-minisearch.p50@${N}`, value: percentile(coreAgain, 50), unit: 'ms', peer: 'MiniSearch 7 p50', peerValue: percentile(miniSamples, 50), goal: '<= 1.0 x', pass: percentile(coreAgain, 50) <= percentile(miniSamples, 50) }),
      metric({ name: `search.vs-minisearch.p95@${N}`, value: percentile(coreAgain, 95), unit: 'ms', peer: 'MiniSearch 7 p95', peerValue: percentile(miniSamples, 95), goal: '<= 1.0 x', pass: percentile(coreAgain, 95) <= percentile(miniSamples, 95) }),
    );
    metrics.push(
      metric({ name: `index.rate@${N}`, value: reindexRate, unit: 'articles/s', peer: 'MiniSearch 7 add rate', peerValue: N / miniSeconds, goal: '>= 2.0 x', pass: reindexRate >= 2 * (N / miniSeconds) }),
    );
    if (build) {
      metrics.push(
        metric({ name: `archive.write-rate@${N}`, value: N / build.seconds, unit: 'articles/s', peer: 'MiniSearch 7 add rate', peerValue: N / miniSeconds, goal: 'report (whole write path: body, revision, index)', pass: true }),
        metric({ name: `index.memory-growth@${N}`, value: Math.max(0, build.peakRssGrowthMb), unit: 'MB', peer: 'MiniSearch 7 heap growth', peerValue: miniHeapGrowth, goal: '<= 0.25 x', pass: build.peakRssGrowthMb <= 0.25 * miniHeapGrowth }),
      );
    }
  }

  if (!argv.includes('--skip-size')) {
    const plainPath = join(CACHE, `plain-${N}.sqlite`);
    const plainBytes = buildPlainComparison(docs, plainPath);
    rmSync(plainPath, { force: true });
    metrics.push(
      metric({ name: `size.archive@${N}`, value: archiveBytes / 1048576, unit: 'MiB', peer: 'plain table + contentless FTS5', peerValue: plainBytes / 1048576, goal: '<= 1.15 x', pass: archiveBytes <= 1.15 * plainBytes }),
    );
  }
  console.log(`archive ${path}: ${stats.articles} articles, ${stats.revisions} revisions; totals per category: ${perCategory.map((c) => `${c.name} ${c.total}`).join(', ')}`);
  if (build) console.log(`build: ${round(build.seconds)} s, ${round(N / build.seconds)} articles/s, peak RSS growth ${round(build.peakRssGrowthMb)} MB`);
  printMetrics(metrics, JSON_OUT);
}

await main();
