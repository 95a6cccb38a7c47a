// A stand-in for the `electron` module, just enough for out/main/index.js to
// start under plain Node: it records what main registers (windows and their
// web preferences, IPC handlers, the protocol handler, guards, menus) so the
// smoke test can drive them. Not a simulation of Electron's behaviour.
import { EventEmitter } from 'node:events';

export const recorded = { windows: [], ipc: new Map(), protocols: new Map(), schemes: [], menu: null, sent: [], contentsHandlers: [], permissionHandler: null, exitCode: null, errors: [], messageBoxes: [], openedExternal: [] };
/** What the next message box answers (0 = the first button, e.g. "Open Link"). */
export const answers = { messageBox: 1 };

class FakeApp extends EventEmitter {
  name = 'copydesk';
  isPackaged = false;
  setName(name) {
    this.name = name;
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    return new Promise((resolve) => setTimeout(() => {
      this.emit('ready');
      resolve();
    }, 0));
  }
  getAppPath() {
    return process.env.FAKE_ELECTRON_APP_PATH;
  }
  getVersion() {
    return '0.0.0-smoke';
  }
  quit() {
    this.emit('before-quit', { preventDefault() {} });
  }
  exit(code) {
    recorded.exitCode = code;
  }
}
export const app = new FakeApp();

class FakeContents extends EventEmitter {
  constructor(win) {
    super();
    this.win = win;
    this.id = win.id;
    this.mainFrame = { url: 'app://copydesk/index.html', parent: null, processId: 1, routingId: win.id };
    app.emit('web-contents-created', {}, this);
  }
  send(channel, payload) {
    recorded.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}

let nextId = 1;
export class BrowserWindow extends EventEmitter {
  static all = [];
  constructor(options) {
    super();
    this.id = nextId++;
    this.options = options;
    this.webContents = new FakeContents(this);
    BrowserWindow.all.push(this);
    recorded.windows.push(this);
  }
  loadURL(url) {
    this.url = url;
    return Promise.resolve();
  }
  show() {}
  static getAllWindows() {
    return BrowserWindow.all;
  }
  static getFocusedWindow() {
    return BrowserWindow.all[0] ?? null;
  }
  static fromWebContents(contents) {
    return BrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
}

export const ipcMain = {
  handle(channel, fn) {
    if (recorded.ipc.has(channel)) throw new Error(`second handler for ${channel}`);
    recorded.ipc.set(channel, fn);
  },
  removeHandler(channel) {
    recorded.ipc.delete(channel);
  },
};
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    recorded.schemes.push(...schemes);
  },
  handle(scheme, fn) {
    recorded.protocols.set(scheme, fn);
  },
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler(fn) {
      recorded.permissionHandler = fn;
    },
    setPermissionCheckHandler(fn) {
      recorded.permissionCheck = fn;
    },
    setDevicePermissionHandler() {},
  },
};
export const dialog = {
  showErrorBox(title, message) {
    recorded.errors.push(`${title}: ${message}`);
  },
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
  showMessageBox: async (...args) => {
    const options = args.at(-1);
    recorded.messageBoxes.push({ message: options.message, detail: options.detail, buttons: options.buttons, cancelId: options.cancelId, parented: args.length === 2 });
    return { response: answers.messageBox, checkboxChecked: false };
  },
};
export const shell = {
  openExternal: async (url) => {
    recorded.openedExternal.push(url);
  },
};
export class ClipboardItem {
  constructor(items) {
    this.items = items;
    this.types = Object.keys(items);
  }
}
export const clipboard = { write: async () => undefined };
// No OS keychain in the smoke run: the shared archive's password would be kept for the session only.
export const safeStorage = { isEncryptionAvailable: () => false, encryptString: (s) => String(s), decryptString: (b) => String(b) };
export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu(menu) {
    recorded.menu = menu;
  },
};
export const nativeTheme = { shouldUseDarkColors: false };
export default { app, BrowserWindow, ipcMain, protocol, session, dialog, shell, clipboard, ClipboardItem, Menu, nativeTheme };
