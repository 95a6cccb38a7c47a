// Editor tabs in Chromium against the real core: articles opened from the
// archive browser (Enter, double-click, "Open for editing") and File › New
// Article each get a tab; switching keeps each editor's state and writes what
// is pending; closing saves first; one article never gets two tabs in a window.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../support/session.ts';
import { freshPage, readArchive, seedArticle, stored } from './helpers.ts';

let dir: string;
let archivePath: string;
let session: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-tabs-e2e-'));
  archivePath = join(dir, 'archive.sqlite');
  ids.river = seedArticle(archivePath, { headline: 'River festival returns' }, ['Boats will fill the river on Saturday.']);
  ids.school = seedArticle(archivePath, { headline: 'School roof repaired' }, ['Builders finished the roof a week early.']);
  ids.market = seedArticle(archivePath, { headline: 'Market hall reopens' }, ['Traders moved back in on Monday.']);
  session = await openSession(archivePath);
});

afterEach(async () => {
  for (const p of session.context.pages()) await p.close().catch(() => undefined);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The editor in the front tab. */
const front = (page: Page): Locator => page.locator('.editor-host:not([hidden])');
const tabs = (page: Page): Locator => page.getByRole('tablist', { name: 'Open articles' }).getByRole('tab');
const tab = (page: Page, name: string): Locator => page.getByRole('tab', { name, exact: true });
/** A tab's text without its save mark (• … !) and its × close mark. */
const tabName = (text: string): string => text.replace(/[\s•…!×]+$/u, '');
const selectedTab = (page: Page): Promise<string | null> => page.getByRole('tab', { selected: true }).innerText().then(tabName);
const tabNames = (page: Page): Promise<string[]> => tabs(page).allInnerTexts().then((t) => t.map(tabName));

/** Search the (front) archive browser for a headline and return its result row. */
async function findResult(page: Page, headline: string): Promise<Locator> {
  if ((await tabs(page).count()) > 0) await tab(page, 'Archive').click();
  await page.getByLabel('Search the archive').first().fill(`"${headline}"`);
  const option = page.getByTestId('results').getByRole('option').filter({ hasText: headline }).first();
  await option.waitFor();
  return option;
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await front(page).getByTestId('editor-body').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

const bodyOf = (page: Page) => front(page).getByTestId('editor-body').innerText();
const storedText = (id: string) => stored(archivePath, id).bodyText;

describe('editor tabs', () => {
  it('opens two articles in tabs, keeps each one’s edits across switches, closes and reopens with the text intact', async () => {
    const page = await freshPage(session);
    // Enter on a selected result opens it in a tab.
    await (await findResult(page, 'River festival returns')).click();
    await page.keyboard.press('Enter');
    await front(page).getByTestId('editor-body').waitFor();
    await expect.poll(() => selectedTab(page)).toBe('River festival returns');
    await typeAtEnd(page, ' Fireworks follow at ten.');
    await expect.poll(() => page.locator('.app-tab[data-save="saved"]').count()).toBe(0); // the tab shows unsaved/saving

    // A double-click opens the second; switching away has written the first.
    await (await findResult(page, 'School roof repaired')).dblclick();
    await expect.poll(() => selectedTab(page)).toBe('School roof repaired');
    await expect.poll(() => storedText(ids.river!)).toBe('Boats will fill the river on Saturday. Fireworks follow at ten.');
    await typeAtEnd(page, ' Pupils return on Monday.');
    expect(await tabNames(page)).toEqual(['Archive', 'River festival returns', 'School roof repaired']);

    // Keyboard: Ctrl+2 is the first article tab; its editor kept its state and gets the caret back.
    await page.keyboard.press('Control+2');
    await expect.poll(() => selectedTab(page)).toBe('River festival returns');
    expect(await bodyOf(page)).toBe('Boats will fill the river on Saturday. Fireworks follow at ten.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('editor-body');
    await page.keyboard.type(' Roads close early.');
    // Undo history survived the switch: Ctrl+Z takes back only the words just typed.
    await page.keyboard.press('Control+z');
    await expect.poll(() => bodyOf(page)).toBe('Boats will fill the river on Saturday. Fireworks follow at ten.');
    await page.keyboard.type(' Roads close early.');
    await expect.poll(() => storedText(ids.school!)).toBe('Builders finished the roof a week early. Pupils return on Monday.');

    // Ctrl+Tab wraps from the last tab to the browser; Ctrl+Shift+Tab goes back; Ctrl+9 is the last tab; Ctrl+1 the browser.
    await page.keyboard.press('Control+Tab');
    await expect.poll(() => selectedTab(page)).toBe('School roof repaired');
    await page.keyboard.press('Control+Tab');
    await expect.poll(() => selectedTab(page)).toBe('Archive');
    expect(await page.locator('.browser-host').isVisible()).toBe(true);
    expect(await page.locator('.editor-host:not([hidden])').count()).toBe(0);
    await page.keyboard.press('Control+Shift+Tab');
    await expect.poll(() => selectedTab(page)).toBe('School roof repaired');
    await page.keyboard.press('Control+1');
    await expect.poll(() => selectedTab(page)).toBe('Archive');
    await page.keyboard.press('Control+9');
    await expect.poll(() => selectedTab(page)).toBe('School roof repaired');

    // Close the first article's tab with its × (a mouse target inside the tab; keyboards use Delete): it saves
    // first; the tab to its left (the browser) comes forward.
    await tab(page, 'River festival returns').click();
    await typeAtEnd(page, ' Buses run late.');
    await tab(page, 'River festival returns').locator('.app-tab-close').click();
    await expect.poll(() => tabs(page).count()).toBe(2);
    await expect.poll(() => selectedTab(page)).toBe('Archive');
    const river = 'Boats will fill the river on Saturday. Fireworks follow at ten. Roads close early. Buses run late.';
    await expect.poll(() => storedText(ids.river!)).toBe(river);

    // Reopen it at once with "Open for editing": the text is all there, and the other tab still holds its own.
    await (await findResult(page, 'River festival returns')).click();
    await page.getByRole('button', { name: 'Open for editing' }).click();
    await expect.poll(() => selectedTab(page)).toBe('River festival returns');
    await expect.poll(() => bodyOf(page)).toBe(river);
    await tab(page, 'School roof repaired').click();
    expect(await bodyOf(page)).toBe('Builders finished the roof a week early. Pupils return on Monday.');
    // The editor's own close button (←) closes its tab too.
    await front(page).getByRole('button', { name: 'Close the editor' }).click();
    await expect.poll(() => tabNames(page)).toEqual(['Archive', 'River festival returns']);
    expect(storedText(ids.school!)).toBe('Builders finished the roof a week early. Pupils return on Monday.');
  });

  it('never opens one article in two tabs of a window', async () => {
    const page = await freshPage(session);
    await (await findResult(page, 'Market hall reopens')).dblclick();
    await expect.poll(() => selectedTab(page)).toBe('Market hall reopens');
    await typeAtEnd(page, ' Rents are frozen.');
    // Going to the back writes at once, well inside the 1 s autosave debounce.
    await page.keyboard.press('Control+1');
    await expect.poll(() => storedText(ids.market!), { timeout: 700, interval: 25 }).toBe('Traders moved back in on Monday. Rents are frozen.');
    // Again by double-click, Enter and the preview's button: always the same tab, brought to the front.
    await (await findResult(page, 'Market hall reopens')).dblclick();
    await expect.poll(() => selectedTab(page)).toBe('Market hall reopens');
    await (await findResult(page, 'Market hall reopens')).click();
    await page.keyboard.press('Enter');
    await expect.poll(() => selectedTab(page)).toBe('Market hall reopens');
    await (await findResult(page, 'Market hall reopens')).click();
    await page.getByRole('button', { name: 'Open for editing' }).click();
    await expect.poll(() => selectedTab(page)).toBe('Market hall reopens');
    expect(await tabs(page).count()).toBe(2);
    expect(await page.locator('.editor-host').count()).toBe(1);
    // The one editor kept its words and its undo history (it was never reloaded).
    expect(await bodyOf(page)).toBe('Traders moved back in on Monday. Rents are frozen.');
    await front(page).getByTestId('editor-body').click();
    // Lexical merges keystrokes typed close together into one undo step; on a loaded machine the
    // typing may have become a few steps, so undo until the sentence is gone (each press must shorten it).
    for (let i = 0; i < 20 && (await bodyOf(page)) !== 'Traders moved back in on Monday.'; i += 1) {
      const before = await bodyOf(page);
      await page.keyboard.press('Control+z');
      await expect.poll(() => bodyOf(page)).not.toBe(before);
    }
    expect(await bodyOf(page)).toBe('Traders moved back in on Monday.');
  });

  it('opens File › New Article in a new tab named by its headline, and finds that tab again from the browser', async () => {
    const page = await freshPage(session);
    await (await findResult(page, 'School roof repaired')).dblclick();
    await expect.poll(() => selectedTab(page)).toBe('School roof repaired');
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'new-article' }));
    await expect.poll(() => selectedTab(page)).toBe('New article');
    await front(page).getByTestId('editor-body').waitFor();
    await front(page).getByLabel('Headline', { exact: true }).fill('Night buses added');
    await expect.poll(() => selectedTab(page)).toBe('Night buses added');
    await typeAtEnd(page, 'Two routes run all night from June.');
    const id = (await front(page).locator('.cd-editor').getAttribute('data-article-id'))!;
    await expect.poll(() => page.locator(`.app-tab[data-article-id="${id}"]`).getAttribute('data-save'), { timeout: 10_000 }).toBe('saved');
    expect(stored(archivePath, id)).toMatchObject({ headline: 'Night buses added', bodyText: 'Two routes run all night from June.' });
    // A second New Article is another tab, another draft.
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'new-article' }));
    await expect.poll(() => tabs(page).count()).toBe(4);
    await expect.poll(() => front(page).locator('.cd-editor[data-article-id]').getAttribute('data-article-id')).not.toBe(id);
    // The new story, opened from the browser, is the tab it already has.
    await (await findResult(page, 'Night buses added')).dblclick();
    await expect.poll(() => selectedTab(page)).toBe('Night buses added');
    expect(await tabs(page).count()).toBe(4);
    expect(readArchive(archivePath, (a) => (a.db.prepare("SELECT count(*) AS n FROM articles WHERE headline = 'Night buses added'").get() as { n: number }).n)).toBe(1);
  });

  it('File › Close Tab (Cmd/Ctrl+W) closes the front article tab after saving it, and does nothing on the browser', async () => {
    const page = await freshPage(session);
    await (await findResult(page, 'River festival returns')).dblclick();
    await expect.poll(() => selectedTab(page)).toBe('River festival returns');
    await (await findResult(page, 'School roof repaired')).dblclick();
    await expect.poll(() => selectedTab(page)).toBe('School roof repaired');
    const id = (await front(page).locator('.cd-editor').getAttribute('data-article-id'))!;
    await typeAtEnd(page, ' Closing words.');
    const close = () => page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'close-tab' }));
    await close();
    await expect.poll(() => tabNames(page)).toEqual(['Archive', 'River festival returns']);
    await expect.poll(() => stored(archivePath, id).bodyText, { timeout: 10_000 }).toMatch(/Closing words\.$/u);
    await tab(page, 'Archive').click();
    await close();
    await new Promise((r) => setTimeout(r, 300));
    expect(await tabs(page).count()).toBe(2);
    expect(await selectedTab(page)).toBe('Archive');
  });
});
