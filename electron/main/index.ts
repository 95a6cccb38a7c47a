// The Electron main process: lifecycle and wiring only. The archive lives in
// worker threads (./worker), IPC goes through one dispatcher (./ipc).
import { app, BrowserWindow, clipboard, ClipboardItem, dialog } from 'electron';
import { Worker } from 'node:worker_threads';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { contract } from '../../shared/contract/index.ts';
import { eventChannel } from '../../shared/contract/define.ts';
import { openProblemHash } from '../../shared/model/openProblem.ts';
import type { Result } from '../../shared/result.ts';
import { defaultArchivePath } from '../archive/paths.ts';
import { createDispatcher } from './ipc/dispatch.ts';
import { handlers } from './ipc/registry.ts';
import type { Emit, MainContext } from './ipc/types.ts';
import { wireIpc } from './ipc/wire.ts';
import { AutoBackupScheduler, type AutoBackupOutcome } from './backup/autoBackupScheduler.ts';
import { PathGrants } from './grants/pathGrants.ts';
import { ImportController } from './import/controller.ts';
import { log } from './log.ts';
import { installMenu } from './menu/appMenu.ts';
import { ELECTRON_BINDING_RELATIVE, resolveNativeBinding } from './native.ts';
import { APP_ORIGIN } from './protocol/files.ts';
import { registerAppScheme, serveAppProtocol } from './protocol/register.ts';
import { createMainWindow } from './window/createWindow.ts';
import { installGuards } from './window/guards.ts';
import { ArchiveWorkers, WorkerStartError } from './worker/pool.ts';
import { SyncController } from './sync/controller.ts';
import { safeStorageKeychain } from './sync/keychain.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const outRoot = join(here, '..');

// Electron's own data (caches, window state) goes beside the archive, in the same "Copydesk" folder.
app.setName('Copydesk');

// Two copies must never hold one archive: the second hands over to the first and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  installGuards();
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => fail('Copydesk could not start', error));
}

function fail(title: string, error: unknown): void {
  log.error(title, error);
  dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
  app.exit(1);
}

async function start(): Promise<void> {
  const archivePath = defaultArchivePath();
  const native = resolveNativeBinding(app.getAppPath(), app.isPackaged);
  if (native.missing) {
    fail('Copydesk needs its database module for Electron', new Error(`${ELECTRON_BINDING_RELATIVE} is missing: run "npm run native:electron", then start again.`));
    return;
  }
  let workers: ArchiveWorkers;
  try {
    mkdirSync(dirname(archivePath), { recursive: true });
    workers = await ArchiveWorkers.start({
      archivePath,
      ...(native.path ? { nativeBinding: native.path } : {}),
      readers: 2,
      spawn: (setup) => new Worker(join(here, 'archiveWorker.js'), { workerData: setup }),
      log,
    });
  } catch (error) {
    // A damaged archive is not a dead end: the window lists the ways out (restore, salvage, read-only).
    if (error instanceof WorkerStartError && error.code === 'corrupt') {
      log.error(`the archive ${archivePath} is damaged`, error);
      serveAppProtocol(join(outRoot, 'renderer'));
      createMainWindow(join(outRoot, 'preload', 'index.cjs'), openProblemHash({ code: error.code, archivePath, message: error.message }));
      return;
    }
    fail(`Copydesk could not open the archive ${archivePath}`, error);
    return;
  }

  const emit: Emit = (domainName, eventName, payload) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send(eventChannel(domainName, eventName), payload);
  };
  const imports = new ImportController(workers, emit);
  // What the user chose in a dialog or dropped, per window; a closed window's grants go with it.
  const grants = new PathGrants({ log });
  app.on('web-contents-created', (_event, contents) => {
    const id = contents.id;
    contents.once('destroyed', () => grants.forget(id));
  });
  // The shared archive: password from the OS keychain, background sync in the writer worker.
  const syncing = new SyncController(workers, safeStorageKeychain(join(dirname(archivePath), 'sync-credentials.json')), emit, log);
  const focused = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const context: MainContext = {
    archivePath,
    version: app.getVersion(),
    platform: process.platform,
    workers,
    imports,
    emit,
    log,
    dialogs: {
      async openPaths(kind) {
        const win = focused();
        const options = {
          title: kind === 'files' ? 'Import files' : 'Import folder',
          properties: kind === 'files' ? (['openFile', 'multiSelections'] as const) : (['openDirectory', 'multiSelections'] as const),
        };
        const result = win ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] }) : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
        return result.canceled ? [] : result.filePaths;
      },
      async saveFile({ title, defaultName, extensions }) {
        const win = focused();
        const options = { title, defaultPath: defaultName, filters: [{ name: extensions.join(', ').toUpperCase(), extensions }] };
        const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      async chooseFolder({ title }) {
        const win = focused();
        const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
        const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
    },
    grants,
    writeTextFile: (path, text) => writeFile(path, text, 'utf8'),
    // Electron 44's clipboard is the W3C-shaped one: one item with both representations, written atomically.
    writeClipboard: ({ html, text }) => clipboard.write([new ClipboardItem({ 'text/html': html, 'text/plain': text })]),
    sync: syncing,
  };

  const dispatcher = createDispatcher({ contract, handlers, trustedOrigin: APP_ORIGIN, context: () => context, log });
  wireIpc(dispatcher);
  serveAppProtocol(join(outRoot, 'renderer'));
  installMenu((command) => emit('app', 'menu', { command }));
  createMainWindow(join(outRoot, 'preload', 'index.cjs'));

  // Automatic backups: checked soon after opening and hourly, run in the writer worker.
  const backups = new AutoBackupScheduler({
    run: () => workers.op('write', 'autoBackup', {}) as Promise<Result<AutoBackupOutcome>>,
    busy: () => imports.busy,
    log,
  });
  if (process.env.COPYDESK_AUTO_BACKUP !== '0') backups.start();
  void syncing.resume().catch((error: unknown) => log.warn('could not resume the background sync', error));

  // Quitting mid-import cancels it and waits for the writer to finish its batch, then closes the workers.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    imports.cancel();
    void Promise.all([imports.idle(), backups.stop(), syncing.stop()])
      .then(() => workers.close())
      .catch((error: unknown) => log.error('closing the archive workers failed', error))
      .finally(() => app.quit());
  });
}
