// The Node side of the Chromium tests: the real archive workers (run from
// source), the real dispatcher and handlers, the real import controller and
// path grants; only Electron's dialogs, clipboard and webContents.send are
// stand-ins. The fake dialogs are the harness's only way to make a grant, as
// the real ones are the app's: a test says what the next dialog "chooses" and
// the page (or chooseForImport) goes through the real app.choosePaths.
import { Worker } from 'node:worker_threads';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { contract } from '../../../shared/contract/index.ts';
import { eventChannel } from '../../../shared/contract/define.ts';
import { createDispatcher, type Dispatcher } from '../../../electron/main/ipc/dispatch.ts';
import { handlers } from '../../../electron/main/ipc/registry.ts';
import type { Emit, Logger, MainContext } from '../../../electron/main/ipc/types.ts';
import { PathGrants } from '../../../electron/main/grants/pathGrants.ts';
import { ImportController } from '../../../electron/main/import/controller.ts';
import { ArchiveWorkers } from '../../../electron/main/worker/pool.ts';
import { SyncController } from '../../../electron/main/sync/controller.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '..', '..', '..');
const WORKER_ENTRY = join(repo, 'electron/main/worker/archiveWorker.ts');

export interface Backend {
  dir: string;
  archivePath: string;
  dispatcher: Dispatcher;
  workers: ArchiveWorkers;
  /** What the next native open dialog "chooses". */
  nextPaths: string[];
  /** Where the next native save dialog "saves"; null = cancelled. */
  nextSavePath: string | null;
  /** What the next native folder dialog "chooses" (export); null = cancelled. */
  nextFolder: string | null;
  /** What was put on the system clipboard, newest last. */
  clipboard: Array<{ html: string; text: string }>;
  /** Milliseconds to hold an answer back (to make a stale answer arrive last). */
  delay: (channel: unknown, payload: unknown) => number;
  logged: Array<{ level: string; message: string }>;
  grants: PathGrants;
  /**
   * Wire a page to this backend. `dropRoot` stands in for Electron's webUtils: a dropped File
   * named n reads as dropRoot/n (fixed when the page loads; the page cannot change it).
   */
  attach(page: Page, options?: { dropRoot?: string }): Promise<void>;
  /** The web contents id main sees for a page (grants are bound to it). */
  contentsIdOf(page: Page): number;
  /**
   * What a test that drives no page does to import: the fake open dialog chooses `paths` and
   * the real app.choosePaths handler issues the import grant, as for a user in window `contentsId`.
   */
  chooseForImport(paths: string[], sender: { url: string; contentsId?: number }): Promise<string>;
  close(): Promise<void>;
}

let bridgeScript: Promise<string> | null = null;

/** The page-side bridge, bundled once per test process. */
export function pageBridgeScript(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [join(here, 'pageBridge.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'chrome120',
  }).then((r) => r.outputFiles[0]?.text ?? '');
  return bridgeScript;
}

/** `sync`: the app's shared-archive controller, with an in-memory stand-in for the OS keychain. */
export async function startBackend(options: { archivePath: string; origin: string; readers?: number; sync?: boolean }): Promise<Backend> {
  const logged: Backend['logged'] = [];
  const log: Logger = {
    info: (message) => logged.push({ level: 'info', message }),
    warn: (message) => logged.push({ level: 'warn', message }),
    error: (message, details) => {
      logged.push({ level: 'error', message });
      console.error('backend error:', message, details);
    },
  };
  const workers = await ArchiveWorkers.start({
    archivePath: options.archivePath,
    readers: options.readers ?? 2,
    spawn: (setup) => new Worker(join(here, 'workerBootstrap.mjs'), { workerData: { ...setup, entry: WORKER_ENTRY } }),
    log,
  });
  const pages = new Set<Page>();
  const emit: Emit = (domainName, eventName, payload) => {
    const channel = eventChannel(domainName, eventName);
    for (const page of pages) {
      if (page.isClosed()) continue;
      // As a JSON string (see the binding below for why).
      page.evaluate(([c, json]) => window.__copydeskEmitJson(c, json), [channel, JSON.stringify(payload)] as const).catch(() => undefined);
    }
  };
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-io-'));
  const ids = new WeakMap<Page, number>();
  let nextId = 1;
  const contentsIdOf = (page: Page) => {
    if (!ids.has(page)) ids.set(page, nextId++);
    return ids.get(page) as number;
  };
  const grants = new PathGrants({ log });
  const backend: Backend = {
    dir,
    archivePath: options.archivePath,
    workers,
    nextPaths: [],
    nextSavePath: null,
    nextFolder: null,
    clipboard: [],
    delay: () => 0,
    logged,
    grants,
    dispatcher: undefined as unknown as Dispatcher,
    contentsIdOf,
    async attach(page, attachOptions = {}) {
      pages.add(page);
      const contentsId = contentsIdOf(page);
      await page.exposeBinding('__copydeskInvoke', async (source, channel: unknown, payload: unknown) => {
        const result = await backend.dispatcher.dispatch(channel, payload, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame(), contentsId });
        const hold = backend.delay(channel, payload);
        if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
        // As one JSON string, not an object: Playwright's protocol checks and re-encodes every nested
        // value in JavaScript on this (main's) thread, ≈ 100 ms for a 65 KB page of search results,
        // where Electron's IPC clones it in C++ in well under a millisecond. An object would make main
        // look busier than the app's ever is (family 10 times searches through main). The contract's
        // values are plain JSON, so the page gets the same value.
        return JSON.stringify(result);
      });
      // Read (and removed) by the bridge before any page script runs.
      await page.addInitScript((root) => ((window as unknown as { __copydeskDropRoot?: string }).__copydeskDropRoot = root ?? undefined), attachOptions.dropRoot ?? null);
      await page.addInitScript({ content: await pageBridgeScript() });
    },
    async chooseForImport(paths, sender) {
      backend.nextPaths = paths;
      const r = await backend.dispatcher.dispatch('copydesk:app.choosePaths', { kind: 'folder' }, { url: sender.url, isMainFrame: true, contentsId: sender.contentsId ?? 0 });
      const grant = r.ok ? (r.value as { grant: { id: string } | null }).grant : null;
      if (!grant) throw new Error(`the fake dialog gave no grant: ${JSON.stringify(r)}`);
      return grant.id;
    },
    async close() {
      await syncControl?.stop();
      await workers.close();
    },
  };
  const keychain = new Map<string, string>();
  const syncControl = options.sync
    ? new SyncController(workers, { save: (name, secret) => (keychain.set(name, secret), true), load: (name) => keychain.get(name) ?? null }, emit, log)
    : undefined;
  const imports = new ImportController(workers, emit);
  const context: MainContext = {
    archivePath: options.archivePath,
    version: '0.0.0-test',
    platform: process.platform,
    workers,
    imports,
    emit,
    log,
    dialogs: {
      openPaths: async () => backend.nextPaths,
      saveFile: async () => backend.nextSavePath,
      chooseFolder: async () => backend.nextFolder,
    },
    grants,
    writeTextFile: async (path, text) => writeFileSync(path, text),
    writeClipboard: (data) => void backend.clipboard.push(data),
    ...(syncControl ? { sync: syncControl } : {}),
  };
  backend.dispatcher = createDispatcher({ contract, handlers, trustedOrigin: options.origin, context: () => context, log });
  return backend;
}
