// npm run bench:import-prepare [-- --reps 3 --sample 300 --only <group> --json]
// Where the prepare half of an import (prepareFile.ts) spends its CPU, per
// format, on the real interchange files and today's corpora (read at run time
// from ../shared/corpus, never copied): each stage is timed over the whole
// group with process.cpuUsage (the machine is shared: CPU time, not wall time),
// best of --reps passes, after a warm-up pass.
// Stages: read + SHA-256, decode, detect (every parser's detect), parse (the
// winner's), then per article body JSON, plain text, word count, body SHA-256,
// Brotli of the body, content hash, and Brotli of the original. "whole" is
// prepareFile itself, end to end.
//
// --digests FILE writes, per file of every group (no sampling), a SHA-256 of
// everything prepareFile returns (compressed blobs by the SHA-256 of their
// decompressed bytes); --check FILE compares against such a file and exits 1 on
// any difference: the proof that a speed change left every output unchanged.
// --profile FILE.cpuprofile records a V8 CPU profile of the timed prepareFile
// passes only (implies --whole; the setup is left out); read it with
// `tsx bench/import/profileTop.ts FILE.cpuprofile` for self times per function.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { contentHash } from '../../electron/archive/articles/contentHash.ts';
import { compressBytes, compressText } from '../../electron/archive/db/compress.ts';
import { sha256Hex } from '../../electron/archive/db/hash.ts';
import { decodeBytes } from '../../electron/archive/import/encoding.ts';
import { makeParseInput } from '../../electron/archive/import/parsers/input.ts';
import { rankParsers } from '../../electron/archive/import/parsers/registry.ts';
import type { ParsedArticle, ParseInput, Parser } from '../../electron/archive/import/parsers/types.ts';
import { type PreparedFile, prepareFile } from '../../electron/archive/import/prepareFile.ts';
import { resolveZone } from '../../electron/archive/time/zone.ts';
import { bodyToPlainText, countWords } from '../../shared/editor/plainText.ts';
import type { BodyState } from '../../shared/editor/serialized.ts';
import { argValue, gc, type Metric, metric, printMetrics } from '../lib/metrics.ts';
import { CORPUS, loadCorpus, writeCorpus } from './corpus.ts';

const argv = process.argv.slice(2);
const REPS = Number(argValue(argv, 'reps') ?? 3);
const SAMPLE = Number(argValue(argv, 'sample') ?? 300);
const ONLY = argValue(argv, 'only');
const JSON_OUT = argv.includes('--json');
const DIGESTS = argValue(argv, 'digests');
const CHECK = argValue(argv, 'check');
// Only prepareFile end to end (for --cpu-prof: the profile then shows the import's own mix of stages).
const PROFILE = argValue(argv, 'profile');
const WHOLE_ONLY = argv.includes('--whole') || PROFILE !== undefined;
const OPTIONS = { timezone: 'UTC', encoding: null, maxSizeBytes: 64 * 1024 * 1024, keepOriginals: true };
const ZONE = resolveZone('UTC');

function filesUnder(dir: string, keep: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, keep));
    else if (keep(name)) out.push(full);
  }
  return out;
}

/** Every k-th file, so a sample spreads over the whole folder. */
function sample(files: string[], n: number): string[] {
  if (files.length <= n) return files;
  const step = files.length / n;
  return Array.from({ length: n }, (_, i) => files[Math.floor(i * step)] as string);
}

/** Groups of files by format (interchange folders) or corpus; `all` disables sampling. */
function groups(work: string, all: boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, files: string[]) => {
    if (files.length > 0 && (!ONLY || name === ONLY || name.startsWith(`${ONLY}/`))) out.set(name, all ? files : sample(files, SAMPLE));
  };
  const interchange = join(CORPUS, 'interchange');
  if (existsSync(interchange))
    for (const folder of readdirSync(interchange).sort())
      if (statSync(join(interchange, folder)).isDirectory()) add(`interchange/${folder}`, filesUnder(join(interchange, folder), (n) => n !== 'README.md'));
  const txt = (n: string) => n.endsWith('.txt') && n !== 'README.TXT';
  if (existsSync(join(CORPUS, 'seed'))) add('seed', filesUnder(join(CORPUS, 'seed')));
  if (existsSync(join(CORPUS, 'bbc-news'))) add('bbc-news', filesUnder(join(CORPUS, 'bbc-news'), txt));
  if (existsSync(join(CORPUS, 'ko-wikinews'))) add('ko-wikinews', filesUnder(join(CORPUS, 'ko-wikinews/articles'), txt));
  if (existsSync(join(CORPUS, 'ja-wikinews'))) add('ja-wikinews', filesUnder(join(CORPUS, 'ja-wikinews/articles'), txt));
  if (existsSync(join(CORPUS, 'bbc-news')) && (!ONLY || ONLY.startsWith('bench-mix'))) {
    // bench:import's own mix (corpus.ts): its Markdown, HTML and legacy-encoding files.
    const mix = join(work, 'mix');
    writeCorpus(mix, 5000, loadCorpus());
    const files = filesUnder(mix);
    add('bench-mix/markdown', files.filter((f) => f.endsWith('.md')));
    add('bench-mix/html', files.filter((f) => f.endsWith('.html')));
    add('bench-mix/text', files.filter((f) => f.endsWith('.txt')));
  }
  if (all) {
    for (const name of ['reuters21578-subset', 'encodings'])
      if (existsSync(join(CORPUS, name))) add(name, filesUnder(join(CORPUS, name), (n) => !/^README/iu.test(n) && !n.endsWith('.tsv')));
    const vectorsFile = join(CORPUS, 'xss-vectors/vectors.json');
    if (existsSync(vectorsFile)) {
      // Hostile markup through the HTML and Markdown readers (htmlBlocks.ts, markdown-it).
      const dir = join(work, 'xss');
      mkdirSync(dir);
      const vectors = JSON.parse(readFileSync(vectorsFile, 'utf8')) as string[];
      vectors.forEach((v, i) => {
        writeFileSync(join(dir, `${i}.html`), `<!doctype html><html><body><article><h1>Vector ${i}</h1><p>Before</p>${v}<p>After</p></article></body></html>`);
        writeFileSync(join(dir, `${i}.md`), `---\ntitle: Vector ${i}\n---\n\nBefore\n\n${v}\n\nAfter\n`);
      });
      add('xss-vectors', filesUnder(dir));
    }
  }
  return out;
}

const entryOf = (path: string) => ({ path, size: statSync(path).size });

/** A stable fingerprint of a prepared file: blobs by the hash of what they decompress to. */
function digest(prepared: PreparedFile): string {
  const plain = (value: unknown): unknown => {
    if (value instanceof Uint8Array) return `brotli:${sha256Hex(brotliDecompressSync(value))}`;
    if (Array.isArray(value)) return value.map(plain);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
    return value;
  };
  return createHash('sha256').update(JSON.stringify(plain(prepared))).digest('hex');
}

function runDigests(work: string): void {
  const all = groups(work, true);
  const out: Record<string, string> = {};
  for (const [name, files] of all)
    for (const file of files) {
      const key = `${name}:${relative(file.startsWith(work) ? work : CORPUS, file)}`;
      out[key] = digest(prepareFile({ entry: entryOf(file), knownSha256: null }, OPTIONS));
    }
  if (DIGESTS) {
    writeFileSync(DIGESTS, `${JSON.stringify(out, null, 0)}\n`);
    console.log(`${Object.keys(out).length} digests written to ${DIGESTS}`);
  }
  if (CHECK) {
    const before = JSON.parse(readFileSync(CHECK, 'utf8')) as Record<string, string>;
    const keys = new Set([...Object.keys(before), ...Object.keys(out)]);
    const differ = [...keys].filter((k) => before[k] !== out[k]);
    console.log(`${keys.size} files compared with ${CHECK}: ${differ.length} differ`);
    for (const k of differ.slice(0, 20)) console.log(`  differs: ${k}`);
    if (differ.length > 0) process.exitCode = 1;
  }
}

interface Stages {
  [stage: string]: number;
}

/** CPU milliseconds of `fn`. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function profileGroup(files: string[]): { stages: Stages; articles: number; bytes: number; formats: Map<string, number> } {
  const entries = files.map(entryOf);
  const bytesOf = files.map((f) => readFileSync(f));
  const decoded = bytesOf.map((b) => decodeBytes(b));
  const inputs: ParseInput[] = decoded.map((d, i) => makeParseInput({ text: d.text, rawText: d.raw, bytes: bytesOf[i] as Buffer, path: files[i] as string, zone: ZONE }));
  const ranked: Parser[][] = inputs.map((input) => rankParsers(input));
  const formats = new Map<string, number>();
  const parseOne = (i: number): ParsedArticle[] => {
    for (const parser of ranked[i] as Parser[]) {
      try {
        const articles = parser.parse(inputs[i] as ParseInput);
        return articles;
      } catch (error) {
        if ((error as Error).name === 'FileRefused') return [];
      }
    }
    return [];
  };
  const parsed = inputs.map((_, i) => parseOne(i));
  ranked.forEach((r, i) => {
    const name = (parsed[i] as ParsedArticle[]).length > 0 ? (r[0] as Parser).name : 'failed';
    formats.set(name, (formats.get(name) ?? 0) + 1);
  });
  const bodies: BodyState[] = parsed.flat().map((a) => a.body);
  const jsons = bodies.map((b) => JSON.stringify(b));
  const texts = bodies.map((b) => bodyToPlainText(b));
  const headlines = parsed.flat().map((a) => a.fields.headline ?? '');
  const stages: Array<[string, () => void]> = [
    ['whole prepareFile', () => entries.forEach((entry) => prepareFile({ entry, knownSha256: null }, OPTIONS))],
    ['read + SHA-256', () => files.forEach((f) => sha256Hex(readFileSync(f)))],
    ['decode', () => bytesOf.forEach((b) => decodeBytes(b))],
    ['detect (all parsers)', () => inputs.forEach((input) => rankParsers(input))],
    ['parse', () => inputs.forEach((_, i) => parseOne(i))],
    ['body JSON', () => bodies.forEach((b) => JSON.stringify(b))],
    ['body text', () => bodies.forEach((b) => bodyToPlainText(b))],
    ['word count', () => texts.forEach((t) => countWords(t))],
    ['body SHA-256', () => jsons.forEach((j) => sha256Hex(j))],
    ['body Brotli', () => jsons.forEach((j) => compressText(j))],
    ['content hash', () => texts.forEach((t, i) => contentHash(headlines[i] as string, t))],
    ['original Brotli', () => bytesOf.forEach((b) => compressBytes(b))],
  ];
  const result: Stages = {};
  if (PROFILE) stages[0]?.[1](); // warm-up outside the profile
  profiler?.post('Profiler.start');
  for (const [name, fn] of WHOLE_ONLY ? stages.slice(0, 1) : stages) {
    fn(); // warm-up
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < REPS; r += 1) {
      if (!PROFILE) gc(); // a forced collection would show in the profile as the import's own
      best = Math.min(best, cpuMs(fn));
    }
    result[name] = best;
  }
  profiler?.post('Profiler.stop', (error, taken) => {
    if (error) throw error;
    writeFileSync(PROFILE as string, JSON.stringify(taken.profile));
  });
  return { stages: result, articles: bodies.length, bytes: bytesOf.reduce((n, b) => n + b.length, 0), formats };
}

/** Synchronous inspector session: posts complete before `post` returns. */
const profiler = PROFILE ? new Session() : null;
if (profiler) {
  profiler.connect();
  profiler.post('Profiler.enable');
  profiler.post('Profiler.setSamplingInterval', { interval: 200 });
}

const work = mkdtempSync(join(tmpdir(), 'copydesk-bench-prepare-'));
try {
  if (DIGESTS || CHECK) runDigests(work);
  else {
    const metrics: Metric[] = [];
    console.log(`best of ${REPS} passes, CPU ms per group; load average ${loadavg()[0]?.toFixed(1)}`);
    for (const [name, files] of groups(work, false)) {
      const { stages, articles, bytes, formats } = profileGroup(files);
      const whole = stages['whole prepareFile'] as number;
      const parts = Object.entries(stages)
        .filter(([k]) => k !== 'whole prepareFile')
        .map(([k, v]) => `${k} ${v.toFixed(1)}`)
        .join(', ');
      console.log(`${name}: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB, ${articles} articles (${[...formats].map(([f, n]) => `${f} ${n}`).join(', ')})`);
      console.log(`  whole ${whole.toFixed(1)} ms = ${(articles / (whole / 1000)).toFixed(0)} articles/CPU-s, ${(files.length / (whole / 1000)).toFixed(0)} files/CPU-s; ${parts}`);
      metrics.push(metric({ name: `prepare.${name}`, value: articles / (whole / 1000), unit: 'articles/cpu-s', peer: 'files/cpu-s', peerValue: files.length / (whole / 1000), goal: 'report', pass: true }));
    }
    printMetrics(metrics, JSON_OUT);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
