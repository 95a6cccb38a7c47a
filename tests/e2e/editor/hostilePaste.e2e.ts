// Hostile paste → save → export, end to end: the export XSS corpus
// (electron/archive/export/xssCorpus.ts) is pasted into the editor through the
// real paste path (a ClipboardEvent carrying text/html), saved with Ctrl+S, and
// exported by the core's exporter from the archive the page wrote. The export
// is audited by parsing (auditHtml) and then loaded into Chromium; nothing may
// run at any step: no dialog, and the `window.__pwned` probe never set.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHtml } from '../../../electron/archive/export/audit.ts';
import { exportArticles } from '../../../electron/archive/export/exporter.ts';
import { renderExport } from '../../../electron/archive/export/render.ts';
import { XSS_STRINGS, XSS_URLS } from '../../../electron/archive/export/xssCorpus.ts';
import { BODY_NODE_TYPES } from '../../../shared/editor/nodes.ts';
import { openSession, type Session } from '../support/session.ts';
import { caretToEnd, freshPage, history, openInEditor, paste, readArchive, seedArticle, stored } from './helpers.ts';

let dir: string;
let archivePath: string;
let session: Session;
let id: string;

const PROBE = '(window.__pwned=(window.__pwned||0)+1)';
/** Every payload as written (alert → a dialog) and with the probe in place of alert(1). */
const PAYLOADS = [...XSS_STRINGS, ...XSS_STRINGS.filter((s) => s.includes('alert(1)')).map((s) => s.replaceAll('alert(1)', PROBE))];
const URLS = [...XSS_URLS, ...XSS_URLS.filter((u) => u.includes('alert(1)')).map((u) => u.replaceAll('alert(1)', PROBE))];
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-hostile-export-e2e-'));
  archivePath = join(dir, 'archive.sqlite');
  id = seedArticle(archivePath, { headline: 'Hostile export story' }, ['Start.']);
  session = await openSession(archivePath);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

function watch(page: Page): { dialogs: string[]; pwned: () => Promise<unknown> } {
  const dialogs: string[] = [];
  page.on('dialog', (d: Dialog) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(() => undefined);
  });
  return { dialogs, pwned: () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned) };
}

describe('hostile paste, saved and exported', () => {
  it('keeps the XSS corpus inert from the clipboard to the exported file', async () => {
    const page = await freshPage(session);
    const probe = watch(page);
    await openInEditor(page, 'Hostile export story');
    await page.getByLabel('Headline', { exact: true }).fill(`Hostile export story ${XSS_STRINGS[0]} ${XSS_STRINGS[8]}`);
    await caretToEnd(page);
    // 1. Each payload as clipboard HTML, one paste each (an unclosed <textarea> or <!-- would otherwise swallow the rest).
    for (const payload of PAYLOADS) {
      await page.keyboard.press('Enter');
      await paste(page, { 'text/html': payload, 'text/plain': payload });
    }
    // 2. Every hostile URL as a link, as a web page's HTML would carry it.
    await page.keyboard.press('Enter');
    await paste(page, { 'text/html': URLS.map((u, i) => `<p><a href="${escapeHtml(u)}" onclick="${PROBE}">url ${i}</a></p>`).join('') });
    // 3. The payloads as text (escaped in HTML, and as plain text only): they must survive as words, and be escaped on export.
    await page.keyboard.press('Enter');
    await paste(page, { 'text/html': PAYLOADS.map((p) => `<p>${escapeHtml(p)}</p>`).join('') });
    await page.keyboard.press('Enter');
    await paste(page, { 'text/plain': XSS_STRINGS.slice(0, 12).join('\n') });

    const body = page.getByTestId('editor-body');
    expect(await body.innerText()).toContain('<script>alert(1)</script>'); // the text arrived, as text
    expect(await body.locator('script, img, svg, math, iframe, object, embed, form, button, base, meta, link, style, template, noscript, textarea, details').count()).toBe(0);
    const attrs = await body.evaluate((el) => Array.from(el.querySelectorAll('*')).flatMap((n) => Array.from(n.attributes).map((a) => `${n.localName}[${a.name}=${a.value}]`)));
    expect(attrs.filter((a) => /\[on|\[style=|\[srcdoc=|javascript:|vbscript:|data:/i.test(a))).toEqual([]);
    const hrefs = await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.every((h) => /^(https?:|mailto:)/i.test(h)), hrefs.join(' ')).toBe(true);

    // Save a revision the way a desk editor does.
    await page.keyboard.press('Control+s');
    await expect.poll(() => history(archivePath, id).at(-1)?.reason, { timeout: 10_000 }).toBe('save');
    await expect.poll(() => stored(archivePath, id).bodyText.includes('url 0')).toBe(true);
    expect(probe.dialogs).toEqual([]);
    expect(await probe.pwned()).toBeUndefined();
    await page.close();

    const article = stored(archivePath, id);
    const types = new Set<string>();
    const walk = (n: { type: string; children?: unknown[] }) => (types.add(n.type), (n.children ?? []).forEach((c) => walk(c as typeof n)));
    walk(article.body.root);
    expect([...types].filter((t) => !(BODY_NODE_TYPES as readonly string[]).includes(t))).toEqual([]);

    // Export through the core: the exporter writes the file (and its `export` revision) from the saved article.
    const outDir = join(dir, 'out');
    const report = readArchive(archivePath, (a) => exportArticles(a, [id], { outDir, format: 'html' }));
    expect(report).toMatchObject({ exported: 1, failed: 0 });
    const html = readFileSync(join(outDir, report.files[0]!.file!), 'utf8');
    const audit = auditHtml(html, { allowJsonLd: true });
    expect(audit.problems).toEqual([]);
    expect(audit.jsonLd).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;'); // the payload text is in the export, escaped
    // The one script is the JSON-LD block (auditHtml checked its type and place); <style> is the exporter's own print sheet.
    expect(audit.tags.filter((t) => ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'form', 'math', 'base', 'meta'].includes(t))).toEqual(['meta', 'script']);
    expect(html.match(/<style\b/g) ?? []).toHaveLength(html.includes('@media print') ? 1 : 0);
    expect(auditHtml(renderExport(article, 'fragment'), { allowJsonLd: false }).problems).toEqual([]);
    expect(history(archivePath, id).at(-1)?.reason).toBe('export');

    // And the exported page, opened in Chromium with scripts on, runs nothing.
    const viewer = await session.context.newPage();
    const seen = watch(viewer);
    await viewer.setContent(html, { waitUntil: 'load' });
    await viewer.mouse.move(200, 200);
    await viewer.locator('a').evaluateAll((as) => as.forEach((a) => a.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }))));
    await viewer.waitForTimeout(200);
    expect(seen.dialogs).toEqual([]);
    expect(await seen.pwned()).toBeUndefined();
    expect(await viewer.locator('body').innerText()).toContain('<script>alert(1)</script>');
    await viewer.close();
  });
});
