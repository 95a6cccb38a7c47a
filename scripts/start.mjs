#!/usr/bin/env node
// `npm start`: check what the app needs, build it with electron-vite, launch
// Electron. Anything missing is reported in one line with the fix, no stack.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-path.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

function fail(line) {
  console.error(`copydesk: ${line}`);
  process.exit(1);
}

const binary = electronBinary(root);
if (binary === null) {
  fail(
    'the Electron binary is not installed (npm skipped its download); run "npm run setup:electron", or re-run "npm install" with network access to github.com, where Electron is downloaded from.',
  );
}

// The app loads better-sqlite3 built for Electron's ABI from native/electron/ (the Node build stays for the CLI and tests).
if (!existsSync(join(root, 'native', 'electron', 'better_sqlite3.node'))) {
  const native = spawnSync(process.execPath, [join(root, 'scripts', 'build-electron-native.mjs')], { cwd: root, stdio: 'inherit' });
  if (native.status !== 0) process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) fail('the build failed (see above); fix it and run "npm start" again.');

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // set by some tools; it would start Electron as plain Node
const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('error', (error) => fail(`could not launch Electron (${error.message}).`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
