#!/usr/bin/env node
// `npm run setup:electron`: fetch the Electron binary that `npm ci` skipped
// (ELECTRON_SKIP_BINARY_DOWNLOAD) and build better-sqlite3 for it. Needs
// network access to github.com (Electron) and electronjs.org (headers).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-path.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const env = { ...process.env };
delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;

if (electronBinary(root) === null) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: join(root, 'node_modules', 'electron'), env, encoding: 'utf8' });
  if (r.status !== 0 || electronBinary(root) === null) {
    console.error('setup:electron: could not download the Electron binary; retry with network access to github.com (or set ELECTRON_MIRROR).');
    process.exit(1);
  }
}
const native = spawnSync(process.execPath, [join(root, 'scripts', 'build-electron-native.mjs')], { cwd: root, stdio: 'inherit' });
process.exit(native.status ?? 1);
