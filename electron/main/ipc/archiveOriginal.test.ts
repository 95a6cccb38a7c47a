// archive.getOriginal as the read workers serve it: the decoded original,
// capped for the window, and null when nothing was kept.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/index.ts';
import { importPaths } from '../../archive/import/importer.ts';
import { tempArchive, type TempArchive } from '../../archive/testing/tempArchive.ts';
import { archiveHandlers } from './archive.ts';

const TEXT = 'Café owners fear £2m rates rise\n\n“We’re not a chain,” said Zoë Müller; déjà vu for the façade.\n';

let t: TempArchive;
beforeEach(() => {
  t = tempArchive();
});
afterEach(() => t.cleanup());

describe('archive.getOriginal', () => {
  it('answers the decoded original, cut at maxChars, and null for an article written here', async () => {
    const path = join(t.dir, 'cafe.txt');
    writeFileSync(path, iconv.encode(TEXT, 'windows-1252'));
    const id = (await importPaths(t.archive, [path], { timezone: 'UTC' })).files[0]?.articleId as string;
    const run = (input: unknown) => archiveHandlers.getOriginal.run(t.archive, contract.archive.methods.getOriginal.input.parse(input));
    expect(await run({ id })).toMatchObject({ id, encoding: 'windows-1252', decodedAs: 'windows-1252', text: TEXT, truncated: false, sourcePath: path });
    expect(await run({ id, maxChars: 4 })).toMatchObject({ text: 'Café', truncated: true, textLength: TEXT.length });
    expect(await run({ id: t.archive.createArticle({ headline: 'Written here' }).id })).toBeNull();
    expect(contract.archive.methods.getOriginal.input.safeParse({ id, maxChars: 0 }).success).toBe(false);
  });
});
