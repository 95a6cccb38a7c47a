// The Node side of the Chromium tests: the real archive workers (run from
// source), the real dispatcher and handlers, and the real import controller;
// only Electron's dialogs, shell and webContents.send are stand-ins.
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
import { ImportController } from '../../../electron/main/import/controller.ts';
import { ArchiveWorkers } from '../../../electron/main/worker/pool.ts';

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
  opened: string[];
  /** Milliseconds to hold an answer back (to make a stale answer arrive last). */
  delay: (channel: unknown, payload: unknown) => number;
  logged: Array<{ level: string; message: string }>;
  attach(page: Page): Promise<void>;
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

export async function startBackend(options: { archivePath: string; origin: string; readers?: number }): Promise<Backend> {
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
      page.evaluate(([c, p]) => window.__copydeskEmit(c as string, p), [channel, payload] as const).catch(() => undefined);
    }
  };
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-e2e-io-'));
  const backend: Backend = {
    dir,
    archivePath: options.archivePath,
    workers,
    nextPaths: [],
    nextSavePath: null,
    nextFolder: null,
    clipboard: [],
    opened: [],
    delay: () => 0,
    logged,
    dispatcher: undefined as unknown as Dispatcher,
    async attach(page) {
      pages.add(page);
      await page.exposeBinding('__copydeskInvoke', async (source, channel: unknown, payload: unknown) => {
        const result = await backend.dispatcher.dispatch(channel, payload, { url: source.frame.url(), isMainFrame: source.frame === source.page.mainFrame() });
        const hold = backend.delay(channel, payload);
        if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
        return result;
      });
      await page.addInitScript({ content: await pageBridgeScript() });
    },
    async close() {
      await workers.close();
    },
  };
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
    openExternal: async (url) => void backend.opened.push(url),
    writeTextFile: async (path, text) => writeFileSync(path, text),
    writeClipboard: (data) => void backend.clipboard.push(data),
  };
  backend.dispatcher = createDispatcher({ contract, handlers, trustedOrigin: options.origin, context: () => context, log });
  return backend;
}
