import { join } from 'node:path';
import { bodyToParagraphs } from './shared/editor/plainText.ts';
import { folderFiles, parseCorpusFile } from './electron/archive/import/testing/interchange.ts';
import { markupLeaks } from './electron/archive/import/testing/leaks.ts';
const dir = process.argv[2]!;
const limit = Number(process.argv[3] ?? 3);
for (const f of folderFiles(dir)) {
  try {
    const { parser, articles } = parseCorpusFile(join(dir, f));
    console.log(`## ${f} [${parser}] items=${articles.length}`);
    for (const a of articles.slice(0, limit)) {
      const p = bodyToParagraphs(a.body);
      const x = a.fields;
      console.log(JSON.stringify({ key: a.key, headline: x.headline, byline: x.byline, dateline: x.dateline, postedAt: x.postedAt, updatedAt: x.updatedAt, language: x.language, starts: (p[0] ?? '').split(' ').slice(0, 5).join(' '), paragraphs: p.length, urgency: x.urgency, slugline: x.slugline, pubStatus: x.pubStatus, identity: a.identity, flags: a.flags, leaks: markupLeaks(a) }));
    }
  } catch (e) { console.log(`## ${f} FAILED: ${(e as Error).message}`); }
}
