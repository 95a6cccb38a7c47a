// Importing from the UI on a fresh archive: the first-run page, progress with
// done/total, rate and ETA, the per-file report (filter, open, CSV), cancel,
// drag-and-drop, and searches answering while the import writes.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodChannel } from '../../shared/contract/define.ts';
import { CORPUS, writeImportFolder } from './support/fixtures.ts';
import { shownCount, waitFor, waitForText } from './support/expect.ts';
import { openSession, screenshotPath, type Session } from './support/session.ts';

let dir: string;
let session: Session;
const SMALL = 300;
const LARGE = 6000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-import-'));
  writeImportFolder(join(dir, 'small'), SMALL);
  writeFileSync(join(dir, 'small', 'zz-empty.txt'), '');
  writeImportFolder(join(dir, 'large'), LARGE, 50_000);
  writeImportFolder(join(dir, 'dropped'), 3, 90_000);
  copyFileSync(join(CORPUS, 'seed', 'donga-2019-01-09-denuke.txt'), join(dir, 'dropped', 'donga-2019-01-09-denuke.txt'));
  session = await openSession(join(dir, 'archive.sqlite'), { dropRoot: join(dir, 'dropped') });
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('import', () => {
  it('greets a new archive with the first-run page', async () => {
    const firstRun = session.page.getByTestId('first-run');
    await firstRun.waitFor();
    expect(await firstRun.textContent()).toContain('Welcome to Copydesk');
    await session.page.screenshot({ path: screenshotPath('screenshot-first-run.png') });
  });

  it('imports a folder from the first-run button and reports every file', async () => {
    const page = session.page;
    session.backend.nextPaths = [join(dir, 'small')];
    await page.getByRole('button', { name: 'Import a folder…' }).click();
    const summary = await waitForText(page.getByTestId('import-summary'), /imported/, 30_000);
    expect(summary).toContain(`${SMALL} imported`);
    expect(summary).toMatch(/1 failed|0 failed/);
    const all = await page.getByLabel('Filter report by outcome').locator('option').first().textContent();
    expect(all).toBe(`All files (${SMALL + 1})`);

    // The rows arrive a page at a time (import.reportRows), filtered in main.
    await page.getByLabel('Filter report by outcome').selectOption('imported');
    const table = page.getByRole('table', { name: 'Files' });
    expect(await table.getAttribute('aria-rowcount')).toBe(String(SMALL + 1));
    const outcomes = await waitFor(
      () => page.locator('.report-row:not(.head) [role=cell]:nth-child(2)').allTextContents(),
      (cells) => cells.length > 3 && !cells.includes(''),
      10_000,
      'the filtered rows',
    );
    expect(new Set(outcomes)).toEqual(new Set(['imported']));
    // Scrolled to the end: the last page loads and the first ones are let go (a few pages at most are held).
    await page.locator('.report-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await waitFor(() => page.locator('.report-row:not(.head)').last().textContent(), (text) => /story-00299\.txt/.test(text ?? ''), 10_000, 'the last row');
    expect(Number(await table.getAttribute('data-pages-held'))).toBeLessThanOrEqual(4);
    await page.locator('.report-scroll').evaluate((el) => (el.scrollTop = 0));
    await page.getByRole('button', { name: 'Open article from story-00000.txt' }).waitFor();
    await page.screenshot({ path: screenshotPath('screenshot-import-report.png') });

    // Save as CSV through the (stand-in) native save dialog.
    const csvPath = join(session.backend.dir, 'report.csv');
    session.backend.nextSavePath = csvPath;
    await page.getByRole('button', { name: 'Save as CSV…' }).click();
    await waitForText(page.locator('.status-bar .notice'), /Report saved/);
    const csv = readFileSync(csvPath, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('path,outcome,articleId,encoding,confidence,reason');
    expect(csv).toHaveLength(SMALL + 2);

    // Open an article from the report: the preview shows it.
    await page.getByRole('button', { name: 'Open article from story-00000.txt' }).click();
    await waitForText(page.getByTestId('preview').locator('h2'), /\(import 0\)/);
    expect(await shownCount(page)).toBe(SMALL);
  });

  it('shows progress with rate and ETA, cancels, and keeps searching meanwhile', async () => {
    const page = session.page;
    session.backend.nextPaths = [join(dir, 'large')];
    await page.getByLabel('Search the archive').fill('copy');
    await shownCount(page);
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'import-folder' }));
    const progress = page.getByTestId('import-progress');
    await progress.waitFor({ timeout: 10_000 });
    const figures = await waitForText(progress, /of [\d,]+ files.*files\/s/, 10_000);
    expect(figures).toMatch(/ETA/);
    // The window keeps answering searches while the writer imports (WAL, read workers).
    const started = Date.now();
    const r = await session.backend.workers.call('read', methodChannel('archive', 'search'), { query: 'ferry', limit: 5 });
    expect(r.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await waitForText(page.getByTestId('import-report').locator('h2'), /Import cancelled/, 30_000);
    const summary = (await page.getByTestId('import-summary').textContent()) ?? '';
    const imported = Number(/(\d+) imported/.exec(summary)?.[1]);
    expect(imported).toBeLessThan(LARGE);
    expect(summary).toContain('stopped early');
    console.log(`import: cancelled after ${imported} of ${LARGE} files (${figures.replace(/\s+/g, ' ').slice(0, 120)})`);
    await page.getByRole('button', { name: 'Close report' }).click();
  });

  it('imports files dropped on the window, in the zone chosen for undated sources', async () => {
    const page = session.page;
    await page.getByLabel('Search the archive').fill('');
    const before = await shownCount(page);
    // The seed is a Seoul paper whose dates name no zone.
    await page.getByLabel('Time zone for undated imports').selectOption('Asia/Seoul');
    await page.evaluate(() => {
      const data = new DataTransfer();
      for (const name of ['story-00000.txt', 'story-00001.txt', 'story-00002.txt', 'donga-2019-01-09-denuke.txt']) data.items.add(new File(['ignored'], name, { type: 'text/plain' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    const summary = await waitForText(page.getByTestId('import-summary'), /imported/, 30_000);
    expect(summary).toContain('4 imported');
    await page.getByRole('button', { name: 'Open article from donga-2019-01-09-denuke.txt' }).click();
    const preview = page.getByTestId('preview');
    await waitForText(preview.locator('h2'), /N\. Korea's denuke is the only path available/);
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('2019-01-09 07:31 +09:00');
    expect(text).toContain('Asia/Seoul');
    await waitFor(() => shownCount(page), (n) => n === before + 4, 10_000, 'count after drop');
  });

  it('shows the original file, decoded from windows-1252, as text beside the article', async () => {
    const page = session.page;
    const text = 'Café owners fear £2m rates rise\r\n\r\n“We’re not a chain,” said Zoë Müller. <b>not bold</b> déjà vu: £400 a year.\r\n';
    mkdirSync(join(dir, 'legacy'));
    writeFileSync(join(dir, 'legacy', 'cafe-1252.txt'), iconv.encode(text, 'windows-1252'));
    session.backend.nextPaths = [join(dir, 'legacy')];
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'import-folder' }));
    await waitForText(page.getByTestId('import-summary'), /^1 imported/, 30_000);
    await page.getByRole('button', { name: 'Open article from cafe-1252.txt' }).click();
    const preview = page.getByTestId('preview');
    await waitForText(preview.locator('h2'), /Café owners fear £2m rates rise/);
    await preview.getByRole('button', { name: 'Original', exact: true }).click();
    const pre = preview.getByTestId('original-text');
    await pre.waitFor();
    // Exactly the file's text (CR LF kept), as text: the <b> is characters, not an element.
    expect(await pre.evaluate((el) => el.textContent)).toBe(text);
    expect(await pre.locator('b').count()).toBe(0);
    expect(await preview.getByTestId('original-encoding').textContent()).toMatch(/^windows-1252 \(\d+% sure\)$/);
    expect(await preview.getByTestId('original').textContent()).toContain(`(${Buffer.byteLength(iconv.encode(text, 'windows-1252'))} bytes)`);
    await preview.getByRole('button', { name: 'Text', exact: true }).click();
    await preview.locator('.body-text').waitFor();
  });

  it('ran without console errors or CSP violations', () => {
    expect(session.problems).toEqual([]);
  });
});
