// Wire metadata at the desk (issue 12), in Chromium against the real core: an
// editor sets the slugline, urgency, an embargo in a chosen zone, a subject
// picked from the archive's suggestions (keyboard, ARIA combobox), keywords,
// located and an author with a role; autosave writes them; closing and
// reopening shows them; the ready checklist names the desk rule that fails;
// the history diff shows a field change and restoring brings the old value
// back; the NITF export carries them. Axe checks the controls in both themes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanBothThemes } from './support/axe.ts';
import { waitForText } from './support/expect.ts';
import { openSession, screenshotPath, type Session } from './support/session.ts';
import { history, openInEditor, readArchive, seedArticle, stored, waitSaved } from './editor/helpers.ts';
import { readReadyRules } from '../../electron/archive/workflow/rules.ts';

const HEADLINE = 'Central bank lifts lending rate';
const economy = { scheme: 'medtop', code: '04000000', label: 'economy, business and finance' };

let dir: string;
let archivePath: string;
let session: Session;
let id: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-wiredesk-'));
  archivePath = join(dir, 'archive.sqlite');
  // Wire copy (a provider), no urgency yet: the urgency rule blocks ready until the desk sets one.
  id = seedArticle(archivePath, { headline: HEADLINE, provider: 'dpa', byline: 'Staff' }, ['The rate rises by a quarter point, the bank said.']);
  // Subjects the archive already uses, for the picker to offer.
  seedArticle(archivePath, { headline: 'Markets steady', subjects: [economy, { scheme: 'medtop', code: '20000106', label: 'crime' }] }, ['Copy.']);
  seedArticle(archivePath, { headline: 'Exports slow', subjects: [economy] }, ['Copy.']);
  session = await openSession(archivePath);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function expectClean(screen: string, options: { exclude?: string[] } = {}): Promise<void> {
  const report = await scanBothThemes(session.page, screen, options);
  if (report) console.error(report);
  expect(report, `axe found violations on "${screen}" (listed above)`).toBe('');
}

const editor = () => session.page.locator(`.cd-editor[data-article-id="${id}"]`);
const wire = () => editor().getByRole('region', { name: 'Wire metadata' });

describe('wire metadata at the desk', () => {
  it('shows which ready rule fails for wire copy without an urgency', async () => {
    await openInEditor(session.page, HEADLINE);
    const rule = editor().locator('.cd-checklist li[data-item="wireUrgency"]');
    expect(await rule.getAttribute('data-ok')).toBe('false');
    expect(await rule.innerText()).toContain('wire copy without an urgency');
    await editor().getByRole('combobox', { name: 'Status', exact: true }).selectOption('ready');
    await waitForText(editor().locator('.cd-notice'), /desk rule "wireUrgency"/u);
    await editor().getByRole('button', { name: 'Dismiss' }).click();
    // The desk switches the slugline rule on from the checklist: stored in the archive, applied at once.
    await editor().getByText('Desk rules').click();
    await editor().getByLabel('Require a slugline').check();
    await expect.poll(() => editor().locator('.cd-checklist li[data-item="slugline"]').getAttribute('data-ok')).toBe('false');
    expect(await editor().locator('.cd-checklist li[data-item="slugline"]').innerText()).toContain('The slugline is empty. (desk rule "slugline")');
    expect(readArchive(archivePath, (a) => readReadyRules(a.db))).toEqual({ slugline: true, embargo: true, wireUrgency: true });
  });

  it('edits every wire field and autosaves them', async () => {
    const page = session.page;
    const w = wire();
    await w.getByLabel('Slugline').fill('BC-Rates');
    await w.getByLabel('Urgency').selectOption('2');
    // The zone first, then the wall time in it.
    await w.getByLabel('Time zone').selectOption('Asia/Seoul');
    await w.getByLabel('Not before').fill('2031-12-04T09:00');
    await waitForText(w.getByTestId('embargo-utc'), /^2031-12-04T00:00Z$/u);
    expect(await w.getByTestId('embargo-when').innerText()).toMatch(/^Local: .*2031.* · UTC: 2031-12-04T00:00Z$/u);
    await w.getByLabel('Editor’s note (to the desk, not part of the copy)').fill('Check the figure with the bank.');

    // The subject combobox: typing offers the archive's subjects, the arrow key highlights, Enter takes it.
    const combo = w.getByRole('combobox', { name: /Add a subject/u });
    await combo.fill('econ');
    const option = w.getByRole('option', { name: /economy, business and finance/u });
    await option.waitFor();
    expect(await option.innerText()).toContain('2 articles');
    expect(await combo.getAttribute('aria-expanded')).toBe('true');
    await combo.press('ArrowDown');
    expect(await combo.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await option.getAttribute('aria-selected')).toBe('true');
    await expectClean('wire metadata with the subject suggestions open');
    await combo.press('Enter');
    await w.getByRole('button', { name: 'Remove subject economy, business and finance (medtop:04000000)' }).waitFor();
    expect(await combo.inputValue()).toBe('');

    // One list control for keywords and tags: empty items dropped, a pasted tab is a space.
    await w.getByLabel('Keywords (comma-separated)').fill('rates,, central\tbank ,');
    await editor().getByLabel('Tags (comma-separated)').fill(' economy ,Seoul,');
    await w.getByLabel('Place').fill('Seoul');
    await w.getByLabel('Country code (ISO, e.g. KR)').fill('kr');
    expect(await w.getByLabel('Country code (ISO, e.g. KR)').inputValue()).toBe('KR');
    await w.getByRole('button', { name: 'Add author' }).click();
    await w.getByLabel('Author 1 name').fill('Kim Min-ji');
    await w.getByLabel('Author 1 role').fill('correspondent');
    await w.getByLabel('Slugline').focus(); // the keywords field commits on blur
    await waitSaved(page);
    await expect
      .poll(() => stored(archivePath, id), { timeout: 10_000 })
      .toMatchObject({
        slugline: 'BC-Rates',
        urgency: 2,
        embargoedUntil: '2031-12-04T00:00:00Z',
        editorNote: 'Check the figure with the bank.',
        subjects: [economy],
        keywords: ['rates', 'central bank'],
        tags: ['economy', 'Seoul'],
        located: { name: 'Seoul', countryCode: 'KR' },
        authors: [{ name: 'Kim Min-ji', role: 'correspondent' }],
      });
    expect(await editor().locator('.cd-checklist li[data-item="wireUrgency"]').getAttribute('data-ok')).toBe('true');
    expect(await editor().locator('.cd-checklist li[data-item="slugline"]').getAttribute('data-ok')).toBe('true');
    await page.screenshot({ path: screenshotPath('screenshot-wire-desk.png') });
    await expectClean('wire metadata controls filled in');
    await editor().getByRole('button', { name: 'Save', exact: true }).click();
    await waitSaved(page);
  });

  it('shows them again after closing and reopening', async () => {
    const page = session.page;
    await editor().getByRole('button', { name: 'Close the editor' }).click();
    await editor().waitFor({ state: 'detached' });
    await openInEditor(page, HEADLINE);
    const w = wire();
    expect(await w.getByLabel('Slugline').inputValue()).toBe('BC-Rates');
    expect(await w.getByLabel('Urgency').inputValue()).toBe('2');
    expect(await w.getByTestId('embargo-utc').innerText()).toBe('2031-12-04T00:00Z');
    expect(await w.getByLabel('Editor’s note (to the desk, not part of the copy)').inputValue()).toBe('Check the figure with the bank.');
    expect(await w.getByRole('button', { name: /^Remove subject economy/u }).count()).toBe(1);
    expect(await w.getByLabel('Keywords (comma-separated)').inputValue()).toBe('rates, central bank');
    expect(await editor().getByLabel('Tags (comma-separated)').inputValue()).toBe('economy, Seoul');
    expect(await w.getByLabel('Place').inputValue()).toBe('Seoul');
    expect(await w.getByLabel('Author 1 name').inputValue()).toBe('Kim Min-ji');
    expect(await w.getByLabel('Author 1 role').inputValue()).toBe('correspondent');
  });

  it('diffs a wire field in the history and restores the old value', async () => {
    const page = session.page;
    const before = history(archivePath, id).at(-1)!.id;
    await wire().getByLabel('Slugline').fill('BC-Rates-Revised');
    await editor().getByRole('button', { name: 'Save', exact: true }).click();
    await waitSaved(page);
    await expect.poll(() => stored(archivePath, id).slugline).toBe('BC-Rates-Revised');
    await editor().getByRole('button', { name: 'History' }).click();
    await page.getByLabel(`Compare from revision ${before}`).check();
    await page.getByLabel('Compare to the current text').check();
    await page.getByRole('button', { name: 'Compare A → B' }).click();
    const field = page.locator('.cd-diff-field[data-field="slugline"]');
    await field.waitFor();
    // Word-level: what went and what came, as data (del/ins), whatever the tokenizer makes of the hyphens.
    const removed = (await field.locator('del').allInnerTexts()).join('');
    const added = (await field.locator('ins').allInnerTexts()).join('');
    expect(added).toContain('Revised');
    expect(removed).not.toContain('Revised');
    expect(await page.locator('.cd-diff-field').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')))).toEqual(['slugline']);
    await expectClean('history diff of a wire field');
    await field.getByRole('button', { name: /^Restore slugline from A/u }).click();
    await expect.poll(() => wire().getByLabel('Slugline').inputValue()).toBe('BC-Rates');
    await expect.poll(() => stored(archivePath, id).slugline).toBe('BC-Rates');
    expect(stored(archivePath, id)).toMatchObject({ urgency: 2, authors: [{ name: 'Kim Min-ji', role: 'correspondent' }] });
    await page.getByRole('button', { name: 'Close history' }).click();
  });

  it('exports NITF carrying the wire fields (after confirming the embargo)', async () => {
    const page = session.page;
    await editor().getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Export format').selectOption('nitf');
    await dialog.getByTestId('export-embargo').waitFor();
    await dialog.getByLabel(/Export it before the embargo lifts/u).check();
    const target = join(session.backend.dir, 'rates.xml');
    session.backend.nextSavePath = target;
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await waitForText(dialog.locator('.export-status'), /Exported to/u);
    const xml = readFileSync(target, 'utf8');
    expect(xml).toMatch(/<du-key key="BC-Rates"/u);
    expect(xml).toContain('<urgency ed-urg="2"/>');
    expect(xml).toContain('<date.release norm="20311204T000000+0000"/>');
    expect(xml).toContain('<ed-msg info="Check the figure with the bank."/>');
    expect(xml).toMatch(/<tobject\.subject tobject\.subject\.ipr="medtop" tobject\.subject\.refnum="04000000" tobject\.subject\.type="economy, business and finance"\/>/u);
    expect(xml).toContain('<evloc iso-cc="KR" city="Seoul"/>');
    expect(xml).toMatch(/<byline>\s*<person>Kim Min-ji<\/person>\s*<byttl>correspondent<\/byttl>\s*<\/byline>/u);
    expect(xml).toContain('<keyword key="central bank"/>');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('releases the embargo from the editor', async () => {
    const w = wire();
    await w.getByRole('button', { name: 'Release embargo' }).click();
    expect(await w.getByTestId('embargo-when').innerText()).toBe('No embargo.');
    await waitSaved(session.page);
    await expect.poll(() => stored(archivePath, id).embargoedUntil).toBeNull();
    // Every rule passes now: slugline, urgency, no embargo.
    await expect.poll(() => editor().locator('.cd-checklist').getAttribute('data-ready')).toBe('true');
    await editor().getByRole('combobox', { name: 'Status', exact: true }).selectOption('ready');
    await expect.poll(() => stored(archivePath, id).status).toBe('ready');
  });
});
