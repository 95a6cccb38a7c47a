// Family 10's inputs: a big archive (bbc-news replicated, the same text and
// builder as the search benchmark) and the import benchmark's files. Both read
// ../shared/corpus at run time; nothing is copied into the repo. Built archives
// are cached, migrated to the current schema, under ~/.cache/copydesk-faults
// (keyed by schema version), and each run works on its own copy: the cache is
// never modified.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Archive } from '../../../electron/archive/archive.ts';
import { BACKUP_FOLDER } from '../../../electron/archive/backup/location.ts';
import { LATEST_VERSION } from '../../../electron/archive/migrations/index.ts';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { CORPUS, loadCorpus, writeCorpus } from '../../../bench/import/corpus.ts';
import { BBC_DIR, loadBbc, replicated } from '../../../bench/search/corpus.ts';

const CACHE = join(homedir(), '.cache', 'copydesk-faults');
/** The search benchmark's cache (`npm run bench:search -- --articles N` makes search-N.sqlite). */
const BENCH_CACHE = join(homedir(), '.cache', 'copydesk-bench');
/** Above this size an archive is taken from the benchmark's cache, never built here (1M takes ~30 min). */
const BUILD_LIMIT = 100_000;

/** null when the corpus this family reads at run time is there; else why not. */
export function corpusProblem(): string | null {
  for (const dir of [BBC_DIR, join(CORPUS, 'ko-wikinews'), join(CORPUS, 'ja-wikinews')]) if (!existsSync(dir)) return `${dir} is missing (the load family reads ../shared/corpus at run time)`;
  return null;
}

/** The search benchmark's builder: bbc-news articles replicated, 1,000 per transaction. */
function build(path: string, articles: number): void {
  const docs = loadBbc();
  const archive = Archive.open(path);
  try {
    for (let i = 0; i < articles; i += 1000) {
      archive.db.transaction(() => {
        for (let j = i; j < Math.min(articles, i + 1000); j += 1) {
          const d = replicated(docs, j);
          archive.insertWithRevision({ headline: d.headline, section: d.section, body: bodyFromParagraphs(d.paragraphs), source: { path: `/bench/${j}.txt` } });
        }
      })();
    }
    archive.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    archive.close();
  }
}

function copy(from: string, to: string): void {
  // A reflink where the file system has them (instant), else a plain copy.
  execFileSync('cp', ['--reflink=auto', from, to]);
}

/**
 * A cached archive of `articles` articles at the current schema. From the
 * benchmark's cache when it has one (copied, then migrated; the pre-migration
 * backup of the copy is dropped), else built when small enough; null (with the
 * reason) when neither is possible.
 */
export function cachedArchive(articles: number, log: (line: string) => void): { path: string } | { problem: string } {
  mkdirSync(CACHE, { recursive: true });
  const path = join(CACHE, `load-${articles}-v${LATEST_VERSION}.sqlite`);
  if (existsSync(path)) return { path };
  const partial = `${path}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  const bench = join(BENCH_CACHE, `search-${articles}.sqlite`);
  if (existsSync(bench)) {
    log(`  copying ${bench} to ${path} and migrating it to schema ${LATEST_VERSION} (once)`);
    copy(bench, partial);
  } else if (articles <= BUILD_LIMIT) {
    log(`  building a ${articles.toLocaleString('en')}-article archive from bbc-news into ${path} (once)`);
    build(partial, articles);
  } else {
    return { problem: `no ${articles.toLocaleString('en')}-article archive: run \`npm run bench:search -- --articles ${articles}\` once (it caches ${bench}, ~30 min)` };
  }
  Archive.open(partial).close();
  // The copy's own pre-migration backup (a second full copy) is not needed: the benchmark's file is the original.
  rmSync(join(CACHE, BACKUP_FOLDER), { recursive: true, force: true });
  renameSync(partial, path);
  return { path };
}

/** This run's own copy of a cached archive. */
export function archiveCopy(cached: string, to: string): void {
  copy(cached, to);
}

/** The import benchmark's files (mostly bbc-news, some Korean and Japanese, a few legacy encodings, Markdown and HTML), each unique. */
export function writeImportFiles(dir: string, files: number): { bytes: number } {
  return writeCorpus(dir, files, loadCorpus());
}
