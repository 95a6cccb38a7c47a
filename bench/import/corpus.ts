// The import benchmark's input: N small files written to a temporary folder
// from ../shared/corpus (read at run time, never copied into the repo). Each
// file carries a token unique to it so none is a duplicate of another. The mix
// is mostly plain text (bbc-news, ko-wikinews, ja-wikinews) with a few legacy
// encodings, Markdown and HTML files, as an archivist's folder would have.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';

export const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');

interface Doc {
  lang: 'en' | 'ko' | 'ja';
  headline: string;
  paragraphs: string[];
}

function listTxt(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listTxt(full));
    else if (name.endsWith('.txt') && name !== 'README.TXT') out.push(full);
  }
  return out;
}

function load(dir: string, lang: Doc['lang']): Doc[] {
  return listTxt(dir).map((path) => {
    const lines = readFileSync(path, 'utf8').split('\n');
    const first = lines.findIndex((l) => l.trim() !== '');
    return { lang, headline: (lines[first] ?? '').trim(), paragraphs: lines.slice(first + 1).map((l) => l.trim()).filter((l) => l !== '') };
  });
}

export function loadCorpus(): Doc[] {
  const en = load(join(CORPUS, 'bbc-news'), 'en');
  const ko = load(join(CORPUS, 'ko-wikinews/articles'), 'ko');
  const ja = load(join(CORPUS, 'ja-wikinews/articles'), 'ja');
  // Weighted toward English news, the bulk of most archives: 70 / 15 / 15.
  const out: Doc[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const r = i % 20;
    if (r < 14) out.push(en[i % en.length] as Doc);
    else if (r < 17) out.push(ko[i % ko.length] as Doc);
    else out.push(ja[i % ja.length] as Doc);
  }
  return out;
}

/** Write file i; returns its size in bytes. */
function writeOne(dir: string, docs: readonly Doc[], i: number): number {
  const doc = docs[i % docs.length] as Doc;
  const token = `bench${i}x`;
  const headline = `${doc.headline} ${token}`;
  const paragraphs = [...doc.paragraphs, `Archive reference ${token}.`];
  let name = `${i}.txt`;
  let bytes: Buffer;
  if (i % 100 === 0) {
    name = `${i}.md`;
    bytes = Buffer.from(`---\ntitle: "${headline.replace(/"/g, "'")}"\ndate: 2019-01-09 07:31\n---\n\n${paragraphs.join('\n\n')}\n`);
  } else if (i % 100 === 1) {
    name = `${i}.html`;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    bytes = Buffer.from(`<!doctype html><html><head><meta charset="utf-8"><title>${esc(headline)}</title></head><body><nav>Home</nav><article><h1>${esc(headline)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`);
  } else {
    const text = `${headline}\n\n${paragraphs.join('\n\n')}\n`;
    const legacy = i % 50 === 2 ? (doc.lang === 'ko' ? 'euc-kr' : doc.lang === 'ja' ? 'shift_jis' : 'windows-1252') : null;
    bytes = legacy ? iconv.encode(text, legacy) : Buffer.from(text);
  }
  writeFileSync(join(dir, name), bytes);
  return bytes.length;
}

/** N files in folders of 1,000. */
export function writeCorpus(root: string, n: number, docs: readonly Doc[]): { bytes: number } {
  let bytes = 0;
  for (let i = 0; i < n; i += 1) {
    const dir = join(root, `d${String(Math.floor(i / 1000)).padStart(4, '0')}`);
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    bytes += writeOne(dir, docs, i);
  }
  return { bytes };
}
