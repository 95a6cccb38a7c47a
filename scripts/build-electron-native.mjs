#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/, beside (not
// instead of) the Node build in node_modules that the CLI and the tests use.
// The app passes this file to better-sqlite3 as `nativeBinding`.
//
// Works on a copy of the package in a temp folder: first a prebuilt binary
// (prebuild-install, from GitHub releases), else a compile against Electron's
// headers (node-gyp, from electronjs.org). Without network it fails in one line.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion } from './electron-path.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const target = join(root, 'native', 'electron');
const output = join(target, 'better_sqlite3.node');
const logPath = join(target, 'build.log');
const version = electronVersion(root);
const arch = process.env.npm_config_arch ?? process.arch;
const pkgDir = join(root, 'node_modules', 'better-sqlite3');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));

mkdirSync(target, { recursive: true });
const stage = mkdtempSync(join(tmpdir(), 'copydesk-native-'));
const log = [];
const run = (label, command, args, timeoutMs) => {
  const r = spawnSync(command, args, { cwd: stage, encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: version } });
  log.push(`$ ${label}\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}\nexit ${r.status}\n`);
  return r.status === 0;
};

try {
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) cpSync(join(pkgDir, entry), join(stage, entry), { recursive: true });
  const built = join(stage, 'build', 'Release', 'better_sqlite3.node');
  const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js');
  const ok =
    (existsSync(prebuild) && run('prebuild-install', process.execPath, [prebuild, '--runtime', 'electron', '--target', version, '--arch', arch, '--verbose'], 120_000) && existsSync(built)) ||
    (nodeGyp() !== null &&
      run('node-gyp rebuild', process.execPath, [nodeGyp(), 'rebuild', '--release', `--target=${version}`, `--arch=${arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], 20 * 60_000) &&
      existsSync(built));
  writeFileSync(logPath, log.join('\n'));
  if (!ok) {
    console.error(
      `native:electron: could not build better-sqlite3 ${pkg.version} for Electron ${version} (no prebuilt binary from GitHub, no Electron headers from electronjs.org); retry with network access to both — details in ${logPath}`,
    );
    process.exit(1);
  }
  copyFileSync(built, output);
  writeFileSync(join(target, 'VERSION.json'), `${JSON.stringify({ electron: version, betterSqlite3: pkg.version, arch, platform: process.platform }, null, 2)}\n`);
  console.log(`native:electron: better-sqlite3 ${pkg.version} for Electron ${version} (${process.platform}-${arch}) → ${output}`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/** node-gyp as npm ships it (npm sets npm_config_node_gyp for scripts), else beside this node. */
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}
