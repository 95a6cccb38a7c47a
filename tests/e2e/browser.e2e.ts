// The archive browser in Chromium against the real core: search-as-you-type,
// stale answers, snippets, filters, sort, malformed queries, keyboard, CJK.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodChannel } from '../../shared/contract/define.ts';
import type { SearchResult } from '../../shared/model/search.ts';
import { Archive } from '../../electron/archive/archive.ts';
import { bodyFromParagraphs } from '../../shared/editor/build.ts';
import { buildBrowseArchive, CORPUS } from './support/fixtures.ts';
import { shownCount, waitFor, waitForText } from './support/expect.ts';
import { openSession, screenshotPath, type Session } from './support/session.ts';

let dir: string;
let session: Session;

async function coreSearch(query: string, sort: 'relevance' | 'posted' | 'updated' = 'relevance'): Promise<SearchResult> {
  const r = await session.backend.workers.call('read', methodChannel('archive', 'search'), { query, limit: 5, sort });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as SearchResult;
}

async function typeQuery(text: string, delay = 25): Promise<void> {
  const input = session.page.getByLabel('Search the archive');
  await input.fill('');
  await input.pressSequentially(text, { delay });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-browse-'));
  const path = join(dir, 'archive.sqlite');
  await buildBrowseArchive(path);
  // Hostile-looking text must come out as text, never as markup.
  const archive = Archive.open(path);
  archive.createArticle({
    headline: 'Lighthouse keeper <img src=x onerror=alert(1)> retires',
    section: 'local',
    body: bodyFromParagraphs(['The <b>lighthouse</b> keeper said goodbye to the lighthouse <script>alert(2)</script> on Friday.']),
  });
  archive.close();
  session = await openSession(path);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('archive browser', () => {
  it('opens on the whole archive with its count in the status bar', async () => {
    const all = await coreSearch('');
    expect(all.total).toBeGreaterThan(400);
    expect(await shownCount(session.page)).toBe(all.total);
    await waitForText(session.page.getByTestId('article-count'), new RegExp(`${all.total.toLocaleString('en')} articles`));
  });

  it('searches as you type and drops stale answers', async () => {
    // Hold back answers to the early prefixes so they arrive after the final one.
    session.backend.delay = (_channel, payload) => {
      const q = (payload as { query?: string } | null)?.query;
      return q === 'f' || q === 'fe' || q === 'fer' ? 700 : 0;
    };
    try {
      const expected = (await coreSearch('ferry')).total;
      expect(expected).toBeGreaterThan(0);
      const input = session.page.getByLabel('Search the archive');
      await input.fill('');
      // Slower than the debounce, so the early prefixes really are sent.
      await input.pressSequentially('ferry', { delay: 220 });
      expect(await shownCount(session.page)).toBe(expected);
      await new Promise((r) => setTimeout(r, 1200)); // the stale answers land now, and must be ignored
      expect(await shownCount(session.page)).toBe(expected);
      const first = await session.page.locator('.result .headline').first().textContent();
      expect(first?.toLowerCase()).toContain('ferry');
    } finally {
      session.backend.delay = () => 0;
    }
  });

  it('highlights matches from data, never from HTML', async () => {
    await typeQuery('lighthouse');
    expect(await shownCount(session.page)).toBe(1);
    const marks = await session.page.locator('.result .snippet mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLowerCase()).toBe('lighthouse');
    const row = session.page.locator('.result').first();
    expect(await row.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await row.locator('img, script, b').count()).toBe(0);
  });

  it('writes filters as chips into the query language', async () => {
    const page = session.page;
    await typeQuery('council');
    await page.getByLabel('Filter by section').selectOption('business');
    await waitFor(() => page.getByLabel('Search the archive').inputValue(), (v) => v === 'council section:business', 5000, 'section term');
    expect(await shownCount(page)).toBe((await coreSearch('council section:business')).total);
    const sections = await page.locator('.result .section').allTextContents();
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) expect(s).toBe('business');

    await page.getByLabel('Filter by status').selectOption('ready');
    await page.getByLabel('Posted from').fill('2019-03-01');
    await page.getByLabel('Posted until').fill('2019-06-30');
    const query = await page.getByLabel('Search the archive').inputValue();
    expect(query).toBe('council section:business status:ready posted:2019-03-01..2019-06-30');
    expect(await shownCount(page)).toBe((await coreSearch(query)).total);
    for (const d of await page.locator('.result time').allTextContents()) expect(d >= '2019-03-01' && d <= '2019-06-30').toBe(true);
    expect(await page.locator('.chip').count()).toBe(3);

    await page.getByRole('button', { name: 'Remove filter Status ready' }).click();
    expect(await page.getByLabel('Search the archive').inputValue()).toBe('council section:business posted:2019-03-01..2019-06-30');
    // A filter typed by hand shows up as a chip too.
    await typeQuery('tag:transport');
    await waitForText(page.locator('.chips'), /Tag: transport/);
  });

  it('sorts by relevance, posted and updated', async () => {
    const page = session.page;
    await typeQuery('ferry');
    await shownCount(page);
    await page.getByLabel('Sort results by').selectOption('posted');
    const expected = (await coreSearch('ferry', 'posted')).hits.map((h) => h.headline);
    await waitFor(() => page.locator('.result .headline').allTextContents(), (rows) => rows.slice(0, 5).join('|') === expected.join('|'), 5000, 'posted order');
    const dates = await page.locator('.result time').allTextContents();
    expect([...dates].sort().reverse()).toEqual(dates);
    await page.getByLabel('Sort results by').selectOption('relevance');
  });

  it('answers malformed queries with a notice, not an error', async () => {
    const page = session.page;
    for (const q of ['"unbalanced (ferry OR', ')) AND OR NOT', 'posted:2019-13-45', '💥'.repeat(20), `ferry ${'x'.repeat(9000)}`]) {
      await page.getByLabel('Search the archive').fill(q);
      await shownCount(page);
      expect(await page.locator('[role=alert]').count()).toBe(0);
    }
    await page.getByLabel('Search the archive').fill('"unbalanced ferry');
    await waitForText(page.getByTestId('notices'), /quote/i);
  });

  it('moves through results with the keyboard and previews the selection', async () => {
    const page = session.page;
    await page.getByLabel('Search the archive').fill('council');
    await shownCount(page);
    await page.locator('body').click({ position: { x: 5, y: 790 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search the archive');
    await page.keyboard.press('ArrowDown');
    const firstHeadline = await page.locator('.result .headline').first().textContent();
    await waitForText(page.getByTestId('preview').locator('h2'), new RegExp(escapeRegExp(firstHeadline ?? '')));
    await page.getByRole('listbox', { name: 'Search results' }).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('.result.selected').getAttribute('aria-posinset')).toBe('3');
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('.result.selected').getAttribute('aria-posinset')).toBe('2');
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search the archive');
    await expectProvenance();
  });

  it('finds Korean and Japanese words from two characters', async () => {
    const page = session.page;
    for (const lang of ['ko', 'ja'] as const) {
      const word = cjkWord(lang);
      const expected = (await coreSearch(word)).total;
      expect(expected).toBeGreaterThan(0);
      await typeQuery(word);
      expect(await shownCount(page)).toBe(expected);
      expect((await page.locator('.result .snippet mark, .result .headline').allTextContents()).join(' ')).toContain(word);
    }
  });

  it('takes screenshots of the main views for the README', async () => {
    const page = session.page;
    await typeQuery('council');
    await shownCount(page);
    await page.getByLabel('Search the archive').press('ArrowDown');
    await page.getByTestId('preview').locator('h2').waitFor();
    await page.screenshot({ path: screenshotPath('screenshot-browser.png') });
    await typeQuery(cjkWord('ko'));
    await shownCount(page);
    await page.getByLabel('Search the archive').press('ArrowDown');
    await page.getByTestId('preview').locator('h2').waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: screenshotPath('screenshot-korean-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('ran without console errors or CSP violations', () => {
    expect(session.problems).toEqual([]);
  });
});

async function expectProvenance(): Promise<void> {
  const page = session.page;
  await typeQuery('headline:denuke');
  expect(await shownCount(page)).toBe(1);
  await page.getByLabel('Search the archive').press('ArrowDown');
  const preview = page.getByTestId('preview');
  await waitForText(preview.locator('h2'), /denuke/);
  const text = (await preview.textContent()) ?? '';
  expect(text).toContain('Source file');
  expect(text).toContain('donga-2019-01-09-denuke.txt');
  expect(text).toContain('2019-01-09 07:31 +09:00');
  expect(text).toMatch(/utf-?8/i);
}

/** A two-character word from the first article of the language's corpus (so it is in the archive). */
function cjkWord(lang: 'ko' | 'ja'): string {
  const dir = join(CORPUS, `${lang}-wikinews`, 'articles');
  const first = readdirSync(dir).sort()[0] as string;
  const headline = readFileSync(join(dir, first), 'utf8').split('\n')[0] ?? '';
  const run = lang === 'ko' ? /[\uac00-\ud7a3]{2,}/u.exec(headline) : /[\u4e00-\u9fff]{2,}/u.exec(headline);
  if (!run) throw new Error(`no ${lang} word in ${first}`);
  return run[0].slice(0, 2);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
