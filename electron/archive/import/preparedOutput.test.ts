// Pins what the prepare half of an import makes of files written for this test
// (testing/pinFixtures.ts: every format, and every branch of the shared
// conversion code), so work done for speed cannot change an output unnoticed.
// The snapshots were recorded before that work (see BENCHMARKS.md, "Prepare
// half"); a change that alters them on purpose must say why in its commit.
// Compressed blobs are pinned by what they decompress to: the Brotli settings
// may change, the stored body may not.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../db/hash.ts';
import { tempDir } from '../testing/tempArchive.ts';
import { prepareFile } from './prepareFile.ts';
import { PIN_FIXTURES } from './testing/pinFixtures.ts';

const OPTIONS = { timezone: 'Europe/Berlin', encoding: null, maxSizeBytes: 1 << 24, keepOriginals: true };
const dir = tempDir('copydesk-pin-');
afterAll(() => dir.cleanup());

function prepared(name: string, content: string): unknown {
  const path = join(dir.dir, name);
  writeFileSync(path, content);
  const result = prepareFile({ entry: { path, size: Buffer.byteLength(content) }, knownSha256: null }, OPTIONS);
  if (result.kind !== 'parsed') return result;
  return {
    format: result.format,
    decoded: result.decoded,
    decodeFlags: result.decodeFlags,
    container: result.container,
    original: result.original ? sha256Hex(brotliDecompressSync(result.original)) === result.sha256 : null,
    articles: result.articles.map(({ body, ...rest }) => ({
      ...rest,
      body: { tree: JSON.parse(body.json) as unknown, hash: body.hash, text: body.text, wordCount: body.wordCount, blobHolds: brotliDecompressSync(body.blob).toString('utf8') === body.json },
    })),
  };
}

describe('prepared output of written fixtures is pinned', () => {
  for (const { name, content } of PIN_FIXTURES)
    it(name, async () => {
      const out = prepared(name, content);
      expect(out).toMatchObject({ articles: expect.any(Array) });
      await expect(`${JSON.stringify(out, null, 1)}\n`).toMatchFileSnapshot(`__snapshots__/prepared/${name}.json`);
    });
});
