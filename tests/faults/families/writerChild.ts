// A second process writing to the archive as fast as it can (new articles
// and saves, one transaction each) until a stop file appears.
import { existsSync } from 'node:fs';
import { Archive } from '../../../electron/archive/archive.ts';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';

const [dbPath, stopFile] = process.argv.slice(2) as [string, string];
const archive = Archive.open(dbPath);
const ids: string[] = [];
let n = 0;
while (!existsSync(stopFile) && n < 200_000) {
  const a = archive.createArticle({ headline: `w-${n}`, body: bodyFromParagraphs([`Written by the concurrent writer, number ${n}.`]) });
  ids.push(a.id);
  if (n % 3 === 2) {
    const id = ids[Math.floor(n / 2)] as string;
    const current = archive.getArticle(id);
    archive.save({ id, baseVersion: current.version, fields: { dek: `saved at ${n}` } });
  }
  n += 1;
  if (n % 50 === 0) await new Promise((r) => setImmediate(r));
}
archive.close();
process.stdout.write(String(n));
