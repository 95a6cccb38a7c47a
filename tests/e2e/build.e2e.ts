// What `electron-vite build` produced is what the shell expects: a CommonJS
// preload that needs nothing but electron (a sandboxed preload cannot load
// packages), the worker beside main, and the CSP meta tag in index.html.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cspHeader, cspMeta } from '../../electron/main/protocol/csp.ts';
import { contract } from '../../shared/contract/index.ts';
import { methodChannel } from '../../shared/contract/define.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'out');

describe('the build', () => {
  it('has a sandbox-safe preload', () => {
    const preload = readFileSync(join(OUT, 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });

  it('puts the archive worker beside main', () => {
    expect(existsSync(join(OUT, 'main', 'index.js'))).toBe(true);
    expect(existsSync(join(OUT, 'main', 'archiveWorker.js'))).toBe(true);
  });

  it('puts a working import prepare worker beside the archive worker', async () => {
    const entry = join(OUT, 'main', 'importPrepareWorker.js');
    expect(existsSync(entry)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-prepare-build-'));
    const worker = new Worker(entry);
    try {
      writeFileSync(join(dir, 'story.txt'), 'Built worker\n\nIt prepares files.\n');
      const reply = await new Promise<{ prepared: Array<{ kind: string; articles?: Array<{ fields: { headline?: string } }> }> }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({
          id: 1,
          requests: [{ entry: { path: join(dir, 'story.txt'), size: 32 }, knownSha256: null }],
          options: { timezone: 'UTC', encoding: null, maxSizeBytes: 1_000_000, keepOriginals: true },
        });
      });
      expect(reply.prepared[0]?.kind).toBe('parsed');
      expect(reply.prepared[0]?.articles?.[0]?.fields.headline).toBe('Built worker');
    } finally {
      await worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('puts a working pull prepare worker beside the archive worker', async () => {
    const entry = join(OUT, 'main', 'syncPrepareWorker.js');
    expect(existsSync(entry)).toBe(true);
    const worker = new Worker(entry);
    try {
      // A revision whose snapshot hash is wrong: the worker answers why, and prepares nothing of it.
      const revision = { rid: 'r1', articleId: 'a1', parents: [], madeAt: '2026-12-03T00:00:00Z', author: 'kim', reason: 'save', name: null, hash: 'wrong', fields: '{"headline":"Built"}', bodyHash: 'b1', wordCount: 1, desk: 'd', status: 'draft', seq: 1, source: '{}' };
      const reply = await new Promise<{ parts: { verdicts: Map<string, true | string> } }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 1, revisions: [revision], bodies: new Map() });
      });
      expect(reply.parts.verdicts.get('r1')).toMatch(/does not match its hash/);
    } finally {
      await worker.terminate();
    }
  });

  it('writes the CSP meta tag into index.html, with module scripts only', () => {
    const html = readFileSync(join(OUT, 'renderer', 'index.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${cspMeta()}" />`);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\.\/assets\//);
      expect(body?.trim()).toBe('');
    }
  });
});

// Without an Electron binary, the built main process still starts under Node
// with a stand-in `electron` module (support/fake-electron): this checks the
// wiring that only the Electron spec could otherwise see.
describe('the built main process, under a stand-in electron module', () => {
  it('opens the archive in workers, locks the window down and answers IPC with values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'copydesk-smoke-'));
    try {
      const run = spawnSync(process.execPath, [join(ROOT, 'tests/e2e/support/fake-electron/smoke.mjs')], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          FAKE_ELECTRON_MAIN: pathToFileURL(join(OUT, 'main', 'index.js')).href,
          FAKE_ELECTRON_APP_PATH: ROOT,
          COPYDESK_DB: join(dir, 'archive.sqlite'),
          COPYDESK_SQLITE_BINDING: join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
        },
      });
      const line = run.stdout.split('\n').find((l) => l.startsWith('SMOKE '));
      expect(line, run.stderr).toBeDefined();
      const out = JSON.parse((line as string).slice(6));
      expect(out.errors).toEqual([]);
      expect(out.url).toBe('app://copydesk/index.html');
      expect(out.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
      expect(out.webPreferences.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
      expect(out.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
      // Exactly one ipcMain handler per contract method (the page's and the preload-only ones), and nothing else.
      const expected = Object.entries(contract).flatMap(([d, spec]) => [...Object.keys(spec.methods), ...Object.keys('preload' in spec ? spec.preload : {})].map((m) => methodChannel(d, m)));
      expect(out.channels).not.toContain('copydesk:app.openExternal');
      expect(out.channels).toEqual(expected.sort());
      expect(out.stats).toMatchObject({ ok: true, value: { articles: 0 } });
      expect(out.search).toMatchObject({ ok: true, value: { total: 0, hits: [] } });
      expect(out.badPayload).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
      expect(out.foreignOrigin).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(out.subFrame).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(out.unknownChannelRegistered).toBe(false);
      expect(out.rawPaths).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
      expect(out.forgedGrant).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
      expect(out.cancelledDialog).toEqual({ ok: true, value: { grant: null } });
      expect(out.page).toMatchObject({ status: 200, csp: cspHeader(), type: 'text/html; charset=utf-8' });
      expect(out.page.html).toContain('Content-Security-Policy');
      expect(out.escapeStatus).toBe(404);
      expect(out.otherHostStatus).toBe(404);
      expect(out.navigationBlocked).toBe(true);
      // A link from the page opens outside only after a native question in the window, and not when cancelled.
      expect(out.askedBeforeOpening).toEqual([{ message: 'Open this link in your browser?', url: 'https://example.com/story', buttons: ['Open Link', 'Cancel'], cancelId: 1, parented: true }]);
      expect(out.openedAfterCancel).toEqual([]);
      expect(out.openedAfterYes).toEqual(['mailto:desk@example.com']); // its query (attach=…) dropped
      // A link inside a frame (the export preview) goes nowhere and asks nothing; the frame's own srcdoc loads.
      expect(out.frameNavigationBlocked).toBe(true);
      expect(out.srcdocAllowed).toBe(true);
      expect(out.messageBoxesAfterFrame).toBe(2);
      expect(out.webviewBlocked).toBe(true);
      expect(out.windowOpen).toEqual({ action: 'deny' });
      expect(out.permissionGranted).toBe(false);
      expect(out.menu).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', '&Help']));
      expect(out.fileMenu).toEqual(['New Article', 'separator', 'Import Files…', 'Import Folder…', 'Export…', 'separator', 'Back Up Archive…', 'separator', 'Close Tab', 'quit']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
