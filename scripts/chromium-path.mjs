// Which Chromium the browser tests, the fault suite and the benchmarks drive,
// found in one order everywhere: CHROMIUM_PATH, Debian's /usr/bin/chromium,
// then the Chromium that playwright-core's own registry installs
// (`npx playwright-core install chromium`, into ~/.cache/ms-playwright or
// PLAYWRIGHT_BROWSERS_PATH). Plain .mjs so scripts/e2e.mjs can use it
// without a build step; the .d.mts beside it types it for the TypeScript callers.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The one line printed where no Chromium is found. */
export const NO_CHROMIUM_HINT =
  'no Chromium found (looked at $CHROMIUM_PATH, /usr/bin/chromium and the Playwright cache): install one with `apt-get install chromium`, or `npx playwright-core install chromium` where the network allows, or set CHROMIUM_PATH';

/** Where playwright-core expects its own Chromium (whether or not it is installed); null when it cannot say. */
export function playwrightChromium() {
  try {
    return chromium.executablePath() || null;
  } catch {
    return null;
  }
}

/**
 * The candidates in order, each with where it came from. A set CHROMIUM_PATH is
 * the user's explicit choice: when it names no file, the lookup stops there
 * (falling back silently would test another browser than the one asked for).
 */
export function findChromium({ env = process.env, exists = existsSync, playwrightPath = playwrightChromium } = {}) {
  const tried = [];
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    if (exists(explicit)) return { path: explicit, source: 'CHROMIUM_PATH', tried: [explicit] };
    return { path: null, source: null, tried: [explicit], problem: `CHROMIUM_PATH=${explicit} names no file; unset it or point it at a Chromium binary` };
  }
  tried.push(DEBIAN_CHROMIUM);
  if (exists(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, source: 'debian', tried };
  const managed = playwrightPath();
  if (managed) {
    tried.push(managed);
    if (exists(managed)) return { path: managed, source: 'playwright', tried };
  }
  return { path: null, source: null, tried, problem: NO_CHROMIUM_HINT };
}

/** The path to launch, or throws one line saying how to get a Chromium. */
export function chromiumExecutable(options) {
  const found = findChromium(options);
  if (found.path === null) throw new Error(found.problem);
  return found.path;
}
