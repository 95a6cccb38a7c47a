// Helpers for the editor's Chromium tests: seed articles, open one in the
// editor through the archive browser, read what the archive holds from Node.
import type { Page } from 'playwright-core';
import { Archive } from '../../../electron/archive/archive.ts';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import type { Article, ArticleFields } from '../../../shared/model/article.ts';
import type { RevisionSummary } from '../../../shared/model/revision.ts';

export function seedArticle(path: string, fields: Partial<ArticleFields>, paragraphs: string[]): string {
  const archive = Archive.open(path);
  try {
    return archive.createArticle({ ...fields, body: bodyFromParagraphs(paragraphs) }, 'save').id;
  } finally {
    archive.close();
  }
}

/** Read the archive from a separate connection, as a restarted app would (WAL lets it read while the worker writes). */
export function readArchive<T>(path: string, fn: (archive: Archive) => T): T {
  const archive = Archive.open(path);
  try {
    return fn(archive);
  } finally {
    archive.close();
  }
}

export function stored(path: string, id: string): Article {
  return readArchive(path, (a) => a.getArticle(id));
}

export function history(path: string, id: string): RevisionSummary[] {
  return readArchive(path, (a) => a.listRevisions(id));
}

/** Find an article by its headline in the archive browser and open it for editing. */
export async function openInEditor(page: Page, headline: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search the archive' }).or(page.getByLabel('Search the archive'));
  await search.first().fill(`"${headline}"`);
  const option = page.getByTestId('results').getByRole('option').filter({ hasText: headline }).first();
  await option.waitFor();
  await option.click();
  await page.getByRole('button', { name: 'Open for editing' }).click();
  await page.getByTestId('editor-body').waitFor();
}

/** Open a brand-new article through the File › New Article menu command. */
export async function newArticle(page: Page): Promise<void> {
  await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'new-article' }));
  await page.getByTestId('editor-body').waitFor();
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('.cd-save-state[data-state="saved"]').waitFor({ timeout: 10_000 });
}

/** Put the caret at the end of the body. */
export async function caretToEnd(page: Page): Promise<void> {
  const body = page.getByTestId('editor-body');
  await body.click();
  await page.keyboard.press('Control+End');
}

/** Dispatch a paste event carrying the given clipboard contents at the caret. */
export async function paste(page: Page, data: Record<string, string>): Promise<void> {
  await page.getByTestId('editor-body').evaluate((el, d) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(d)) dt.setData(type, value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

/** A new window on the same backend and renderer (the app's second window). */
export async function freshPage(session: { context: import('playwright-core').BrowserContext; backend: { attach(page: Page): Promise<void> }; server: { origin: string } }): Promise<Page> {
  const page = await session.context.newPage();
  await session.backend.attach(page);
  await page.goto(`${session.server.origin}/index.html`);
  return page;
}
