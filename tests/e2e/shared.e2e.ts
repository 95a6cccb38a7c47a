// The shared archive in the app (issue 13), Chromium against the real core and
// a real PostgreSQL: the user connects from the status bar, the background
// sync brings the desk's articles, the desk filter chip narrows the results,
// and an article Kim holds opens read-only with "kim is editing since HH:MM".
// Synthetic articles only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../shared/editor/build.ts';
import { Archive } from '../../electron/archive/archive.ts';
import { connectServer } from '../../electron/archive/server/connect.ts';
import { takeLock } from '../../electron/archive/sync/locks.ts';
import { startDesk, type TestDesk } from '../../electron/archive/testing/syncDesk.ts';
import { join } from 'node:path';
import { waitForText } from './support/expect.ts';
import { openSession, type Session } from './support/session.ts';

let desk: TestDesk;
let session: Session;
let lockedSince = '';

beforeAll(async () => {
  desk = await startDesk();
  // Kim (an editor on politics) files two stories, the chief one on sport; Kim is editing the first.
  const kim = desk.replica('kim');
  const held = kim.archive.createArticle({ headline: 'Harbour tunnel vote delayed', body: bodyFromParagraphs(['The vote moves to March.']) });
  kim.archive.createArticle({ headline: 'Harbour budget agreed', body: bodyFromParagraphs(['The council agreed the budget.']) });
  await kim.sync();
  const cho = desk.replica('cho', { desk: 'sport' });
  cho.archive.createArticle({ headline: 'Harbour regatta cancelled', body: bodyFromParagraphs(['Storms ahead.']) });
  await cho.sync();
  const client = await connectServer(desk.pg.url('kim'), { password: 'kim-password' });
  const lock = await takeLock(client, held.id);
  await client.end();
  lockedSince = lock.since as string;
  // The app's archive holds a note of its own (an empty archive opens on the import screen).
  const appPath = join(desk.dir, 'app.sqlite');
  const own = Archive.open(appPath);
  own.createArticle({ headline: 'My own notes', body: bodyFromParagraphs(['Not shared.']) });
  own.close();
  session = await openSession(appPath, { sync: true });
}, 240_000);

afterAll(async () => {
  await session?.close();
  desk?.stop();
});

describe('the shared archive in the app', () => {
  it('connects from the status bar and pulls the desks the user is on', async () => {
    const page = session.page;
    await page.getByTestId('sync-connect').click();
    const form = page.getByRole('form', { name: 'Connect to a shared archive' });
    await form.getByLabel('URL').fill(desk.pg.url('cho'));
    await form.getByLabel('Desk').fill('politics');
    await form.getByLabel('Password').fill('cho-password');
    await form.getByRole('button', { name: 'Connect' }).click();
    const box = page.getByLabel('Search the archive').first();
    // The first pull runs in the background: search again until it has landed.
    for (let i = 0; i < 60; i += 1) {
      await box.fill('');
      await box.fill('harbour');
      const count = (await page.getByTestId('result-count').textContent().catch(() => '')) ?? '';
      if (/^3 result/u.test(count)) break;
      await page.waitForTimeout(500);
    }
    await waitForText(page.getByTestId('result-count'), /^3 result/u);
  });

  it('filters by desk with a chip that writes desk: into the query', async () => {
    const page = session.page;
    const box = page.getByLabel('Search the archive').first();
    await box.fill('harbour');
    await page.getByTestId('results').getByRole('option').first().waitFor();
    const deskFilter = page.getByLabel('Filter by desk');
    expect(await deskFilter.locator('option').allTextContents()).toEqual(expect.arrayContaining(['politics (2)', 'sport (1)']));
    await deskFilter.selectOption('sport');
    expect(await box.inputValue()).toBe('harbour desk:sport');
    await waitForText(page.getByTestId('result-count'), /^1 result/u);
    expect(await page.getByRole('list', { name: 'Active filters' }).textContent()).toContain('Desk: sport');
    expect(await page.getByTestId('results').getByRole('option').first().textContent()).toContain('Harbour regatta cancelled');
    await page.getByRole('button', { name: 'Remove filter Desk sport' }).click();
    expect(await box.inputValue()).toBe('harbour');
  });

  it('opens an article someone else is editing read-only, naming them and since when', async () => {
    const page = session.page;
    const box = page.getByLabel('Search the archive').first();
    await box.fill('"Harbour tunnel vote delayed"');
    const option = page.getByTestId('results').getByRole('option').filter({ hasText: 'Harbour tunnel vote delayed' }).first();
    await option.waitFor();
    await option.click();
    await page.getByRole('button', { name: 'Open for editing' }).click();
    const banner = page.getByTestId('lock-banner');
    await banner.waitFor({ timeout: 15_000 });
    // The time as the page's own locale writes it.
    const at = await page.evaluate((since) => new Date(since).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }), lockedSince);
    expect(await banner.textContent()).toContain(`kim is editing since ${at}: opened read-only.`);
    // Cho is a chief: the banner offers to break the lock.
    expect(await banner.getByRole('button', { name: 'Break the lock' }).count()).toBe(1);
    expect(session.problems).toEqual([]);
  });
});
