// The built renderer (out/renderer) for the families that drive it in
// Chromium: built with electron-vite when missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './cli.ts';

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

/** null when the renderer is built and current; else why it could not be built. */
export function ensureRenderer(log: (line: string) => void): string | null {
  const index = join(REPO, 'out', 'renderer', 'index.html');
  const stale = existsSync(index) && statSync(index).mtimeMs < Math.max(newest(join(REPO, 'renderer')), newest(join(REPO, 'shared')));
  if (existsSync(index) && !stale) return null;
  log(`  out/renderer is ${stale ? 'older than the sources' : 'missing'}: npx electron-vite build`);
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO, encoding: 'utf8', timeout: 300_000 });
  if (built.status === 0 && existsSync(index)) return null;
  return existsSync(index) ? null : `the renderer build failed: ${(built.stderr || built.stdout || String(built.error)).trim().split('\n').slice(-3).join(' / ')}`;
}
