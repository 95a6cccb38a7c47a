// A child process script bundled once per run (esbuild, already a dev
// dependency), for families that start many processes: loading the core's
// few hundred TypeScript modules through tsx's loader costs ≈ 2 s of CPU per
// process on this machine, the bundle ≈ 0.7 s. Packages stay external and
// the bundle is written inside the repository (node_modules/.cache), so they
// resolve from the project's node_modules as they do from source.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildSync } from 'esbuild';
import { REPO } from './cli.ts';

/** Bundle `entry` (a .ts file) and answer the path of the .mjs to run with plain `node`. */
export function bundleChild(entry: string): string {
  const dir = join(REPO, 'node_modules', '.cache', 'copydesk-faults');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${basename(entry, '.ts')}-${process.pid}.mjs`);
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', outfile, logLevel: 'warning' });
  return outfile;
}
