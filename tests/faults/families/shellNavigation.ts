// Family 8, second half — the shell: every way a URL can reach the window
// (a clicked link or form → will-navigate, a dropped link → will-navigate when
// navigateOnDragDrop is off anyway, window.open / target=_blank → the window
// open handler, a server redirect → will-redirect, the editor's "open link" →
// app.openExternal over IPC) is put to the same decision functions main uses
// (electron/main/window/navigation.ts, the real app handler through the real
// dispatcher). Bar: the window never loads anything but our own page, and only
// http(s)/mailto URLs without credentials ever reach shell.openExternal.
import fc from 'fast-check';
import { XSS_URLS } from '../../../electron/archive/export/xssCorpus.ts';
import { createDispatcher } from '../../../electron/main/ipc/dispatch.ts';
import { silentLog, stubContext } from '../../../electron/main/ipc/fuzzing.ts';
import { handlers } from '../../../electron/main/ipc/registry.ts';
import { APP_ORIGIN } from '../../../electron/main/protocol/files.ts';
import { decideNavigation, decideRedirect, decideWindowOpen, type UrlDecision } from '../../../electron/main/window/navigation.ts';
import { secureWebPreferences } from '../../../electron/main/window/webPreferences.ts';
import { contract } from '../../../shared/contract/index.ts';
import { methodChannel } from '../../../shared/contract/define.ts';

/** URLs a page, a pasted article or a dropped link could carry; hand-picked for the shell on top of the export XSS corpus. */
const SHELL_URLS: readonly string[] = [
  'file:///etc/passwd',
  'file://server/share/x.exe',
  'FILE:///C:/Windows/System32/calc.exe',
  '\\\\server\\share\\x.exe',
  'javascript:window.__pwned()',
  'javascript://%0aalert(1)',
  'jav\u0000ascript:alert(1)',
  'about:blank',
  'about:srcdoc',
  'blob:app://copydesk/1234',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'chrome://settings',
  'chrome-extension://abc/x.html',
  'devtools://devtools/bundled/inspector.html',
  'view-source:https://example.com/',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=x&crumb=location:\\\\evil.example\\share',
  'vscode://file/etc/passwd',
  'smb://evil.example/share',
  'ftp://evil.example/x',
  'ssh://evil.example',
  'steam://run/1',
  'app://copydesk.evil/index.html',
  'app://copydesk@evil.example/index.html',
  'app://evil.example/',
  'app:copydesk/index.html',
  'http://user:pass@example.com/',
  'https://@example.com/',
  'http:\\\\evil.example\\x',
  'https:',
  'https://',
  'mailto:',
  '',
  ' ',
  'x'.repeat(100_000),
  'https://example.com/' + 'a'.repeat(100_000),
];

/** Links that must still work: opened outside (so "block everything" cannot pass), or our own page reloaded. */
const OUTSIDE_OK = ['https://example.com/story', 'http://example.org/', 'mailto:desk@example.com', 'https://xn--e1afmkfd.example/'];
const OWN_PAGES = [`${APP_ORIGIN}/index.html`, `${APP_ORIGIN}/`];

function isOwn(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'copydesk' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

function safeOutside(url: string): boolean {
  try {
    const u = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) && u.username === '' && u.password === '' && (u.protocol === 'mailto:' || u.hostname !== '');
  } catch {
    return false;
  }
}

export interface ShellFigures {
  urls: number;
  decisions: number;
  navigatedAway: number;
  reloadsOfOwnPage: number;
  openedOutside: number;
  unsafeOpenedOutside: number;
  blocked: number;
  ipcOpenExternal: number;
  ipcOpened: number;
  failures: string[];
}

export async function checkShell(options: { full: boolean; seed: number }): Promise<ShellFigures> {
  const random = fc.sample(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.constantFrom(...XSS_URLS, ...SHELL_URLS).map((u) => u.toUpperCase())), {
    numRuns: options.full ? 10_000 : 500,
    seed: options.seed,
  });
  const urls = [...XSS_URLS, ...SHELL_URLS, ...OUTSIDE_OK, ...OWN_PAGES, ...random];
  const f: ShellFigures = { urls: urls.length, decisions: 0, navigatedAway: 0, reloadsOfOwnPage: 0, openedOutside: 0, unsafeOpenedOutside: 0, blocked: 0, ipcOpenExternal: 0, ipcOpened: 0, failures: [] };
  const short = (u: string) => JSON.stringify(u.slice(0, 80));

  const judge = (kind: string, url: string, d: UrlDecision) => {
    f.decisions++;
    if (d.navigate) {
      if (isOwn(url)) f.reloadsOfOwnPage++;
      else {
        f.navigatedAway++;
        f.failures.push(`${kind} lets the window load ${short(url)}`);
      }
    }
    if (d.external !== null) {
      f.openedOutside++;
      if (!safeOutside(d.external)) {
        f.unsafeOpenedOutside++;
        f.failures.push(`${kind} hands ${short(d.external)} to shell.openExternal`);
      }
    }
    if (!d.navigate && d.external === null) f.blocked++;
  };
  for (const url of urls) {
    judge('will-navigate', url, decideNavigation(url));
    judge('window.open', url, decideWindowOpen(url));
    judge('will-redirect', url, decideRedirect(url));
    if (decideRedirect(url).external !== null) f.failures.push(`a redirect to ${short(url)} opens outside`);
  }
  for (const url of OUTSIDE_OK) {
    if (decideNavigation(url).external === null || decideWindowOpen(url).external === null) f.failures.push(`a safe link ${short(url)} no longer opens outside`);
  }
  for (const url of OWN_PAGES) if (!decideNavigation(url).navigate) f.failures.push(`a reload of ${url} is refused`);

  // Dropped links: Chromium would navigate to them; the window's preferences say it must not.
  const prefs = secureWebPreferences('/preload.js');
  for (const [key, want] of Object.entries({ navigateOnDragDrop: false, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })) {
    if ((prefs as Record<string, unknown>)[key] !== want) f.failures.push(`webPreferences.${key} is ${String((prefs as Record<string, unknown>)[key])}, not ${String(want)}`);
  }

  // The editor's "open link" goes through IPC: the real handler behind the real gate.
  const opened: string[] = [];
  const dispatcher = createDispatcher({ contract, handlers, trustedOrigin: APP_ORIGIN, context: () => stubContext({ opened }), log: silentLog });
  for (const url of urls) {
    f.ipcOpenExternal++;
    const result = await dispatcher.dispatch(methodChannel('app', 'openExternal'), { url }, { url: `${APP_ORIGIN}/index.html`, isMainFrame: true });
    if (result.ok !== (opened.length === 1)) f.failures.push(`app.openExternal(${short(url)}) answered ok=${result.ok} after opening ${opened.length} URL(s)`);
    opened.splice(0).forEach((u) => {
      f.ipcOpened++;
      if (!safeOutside(u)) f.failures.push(`app.openExternal opened ${short(u)}`);
    });
  }
  return f;
}
