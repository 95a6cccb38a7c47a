// The main window: locked-down preferences, loaded from app://copydesk.
import { BrowserWindow, nativeTheme } from 'electron';
import { APP_ENTRY } from '../protocol/files.ts';
import { secureWebPreferences } from './webPreferences.ts';

/** `hash` (e.g. a damaged archive's problem, shared/model/openProblem.ts) is appended to the entry URL. */
export function createMainWindow(preloadPath: string, hash = ''): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    title: 'Copydesk',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#fbfbfa',
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ENTRY}${hash}`);
  return win;
}
