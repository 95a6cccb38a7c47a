// Small polling helpers on top of vitest's expect (no @playwright/test here).
import type { Locator, Page } from 'playwright-core';

export async function waitForText(locator: Locator, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = (await locator.textContent().catch(() => null)) ?? '';
    if (pattern.test(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${pattern} (last text: ${JSON.stringify(last.slice(0, 200))})`);
}

export async function waitFor<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(value)?.slice(0, 300)})`);
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}

/** The result count the page shows, as a number (waits until a search has answered). */
export async function shownCount(page: Page): Promise<number> {
  const text = await waitForText(page.getByTestId('result-count'), /\d[\d,]* results?/);
  return Number((/([\d,]+)/.exec(text)?.[1] ?? '').replace(/,/g, ''));
}
