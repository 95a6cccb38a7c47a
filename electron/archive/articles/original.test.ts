// Reading back kept originals on real archives: legacy encodings come back
// byte for byte and decode to the text that was written; nothing kept → null.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../db/hash.ts';
import { importPaths } from '../import/importer.ts';
import { tempArchive, type TempArchive } from '../testing/tempArchive.ts';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../../tests/fixtures/import', name), 'utf8');

// Enough accented letters, pound signs and curly quotes for the detector to say windows-1252.
const CP1252_TEXT = [
  'Café owners fear £2m rates rise',
  '',
  '“We’re not a big chain,” said Zoë Müller, who runs a café on the high street. “A rise of £400 a year is déjà vu for us.”',
  '',
  'The council’s façade repairs cost £1.2m — more than the naïve estimate of £800,000 — and the rates rise would pay for it.',
  '',
].join('\r\n');

let t: TempArchive;
beforeEach(() => {
  t = tempArchive();
});
afterEach(() => t.cleanup());

async function importFile(name: string, bytes: Buffer, keepOriginals = true): Promise<string> {
  const path = join(t.dir, name);
  writeFileSync(path, bytes);
  const report = await importPaths(t.archive, [path], { timezone: 'UTC', keepOriginals });
  const row = report.files[0];
  expect(row?.outcome).toBe('imported');
  return row?.articleId as string;
}

describe('an article’s original', () => {
  it.each([
    ['windows-1252', 'cp1252.txt', CP1252_TEXT, 'windows-1252', 'windows-1252'],
    ['EUC-KR', 'euc-kr.txt', fixture('ko-wikinews-0004.txt'), 'euc-kr', 'EUC-KR'],
  ])('a %s file comes back byte for byte and decodes to what was written', async (_label, name, text, iconvName, expected) => {
    const bytes = iconv.encode(text, iconvName);
    const id = await importFile(name, bytes);
    const original = t.archive.getOriginal(id);
    expect(original).not.toBeNull();
    expect(Buffer.from(original?.bytes ?? []).equals(bytes)).toBe(true);
    expect(original).toMatchObject({ id, sha256: sha256Hex(bytes), size: bytes.length, sourcePath: join(t.dir, name), encoding: expected, format: 'text' });
    expect(original?.encodingConfidence).toBeGreaterThan(0);

    const view = t.archive.getOriginalText(id);
    expect(view).toMatchObject({ decodedAs: expected, text, truncated: false, textLength: text.length });
    expect(view?.text).not.toContain('\uFFFD');
    // The article itself is the cleaned text; the original keeps what came in (here CR LF line ends).
    if (text.includes('\r\n')) expect(t.archive.getArticle(id).bodyText).not.toContain('\r');
  });

  it('cuts the text view at maxChars and says so', async () => {
    const id = await importFile('cp1252.txt', iconv.encode(CP1252_TEXT, 'windows-1252'));
    const view = t.archive.getOriginalText(id, 10);
    expect(view).toMatchObject({ text: CP1252_TEXT.slice(0, 10), truncated: true, textLength: CP1252_TEXT.length });
  });

  it('is null when the import kept no originals, and for an article written in Copydesk', async () => {
    const id = await importFile('plain.txt', Buffer.from('Ferry timetable approved\n\nThe council approved it.\n'), false);
    expect(t.archive.getArticle(id).source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(t.archive.getOriginal(id)).toBeNull();
    expect(t.archive.getOriginalText(id)).toBeNull();
    const written = t.archive.createArticle({ headline: 'Written here' });
    expect(t.archive.getOriginal(written.id)).toBeNull();
    expect(t.archive.getOriginalText(written.id)).toBeNull();
  });

  it('refuses an unknown article, and a kept original that no longer matches its hash', async () => {
    expect(() => t.archive.getOriginal('no-such-id')).toThrow(expect.objectContaining({ code: 'not-found' }));
    const id = await importFile('plain.txt', Buffer.from('Ferry timetable approved\n\nThe council approved it.\n'));
    const { brotliCompressSync } = await import('node:zlib');
    t.archive.db.prepare('UPDATE originals SET data = ?').run(brotliCompressSync(Buffer.from('Ferry timetable approved\n\nThe council rejected it.\n')));
    expect(() => t.archive.getOriginal(id)).toThrow(expect.objectContaining({ code: 'corrupt' }));
  });

  it('follows an updated file: the original is the bytes of the latest import', async () => {
    const path = join(t.dir, 'story.txt');
    writeFileSync(path, 'Budget approved\n\nFirst version.\n');
    const first = await importPaths(t.archive, [path], { timezone: 'UTC' });
    writeFileSync(path, 'Budget approved\n\nSecond version.\n');
    const second = await importPaths(t.archive, [path], { timezone: 'UTC' });
    expect(second.files[0]).toMatchObject({ outcome: 'updated', articleId: first.files[0]?.articleId });
    expect(t.archive.getOriginalText(first.files[0]?.articleId as string)?.text).toBe('Budget approved\n\nSecond version.\n');
  });
});
