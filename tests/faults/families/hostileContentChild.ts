// Family 9's browser half (run as a child by hostileContent.ts; DOM-typed, so
// tsconfig.e2e.json checks it). The built renderer in Chromium against the real
// dispatcher, workers and importer (tests/e2e/support/session.ts): import the
// hostile files from the first-run page, look at the import report, the archive
// list under several searches, the preview, the editor and the export preview,
// batch-export every format through the app, then open each exported file in
// Chromium with scripts on. A probe counts anything that runs: __pwned(),
// alert/confirm/prompt/print (overridden in every frame before any page script),
// real dialogs, and every `securitypolicyviolation`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { Archive } from '../../../electron/archive/archive.ts';
import { EXPORT_FORMATS } from '../../../shared/export/types.ts';
import { openSession } from '../../e2e/support/session.ts';
import { caretToEnd, newArticle, paste, waitSaved } from '../../e2e/editor/helpers.ts';
import { type ChildFigures, HOSTILE_PAYLOADS } from '../lib/hostileFiles.ts';

interface Config {
  archivePath: string;
  sourceDir: string;
  exportDir: string;
  full: boolean;
}


const config = JSON.parse(process.argv[2] ?? '{}') as Config;
const figures: ChildFigures = { cspConsole: [], notImported: [], probeSelfTest: { executions: 0, csp: 0 }, imported: 0, importSummary: '', articles: 0, views: {}, exportsWritten: {}, exportsChecked: {}, executions: [], dialogs: [], csp: [], openedOutside: [], pageErrors: [], seconds: {} };
const bump = (key: string, n = 1) => (figures.views[key] = (figures.views[key] ?? 0) + n);

/** Installed before any page script in every frame: traps for what a payload would call, and a CSP listener. */
const PROBE = `(() => {
  const report = (kind, detail) => { try { window.__probeReport(kind, String(detail).slice(0, 300), String(location.href).slice(0, 120)); } catch (e) {} };
  const trap = (name) => function () { report('exec', name + '(' + Array.from(arguments).join(',').slice(0, 80) + ')'); };
  for (const name of ['__pwned', 'alert', 'confirm', 'prompt', 'print']) { try { Object.defineProperty(window, name, { value: trap(name), writable: false, configurable: false }); } catch (e) {} }
  document.addEventListener('securitypolicyviolation', (e) => report('csp', e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + (e.sample ? ' sample ' + e.sample : '')), true);
})();`;

async function probe(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__probeReport', (_source, kind: string, detail: string, where: string) => {
    const line = `${phase}: ${detail} @ ${where}`;
    if (kind === 'exec') figures.executions.push(line);
    else figures.csp.push(line);
  });
  await context.addInitScript({ content: PROBE });
}

function watch(page: Page): void {
  page.on('dialog', (d) => {
    figures.dialogs.push(`${d.type()}: ${d.message().slice(0, 100)}`);
    void d.dismiss().catch(() => undefined);
  });
  page.on('pageerror', (e) => figures.pageErrors.push(String(e).slice(0, 200)));
  // A link that left the window (a new window or tab opened from the app or a preview).
  page.on('popup', (p) => figures.openedOutside.push(`${phase}: ${p.url().slice(0, 200)}`));
  // Chromium also reports every CSP refusal on the console; that survives setContent's document.open(), which drops the probe's listener.
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) figures.cspConsole.push(`${phase}: ${m.text().slice(0, 120)} @ ${page.url().slice(0, 120)}`);
  });
}

/** Which step is running, so a CSP violation or an execution can be traced to a view. */
let phase = 'start';
const timed = async (name: string, work: () => Promise<void>) => {
  phase = name;
  const t = Date.now();
  await work();
  figures.seconds[name] = (Date.now() - t) / 1000;
};

async function main(): Promise<void> {
  const session = await openSession(config.archivePath);
  try {
    await probe(session.context);
    await session.page.close();
    const page = await session.context.newPage();
    watch(page);
    await session.backend.attach(page);
    await page.goto(`${session.server.origin}/index.html`);
    const pickEvery = (total: number, ci: number) => (config.full ? 1 : Math.max(1, Math.floor(total / ci)));

    await timed('import', async () => {
      session.backend.nextPaths = [config.sourceDir]; // what the fake open dialog chooses
      await page.getByRole('button', { name: 'Import a folder…' }).click();
      const summary = page.getByTestId('import-summary');
      await page.waitForFunction(() => /imported/.test(document.querySelector('[data-testid=import-summary]')?.textContent ?? ''), null, { timeout: 120_000 });
      figures.importSummary = ((await summary.textContent()) ?? '').trim();
      bump('import report');
      // Scroll the report so every row (file names are payloads too) is rendered once, waiting for each page of rows to load.
      await page.evaluate(async () => {
        const scroller = document.querySelector('[data-testid=import-report] .report-scroll, [data-testid=import-report] [role=table], [data-testid=import-report]');
        for (let y = 0; scroller && y < scroller.scrollHeight; y += 400) {
          scroller.scrollTop = y;
          await new Promise((r) => setTimeout(r, 5));
          for (let wait = 0; wait < 100 && scroller.querySelector('.report-row.loading'); wait++) await new Promise((r) => setTimeout(r, 10));
        }
      });
      await page.getByRole('button', { name: 'Close report' }).click();
      // The summary carries only the first rows: page through the rest as the window does.
      const sender = { url: `${session.server.origin}/index.html`, isMainFrame: true, contentsId: session.backend.contentsIdOf(page) };
      const report = await session.backend.dispatcher.dispatch('copydesk:import.lastReport', {}, sender);
      const jobId = report.ok ? (report.value as { jobId: number } | null)?.jobId : undefined;
      const rows: Array<{ path: string; outcome: string; reason: string | null }> = [];
      for (let offset = 0; jobId !== undefined; ) {
        const page = await session.backend.dispatcher.dispatch('copydesk:import.reportRows', { jobId, offset, limit: 1000 }, sender);
        const got = page.ok ? (page.value as { rows: typeof rows }).rows : [];
        rows.push(...got);
        offset += got.length;
        if (got.length < 1000) break;
      }
      figures.notImported = rows.filter((r) => r.outcome !== 'imported').map((r) => `${r.path.split('/').pop()}: ${r.outcome} (${r.reason ?? ''})`.slice(0, 200));
    });
    const archive = Archive.open(config.archivePath);
    figures.articles = archive.stats().articles;
    archive.close();

    const search = page.getByLabel('Search the archive').first();
    const list = page.getByTestId('results');
    await timed('archive list', async () => {
      for (const query of ['', 'script', 'alert', 'onerror', 'javascript', 'svg', 'pwned', 'iframe', 'img', 'style', 'wire', 'escaped']) {
        await search.fill(query);
        await page.waitForTimeout(150);
        await list.getByRole('option').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
        await list.focus().catch(() => undefined);
        await page.keyboard.press('End');
        await page.waitForTimeout(100);
        bump('archive list searches');
      }
    });

    const previewHeadline = () => page.locator('[data-testid=preview] h2').textContent({ timeout: 5_000 }).catch(() => null);
    await timed('preview', async () => {
      await search.fill('');
      // Wait for the unfiltered list (the previous search's answer may still be showing).
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid=results] [role=option]')?.getAttribute('aria-setsize')) === n, figures.articles, { timeout: 10_000 });
      await list.getByRole('option').first().click();
      const total = await list.getByRole('option').first().getAttribute('aria-setsize').then(Number).catch(() => NaN);
      // CI size: the first 240 rows (every kind of file is among them), every third previewed; --full: every row.
      const steps = Math.min(Number.isFinite(total) && total > 0 ? total : 400, config.full ? Infinity : 240);
      const every = config.full ? 1 : 3;
      let last: string | null = null;
      for (let i = 0; i < steps; i++) {
        await page.keyboard.press('ArrowDown');
        if (i % every !== 0) continue;
        await page.waitForFunction((prev) => { const h = document.querySelector('[data-testid=preview] h2')?.textContent ?? null; return h !== null && h !== prev; }, last, { timeout: 3_000 }).catch(() => undefined);
        last = await previewHeadline();
        bump('previews');
        if (last !== null && /[<>]|javascript:/i.test(last)) bump('previews showing a payload as text');
      }
    });

    await timed('editor and export preview', async () => {
      // A sample of articles of every kind, found by their numbered headlines (the list is virtual: rows are found, not counted).
      const kinds = ['Page', 'Escaped', 'Wire', 'Note', 'Text'];
      const picks = Array.from({ length: config.full ? 100 : 10 }, (_, i) => `"${kinds[i % kinds.length]} ${(i * 7) % 90}"`);
      for (const query of picks) {
        await search.fill(query);
        const first = list.getByRole('option').first();
        if (!(await first.waitFor({ timeout: 5_000 }).then(() => true, () => false))) continue;
        await first.click();
        await page.locator('[data-testid=preview] h2').waitFor({ timeout: 5_000 });
        // The export preview: the core's sanitized document in a sandboxed iframe.
        await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'export' }));
        const dialog = page.getByRole('dialog', { name: 'Export' });
        await dialog.waitFor();
        await page.locator('iframe.export-frame').waitFor({ timeout: 10_000 });
        await page.waitForTimeout(50);
        bump('export previews');
        await dialog.getByRole('button', { name: 'Close' }).click();
        await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
        // The editor: the article's body as Lexical nodes, its fields as inputs.
        await page.getByRole('button', { name: 'Open for editing' }).click();
        const body = page.getByTestId('editor-body').last();
        await body.waitFor({ timeout: 10_000 });
        await body.evaluate((el) => el.querySelectorAll('*').forEach((n) => n.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))));
        bump('editor views');
        await page.getByRole('button', { name: 'Close the editor' }).last().click();
        await page.getByTestId('results').waitFor();
      }
    });

    // Pasted, not imported: every payload as clipboard HTML into a new article (the editor's real paste path), saved.
    await timed('paste', async () => {
      await newArticle(page);
      await page.getByLabel('Headline', { exact: true }).fill(`Pasted payloads ${HOSTILE_PAYLOADS[0]}`);
      await caretToEnd(page);
      const payloads = config.full ? HOSTILE_PAYLOADS : HOSTILE_PAYLOADS.filter((_, i) => i % 3 === 0);
      for (const payload of payloads) {
        await page.keyboard.press('Enter');
        await paste(page, { 'text/html': payload, 'text/plain': payload });
        bump('pastes');
      }
      await page.keyboard.press('Control+s');
      await waitSaved(page);
      await page.getByRole('button', { name: 'Close the editor' }).last().click();
      await page.getByTestId('results').waitFor();
    });

    await timed('batch export', async () => {
      for (const format of EXPORT_FORMATS) {
        await list.getByRole('option').first().click();
        await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'export' }));
        const dialog = page.getByRole('dialog', { name: 'Export' });
        await dialog.waitFor();
        await dialog.getByLabel('Export format').selectOption(format);
        await dialog.getByLabel('Articles to export (search)').fill('');
        session.backend.nextFolder = join(config.exportDir, format);
        await dialog.getByRole('button', { name: 'Export search results…' }).click();
        await page.waitForFunction(() => /exported/.test(document.querySelector('[data-testid=export-batch-result]')?.textContent ?? ''), null, { timeout: 120_000 });
        figures.exportsWritten[format] = readdirSync(join(config.exportDir, format)).filter((f) => f !== 'manifest.json').length;
        await dialog.getByRole('button', { name: 'Close' }).click();
        await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
      }
    });
    const after = Archive.open(config.archivePath);
    figures.articles = after.stats().articles;
    after.close();

    // Every exported file in Chromium, scripts on: as saved (file://, the document's own CSP applies),
    // and the documents once more WITHOUT their CSP (a CMS that takes the HTML would not keep it), so
    // the sanitizer alone must hold. Fragments go into a bare page, as a CMS would paste them.
    await timed('exported files', async () => {
      const viewer = await session.context.newPage();
      watch(viewer);
      // The probe must be able to fail: a known payload without CSP runs (2 calls), and with a CSP it is blocked (a violation).
      const [execBefore, cspBefore] = [figures.executions.length, figures.cspConsole.length];
      await viewer.setContent('<!DOCTYPE html><html><body><img src="x:" onerror="__pwned()"><script>alert(1)</script></body></html>', { waitUntil: 'load' });
      await viewer.setContent(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="script-src 'none'"></head><body><script>alert(1)</script></body></html>`, { waitUntil: 'load' });
      await viewer.waitForTimeout(200);
      figures.probeSelfTest = { executions: figures.executions.length - execBefore, csp: figures.cspConsole.length - cspBefore };
      figures.executions.splice(execBefore);
      figures.cspConsole.splice(cspBefore);
      for (const format of EXPORT_FORMATS) {
        const dir = join(config.exportDir, format);
        const files = readdirSync(dir).filter((f) => f !== 'manifest.json').sort();
        const every = pickEvery(files.length, format === 'html' || format === 'fragment' ? 40 : 20);
        let checked = 0;
        for (let i = 0; i < files.length; i += every) {
          const path = join(dir, files[i] ?? '');
          await viewer.goto(pathToFileURL(path).href, { waitUntil: 'load' });
          checked++;
          if (format === 'html' || format === 'fragment') {
            const text = readFileSync(path, 'utf8');
            const html = format === 'html' ? text.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '') : `<!DOCTYPE html><html><body>${text}</body></html>`;
            await viewer.setContent(html, { waitUntil: 'load' });
            await viewer.evaluate(() => {
              for (const el of Array.from(document.querySelectorAll('*'))) {
                for (const type of ['mouseover', 'focus', 'animationstart']) el.dispatchEvent(new Event(type, { bubbles: true }));
              }
            });
            checked++;
          }
        }
        await viewer.waitForTimeout(100);
        figures.exportsChecked[format] = checked;
      }
      await viewer.close();
    });
    figures.pageErrors.push(...session.problems.filter((p) => !/Content Security Policy/i.test(p)).map((p) => p.slice(0, 200)));
  } finally {
    await session.close();
  }
}

main().then(
  () => process.stdout.write(`\n@@figures ${JSON.stringify(figures)}\n`),
  (error: unknown) => {
    process.stdout.write(`\n@@figures ${JSON.stringify({ ...figures, crashed: String((error as Error)?.stack ?? error).slice(0, 2000) })}\n`);
    process.exitCode = 1;
  },
);
