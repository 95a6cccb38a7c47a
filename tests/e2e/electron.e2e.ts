// The real Electron shell, checked from outside with Playwright's _electron:
// every window's web preferences, the CSP, blocked navigation and new
// windows, links offered outside only after a native question, a link inside
// a frame going nowhere, paths reaching main only as grants of the user's
// choice (real webUtils: a File the page makes has no path), and IPC refusing
// malformed payloads, unknown calls and foreign senders. Needs an Electron binary and the Electron-ABI better-sqlite3
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
    // Stand in for the user at main's native question (Cancel unless a test says otherwise) and for the
    // system browser, so no real dialog or browser opens while the spec runs.
    await app.evaluate(({ dialog, shell }) => {
      const g = globalThis as unknown as { __asked: string[]; __opened: string[]; __answer: number };
      g.__asked = [];
      g.__opened = [];
      g.__answer = 1;
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = args.at(-1) as { detail?: string };
        g.__asked.push(String(options.detail ?? '').split('\n')[0] ?? '');
        return { response: g.__answer, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
      shell.openExternal = (async (url: string) => void g.__opened.push(url)) as typeof shell.openExternal;
    });
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

  it('asks before a link leaves the app, opens nothing on Cancel, and drops a mailto query', async () => {
    await app.evaluate(() => {
      const g = globalThis as unknown as { __asked: string[]; __opened: string[]; __answer: number };
      g.__asked = [];
      g.__opened = [];
      g.__answer = 1;
    });
    const state = () => app.evaluate(() => ({ asked: (globalThis as unknown as { __asked: string[] }).__asked, opened: (globalThis as unknown as { __opened: string[] }).__opened }));
    await win.evaluate(() => window.open('https://example.com/story'));
    await new Promise((r) => setTimeout(r, 300));
    expect(await state()).toEqual({ asked: ['https://example.com/story'], opened: [] });
    await app.evaluate(() => void ((globalThis as unknown as { __answer: number }).__answer = 0));
    await win.evaluate(() => window.open('mailto:desk@example.com?subject=x&attach=/etc/passwd'));
    await new Promise((r) => setTimeout(r, 300));
    expect(await state()).toEqual({ asked: ['https://example.com/story', 'mailto:desk@example.com'], opened: ['mailto:desk@example.com'] });
  });

  it('keeps a frame on its srcdoc when a link inside it is clicked, asking nothing', async () => {
    await win.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', '');
      frame.srcdoc = '<p><a id="out" href="https://example.com/from-preview">a link in the preview</a></p>';
      document.body.append(frame);
    });
    const frame = await (async () => {
      for (let i = 0; i < 50; i++) {
        const found = win.frames().find((f) => f !== win.mainFrame() && f.url() === 'about:srcdoc');
        if (found && (await found.locator('#out').count()) > 0) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('the srcdoc frame did not load');
    })();
    const asked = await app.evaluate(() => (globalThis as unknown as { __asked: string[] }).__asked.length);
    await frame.locator('#out').click();
    await new Promise((r) => setTimeout(r, 500));
    expect(win.frames().filter((f) => f !== win.mainFrame()).map((f) => f.url())).toEqual(['about:srcdoc']);
    expect(await app.evaluate(() => (globalThis as unknown as { __asked: string[] }).__asked.length)).toBe(asked);
    await win.evaluate(() => document.querySelector('iframe[srcdoc]')?.remove());
  });

  it('takes paths only as grants of the user’s choice', async () => {
    const codes = await win.evaluate(async () => {
      const c = window.copydesk!;
      const loose = c.import.start as unknown as (x: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
      const raw = await loose({ paths: ['/etc/hostname'] });
      const forged = await c.import.start({ grant: 'A'.repeat(43) });
      // Real webUtils: a File the page builds has no path, so nothing is granted.
      const made = await c.app.dropFiles(new File(['x'], 'hostname'));
      return { raw: raw.ok ? 'ok' : raw.error?.code, forged: forged.ok ? 'ok' : forged.error.code, made: made.ok ? made.value : made.error.code, door: 'grantDropped' in c.app };
    });
    expect(codes).toEqual({ raw: 'invalid-payload', forged: 'forbidden-path', made: { grant: null }, door: false });
    // The user's choice in the open dialog (answered here for them) comes back as a grant the import takes.
    await app.evaluate(({ dialog }, chosen) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
    }, dir);
    const chosen = await win.evaluate(() => window.copydesk!.app.choosePaths({ kind: 'folder' }));
    expect(chosen).toMatchObject({ ok: true, value: { grant: { id: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), paths: [dir] } } });
  });

  it('exposes only the contract, and IPC refuses malformed payloads', async () => {
    const keys = await win.evaluate(() => Object.keys(window.copydesk ?? {}).sort());
    expect(keys).toEqual(['app', 'archive', 'editor', 'export', 'import']);
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
