// axe-core (WCAG 2.2 A/AA) on every screen of the app, in the light and the
// dark theme, with 0 violations as the bar: first run, import progress and
// report, the browser with results and preview, the original view, the syntax
// help, a search across versions (history:) with its preview, the editor with its find bar,
// checklist warnings, the wire metadata controls (issue 12), history and diff,
// the export dialog and the exported page. The screens are reached the way a
// user reaches them, in one session, in order.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventChannel } from '../../shared/contract/define.ts';
import { bodyFromParagraphs } from '../../shared/editor/build.ts';
import { readArchive } from './editor/helpers.ts';
import { scanBothThemes, type ScreenOptions } from './support/axe.ts';
import { waitForText } from './support/expect.ts';
import { writeImportFolder } from './support/fixtures.ts';
import { openSession, type Session } from './support/session.ts';

const FILES = 24;
const TK_HEADLINE = 'Harbour ferry timetable TK';

let dir: string;
let session: Session;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-a11y-'));
  writeImportFolder(join(dir, 'in'), FILES);
  writeFileSync(join(dir, 'in', 'tk-story.txt'), `${TK_HEADLINE}\n\nThe new ferry timetable starts on TK, the port said.\n\nFares rise by TK per cent.\n`);
  session = await openSession(join(dir, 'archive.sqlite'));
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Fails with every violation printed, both themes at once. */
async function expectClean(screen: string, options: ScreenOptions = {}): Promise<void> {
  const report = await scanBothThemes(session.page, screen, options);
  if (report) console.error(report);
  expect(report, `axe found violations on "${screen}" (listed above)`).toBe('');
}

function emit(domain: string, event: string, payload: unknown): Promise<void> {
  return session.page.evaluate(([c, p]) => window.__copydeskEmit(c as string, p), [eventChannel(domain, event), payload] as const);
}

describe('accessibility (axe-core, WCAG 2.2 AA, light and dark)', () => {
  it('first run', async () => {
    await session.page.getByTestId('first-run').waitFor();
    await expectClean('first run');
  });

  it('import progress', async () => {
    // The panel as main's events draw it mid-import (a real import of a few files ends before both themes are scanned).
    await emit('import', 'started', { paths: [join(dir, 'in')] });
    await emit('import', 'progress', { filesDone: 120, filesTotal: 400, bytesDone: 1, bytesTotal: 4, currentFile: join(dir, 'in', 'story-00120.txt'), rate: 55.5, etaSeconds: 5 });
    await waitForText(session.page.getByTestId('import-count'), /120 of 400/);
    await expectClean('import progress');
  });

  it('import report', async () => {
    session.backend.nextPaths = [join(dir, 'in')];
    await session.page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'import-folder' }));
    await waitForText(session.page.getByTestId('import-summary'), new RegExp(`^${FILES + 1} imported`), 30_000);
    await session.page.getByRole('button', { name: 'Open article from story-00000.txt' }).waitFor();
    await expectClean('import report');
  });

  it('browser with results and preview', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Close report' }).click();
    await page.getByLabel('Search the archive').fill('ferry');
    await waitForText(page.getByTestId('result-count'), /\d+ results?/);
    await page.getByTestId('results').getByRole('option').first().click();
    await page.getByTestId('preview').locator('h2').waitFor();
    await page.getByLabel('Filter by status').selectOption('draft');
    await page.locator('.chip').first().waitFor();
    await expectClean('browser with results, a filter chip and the preview');
  });

  it('original view', async () => {
    const preview = session.page.getByTestId('preview');
    await preview.getByRole('button', { name: 'Original', exact: true }).click();
    await preview.getByTestId('original-text').waitFor();
    await expectClean('original view');
    await preview.getByRole('button', { name: 'Text', exact: true }).click();
  });

  it('syntax help', async () => {
    await session.page.getByRole('button', { name: 'Syntax' }).click();
    await session.page.getByRole('region', { name: 'Search syntax' }).waitFor();
    await expectClean('syntax help');
    await session.page.getByRole('button', { name: 'Syntax' }).click();
  });

  it('history search', async () => {
    const page = session.page;
    // A story corrected once (written beside the app, as a second window would): its first sentence is only in version 1.
    readArchive(join(dir, 'archive.sqlite'), (archive) => {
      const story = archive.createArticle({ headline: 'Bridge lane closure', body: bodyFromParagraphs(['The council closed the north lane.', 'Repairs take six weeks.']) });
      archive.save({ id: story.id, baseVersion: 1, name: 'Correction', body: bodyFromParagraphs(['Repairs take six weeks.']) });
    });
    await page.getByLabel('Search the archive').fill('"north lane"');
    await page.getByRole('checkbox', { name: 'All versions' }).check();
    await waitForText(page.getByTestId('result-count'), /^1 result$/);
    await page.getByTestId('results').getByRole('option').first().click();
    await page.getByTestId('history-matches').getByRole('button').first().waitFor();
    await expectClean('history search: a match only in earlier versions, in the row and the preview');
    await page.getByRole('checkbox', { name: 'All versions' }).uncheck();
  });

  it('editor with the find bar', async () => {
    const page = session.page;
    await page.getByLabel('Search the archive').fill(`"${TK_HEADLINE}"`);
    const option = page.getByTestId('results').getByRole('option').filter({ hasText: TK_HEADLINE }).first();
    await option.click();
    await page.getByRole('button', { name: 'Open for editing' }).click();
    await page.getByTestId('editor-body').waitFor();
    await page.getByTestId('editor-body').click();
    await page.keyboard.press('Control+f');
    await page.getByRole('search', { name: 'Find and replace in the body' }).waitFor();
    await page.getByLabel('Find', { exact: true }).fill('TK');
    await waitForText(page.locator('.cd-find-count'), /of/);
    await expectClean('editor with the find bar');
    await page.keyboard.press('Escape');
  });

  it('checklist warnings', async () => {
    const page = session.page;
    await page.getByLabel('Target length (words)').fill('5');
    await page.locator('.cd-checklist li[data-ok="false"]').first().waitFor();
    await page.locator('[data-testid=count-target][data-within=false]').waitFor();
    await expectClean('checklist warnings');
  });

  it('wire metadata controls', async () => {
    const page = session.page;
    const wire = page.getByRole('region', { name: 'Wire metadata' });
    await wire.getByLabel('Slugline').fill('BC-Ferry');
    await wire.getByLabel('Urgency').selectOption('3');
    await wire.getByLabel('Time zone').selectOption('UTC');
    await wire.getByLabel('Not before').fill('2030-06-01T08:00');
    await waitForText(wire.getByTestId('embargo-utc'), /2030-06-01T08:00Z/);
    await wire.getByRole('button', { name: 'Add author' }).click();
    await wire.getByLabel('Author 1 name').fill('Desk writer');
    await wire.getByLabel('Country code (ISO, e.g. KR)').fill('K'); // half-typed: the inline error shows
    await wire.locator('.wire-error').waitFor();
    await wire.getByRole('combobox', { name: /Add a subject/ }).fill('harbour');
    await wire.getByRole('combobox', { name: /Add a subject/ }).press('Enter');
    await wire.getByRole('button', { name: 'Remove subject harbour' }).waitFor();
    await expectClean('wire metadata controls');
    await wire.getByLabel('Country code (ISO, e.g. KR)').fill('');
    await wire.getByRole('button', { name: 'Release embargo' }).click();
  });

  it('history and diff', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByRole('button', { name: 'Compare A → B' }).click();
    await page.getByTestId('diff').waitFor();
    await expectClean('history and diff');
  });

  let exported = '';
  it('export dialog', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Export…' }).first().click();
    const frame = page.locator('iframe.export-frame');
    await frame.waitFor();
    exported = (await frame.getAttribute('srcdoc')) ?? '';
    // No script runs in the sandboxed preview, axe's included: its document is checked on its own below.
    await expectClean('export dialog', { exclude: ['iframe.export-frame'] });
  });

  it('the exported page', async () => {
    expect(exported).toContain('<html');
    // The document the preview showed, as a page of its own (as it is published: its own CSP, no app around it).
    const context = await session.browser.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(exported);
      const report = await scanBothThemes(page, 'the exported page');
      if (report) console.error(report);
      expect(report, 'axe found violations on the exported page (listed above)').toBe('');
      expect(await page.locator('main').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('ran without console errors or CSP violations', () => {
    expect(session.problems).toEqual([]);
  });
});
