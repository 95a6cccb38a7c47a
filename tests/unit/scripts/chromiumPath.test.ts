// Which Chromium the e2e suite, the fault suite and the benchmarks launch
// (scripts/chromium-path.mjs): CHROMIUM_PATH, then Debian's /usr/bin/chromium,
// then playwright-core's own; else one line saying how to get one. The file
// system and Playwright's answer are injected, so each order is tested here.
import { describe, expect, it } from 'vitest';
import { chromiumExecutable, DEBIAN_CHROMIUM, findChromium, NO_CHROMIUM_HINT, playwrightChromium } from '../../../scripts/chromium-path.mjs';

const PLAYWRIGHT = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const lookup = (files: string[], env: Record<string, string | undefined> = {}, playwright: string | null = PLAYWRIGHT) => {
  const asked: string[] = [];
  const found = findChromium({
    env,
    exists: (p) => (asked.push(p), files.includes(p)),
    playwrightPath: () => playwright,
  });
  return { ...found, asked };
};

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even when the others exist', () => {
    const r = lookup(['/opt/chrome', DEBIAN_CHROMIUM, PLAYWRIGHT], { CHROMIUM_PATH: '/opt/chrome' });
    expect(r).toMatchObject({ path: '/opt/chrome', source: 'CHROMIUM_PATH' });
    expect(r.asked).toEqual(['/opt/chrome']);
  });

  it('stops at a CHROMIUM_PATH that names no file, saying so (never silently another browser)', () => {
    const r = lookup([DEBIAN_CHROMIUM], { CHROMIUM_PATH: '/opt/missing' });
    expect(r.path).toBeNull();
    expect(r.problem).toContain('CHROMIUM_PATH=/opt/missing');
  });

  it("then Debian's /usr/bin/chromium, before Playwright's", () => {
    const r = lookup([DEBIAN_CHROMIUM, PLAYWRIGHT]);
    expect(r).toMatchObject({ path: DEBIAN_CHROMIUM, source: 'debian' });
    expect(r.asked).toEqual([DEBIAN_CHROMIUM]);
  });

  it('then the Chromium in playwright-core’s registry location', () => {
    const r = lookup([PLAYWRIGHT]);
    expect(r).toMatchObject({ path: PLAYWRIGHT, source: 'playwright' });
    expect(r.tried).toEqual([DEBIAN_CHROMIUM, PLAYWRIGHT]);
  });

  it('with none, one line on how to get one', () => {
    for (const r of [lookup([]), lookup([], {}, null), lookup([], { CHROMIUM_PATH: '' })]) {
      expect(r.path).toBeNull();
      expect(r.problem).toBe(NO_CHROMIUM_HINT);
    }
    expect(NO_CHROMIUM_HINT).not.toContain('\n');
    expect(NO_CHROMIUM_HINT).toContain('apt-get install chromium');
    expect(NO_CHROMIUM_HINT).toContain('npx playwright-core install chromium');
    expect(() => chromiumExecutable({ env: {}, exists: () => false, playwrightPath: () => null })).toThrow(NO_CHROMIUM_HINT);
  });

  it("asks playwright-core where its registry puts Chromium", () => {
    const path = playwrightChromium();
    expect(path === null || /ms-playwright|chrom/i.test(path)).toBe(true);
  });
});
