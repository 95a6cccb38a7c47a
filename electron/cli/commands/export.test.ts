import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as b from '../../../shared/editor/build.ts';
import type { SearchResult } from '../../../shared/model/search.ts';
import { Archive } from '../../archive/archive.ts';
import { runCli } from '../run.ts';
import { allHits } from '../../archive/search/allHits.ts';

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-export-cli-'));
  db = join(dir, 'a.sqlite');
  const archive = Archive.open(db);
  for (const headline of ['Harbour reopens', 'Harbour fees rise', 'Council votes'])
    archive.createArticle({ headline, postedAt: '2024-03-05T09:15:00+00:00', body: b.bodyFromParagraphs([`${headline}: the text.`]) });
  archive.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--db', db], { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, interactive: false });
  return { code, out, err };
}

describe('copydesk export', () => {
  it('exports a search to a folder and prints the report as JSON', async () => {
    const outDir = join(dir, 'out');
    const { code, out } = await cli('export', '--query', 'harbour', '--out', outDir, '--format', 'md', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out.at(-1) ?? '{}') as { exported: number; files: Array<{ file: string }> };
    expect(report.exported).toBe(2);
    expect(readdirSync(outDir).sort()).toEqual(['2024-03-05-harbour-fees-rise.md', '2024-03-05-harbour-reopens.md', 'manifest.json']);
  });

  it('exits 2 when any article failed, 1 on usage errors', async () => {
    const archive = Archive.open(db);
    const id = archive.search('council').hits[0]?.id ?? '';
    archive.close();
    const partial = await cli('export', id, 'no-such-id', '--out', join(dir, 'o1'));
    expect(partial.code).toBe(2);
    expect(partial.err.join('\n')).toContain('no-such-id');
    expect((await cli('export', id)).code).toBe(1);
    expect((await cli('export', id, '--out', join(dir, 'o2'), '--format', 'pdf')).code).toBe(1);
    expect((await cli('export', '--out', join(dir, 'o3'))).code).toBe(1);
    expect((await cli('export', id, '--query', 'x', '--out', join(dir, 'o4'))).code).toBe(1);
    // A second run into the same folder is refused rather than overwriting.
    const again = await cli('export', id, '--out', join(dir, 'o1'));
    expect(again.code).toBe(1);
    expect((await cli('export', id, '--out', join(dir, 'o1'), '--overwrite')).code).toBe(0);
  });

  it('pages through every search hit', () => {
    const all = Array.from({ length: 7 }, (_, i) => ({ id: `id${i}` }));
    const calls: Array<[number, number]> = [];
    const fake = {
      search: (_q: string, o: { limit?: number; offset?: number } = {}): SearchResult => {
        calls.push([o.limit ?? 0, o.offset ?? 0]);
        return { total: all.length, hits: all.slice(o.offset, (o.offset ?? 0) + (o.limit ?? 0)) as SearchResult['hits'], notices: [] };
      },
    };
    expect(allHits(fake, 'q', 3)).toEqual(all.map((h) => h.id));
    expect(calls).toEqual([[3, 0], [3, 3], [3, 6]]);
  });
});
