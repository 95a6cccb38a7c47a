// One browser page wired to a backend over a given archive, for a test file.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Backend, startBackend } from './backend.ts';
import { launchChromium } from './browser.ts';
import { serveRenderer, type StaticServer } from './server.ts';

export const RENDERER_ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'out', 'renderer');

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  backend: Backend;
  server: StaticServer;
  /** Console errors and CSP violations seen by the page. */
  problems: string[];
  close(): Promise<void>;
}

export async function openSession(archivePath: string, options: { colorScheme?: 'light' | 'dark'; dropRoot?: string; readers?: number; sync?: boolean } = {}): Promise<Session> {
  const server = await serveRenderer(RENDERER_ROOT);
  const backend = await startBackend({ archivePath, origin: server.origin, ...(options.readers ? { readers: options.readers } : {}), ...(options.sync ? { sync: true } : {}) });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await backend.attach(page, options.dropRoot ? { dropRoot: options.dropRoot } : {});
  await page.goto(`${server.origin}/index.html`);
  return {
    browser,
    context,
    page,
    backend,
    server,
    problems,
    async close() {
      await browser.close().catch(() => undefined);
      await backend.close();
      await server.close();
    },
  };
}

const REPO = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

/**
 * Where a screenshot goes: docs/ when COPYDESK_SCREENSHOTS=docs (to refresh the
 * README's pictures, on a machine with CJK fonts), else test-results/ so a test
 * run does not rewrite tracked files.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.COPYDESK_SCREENSHOTS === 'docs' ? join(REPO, 'docs') : join(REPO, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}
