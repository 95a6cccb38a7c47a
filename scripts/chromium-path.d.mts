export const DEBIAN_CHROMIUM: string;
export const NO_CHROMIUM_HINT: string;

export interface ChromiumLookup {
  /** The environment to read CHROMIUM_PATH from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Whether a file exists (default fs.existsSync); injected by the unit test. */
  exists?: (path: string) => boolean;
  /** Where playwright-core's registry puts its Chromium, or null (default: playwright-core's answer). */
  playwrightPath?: () => string | null;
}

export interface ChromiumFound {
  path: string | null;
  source: 'CHROMIUM_PATH' | 'debian' | 'playwright' | null;
  /** Every path looked at, in order. */
  tried: string[];
  /** One line saying what is wrong and how to get a Chromium (only when path is null). */
  problem?: string;
}

export function playwrightChromium(): string | null;
export function findChromium(options?: ChromiumLookup): ChromiumFound;
export function chromiumExecutable(options?: ChromiumLookup): string;
