// Family 8, second half — the shell: every way a URL can reach the window
// (a clicked link or form → will-navigate, a dropped link → will-navigate when
// navigateOnDragDrop is off anyway, a link inside the export preview →
// will-frame-navigate, window.open / target=_blank → the window open handler,
// a server redirect → will-redirect) is put to the same decision functions main
// uses (electron/main/window/navigation.ts), and what they offer outside goes
// through the same confirm gate (externalLinks.ts) with the user answering no,
// then yes. Bar: the window never loads anything but our own page, a frame
// never loads anything but its srcdoc, nothing opens without a yes, and only
// http(s)/mailto URLs without credentials (mailto without its query) ever
// reach shell.openExternal.
import fc from 'fast-check';
import { XSS_URLS } from '../../../electron/archive/export/xssCorpus.ts';
import { silentLog } from '../../../electron/main/ipc/fuzzing.ts';
import { APP_ORIGIN } from '../../../electron/main/protocol/files.ts';
import { ExternalLinks } from '../../../electron/main/window/externalLinks.ts';
import { decideFrameNavigation, decideNavigation, decideRedirect, decideWindowOpen, type UrlDecision } from '../../../electron/main/window/navigation.ts';
import { secureWebPreferences } from '../../../electron/main/window/webPreferences.ts';

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
  frameDecisions: number;
  frameNavigated: number;
  frameOpenedOutside: number;
  offered: number;
  offeredMailtoWithQuery: number;
  openedWhenDeclined: number;
  openedWhenAccepted: number;
  failures: string[];
}

export async function checkShell(options: { full: boolean; seed: number }): Promise<ShellFigures> {
  const random = fc.sample(fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.constantFrom(...XSS_URLS, ...SHELL_URLS).map((u) => u.toUpperCase())), {
    numRuns: options.full ? 10_000 : 500,
    seed: options.seed,
  });
  const urls = [...XSS_URLS, ...SHELL_URLS, ...OUTSIDE_OK, ...OWN_PAGES, ...random];
  const f: ShellFigures = {
    urls: urls.length,
    decisions: 0,
    navigatedAway: 0,
    reloadsOfOwnPage: 0,
    openedOutside: 0,
    unsafeOpenedOutside: 0,
    blocked: 0,
    frameDecisions: 0,
    frameNavigated: 0,
    frameOpenedOutside: 0,
    offered: 0,
    offeredMailtoWithQuery: 0,
    openedWhenDeclined: 0,
    openedWhenAccepted: 0,
    failures: [],
  };
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

  // Links inside the export preview (a sub-frame): nothing loads but its srcdoc, nothing opens outside.
  for (const url of [...urls, 'about:srcdoc']) {
    const d = decideFrameNavigation(url, false);
    f.frameDecisions++;
    if (d.navigate) {
      f.frameNavigated++;
      if (url !== 'about:srcdoc') f.failures.push(`a frame may load ${short(url)}`);
    }
    if (d.external !== null) {
      f.frameOpenedOutside++;
      f.failures.push(`a link in a frame opens ${short(url)} outside`);
    }
  }

  // What is offered outside waits for the user: answering no opens nothing, yes opens only safe URLs.
  for (const answer of [false, true]) {
    const opened: string[] = [];
    const links = new ExternalLinks({
      confirm: async (prompt) => {
        f.offered++;
        if (prompt.url.startsWith('mailto:') && /[?#]/.test(prompt.url)) {
          f.offeredMailtoWithQuery++;
          f.failures.push(`a mailto link keeps its query: ${short(prompt.url)}`);
        }
        if (!prompt.detail.includes(prompt.url)) f.failures.push(`the prompt does not show the URL it opens: ${short(prompt.url)}`);
        return answer;
      },
      open: async (url) => void opened.push(url),
      log: silentLog,
    });
    for (const url of urls) {
      await links.open(decideNavigation(url), url);
      await links.open(decideWindowOpen(url), url);
    }
    if (answer) f.openedWhenAccepted += opened.length;
    else f.openedWhenDeclined += opened.length;
    if (!answer && opened.length > 0) f.failures.push(`${opened.length} link(s) opened although the user said no`);
    for (const u of opened) if (!safeOutside(u)) f.failures.push(`opened ${short(u)} outside`);
  }
  if (f.openedWhenAccepted === 0) f.failures.push('no safe link opens even when the user says yes');
  return f;
}
