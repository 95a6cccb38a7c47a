// A synthetic archive for the sync benchmark: N articles of news-like words
// (no research corpus text), each with its first revision, on one desk.
import { Archive } from '../../electron/archive/archive.ts';
import { prepareBody } from '../../electron/archive/articles/preparedBody.ts';
import { contentHash } from '../../electron/archive/articles/contentHash.ts';
import { bodyFromParagraphs } from '../../shared/editor/build.ts';

const WORDS = 'council budget river harbour school vote storm market bridge court mayor rail festival strike minister report police election hospital weather union tax plan city port museum'.split(' ');

function words(seed: number, n: number): string {
  let x = seed >>> 0;
  const out: string[] = [];
  for (let i = 0; i < n; i += 1) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(WORDS[x % WORDS.length] as string);
  }
  return out.join(' ');
}

export function fillArchive(archive: Archive, n: number): void {
  const chunk = 2000;
  for (let start = 0; start < n; start += chunk) {
    archive.db.transaction(() => {
      for (let i = start; i < Math.min(n, start + chunk); i += 1) {
        const headline = `${words(i, 6)} ${i}`;
        const body = prepareBody(bodyFromParagraphs([words(i * 3 + 1, 60), words(i * 3 + 2, 80), words(i * 3 + 3, 70)]));
        archive.insertPrepared({ fields: { headline, byline: 'Bench Desk' }, body, contentHash: contentHash(headline, body.text) }, 'save');
      }
    })();
  }
}
