import { join } from 'node:path';
import { bodyToParagraphs } from './shared/editor/plainText.ts';
import { parseCorpusFile } from './electron/archive/import/testing/interchange.ts';
const f = process.argv[2]!;
const { articles } = parseCorpusFile(join('../shared/corpus/interchange/rss-atom', f));
for (const a of articles.slice(0, Number(process.argv[3] ?? 5))) { const p = bodyToParagraphs(a.body); console.log('-', a.fields.headline?.slice(0,50), '|', p.length, '| FIRST:', p[0]?.slice(0, 80), '| LAST:', p[p.length - 1]?.slice(-120)); }
const short = articles.filter((a) => bodyToParagraphs(a.body).join(' ').length < 300).map((a) => a.fields.headline);
console.log('short bodies:', short.length, short.slice(0, 5));
