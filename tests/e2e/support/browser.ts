// Chromium under playwright-core (no browser download at install time). Which
// binary: scripts/chromium-path.mjs, shared with scripts/e2e.mjs, the fault
// suite and the benchmarks.
import { chromium, type Browser } from 'playwright-core';
import { chromiumExecutable, findChromium } from '../../../scripts/chromium-path.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** null when a Chromium is there; else one line saying how to get one. */
export function chromiumProblem(): string | null {
  return findChromium().problem ?? null;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
}
