// Search across versions in the app: an editor corrects a story (saves a
// version without a sentence), finds the sentence again with the search bar's
// "All versions" toggle, sees the hit marked "only in earlier versions" with
// the revision that held it, and opens the diff of that revision against the
// current text, where the removed sentence shows as removed. The toggle and a
// typed `history:` agree; the same walk works with keys alone, the focus never
// on <body>.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, openInEditor, seedArticle, stored } from './editor/helpers.ts';
import { waitForText } from './support/expect.ts';
import { focusDrops, focused, step, watchFocus } from './support/focus.ts';
import { openSession, screenshotPath, type Session } from './support/session.ts';

const HEADLINE = 'Bridge repairs close a lane';
const REMOVED = 'The council closed the north lane on Monday.';
const KEPT = 'Repairs take six weeks, the engineer said.';

let dir: string;
let archivePath: string;
let session: Session;
let storyId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-history-search-'));
  archivePath = join(dir, 'archive.sqlite');
  storyId = seedArticle(archivePath, { headline: HEADLINE, section: 'local' }, [REMOVED, KEPT]);
  seedArticle(archivePath, { headline: 'Ferry timetable', section: 'local' }, ['The ferry keeps its lane across the bay.']);
  session = await openSession(archivePath);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

const searchBox = (page: Page) => page.getByLabel('Search the archive');
const toggle = (page: Page) => page.getByRole('checkbox', { name: 'All versions' });

describe('search across versions (history:) in the app', () => {
  it('finds the sentence a correction removed and opens the diff that shows it removed', async () => {
    const page = session.page;

    // The correction: the body loses its first sentence, saved as a named revision.
    await openInEditor(page, HEADLINE);
    await page.getByTestId('editor-body').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(KEPT);
    await page.getByLabel('Revision name (optional)').fill('Correction');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => history(archivePath, storyId).at(-1)?.name ?? null, { timeout: 10_000 }).toBe('Correction');
    expect(stored(archivePath, storyId).bodyText).not.toContain('north lane');
    const [first] = history(archivePath, storyId);
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'close-tab' }));
    await searchBox(page).waitFor();

    // Today's search no longer finds it.
    await searchBox(page).fill('"north lane"');
    await waitForText(page.getByTestId('result-count'), /^0 results$/);
    expect(await toggle(page).isChecked()).toBe(false);

    // All versions: the toggle writes the scope into the box, and the corrected story comes back.
    await toggle(page).check();
    expect(await searchBox(page).inputValue()).toBe('history: "north lane"');
    await waitForText(page.getByTestId('result-count'), /^1 result$/);
    await waitForText(page.getByTestId('notices'), /every version/);
    const row = page.getByTestId('results').getByRole('option').first();
    await waitForText(row, new RegExp(HEADLINE));
    const note = row.getByTestId('history-note');
    await waitForText(note, new RegExp(`^Only in earlier versions: rev ${first!.id} · \\d{1,2} [A-Z][a-z]{2}( \\d{4})? \\d{2}:\\d{2} save$`));
    // The snippet quotes the version that held the words.
    expect(await row.locator('mark').allTextContents()).toEqual(['north lane']);

    // The preview names the revision, with a button to compare it with the current text.
    await row.click();
    const matches = page.getByTestId('history-matches');
    await waitForText(matches, /Only in earlier versions/);
    expect(await matches.locator('li').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('history-search.png') });
    await matches.getByRole('button', { name: `Compare rev ${first!.id} with current` }).click();

    // The article opens in the editor with its history: that revision against the current text.
    const diff = page.getByTestId('diff');
    await diff.waitFor();
    await waitForText(diff, new RegExp(`Revision ${first!.id} → current text`));
    // Removed text is drawn as <del> (word-level runs): together they hold the sentence, and the kept one is not among them.
    const removed = (await diff.locator('del').allTextContents()).join('').replace(/\s+/g, ' ');
    expect(removed).toContain(REMOVED);
    expect(removed).not.toContain('engineer');
    expect(await page.locator('.cd-history input[name="rev-a"]:checked').getAttribute('aria-label')).toBe(`Compare from revision ${first!.id}`);
    expect(await page.getByRole('radio', { name: 'Compare to the current text' }).isChecked()).toBe(true);
    expect((await focused(page)).inside).toContain('cd-history');
    await page.screenshot({ path: screenshotPath('history-diff.png') });
    // Closed, the panel hands the focus back to History (the article stays open in its tab for the keyboard walk).
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.cd-history').count()).toBe(0);
  });

  it('keeps the toggle and a typed history: in agreement, and marks words the current text still has', async () => {
    const page = session.page;
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'find' }));
    await searchBox(page).fill('history:engineer');
    await expect.poll(() => toggle(page).isChecked()).toBe(true);
    await waitForText(page.getByTestId('result-count'), /^1 result$/);
    await waitForText(page.getByTestId('results').getByTestId('history-note'), /^Also in the current text: 2 versions held it$/);

    // Off keeps the words the scope held; the hit stays (it is in the current text) but is no longer a history hit.
    await toggle(page).uncheck();
    expect(await searchBox(page).inputValue()).toBe('engineer');
    await waitForText(page.getByTestId('result-count'), /^1 result$/);
    await expect.poll(() => page.getByTestId('history-note').count()).toBe(0);

    // A scope typed in another case, after other words, is read the same way.
    await searchBox(page).fill('"north lane" HISTORY:');
    await expect.poll(() => toggle(page).isChecked()).toBe(true);
    await waitForText(page.getByTestId('result-count'), /^1 result$/);
    await toggle(page).uncheck();
    expect(await searchBox(page).inputValue()).toBe('"north lane" ');
    await waitForText(page.getByTestId('result-count'), /^0 results$/);
  });

  it('works with keys alone, the focus never on <body>, also for an article already open', async () => {
    const page = session.page;
    await searchBox(page).fill('');
    await searchBox(page).focus();
    await watchFocus(page);

    await step(page, 'type and toggle');
    await page.keyboard.type('"north lane"');
    await page.keyboard.press('Tab'); // sort
    await page.keyboard.press('Tab'); // All versions
    expect((await focused(page)).name).toBe('All versions');
    await page.keyboard.press('Space');
    await expect.poll(() => toggle(page).isChecked()).toBe(true);
    await waitForText(page.getByTestId('result-count'), /^1 result$/);
    expect((await focused(page)).name).toBe('All versions');

    await step(page, 'select the hit');
    await searchBox(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('history-matches').waitFor();

    await step(page, 'compare');
    for (let i = 0; i < 40 && !(await focused(page)).name.startsWith('Compare rev'); i++) await page.keyboard.press('Tab');
    expect((await focused(page)).inside).toContain('preview');
    await page.keyboard.press('Enter');
    // The article's tab was still open from the first test (its history closed): it comes forward with the history open on the diff.
    await page.getByTestId('diff').waitFor();
    await waitForText(page.getByTestId('diff'), /→ current text/);
    await expect.poll(async () => (await focused(page)).inside).toContain('cd-history');
    expect(await page.getByRole('tab').count()).toBe(2); // the browser and this one article

    await step(page, 'close the history');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused(page)).name).toBe('History');
    expect(await focusDrops(page)).toEqual([]);
  });

  it('ran without console errors or CSP violations', () => {
    expect(session.problems).toEqual([]);
  });
});
