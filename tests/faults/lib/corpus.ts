// Generated source files for the import families: plain text articles with a
// unique headline each, some byte-identical copies (which must become
// duplicates, not articles). Nothing is copied from the research corpora.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './util.ts';

const WORDS = (
  'council budget vote harbour strike minister election flood rescue court ruling market shares rally ' +
  'school teachers hospital nurses bridge repair festival season storm warning river farmers export ' +
  'police inquiry mayor housing plan museum archive editor reporter deadline transit fare union talks'
).split(' ');

export interface GeneratedCorpus {
  dir: string;
  files: number;
  /** Headlines of the distinct articles the folder holds (one article each after any number of imports). */
  headlines: Set<string>;
}

export function writeArticles(dir: string, count: number, seed: number, options: { duplicateShare?: number; perFolder?: number } = {}): GeneratedCorpus {
  const r = rng(seed);
  const perFolder = options.perFolder ?? 500;
  const duplicateShare = options.duplicateShare ?? 0.03;
  const headlines = new Set<string>();
  const written: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const folder = join(dir, `batch-${String(Math.floor(i / perFolder)).padStart(3, '0')}`);
    if (i % perFolder === 0) mkdirSync(folder, { recursive: true });
    let text: string;
    if (written.length > 10 && r.next() < duplicateShare) text = r.pick(written);
    else {
      const headline = `Item ${i} ${r.pick(WORDS)} ${r.pick(WORDS)} ${seed.toString(36)}`;
      const paragraphs = Array.from({ length: r.int(2, 6) }, () =>
        Array.from({ length: r.int(12, 60) }, () => r.pick(WORDS)).join(' ') + '.',
      );
      text = `${headline}\n\n${paragraphs.join('\n\n')}\n`;
      headlines.add(headline);
      written.push(text);
    }
    writeFileSync(join(folder, `story-${String(i).padStart(6, '0')}.txt`), text);
  }
  return { dir, files: count, headlines };
}
