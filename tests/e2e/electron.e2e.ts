// The real Electron shell, checked from outside with Playwright's _electron:
// every window's web preferences, the CSP, blocked navigation and new
// windows, and IPC refusing malformed payloads, unknown calls and foreign
// senders. Needs an Electron binary and the Electron-ABI better-sqlite3
// (npm run native:electron); elsewhere it prints why it skipped.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspHeader } from '../../electron/main/protocol/csp.ts';
import { electronBinary } from '../../scripts/electron-path.mjs'; // shared with scripts/start.mjs

const ROOT = join(import.meta.dirname, '..', '..');
const binary: string | null = electronBinary(ROOT);
const nativeReady = existsSync(join(ROOT, 'native', 'electron', 'better_sqlite3.node'));
const skipReason = binary === null ? 'skipped: no Electron binary' : !nativeReady ? 'skipped: no Electron-ABI better-sqlite3 (run npm run native:electron)' : null;
if (skipReason) console.log(skipReason);

describe.skipIf(skipReason !== null)('the Electron shell', () => {
  let app: ElectronApplication;
  let win: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'copydesk-electron-'));
    app = await _electron.launch({
      executablePath: binary as string,
      // The package folder, like `npm start`: main comes from package.json and app.getAppPath() is the checkout.
      args: [ROOT],
      env: { ...process.env, COPYDESK_DB: join(dir, 'archive.sqlite'), ELECTRON_ENABLE_LOGGING: '1' },
    });
    win = await app.firstWindow();
    await win.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads from app://copydesk with locked-down web preferences in every window', async () => {
    expect(win.url()).toBe('app://copydesk/index.html');
    const prefs = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => {
        // Not in electron.d.ts, but present at run time; it reports what the renderer really got.
        const contents = w.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
        const p = contents.getLastWebPreferences?.() ?? {};
        return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag };
      }),
    );
    expect(prefs.length).toBeGreaterThan(0);
    for (const p of prefs) expect(p).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(await win.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (window as unknown as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
  });

  it('sends the CSP header and enforces it', async () => {
    expect(await win.evaluate(() => fetch('app://copydesk/index.html').then((r) => r.headers.get('content-security-policy')))).toBe(cspHeader());
    expect(await win.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '')).toContain("script-src 'self'");
    expect(
      await win.evaluate(() => {
        try {
          return String(eval('1 + 1'));
        } catch {
          return 'blocked';
        }
      }),
    ).toBe('blocked');
    expect(
      await win.evaluate(async () => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.body.append(s);
        await new Promise((r) => setTimeout(r, 100));
        return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
      }),
    ).toBe(false);
  });

  it('blocks navigation away and new windows', async () => {
    const before = app.windows().length;
    await win.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(win.url()).toBe('app://copydesk/index.html');
    expect(await win.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(await win.evaluate(() => window.open('app://copydesk/index.html') === null)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(app.windows().length).toBe(before);
  });

  it('exposes only the contract, and IPC refuses malformed payloads', async () => {
    const keys = await win.evaluate(() => Object.keys(window.copydesk ?? {}).sort());
    expect(keys).toEqual(['app', 'archive', 'editor', 'import']);
    expect(await win.evaluate(() => 'ipcRenderer' in (window.copydesk ?? {}) || 'send' in (window.copydesk?.archive ?? {}))).toBe(false);
    const bad = await win.evaluate(() => window.copydesk?.archive.search({ query: 42 } as unknown as { query: string }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const good = await win.evaluate(() => window.copydesk?.archive.stats({}));
    expect(good).toMatchObject({ ok: true });
  });

  it('refuses unknown channels and foreign senders', async () => {
    // An unknown channel has no handler in main at all.
    const unknown = await app.evaluate(async ({ ipcMain }) => {
      const registered = (ipcMain as unknown as { _invokeHandlers?: Map<string, unknown> })._invokeHandlers;
      return registered ? [...registered.keys()].filter((c) => !c.startsWith('copydesk:')) : null;
    });
    if (unknown !== null) expect(unknown).toEqual([]);
    // A page from elsewhere that somehow got our preload is refused.
    const preload = join(ROOT, 'out', 'preload', 'index.cjs');
    await app.evaluate(async ({ BrowserWindow }, path) => {
      const foreign = new BrowserWindow({ show: false, webPreferences: { preload: path, sandbox: true, contextIsolation: true } });
      await foreign.loadURL('data:text/html,<title>foreign</title><p>foreign</p>');
    }, preload);
    const foreignPage = await waitForWindow(app, (p) => p.url().startsWith('data:'));
    const answer = await foreignPage.evaluate(() => window.copydesk?.archive.stats({}));
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });
});

async function waitForWindow(app: ElectronApplication, match: (p: Page) => boolean): Promise<Page> {
  for (let i = 0; i < 50; i++) {
    const found = app.windows().find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('window did not appear');
}

if (skipReason) {
  describe('the Electron shell (skipped)', () => {
    it('prints why it did not run', () => {
      expect(skipReason).toMatch(/^skipped: /);
    });
  });
}
