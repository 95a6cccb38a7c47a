// Typing latency in Chromium: Copydesk's editor vs a bare Lexical rich-text
// editor, same document, same run, alternating so machine noise hits both.
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumExecutable } from '../../scripts/chromium-path.mjs';
import { SECURITY_HEADERS } from '../../electron/main/protocol/csp.ts';
import { percentile } from '../lib/metrics.ts';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** What page/latency.tsx leaves on the page's global object. */
interface PageGlobals {
  __ready: boolean;
  __latencies: number[];
}

export interface TypingFigures {
  words: number;
  fullP95: number;
  fullP50: number;
  bareP95: number;
  bareP50: number;
  samples: number;
}

async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'page'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
  });
}

async function serve(root: string) {
  const base = normalize(root) + sep;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(base, path === '/' ? 'index.html' : path));
    if (!file.startsWith(base)) return void res.writeHead(404).end();
    readFile(file).then(
      (b) => res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(b),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${address.port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export async function measureTyping(sizes: number[], keystrokes = 120, gapMs = 60, rounds = 2): Promise<TypingFigures[]> {
  const out = mkdtempSync(join(tmpdir(), 'copydesk-bench-page-'));
  await buildPage(out);
  const server = await serve(out);
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const results: TypingFigures[] = [];
    for (const words of sizes) {
      const samples: Record<'full' | 'bare', number[]> = { full: [], bare: [] };
      for (let round = 0; round < rounds; round++) {
        for (const mode of round % 2 === 0 ? (['full', 'bare'] as const) : (['bare', 'full'] as const)) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
          await page.goto(`${server.origin}/index.html#mode=${mode}&words=${words}`);
          await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__ready === true, undefined, { timeout: 120_000 });
          const body = page.getByTestId('editor-body');
          await body.waitFor({ timeout: 120_000 });
          await body.click();
          await page.keyboard.press('Control+End');
          await page.waitForTimeout(1500);
          await page.evaluate(() => ((globalThis as unknown as PageGlobals).__latencies = []));
          const text = 'the quick brown fox jumps over the lazy dog ';
          for (let i = 0; i < keystrokes; i++) {
            await page.keyboard.type(text[i % text.length]!);
            await page.waitForTimeout(gapMs);
          }
          await page.waitForTimeout(300);
          const lat = await page.evaluate(() => (globalThis as unknown as PageGlobals).__latencies);
          const typed = await body.evaluate((el) => (el as { textContent: string | null }).textContent ?? '');
          if (!typed.includes('the quick brown')) throw new Error(`${mode} ${words}: the typed text did not reach the DOM`);
          samples[mode].push(...lat.slice(10));
          await page.close();
        }
      }
      results.push({
        words,
        fullP95: percentile(samples.full, 95),
        fullP50: percentile(samples.full, 50),
        bareP95: percentile(samples.bare, 95),
        bareP50: percentile(samples.bare, 50),
        samples: samples.full.length,
      });
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
}
