// A 100k-article archive: the virtual list scrolls to any depth with a few
// dozen rows in the DOM, loading pages as they come into view. The archive is
// built by direct inserts (~40 s on two cores) and cached in the temp folder.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../electron/archive/archive.ts';
import { insertSynthetic } from './support/fixtures.ts';
import { shownCount, waitFor } from './support/expect.ts';
import { openSession, screenshotPath, type Session } from './support/session.ts';

const COUNT = Number(process.env.COPYDESK_E2E_SCALE ?? 100_000);
const CACHE = join(tmpdir(), `copydesk-e2e-scale-v1-${COUNT}.sqlite`);
let session: Session;

function buildArchive(): void {
  if (existsSync(CACHE)) {
    const archive = Archive.open(CACHE);
    const n = archive.stats().articles;
    archive.close();
    if (n === COUNT) return;
    rmSync(CACHE, { force: true });
  }
  const building = `${CACHE}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const started = Date.now();
  const archive = Archive.open(building);
  for (let done = 0; done < COUNT; done += 10_000) insertSynthetic(archive, Math.min(10_000, COUNT - done), done);
  archive.db.pragma('wal_checkpoint(TRUNCATE)');
  archive.close();
  renameSync(building, CACHE);
  console.log(`scale: built a ${COUNT.toLocaleString('en')}-article archive in ${((Date.now() - started) / 1000).toFixed(1)} s (${CACHE})`);
}

beforeAll(async () => {
  buildArchive();
  session = await openSession(CACHE);
});

afterAll(async () => {
  await session?.close();
});

describe(`${COUNT.toLocaleString('en')} articles`, () => {
  it('counts them all and scrolls the virtual list to any depth', async () => {
    const page = session.page;
    expect(await shownCount(page)).toBe(COUNT);
    const list = page.getByTestId('results');
    const timings: number[] = [];
    for (const fraction of [0.1, 0.37, 0.5, 0.82, 1]) {
      const started = Date.now();
      await list.evaluate((el, f) => (el.scrollTop = f * (el.scrollHeight - el.clientHeight)), fraction);
      // The window moved to that depth (the list re-renders on its scroll event,
      // which may come after this call returns: rows still showing the previous
      // depth must not count), and rows in view got their page from the core:
      // no "Loading…" left on screen.
      const target = Math.max(1, Math.round(fraction * COUNT));
      await waitFor(
        () =>
          page.locator('.result').evaluateAll((rows) => {
            const at = rows.map((r) => Number(r.getAttribute('aria-posinset')));
            return { loading: rows.filter((r) => r.textContent === 'Loading…').length, first: Math.min(...at), last: Math.max(...at) };
          }),
        (w) => w.loading === 0 && w.first <= target + 100 && w.last >= Math.min(COUNT, target - 100) && (fraction < 1 || w.last === COUNT),
        // Generous: this checks that every page arrives, not how fast; on a loaded
        // 2-core CI machine a page can queue behind other reads for seconds.
        30_000,
        `rows loaded at ${fraction}`,
      );
      timings.push(Date.now() - started);
    }
    const rendered = await page.locator('.result').count();
    expect(rendered).toBeLessThan(80);
    const last = await page.locator('.result').last().getAttribute('aria-posinset');
    expect(Number(last)).toBe(COUNT);
    console.log(`scale: rows filled after a jump in ${timings.join(', ')} ms; ${rendered} rows in the DOM`);
    await page.screenshot({ path: screenshotPath('screenshot-100k.png') });
  });

  it('keyboard End and Home jump to the ends', async () => {
    const page = session.page;
    await page.getByTestId('results').focus();
    await page.keyboard.press('End');
    await waitFor(() => page.locator('.result.selected').getAttribute('aria-posinset'), (v) => v === String(COUNT), 10_000, 'last row selected');
    await page.keyboard.press('Home');
    await waitFor(() => page.locator('.result.selected').getAttribute('aria-posinset'), (v) => v === '1', 10_000, 'first row selected');
  });

  it('searches a common word across all of them', async () => {
    const page = session.page;
    await page.getByLabel('Search the archive').fill('council');
    const n = await shownCount(page);
    expect(n).toBeGreaterThan(COUNT / 10);
  });
});
