// A damaged archive: main opens the window with the problem in the URL hash
// (electron/main/index.ts); the built renderer shows the ways out with the
// exact commands, and nothing else (the app is not mounted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openProblemHash } from '../../shared/model/openProblem.ts';
import { scanBothThemes } from './support/axe.ts';
import { launchChromium } from './support/browser.ts';
import { serveRenderer, type StaticServer } from './support/server.ts';
import { RENDERER_ROOT } from './support/session.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveRenderer(RENDERER_ROOT);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a damaged archive at start-up', () => {
  it('shows restore from backup, salvage and read-only, each with its command', async () => {
    // A context of its own: axe finishes its run in a blank page of the same context.
    const page = await (await browser.newContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    const archivePath = '/home/desk/Copydesk/archive.copydesk.sqlite';
    await page.goto(`${server.origin}/index.html${openProblemHash({ code: 'corrupt', archivePath, message: 'Its header is damaged.' })}`);
    const screen = page.getByTestId('open-problem');
    await screen.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('The archive could not be opened');
    const text = await screen.innerText();
    expect(text).toContain(archivePath);
    expect(text).toContain('Its header is damaged.');
    expect(await screen.locator('pre code').allInnerTexts()).toEqual([
      `copydesk --db ${archivePath} restore-backup latest`,
      `copydesk --db ${archivePath} salvage /home/desk/Copydesk/archive.copydesk.salvaged.sqlite`,
      `copydesk --db ${archivePath} --read-only search "…"`,
    ]);
    expect(await page.getByTestId('first-run').count()).toBe(0);
    // axe-core, both themes (support/axe.ts): 0 violations.
    const report = await scanBothThemes(page, 'damaged archive');
    if (report) console.error(report);
    expect(report, 'axe found violations (listed above)').toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });
});
