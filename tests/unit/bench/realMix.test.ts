// The import benchmark's real-format mix makes each copy of a file new items:
// it learns the identities a file's items carry by reading it once with the
// registered parsers, and rewrites those id strings in every copy. Checked
// with the synthetic wire format, whose parser reports identities.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../electron/archive/import/importer.ts';
import { registerParser } from '../../../electron/archive/import/parsers/registry.ts';
import { itemFile, testItemParser, wireItem } from '../../../electron/archive/import/testing/itemParser.ts';
import { type TempArchive, tempArchive } from '../../../electron/archive/testing/tempArchive.ts';
import { loadTemplates, replicate, writeRealMix } from '../../../bench/import/realMix.ts';

registerParser(testItemParser);

let t: TempArchive;
afterEach(() => t.cleanup());

describe('the real-format mix', () => {
  it('rewrites every identity of a container in each copy, so copies import as new items', async () => {
    t = tempArchive();
    const corpus = join(t.dir, 'interchange');
    mkdirSync(join(corpus, 'wire'), { recursive: true });
    mkdirSync(join(corpus, 'plain'), { recursive: true });
    writeFileSync(
      join(corpus, 'wire', 'feed.item'),
      itemFile([
        { key: 'a', ...wireItem('urn:test:a&b', 1, 'First item', ['Alpha.']) },
        { key: 'b', ...wireItem('urn:test:b', 2, 'Second item', ['Beta.']) },
      ]),
    );
    writeFileSync(join(corpus, 'plain', 'story.txt'), 'A plain story headline\n\nIts only paragraph of text.\n');
    const templates = loadTemplates(corpus);
    expect(templates.map((x) => [x.family, x.parser, x.items, x.kind])).toEqual([
      ['plain', 'text', 1, 'headline'],
      ['wire', 'test-item', 2, 'identity'],
    ]);
    const wire = templates[1] as (typeof templates)[number];
    expect(replicate(wire, 7).toString('utf8')).toContain('"urn:test:a&b-r7"');
    expect(replicate(wire, 7).toString('utf8')).toContain('"urn:test:b-r7"');

    const out = join(t.dir, 'mix');
    writeRealMix(out, 6, templates);
    expect(readdirSync(join(out, 'r0000'))).toHaveLength(6);
    const report = await importPaths(t.archive, [out], {});
    // 3 copies of the feed (2 items each) and 3 of the story: 9 new articles, nothing a duplicate.
    expect(report).toMatchObject({ imported: 9, duplicates: 0, failed: 0, updated: 0 });
    const ids = t.archive.db.prepare('SELECT item_id FROM articles WHERE item_id IS NOT NULL ORDER BY item_id').pluck().all();
    expect(ids).toEqual(['urn:test:a&b-r0', 'urn:test:a&b-r1', 'urn:test:a&b-r2', 'urn:test:b-r0', 'urn:test:b-r1', 'urn:test:b-r2']);
  });
});
