#!/usr/bin/env node
// Runs the end-to-end suite against the built app (run `npm run build` first;
// `npm test` does). Extra arguments go to vitest, e.g. a file filter.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { findChromium } from './chromium-path.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  console.error('e2e: out/renderer is missing; run `npm run build` first.');
  process.exit(1);
}
// The same lookup the specs launch with (CHROMIUM_PATH, /usr/bin/chromium, Playwright's own):
// fail here in one line rather than in every spec's beforeAll.
const chromium = findChromium();
if (chromium.path === null) {
  console.error(`e2e: ${chromium.problem}`);
  process.exit(1);
}
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
