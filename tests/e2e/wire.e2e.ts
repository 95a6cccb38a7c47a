// Wire items in the app (issue 11): the preview shows the item identity and
// the newsroom metadata, "Embargoed until …" in the result list and preview,
// a banner for killed and withheld articles in preview and editor (with a
// read-only Wire section there), provider and urgency filter chips, and the
// export dialog refuses killed articles and holds embargoed ones until the
// user confirms. Synthetic articles only.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../electron/archive/archive.ts';
import { bodyFromParagraphs } from '../../shared/editor/build.ts';
import type { NewArticle } from '../../electron/archive/archive.ts';
import { scanBothThemes } from './support/axe.ts';
import { waitForText } from './support/expect.ts';
import { history } from './editor/helpers.ts';
import { openSession, screenshotPath, type Session } from './support/session.ts';

const FUTURE = '2099-01-01T06:00:00+01:00'; // 05:00 UTC
let dir: string;
let session: Session;
const ids: Record<string, string> = {};

const ARTICLES: Record<string, NewArticle> = {
  wire: {
    headline: 'Ferry strike halts island crossings',
    slugline: 'BC-Ferry-Strike',
    urgency: 2,
    priority: 3,
    provider: 'dpa',
    genre: 'Current',
    pubStatus: 'usable',
    signals: ['update'],
    subjects: [{ scheme: 'medtop', code: '09000000', label: 'labour' }],
    keywords: ['ferry', 'strike'],
    located: { name: 'Kiel', countryCode: 'DE' },
    authors: [
      { name: 'Anna Berg', role: 'Transport Correspondent' },
      { name: 'Jonas Weber', role: 'photographer' },
    ],
    creditLine: 'dpa',
    copyrightHolder: 'dpa GmbH',
    usageTerms: 'Not for use in print before 06:00',
    editorNote: 'Updates with union statement',
    source: { path: '/wire/ferry.xml', format: 'test-item', itemProvider: 'dpa', itemId: 'urn:test:ferry-strike', itemVersion: 3 },
    body: bodyFromParagraphs(['Ferry crews walked out at dawn.', 'The union said talks would resume.']),
  },
  embargoed: {
    headline: 'Ferry fares rise next year',
    provider: 'AP',
    urgency: 4,
    embargoedUntil: FUTURE,
    body: bodyFromParagraphs(['Fares go up in January.']),
  },
  lifted: {
    headline: 'Ferry timetable published',
    provider: 'dpa',
    embargoedUntil: '2001-01-01T00:00:00Z',
    body: bodyFromParagraphs(['The timetable is out.']),
  },
  killed: {
    headline: 'Ferry sinks in harbour',
    provider: 'dpa',
    status: 'killed',
    pubStatus: 'canceled',
    editorNote: 'Kill: the ferry did not sink',
    body: bodyFromParagraphs(['The report was wrong.']),
  },
  withheld: {
    headline: 'Ferry operator sold',
    status: 'withheld',
    body: bodyFromParagraphs(['A sale is expected.']),
  },
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-wire-'));
  const archivePath = join(dir, 'archive.sqlite');
  const archive = Archive.open(archivePath);
  try {
    for (const [key, input] of Object.entries(ARTICLES)) ids[key] = archive.createArticle(input, 'save').id;
  } finally {
    archive.close();
  }
  session = await openSession(archivePath);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function select(query: string, headline: string): Promise<void> {
  const page = session.page;
  await page.getByLabel('Search the archive').first().fill(query);
  const option = page.getByTestId('results').getByRole('option').filter({ hasText: headline }).first();
  await option.waitFor();
  await option.click();
  await page.getByTestId('preview').getByRole('heading', { name: headline }).waitFor();
}

describe('wire items in the archive browser', () => {
  it('shows the item identity and the wire metadata in the preview', async () => {
    const page = session.page;
    await select('strike', 'Ferry strike halts island crossings');
    const preview = page.getByTestId('preview');
    expect(await preview.getByTestId('item-identity').textContent()).toBe('urn:test:ferry-strike');
    expect(await preview.getByTestId('item-version').textContent()).toBe('3');
    const wire = preview.getByRole('region', { name: 'Wire' });
    const text = (await wire.textContent()) ?? '';
    for (const part of [
      'SluglineBC-Ferry-Strike',
      'Urgency2',
      'Priority3',
      'Providerdpa',
      'Signalsupdate',
      'labour medtop:09000000',
      'Keywordsferry, strike',
      'LocatedKiel, DE',
      'Anna Berg — Transport Correspondent',
      'Jonas Weber — photographer',
      'GenreCurrent',
      'Creditdpa',
      'Copyrightdpa GmbH',
      'Usage termsNot for use in print before 06:00',
      'Editor’s noteUpdates with union statement',
    ])
      expect(text).toContain(part);
    expect(await preview.getByTestId('status-banner').count()).toBe(0);
    expect(await preview.getByTestId('embargo-notice').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('screenshot-wire-preview.png') });
    expect(await scanBothThemes(page, 'wire preview')).toBe('');
  });

  it('marks embargoed and killed results in the list, with notices and banners in the preview', async () => {
    const page = session.page;
    await page.getByLabel('Search the archive').first().fill('ferry');
    const results = page.getByTestId('results');
    const embargoRow = results.getByRole('option').filter({ hasText: 'Ferry fares rise next year' });
    await embargoRow.waitFor();
    expect(await embargoRow.getByTestId('embargo-notice').textContent()).toMatch(/^Embargoed until .*2099/u);
    // A lifted embargo says nothing in the list.
    expect(await results.getByRole('option').filter({ hasText: 'Ferry timetable published' }).getByTestId('embargo-notice').count()).toBe(0);
    expect(await results.getByRole('option').filter({ hasText: 'Ferry sinks in harbour' }).locator('.wire-badge').textContent()).toBe('killed');

    await select('ferry', 'Ferry fares rise next year');
    const notice = page.getByTestId('preview').getByTestId('embargo-notice');
    expect(await notice.textContent()).toMatch(/Embargoed until .*2099.*\(2099-01-01T05:00Z\)/u);

    await select('ferry', 'Ferry sinks in harbour');
    const banner = page.getByTestId('preview').getByTestId('status-banner');
    expect(await banner.getAttribute('data-status')).toBe('killed');
    expect(await banner.textContent()).toContain('Editor’s note: Kill: the ferry did not sink');

    await select('ferry', 'Ferry operator sold');
    expect(await page.getByTestId('preview').getByTestId('status-banner').getAttribute('data-status')).toBe('withheld');
    // The list with embargo and kill marks, and a banner: no contrast or structure problem in either theme.
    expect(await scanBothThemes(page, 'wire results and banner')).toBe('');
  });

  it('filters by provider and urgency with chips that write the query', async () => {
    const page = session.page;
    const box = page.getByLabel('Search the archive').first();
    await box.fill('ferry');
    await page.getByTestId('results').getByRole('option').first().waitFor();
    const provider = page.getByLabel('Filter by provider');
    expect(await provider.locator('option').allTextContents()).toEqual(expect.arrayContaining(['dpa (3)', 'AP (1)']));
    await provider.selectOption('AP');
    expect(await box.inputValue()).toBe('ferry provider:AP');
    await waitForText(page.getByTestId('result-count'), /^1 result/u);
    expect(await page.getByRole('list', { name: 'Active filters' }).textContent()).toContain('Provider: AP');

    await provider.selectOption('');
    const urgency = page.getByLabel('Filter by urgency');
    await urgency.selectOption('<=2');
    expect(await box.inputValue()).toBe('ferry urgency:<=2');
    await waitForText(page.getByTestId('result-count'), /^1 result/u);
    expect(await page.getByTestId('results').getByRole('option').first().textContent()).toContain('Ferry strike halts island crossings');
    await box.fill('status:killed');
    await waitForText(page.getByTestId('result-count'), /^1 result/u);
  });
});

describe('wire items in the editor', () => {
  it('shows the kill banner and a read-only Wire section beside the fields', async () => {
    const page = session.page;
    await select('"Ferry sinks in harbour"', 'Ferry sinks in harbour');
    await page.getByRole('button', { name: 'Open for editing' }).click();
    const editor = page.locator(`.cd-editor[data-article-id="${ids.killed as string}"]`);
    await editor.getByTestId('editor-body').waitFor();
    expect(await editor.getByTestId('status-banner').getAttribute('data-status')).toBe('killed');
    const wire = editor.getByRole('region', { name: 'Wire', exact: true });
    expect(await wire.textContent()).toContain('Pub statuscanceled');
    expect(await wire.locator('input, textarea, select').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('screenshot-wire-editor.png') });
    expect(await scanBothThemes(page, 'wire editor')).toBe('');
    await editor.getByRole('button', { name: 'Close the editor' }).click();
    await editor.waitFor({ state: 'detached' }).catch(() => undefined);
  });
});

describe('export of wire items from the app', () => {
  async function openExport(query: string, headline: string): Promise<void> {
    const page = session.page;
    await select(query, headline);
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'export' }));
    await page.getByRole('dialog', { name: 'Export' }).waitFor();
  }

  async function closeExport(): Promise<void> {
    const page = session.page;
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog', { name: 'Export' }).waitFor({ state: 'detached' });
  }

  it('refuses a killed article outright', async () => {
    const page = session.page;
    await openExport('"Ferry sinks in harbour"', 'Ferry sinks in harbour');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    expect(await dialog.getByTestId('export-refused').textContent()).toContain('cannot be exported: it is killed');
    await dialog.getByRole('button', { name: 'Export…' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Export…' }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Copy HTML' }).isDisabled()).toBe(true);
    // Even a page that calls the bridge directly is refused by the core's rule.
    const direct = await page.evaluate((id) => window.copydesk?.export.copyHtml({ id, ignoreEmbargo: true }), ids.killed as string);
    expect(direct).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(session.backend.clipboard).toHaveLength(0);
    await closeExport();
  });

  it('holds an embargoed article until the user confirms, then exports it', async () => {
    const page = session.page;
    await openExport('"Ferry fares rise next year"', 'Ferry fares rise next year');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const hold = dialog.getByTestId('export-embargo');
    await hold.waitFor();
    expect(await hold.textContent()).toMatch(/Embargoed until .*\(2099-01-01T05:00Z\)/u);
    const save = dialog.getByRole('button', { name: 'Export…' });
    expect(await save.isDisabled()).toBe(true);
    const target = join(session.backend.dir, 'embargoed.html');
    session.backend.nextSavePath = target;
    // Without the confirmation the core refuses too.
    expect(await page.evaluate((id) => window.copydesk?.export.saveAs({ id, format: 'html' }), ids.embargoed as string)).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(existsSync(target)).toBe(false);
    await page.screenshot({ path: screenshotPath('screenshot-wire-export-embargo.png') });
    expect(await scanBothThemes(page, 'export held by an embargo', { exclude: ['iframe.export-frame'] })).toBe('');
    await dialog.getByLabel(/Export it before the embargo lifts/u).check();
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    await waitForText(dialog.locator('.export-status'), /Exported to/u);
    expect(readFileSync(target, 'utf8')).toContain('Ferry fares rise next year');
    expect(history(session.backend.archivePath, ids.embargoed as string).filter((r) => r.reason === 'export')).toHaveLength(1);
  });

  it('batch export leaves out killed, withheld and embargoed articles unless the embargo is confirmed', async () => {
    const page = session.page;
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Articles to export (search)').fill('ferry');
    session.backend.nextFolder = join(session.backend.dir, 'batch-1');
    await dialog.getByRole('button', { name: 'Export search results…' }).click();
    expect(await waitForText(dialog.getByTestId('export-batch-result'), /exported/u, 20_000)).toContain('2 exported, 3 failed');
    const failures = (await dialog.locator('.export-failures').textContent()) ?? '';
    expect(failures).toContain('Ferry fares rise next year: embargoed until 2099-01-01T06:00:00+01:00');
    expect(failures).toContain('Ferry sinks in harbour: killed');
    expect(failures).toContain('Ferry operator sold: withheld');

    await dialog.getByLabel(/Also export articles still under embargo/u).check();
    session.backend.nextFolder = join(session.backend.dir, 'batch-2');
    await dialog.getByRole('button', { name: 'Export search results…' }).click();
    await waitForText(dialog.getByTestId('export-batch-result'), /3 exported, 2 failed/u, 20_000);
    const manifest = JSON.parse(readFileSync(join(session.backend.dir, 'batch-2', 'manifest.json'), 'utf8')) as { articles: Array<{ id: string }> };
    expect(new Set(manifest.articles.map((a) => a.id))).toEqual(new Set([ids.wire, ids.embargoed, ids.lifted]));
    expect(session.problems).toEqual([]);
    await closeExport();
  });
});
