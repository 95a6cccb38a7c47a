#!/usr/bin/env node
// `npm run check:electron`: is the pinned Electron a supported major that
// electron-vite can build for? Offline by default (the table in
// electron-support.json); `--online` also asks the npm registry what has
// shipped since the table was written, and says plainly when it cannot.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronViteMajors, majorOf, pinnedElectron, readSupportTable, supportStatus } from './electron-support.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const table = readSupportTable(root);
const spec = pinnedElectron(root);
const pinned = majorOf(spec);
const status = supportStatus({ pinned, today: new Date(), table });
const viteMajors = electronViteMajors(root);
const problems = [...status.problems];
if (viteMajors.length === 0) problems.push('electron-vite is not installed (npm ci).');
else if (!viteMajors.includes(pinned)) problems.push(`electron-vite knows Electron up to ${Math.max(...viteMajors)}, not ${pinned}: upgrade electron-vite or pin a major it knows.`);

console.log(`Electron ${spec} (major ${pinned}); supported majors today: ${status.supported.join(', ')} (table checked ${table.checkedOn}).`);
if (status.endOfSupport) console.log(`Electron ${pinned} leaves support on ${status.endOfSupport}${status.daysLeft !== null && status.daysLeft >= 0 ? ` (${status.daysLeft} days)` : ''}.`);
const newestUsable = Math.min(status.newest, viteMajors.length ? Math.max(...viteMajors) : status.newest);
if (newestUsable > pinned) console.log(`Note: Electron ${newestUsable} is stable and electron-vite knows it; the policy is to pin the newest such major.`);

if (process.argv.includes('--online')) {
  const r = spawnSync('npm', ['view', 'electron', 'dist-tags.latest', '--json'], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) {
    console.log('Registry: not reachable; this check used only the table recorded in scripts/electron-support.json.');
  } else {
    const latest = JSON.parse(r.stdout);
    const latestMajor = majorOf(latest);
    const recorded = Math.max(...Object.keys(table.stableDates).map(Number));
    console.log(`Registry: latest stable Electron is ${latest}.`);
    if (latestMajor > recorded) problems.push(`The registry has Electron ${latestMajor}, which scripts/electron-support.json does not record as stable: add its date (npm view electron time) and re-check.`);
  }
} else {
  console.log('Registry: not asked (offline check; add --online to compare with the npm registry).');
}

for (const p of problems) console.error(`check:electron: ${p}`);
process.exit(problems.length === 0 ? 0 : 1);
