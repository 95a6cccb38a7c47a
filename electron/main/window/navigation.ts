// What the window does with a URL it is asked to go to, as plain decisions so
// they can be tested without Electron (guards.ts applies them; the fault
// suite's family 8 throws hostile URLs at them). Only our own page may load in
// the window, and a frame inside it (the export preview) never goes anywhere;
// anything else is at most handed to the system's browser or mail client,
// after the user agrees (externalLinks.ts), and only when safeExternalUrl accepts it.
import { APP_ORIGIN } from '../protocol/files.ts';
import { safeExternalUrl } from './externalUrl.ts';

export interface UrlDecision {
  /** True only when the window may load the URL itself (a reload of our own page). */
  navigate: boolean;
  /** The normalized URL to offer to shell.openExternal, or null (nothing leaves the app). */
  external: string | null;
}

export function isOwnPage(url: string, origin: string = APP_ORIGIN): boolean {
  try {
    const parsed = new URL(url);
    // URL.origin is "null" for non-special schemes such as app:, so compare scheme and host.
    return `${parsed.protocol}//${parsed.host}` === origin;
  } catch {
    return false;
  }
}

/** will-navigate: a clicked link, a form, `location = …`, a dropped link (navigateOnDragDrop is off too). */
export function decideNavigation(url: string, origin: string = APP_ORIGIN): UrlDecision {
  if (isOwnPage(url, origin)) return { navigate: true, external: null };
  return { navigate: false, external: safeExternalUrl(url) };
}

/**
 * will-frame-navigate in a sub-frame: the only frames are the export preview's
 * srcdoc documents, which load as about:srcdoc. A link followed inside one
 * would leave the frame on an error page that swallows the dialog's keys, and
 * the preview is a picture of the export, not a browser: nothing loads there
 * and nothing opens outside.
 */
export function decideFrameNavigation(url: string, isMainFrame: boolean, origin: string = APP_ORIGIN): UrlDecision {
  if (isMainFrame) return decideNavigation(url, origin);
  return { navigate: url === 'about:srcdoc', external: null };
}

/** will-redirect: a server redirect; never followed out of the app, never opened outside. */
export function decideRedirect(url: string, origin: string = APP_ORIGIN): UrlDecision {
  return { navigate: isOwnPage(url, origin), external: null };
}

/** window.open and target=_blank: never a new window; a safe link is offered outside. */
export function decideWindowOpen(url: string): UrlDecision {
  return { navigate: false, external: safeExternalUrl(url) };
}
