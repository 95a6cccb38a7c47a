// Keyboard only: the main path (search → open → edit the headline → save →
// history → export) walked with key presses alone, and every place where the
// focus used to drop to <body> (opening an article, New Article, Escape in the
// find bar, closing the history, removing a filter chip, the end of an import,
// opening an article from the import report, the syntax help, closing a tab).
// A watcher in the page fails the test if the focus rests on <body> at any
// frame along the way.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedArticle, stored } from './editor/helpers.ts';
import { waitFor, waitForText } from './support/expect.ts';
import { writeImportFolder } from './support/fixtures.ts';
import { focusDrops, focused, step, watchFocus } from './support/focus.ts';
import { openSession, type Session } from './support/session.ts';

let dir: string;
let archivePath: string;
let session: Session;
let ferryId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-keyboard-'));
  archivePath = join(dir, 'archive.sqlite');
  ferryId = seedArticle(archivePath, { headline: 'Harbour ferry fares frozen', section: 'local', status: 'draft', byline: 'By Desk' }, ['The port kept ferry fares at last year’s level.', 'Commuters welcomed the news.']);
  seedArticle(archivePath, { headline: 'Council delays ferry timetable', section: 'politics', status: 'edited' }, ['The new timetable waits for a vote.']);
  seedArticle(archivePath, { headline: 'Library opens on Sundays', section: 'culture', status: 'ready' }, ['Doors open at ten.']);
  writeImportFolder(join(dir, 'in'), 5);
  session = await openSession(archivePath);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Press keys one at a time; after each, the focus must be somewhere. */
async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    await page.keyboard.press(key);
    const now = await focused(page);
    expect(now.tag, `focus on <body> after pressing ${key}`).not.toBe('body');
  }
}

/** Tab (or Shift+Tab) until the focused element matches, at most `limit` presses. */
async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, backwards = false, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (match(await focused(page))) return;
    await press(page, backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`never reached the wanted control; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('keyboard only', () => {
  it('walks search → open → edit the headline → save → history → export, the focus never on <body>', async () => {
    const page = session.page;
    // On start the search box has the focus (a keyboard user can type at once).
    await expect.poll(async () => (await focused(page)).name).toBe('Search the archive');
    await watchFocus(page);

    await step(page, 'search');
    await page.keyboard.type('ferry fares');
    await waitForText(page.getByTestId('result-count'), /^1 result$/);
    await press(page, 'ArrowDown');
    await waitForText(page.getByTestId('preview').locator('h2'), /Harbour ferry fares frozen/);

    await step(page, 'open');
    await press(page, 'Enter');
    // Opened: the headline has the focus.
    await expect.poll(async () => (await focused(page)).name).toBe('Headline');

    await step(page, 'edit the headline');
    await press(page, 'Control+a');
    await page.keyboard.type('Harbour ferry fares frozen for a year');
    await step(page, 'save');
    await press(page, 'Control+s');
    await expect.poll(() => stored(archivePath, ferryId).headline, { timeout: 10_000 }).toBe('Harbour ferry fares frozen for a year');

    await step(page, 'history');
    await tabTo(page, (f) => f.name === 'History', true);
    await press(page, 'Enter');
    // The panel takes the focus (its title), and Escape gives it back to the History button.
    await expect.poll(async () => (await focused(page)).inside).toContain('cd-history');
    // As a user sees it: the revisions are listed (until then Compare is disabled, so
    // Tab passes it and walks off the end of the page on a slow machine).
    await page.locator('.cd-revisions tbody tr').nth(1).waitFor();
    await tabTo(page, (f) => f.name === 'Compare A → B');
    await press(page, 'Enter');
    await page.getByTestId('diff').waitFor();
    expect((await focused(page)).inside).toContain('cd-history');
    await press(page, 'Escape');
    await expect.poll(async () => (await focused(page)).name).toBe('History');
    expect(await page.locator('.cd-history').count()).toBe(0);

    await step(page, 'export');
    await tabTo(page, (f) => f.name === 'Export…');
    await press(page, 'Enter');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.waitFor();
    await expect.poll(async () => (await focused(page)).inside).toContain('export-dialog');
    await page.locator('iframe.export-frame').waitFor();
    await tabTo(page, (f) => f.name === 'Export…' && f.inside.includes('export-dialog'));
    session.backend.nextSavePath = join(dir, 'ferry.html');
    await press(page, 'Enter');
    await waitForText(page.locator('.export-status'), /Exported to/);
    await press(page, 'Escape');
    await dialog.waitFor({ state: 'detached' });
    // Back where the dialog was opened from.
    await expect.poll(async () => ({ name: (await focused(page)).name, inside: (await focused(page)).inside })).toEqual({ name: 'Export…', inside: ['cd-editor-bar'] });

    expect(await focusDrops(page)).toEqual([]);
  });

  it('keeps the focus placed: find bar, tab strip, filter chips, syntax help, New Article', async () => {
    const page = session.page;
    await watchFocus(page);

    await step(page, 'find bar');
    await page.getByTestId('editor-body').focus();
    await press(page, 'Control+f');
    expect((await focused(page)).name).toBe('Find');
    await press(page, 'Escape');
    // Escape closes the find bar and the caret is back in the body.
    expect((await focused(page)).testId).toBe('editor-body');

    await step(page, 'tab strip');
    await tabTo(page, (f) => f.role === 'tab', true, 60);
    // One tab stop: only the front tab is in the tab order.
    expect(await page.locator('[role=tab][tabindex="0"]').count()).toBe(1);
    await press(page, 'Home');
    expect((await focused(page)).name).toBe('Archive');
    await press(page, 'End');
    expect((await focused(page)).name).toMatch(/^Harbour ferry fares frozen for a year/);
    await press(page, 'ArrowRight'); // wraps to the first
    expect((await focused(page)).name).toBe('Archive');
    await press(page, 'ArrowLeft'); // and back to the last
    await press(page, 'Delete'); // closes the article tab (saving first); its left neighbour takes the focus
    await expect.poll(() => page.getByRole('tab').count()).toBe(0); // the strip goes with the last article tab
    expect((await focused(page)).tag).not.toBe('body');

    await step(page, 'filter chips');
    await page.getByLabel('Search the archive').focus();
    await page.getByLabel('Filter by status').focus();
    await page.getByLabel('Filter by status').selectOption('draft');
    await page.getByLabel('Filter by section').selectOption('local');
    const chips = page.locator('.chips .chip');
    await expect.poll(() => chips.count()).toBe(2);
    await chips.first().getByRole('button').focus();
    await press(page, 'Enter');
    // The chip now in its place has the focus; removing the last one hands it to the search box.
    await expect.poll(() => chips.count()).toBe(1);
    expect((await focused(page)).name).toMatch(/^Remove filter/);
    await press(page, 'Enter');
    await expect.poll(() => chips.count()).toBe(0);
    expect((await focused(page)).name).toBe('Search the archive');

    await step(page, 'syntax help');
    await tabTo(page, (f) => f.name === 'Syntax');
    await press(page, 'Enter');
    await page.getByRole('region', { name: 'Search syntax' }).waitFor();
    await press(page, 'Escape');
    expect(await page.getByRole('region', { name: 'Search syntax' }).count()).toBe(0);
    expect((await focused(page)).name).toBe('Syntax');

    await step(page, 'new article');
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'new-article' }));
    await expect.poll(async () => (await focused(page)).name).toBe('Headline');
    await page.keyboard.type('Keyboard desk note');
    await tabTo(page, (f) => f.name === 'Close the editor', true);
    await press(page, 'Enter');
    await expect.poll(async () => (await focused(page)).name).toBe('Search the archive');

    expect(await focusDrops(page)).toEqual([]);
  });

  it('keeps the focus placed at the end of an import and when an article opens from its report', async () => {
    const page = session.page;
    await watchFocus(page);
    await step(page, 'import');
    await page.getByLabel('Search the archive').focus();
    session.backend.nextPaths = [join(dir, 'in')];
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'import-folder' }));
    await waitForText(page.getByTestId('import-summary'), /^5 imported/, 30_000);
    // Typing in the search box during the import: the report does not take the focus away.
    expect((await focused(page)).name).toBe('Search the archive');
    // The report's Open buttons come after the search box in the tab order.
    await tabTo(page, (f) => f.name === 'Open article from story-00002.txt');
    await step(page, 'open from the report');
    await press(page, 'Enter');
    await waitForText(page.getByTestId('preview').locator('h2'), /\(import 2\)/);
    // The report is gone; the preview's headline has the focus, and "Open for editing" is the next stop.
    await expect.poll(async () => (await focused(page)).inside).toContain('preview');
    expect(await page.getByTestId('import-report').count()).toBe(0);
    await tabTo(page, (f) => f.name === 'Open for editing', false, 3);
    expect(await focusDrops(page)).toEqual([]);
  });

  it('places the focus at the end of the first import, started from the keyboard', async () => {
    const empty = await openSession(join(dir, 'empty.sqlite'));
    try {
      const page = empty.page;
      await page.getByTestId('first-run').waitFor();
      // The welcome has the focus; Tab reaches the import button.
      await expect.poll(async () => (await focused(page)).inside).toContain('first-run');
      await watchFocus(page);
      empty.backend.nextPaths = [join(dir, 'in')];
      await tabTo(page, (f) => f.name === 'Import a folder…');
      await step(page, 'first import');
      await press(page, 'Enter');
      await waitForText(page.getByTestId('import-summary'), /^5 imported/, 30_000);
      await waitFor(() => focused(page), (f) => f.tag !== 'body', 5_000, 'the focus after the import');
      expect(await focusDrops(page)).toEqual([]);
      expect(empty.problems).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it('the watcher sees a focus left on <body> (so the tests above can fail)', async () => {
    const page = session.page;
    await watchFocus(page);
    await step(page, 'self-test');
    await page.getByLabel('Search the archive').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect((await focusDrops(page)).filter((d) => d.startsWith('self-test:')).length).toBeGreaterThan(0);
    await page.evaluate(() => (window.__focusDrops = []));
  });

  it('ran without console errors or CSP violations', () => {
    expect(session.problems).toEqual([]);
  });
});
