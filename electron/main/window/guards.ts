// App-wide locks applied to every web contents the app ever creates:
// no navigation away, no new windows (links go to the system browser after
// parsing), no <webview>, no permissions.
import { app, session, shell } from 'electron';
import { log } from '../log.ts';
import { decideNavigation, decideRedirect, decideWindowOpen, type UrlDecision } from './navigation.ts';

/** Carry out a decision's outside part: a safe link goes to the system; anything else is refused and logged. */
function openOutside(decision: UrlDecision, url: string): void {
  if (decision.external) void shell.openExternal(decision.external);
  else log.warn('refused to open a link outside the app', url.slice(0, 200));
}

export function installGuards(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      // A reload of our own page is fine; anything else is a link the user should see in a browser.
      const decision = decideNavigation(url);
      if (decision.navigate) return;
      event.preventDefault();
      openOutside(decision, url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!decideRedirect(url).navigate) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openOutside(decideWindowOpen(url), url);
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
