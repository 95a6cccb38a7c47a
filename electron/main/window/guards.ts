// App-wide locks applied to every web contents the app ever creates:
// no navigation away (in the window or in any frame inside it), no new
// windows (a link is offered to the system browser after asking), no
// <webview>, no permissions.
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import { log } from '../log.ts';
import { ExternalLinks, type ExternalPrompt } from './externalLinks.ts';
import { decideFrameNavigation, decideNavigation, decideRedirect, decideWindowOpen } from './navigation.ts';

async function confirmOutside(contents: WebContents, prompt: ExternalPrompt): Promise<boolean> {
  const options = { type: 'question' as const, message: prompt.message, detail: prompt.detail, buttons: [...prompt.buttons], defaultId: 1, cancelId: 1, noLink: true };
  const win = BrowserWindow.fromWebContents(contents);
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return response === 0;
}

export function installGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    const links = new ExternalLinks({ confirm: (prompt) => confirmOutside(contents, prompt), open: (url) => shell.openExternal(url), log });
    const outside = (decision: ReturnType<typeof decideNavigation>, url: string) =>
      void links.open(decision, url).catch((error: unknown) => log.error('opening a link outside the app failed', error));
    contents.on('will-navigate', (event) => {
      // A reload of our own page is fine; anything else is a link the user may open in a browser.
      const decision = decideNavigation(event.url);
      if (decision.navigate) return;
      event.preventDefault();
      outside(decision, event.url);
    });
    // Sub-frames (the export preview): never navigate, never open anything. The main frame is will-navigate's.
    contents.on('will-frame-navigate', (event) => {
      if (event.isMainFrame) return;
      if (decideFrameNavigation(event.url, false).navigate) return;
      event.preventDefault();
      log.warn('blocked a navigation inside a frame', event.url.slice(0, 200));
    });
    contents.on('will-redirect', (event) => {
      if (!decideRedirect(event.url).navigate) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      outside(decideWindowOpen(url), url);
      return { action: 'deny' };
    });
  });
  app.on('ready', () => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_contents, permission, callback) => {
      log.warn(`permission request denied: ${permission}`);
      callback(false);
    });
    ses.setPermissionCheckHandler(() => false);
    ses.setDevicePermissionHandler(() => false);
  });
}
