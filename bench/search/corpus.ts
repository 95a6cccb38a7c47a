// The benchmark archive's text: ../shared/corpus/bbc-news (research-only: read
// here at run time, never copied), replicated to any size with a token unique
// to each copy (replicaN) and to each article (artN), so rare-word queries
// have exactly known answers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BBC_DIR = resolve(import.meta.dirname, '../../../shared/corpus/bbc-news');

export interface SourceDoc {
  section: string;
  headline: string;
  paragraphs: string[];
}

export function loadBbc(dir = BBC_DIR): SourceDoc[] {
  const docs: SourceDoc[] = [];
  for (const section of readdirSync(dir).sort()) {
    const sub = join(dir, section);
    if (!statSync(sub).isDirectory()) continue;
    for (const name of readdirSync(sub).filter((n) => n.endsWith('.txt')).sort()) {
      const [headline = '', ...rest] = readFileSync(join(sub, name), 'utf8').split('\n');
      docs.push({ section, headline: headline.trim(), paragraphs: rest.map((l) => l.trim()).filter((l) => l !== '') });
    }
  }
  if (docs.length === 0) throw new Error(`No bbc-news files under ${dir}`);
  return docs;
}

export interface BenchDoc {
  headline: string;
  section: string;
  paragraphs: string[];
}

/** Article i of an archive replicated from `docs`. */
export function replicated(docs: readonly SourceDoc[], i: number): BenchDoc {
  const src = docs[i % docs.length] as SourceDoc;
  const copy = Math.floor(i / docs.length);
  return {
    headline: src.headline,
    section: src.section,
    paragraphs: [...src.paragraphs, `replica${copy} art${i}`],
  };
}
