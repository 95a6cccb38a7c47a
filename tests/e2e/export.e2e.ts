// Export from the app (File › Export…): the preview is the core's sanitized
// document in a sandboxed iframe, and a hostile article runs nothing there;
// "Copy HTML" puts the fragment and its plain text on the clipboard;
// "Export…" writes one file through the save dialog; batch export writes the
// search results and manifest.json into the folder the dialog chose; every
// export leaves an `export` revision.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Archive } from '../../electron/archive/archive.ts';
import { bodyState, linkNode, paragraph, textNode } from '../../shared/editor/build.ts';
import { waitFor, waitForText } from './support/expect.ts';
import { history } from './editor/helpers.ts';
import { openSession, screenshotPath, type Session } from './support/session.ts';

const HOSTILE_HEADLINE = 'Hostile <script>window.top.__pwned=1</script> headline';
const SCRIPT = '<script>window.top.__pwned=1</script>';
const IMG = '<img src=x onerror="window.top.__pwned=2">';
const BATCH = 5;

let dir: string;
let session: Session;
let hostileId: string;
const batchIds: string[] = [];
let dialogs = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-export-'));
  const archivePath = join(dir, 'archive.sqlite');
  const archive = Archive.open(archivePath);
  try {
    hostileId = archive.createArticle(
      {
        headline: HOSTILE_HEADLINE,
        dek: `Dek ${IMG}`,
        byline: `By </script><script>window.top.__pwned=3</script>`,
        section: 'local',
        body: bodyState([
          paragraph(`Body ${SCRIPT} and ${IMG}.`),
          paragraph([textNode('A '), linkNode('https://example.org/story', [textNode('safe link')]), textNode(' and javascript:window.top.__pwned=4 as text.')]),
          // A link node with a script URL, as an older import or a tampered archive could hold: the serializer drops the href.
          paragraph([linkNode('javascript:window.top.__pwned=5', [textNode('click me')])]),
        ]),
      },
      'save',
    ).id;
    for (let i = 1; i <= BATCH; i++) {
      batchIds.push(
        archive.createArticle(
          {
            headline: `Quayside market story ${i}`,
            section: 'business',
            postedAt: `2024-03-0${i}T08:00:00Z`,
            body: bodyState([paragraph(`The quayside market reopened, part ${i}.`)]),
          },
          'save',
        ).id,
      );
    }
  } finally {
    archive.close();
  }
  session = await openSession(archivePath);
  session.page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openExportFor(headlineQuery: string, headlinePart: string): Promise<void> {
  const page = session.page;
  await page.getByLabel('Search the archive').first().fill(headlineQuery);
  // The list answers this query (not the previous one, still on screen while the search runs):
  // a row clicked in a stale list can be replaced by the new answer's first row.
  const options = page.getByTestId('results').getByRole('option');
  await waitFor(
    () => options.evaluateAll((rows, q) => rows.length > 0 && rows.every((r) => (r.textContent ?? '').toLowerCase().includes(q)), headlineQuery.toLowerCase()),
    (fresh) => fresh,
    10_000,
    `results for ${headlineQuery}`,
  );
  const option = options.filter({ hasText: headlinePart }).first();
  await option.click();
  await waitForText(page.getByTestId('preview').locator('h2'), new RegExp(headlinePart.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'u'));
  await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'export' }));
  await page.getByRole('dialog', { name: 'Export' }).waitFor();
}

describe('export from the app', () => {
  it('previews the sanitized export in a sandboxed iframe, and a hostile article runs nothing', async () => {
    const page = session.page;
    await openExportFor('hostile', 'Hostile');
    const frame = page.locator('iframe.export-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toBe('');
    const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
    expect(srcdoc).toContain('&lt;script&gt;window.top.__pwned=1&lt;/script&gt;');
    expect(srcdoc).toContain('Content-Security-Policy');
    // The only script element is the JSON-LD data block; no handler, no javascript: URL in an attribute.
    expect(srcdoc.match(/<script\b[^>]*>/gi)).toEqual(['<script type="application/ld+json">']);
    // Parsed (DOMParser runs nothing): no dangerous element, no on* attribute, no script URL in any attribute.
    // The one <base> is the preview's own: target=_blank and nothing else (no href to re-point links).
    const found = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const previewBase = (el: Element) => el.localName === 'base' && el.attributes.length === 1 && el.getAttribute('target') === '_blank' && el.parentElement?.localName === 'head';
      return [...doc.querySelectorAll('*')].flatMap((el) => [
        ...(/^(img|iframe|object|embed|form|base|svg|math)$/i.test(el.localName) && !previewBase(el) ? [el.localName] : []),
        ...[...el.attributes].filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value)).map((a) => `${el.localName}[${a.name}]`),
      ]);
    }, srcdoc);
    expect(found).toEqual([]);
    expect(srcdoc).toContain('click me');
    expect(srcdoc).toContain('href="https://example.org/story"');
    // The text shows as text inside the frame.
    const inner = page.frameLocator('iframe.export-frame');
    expect(await inner.locator('h1').textContent()).toBe(HOSTILE_HEADLINE);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(session.problems).toEqual([]); // no CSP refusal, no page error: the frame loaded nothing and ran nothing
    await page.screenshot({ path: screenshotPath('screenshot-export.png') });
  });

  it('copies the fragment as HTML with a plain-text alternative', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Copy HTML' }).click();
    await waitForText(page.locator('.export-status'), /Copied/);
    expect(session.backend.clipboard).toHaveLength(1);
    const { html, text } = session.backend.clipboard[0] ?? { html: '', text: '' };
    expect(html).toContain('<p>Body &lt;script&gt;window.top.__pwned=1&lt;/script&gt; and &lt;img src=x onerror="window.top.__pwned=2"&gt;.</p>');
    expect(html).toContain('<a href="https://example.org/story" rel="noopener noreferrer">safe link</a>');
    expect(html).not.toMatch(/<article|<h1|<script/); // the fragment: the body only
    expect(text).toContain(`Body ${SCRIPT} and ${IMG}.`);
    expect(text).not.toContain('<p>');
  });

  it('exports one article through the save dialog and records an export revision', async () => {
    const page = session.page;
    const target = join(session.backend.dir, 'hostile.html');
    session.backend.nextSavePath = target;
    await page.getByRole('button', { name: 'Export…' }).click();
    await waitForText(page.locator('.export-status'), /Exported to/);
    const written = readFileSync(target, 'utf8');
    expect(written.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(written).toContain('"@type":"NewsArticle"');
    const marks = history(session.backend.archivePath, hostileId).filter((r) => r.reason === 'export');
    expect(marks.map((r) => r.name)).toEqual(['export html: hostile.html']);
  });

  it('batch-exports the search results into the chosen folder with a manifest and progress', async () => {
    const page = session.page;
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog', { name: 'Export' }).waitFor({ state: 'detached' });
    await openExportFor('quayside', 'Quayside market story 1');
    const scope = page.getByLabel('Articles to export (search)');
    expect(await scope.inputValue()).toBe('quayside'); // the browser's current search
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { __exportProgress: unknown[] }).__exportProgress = seen;
      window.copydesk?.export.onProgress((p) => seen.push(p));
    });
    const out = join(session.backend.dir, 'batch');
    session.backend.nextFolder = out;
    await page.getByRole('button', { name: 'Export search results…' }).click();
    const summary = await waitForText(page.getByTestId('export-batch-result'), /exported/, 20_000);
    expect(summary).toContain(`${BATCH} exported, 0 failed`);

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { count: number; articles: Array<{ id: string; file: string; sha256: string }> };
    expect(manifest.count).toBe(BATCH);
    expect(new Set(manifest.articles.map((a) => a.id))).toEqual(new Set(batchIds));
    for (const entry of manifest.articles) {
      expect(existsSync(join(out, entry.file))).toBe(true);
      expect(createHash('sha256').update(readFileSync(join(out, entry.file))).digest('hex')).toBe(entry.sha256);
    }
    const progress = await waitFor(
      () => page.evaluate(() => (window as unknown as { __exportProgress: Array<{ done: number; total: number }> }).__exportProgress),
      (seen) => seen.length > 0 && seen.at(-1)?.done === BATCH,
      5_000,
      'final progress',
    );
    expect(progress.at(-1)).toMatchObject({ done: BATCH, total: BATCH });
    for (const id of batchIds) expect(history(session.backend.archivePath, id).filter((r) => r.reason === 'export')).toHaveLength(1);
    expect(history(session.backend.archivePath, hostileId).filter((r) => r.reason === 'export')).toHaveLength(1);
  });
});

// Issue 14: a link followed inside the preview left the frame on an error page
// ("Framing … violates the Content Security Policy") and the dialog deaf to
// Escape, since the keys went to that frame. Now the link goes nowhere (it
// targets a new window, which the sandbox refuses; in the app main's
// will-frame-navigate guard blocks any other way) and focus comes back.
describe('links inside the export preview', () => {
  it('a click on a link in the preview does nothing, and Escape still closes the dialog', async () => {
    const page = session.page;
    const open = page.getByRole('dialog', { name: 'Export' });
    if ((await open.count()) > 0) {
      await open.getByRole('button', { name: 'Close' }).click();
      await open.waitFor({ state: 'detached' });
    }
    await openExportFor('hostile', 'Hostile');
    const dialog = page.getByRole('dialog', { name: 'Export' });
    const inner = page.frameLocator('iframe.export-frame');
    const popups: string[] = [];
    page.on('popup', (p) => popups.push(p.url()));
    const problemsBefore = session.problems.length;
    // The preview is this article's (its headline is the frame's h1) before anything in it is clicked.
    await waitFor(() => inner.locator('h1').textContent(), (h) => h === HOSTILE_HEADLINE, 10_000, 'the hostile article in the preview');
    await inner.getByText('safe link').click();
    await inner.getByRole('heading', { level: 1 }).click(); // plain text in the frame takes focus just the same
    await page.waitForTimeout(300);
    expect(page.frames().map((f) => f.url())).toEqual([page.url(), 'about:srcdoc']);
    expect(await inner.locator('h1').textContent()).toBe(HOSTILE_HEADLINE); // still the preview, not an error page
    expect(popups).toEqual([]);
    expect(session.problems.slice(problemsBefore).filter((p) => !/allow-popups/.test(p))).toEqual([]); // no framing refusal
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null && document.activeElement?.tagName !== 'IFRAME')).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
  });
});
