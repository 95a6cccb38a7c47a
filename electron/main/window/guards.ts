// App-wide locks applied to every web contents the app ever creates:
// no navigation away, no new windows (links go to the system browser after
// parsing), no <webview>, no permissions.
import { app, session, shell } from 'electron';
import { log } from '../log.ts';
import { APP_ORIGIN } from '../protocol/files.ts';
import { safeExternalUrl } from './externalUrl.ts';

function isOwnPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

function openOutside(url: string): void {
  const safe = safeExternalUrl(url);
  if (safe) void shell.openExternal(safe);
  else log.warn('refused to open a link outside the app', url.slice(0, 200));
}

export function installGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      // A reload of our own page is fine; anything else is a link the user should see in a browser.
      if (isOwnPage(url)) return;
      event.preventDefault();
      openOutside(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(url);
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
