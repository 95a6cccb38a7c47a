// Korean and Japanese recall against a LIKE '%q%' ground truth, on the
// CC BY 2.5 Wikinews corpora in ../shared/corpus (read at test time).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { CORPUS_DIR, type TempArchive, tempArchive } from '../testing/tempArchive.ts';

const CORPORA = ['ko-wikinews', 'ja-wikinews'] as const;
const present = CORPORA.every((c) => existsSync(join(CORPUS_DIR, c, 'articles')));
if (!present) console.warn(`skipped: CJK recall needs ${CORPUS_DIR}/{ko,ja}-wikinews`);

const CJK_RUN = /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\u3005]+/gu;

/** Small deterministic PRNG, so the sampled queries are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Doc {
  id: string;
  text: string;
}

describe.skipIf(!present)('CJK search recall', () => {
  let t: TempArchive;
  const docs = new Map<string, Doc[]>();

  beforeAll(() => {
    t = tempArchive();
    t.archive.db.exec('CREATE TEMP TABLE truth (id TEXT, corpus TEXT, text TEXT)');
    const insertTruth = t.archive.db.prepare('INSERT INTO truth VALUES (?, ?, ?)');
    t.archive.db.transaction(() => {
      for (const corpus of CORPORA) {
        const dir = join(CORPUS_DIR, corpus, 'articles');
        const list: Doc[] = [];
        for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
          const [headline = '', ...rest] = readFileSync(join(dir, name), 'utf8').split('\n');
          const paragraphs = rest.map((l) => l.trim()).filter((l) => l !== '');
          const article = t.archive.insertWithRevision({ headline: headline.trim(), language: corpus.slice(0, 2), body: bodyFromParagraphs(paragraphs) });
          const text = `${article.headline}\n${article.bodyText}`;
          insertTruth.run(article.id, corpus, text);
          list.push({ id: article.id, text });
        }
        docs.set(corpus, list);
      }
    })();
  }, 120_000);
  afterAll(() => t?.cleanup());

  function sampleQueries(corpus: string, length: number, count: number, seed: number): string[] {
    const random = mulberry32(seed);
    const list = docs.get(corpus) ?? [];
    const out = new Set<string>();
    for (let tries = 0; out.size < count && tries < count * 50; tries += 1) {
      const doc = list[Math.floor(random() * list.length)] as Doc;
      const runs = Array.from(doc.text.matchAll(CJK_RUN), (m) => Array.from(m[0])).filter((r) => r.length >= length);
      if (runs.length === 0) continue;
      const run = runs[Math.floor(random() * runs.length)] as string[];
      const start = Math.floor(random() * (run.length - length + 1));
      out.add(run.slice(start, start + length).join(''));
    }
    return [...out];
  }

  function recall(corpus: string, queries: string[]): { recall: number; truth: number; found: number; empty: number } {
    const like = t.archive.db.prepare("SELECT id FROM truth WHERE text LIKE '%' || ? || '%'");
    let truthTotal = 0;
    let foundTotal = 0;
    let empty = 0;
    for (const q of queries) {
      const truth = new Set((like.all(q) as Array<{ id: string }>).map((r) => r.id));
      const result = t.archive.search(q, { limit: 1000 });
      if (result.total === 0) empty += 1;
      const got = new Set(result.hits.map((h) => h.id));
      if (truth.size > 1000) continue;
      truthTotal += truth.size;
      for (const id of truth) if (got.has(id)) foundTotal += 1;
    }
    return { recall: truthTotal === 0 ? 1 : foundTotal / truthTotal, truth: truthTotal, found: foundTotal, empty };
  }

  // The LIKE ground truth scans every article per query: ~30 s on a quiet
  // machine, 75 s seen on a busy one. Correctness, not speed, is tested here.
  const RECALL_TIMEOUT = 300_000;

  for (const corpus of CORPORA) {
    it(`${corpus}: recall >= 0.99 for 3- and 4-character queries`, () => {
      for (const length of [3, 4]) {
        const queries = sampleQueries(corpus, length, 200, length * 7919);
        const r = recall(corpus, queries);
        console.log(`${corpus} ${length}-char: ${queries.length} queries, recall ${r.recall.toFixed(4)} (${r.found}/${r.truth})`);
        expect(queries.length).toBeGreaterThan(150);
        expect(r.recall).toBeGreaterThanOrEqual(0.99);
      }
    }, RECALL_TIMEOUT);

    it(`${corpus}: 2-character queries that occur never return nothing`, () => {
      const queries = sampleQueries(corpus, 2, 200, 4242);
      const r = recall(corpus, queries);
      console.log(`${corpus} 2-char: ${queries.length} queries, recall ${r.recall.toFixed(4)}, empty answers ${r.empty}`);
      expect(r.empty).toBe(0);
      expect(r.recall).toBeGreaterThanOrEqual(0.99);
    }, RECALL_TIMEOUT);
  }

  it('finds a word inside a longer Korean word and keeps results ranked', () => {
    const result = t.archive.search('대통령', { limit: 50 });
    expect(result.total).toBeGreaterThan(10);
    const scores = result.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(result.hits[0]?.snippet.some((s) => s.match && s.text === '대통령')).toBe(true);
  });
});
