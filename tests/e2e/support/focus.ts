// Where the keyboard focus is, and whether it ever rests on <body>: a watcher
// in the page checks on every animation frame and just after every focusout,
// and records each time it finds the focus on <body>, with the step the test
// said it was on.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __focusDrops?: string[];
    __focusStep?: string;
  }
}

/** Start watching (call once the focus is somewhere: on load it is on <body> until the app places it). */
export async function watchFocus(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__focusDrops) return;
    window.__focusDrops = [];
    window.__focusStep = 'start';
    const check = (when: string) => {
      const active = document.activeElement;
      if (active === null || active === document.body) {
        const entry = `${window.__focusStep}: focus on <body> (${when})`;
        if (window.__focusDrops?.at(-1) !== entry) window.__focusDrops?.push(entry);
      }
    };
    document.addEventListener('focusout', () => setTimeout(() => check('after a focusout'), 0), true);
    const frame = () => {
      check('at a frame');
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export async function step(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => (window.__focusStep = n), name);
}

export async function focusDrops(page: Page): Promise<string[]> {
  // Two frames, so a drop in the last step is seen.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => window.__focusDrops ?? []);
}

/** The focused element, described for assertions: its role or tag, its accessible-ish name, its test id. */
export function focused(page: Page): Promise<{ tag: string; role: string | null; name: string; testId: string | null; inside: string[] }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', role: null, name: '', testId: null, inside: [] };
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? (document.getElementById(labelled)?.textContent ?? '') : null) ??
      ((el as HTMLInputElement).labels?.[0]?.textContent ?? null) ??
      el.textContent ??
      '';
    // Which of the app's regions hold it (class names of its ancestors that say where it is).
    const inside = ['cd-history', 'cd-find', 'export-dialog', 'app-tabs', 'import-report', 'import-progress', 'preview', 'search-bar', 'chips', 'cd-editor-bar', 'cd-sidebar', 'first-run'].filter((c) => el.closest(`.${c}`) !== null);
    return { tag: el.localName, role: el.getAttribute('role'), name: name.trim(), testId: el.getAttribute('data-testid'), inside };
  });
}
