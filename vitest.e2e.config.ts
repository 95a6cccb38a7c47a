// The end-to-end suite (scripts/e2e.mjs runs it after `electron-vite build`):
// the built renderer in Chromium against the real core, plus the Electron spec
// where a binary exists. One file at a time: the machines have two cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    reporters: ['default'],
  },
});
