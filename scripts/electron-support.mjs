// Is the pinned Electron still a supported line, and does electron-vite know it?
// Pure decisions over a support table recorded in the repo (electron-support.json),
// so the unit test and `npm run check:electron` work offline; the registry is
// asked only by `check-electron.mjs --online`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY = 86_400_000;

/** The major of a version or range such as "44.11.5", "^44.1.0", "~44". */
export function majorOf(version) {
  const match = /(\d+)/.exec(String(version));
  if (!match) throw new Error(`not a version: ${version}`);
  return Number(match[1]);
}

/** Every major's stable date (recorded and projected) as epoch ms, by major. */
function releaseDates(table) {
  const dates = new Map();
  for (const [major, date] of Object.entries({ ...table.projectedStableDates, ...table.stableDates })) {
    const ms = Date.parse(`${date}T00:00:00Z`);
    if (Number.isNaN(ms)) throw new Error(`electron-support.json: bad date for ${major}: ${date}`);
    dates.set(Number(major), ms);
  }
  return dates;
}

/**
 * The support window on `today` and where `pinned` stands in it.
 * ok is false when the pinned major is older than the latest three stable majors,
 * not stable yet, or when the table no longer covers `today`.
 */
export function supportStatus({ pinned, today, table }) {
  const dates = releaseDates(table);
  const now = today.getTime();
  const shipped = [...dates].filter(([, ms]) => ms <= now).map(([m]) => m);
  const newest = Math.max(...shipped);
  const supported = [newest - 2, newest - 1, newest].filter((m) => dates.has(m));
  const eolMs = dates.get(pinned + 3) ?? null;
  const problems = [];
  if (!Number.isFinite(newest)) problems.push('electron-support.json records no stable major before today.');
  const lastKnown = Math.max(...dates.values());
  if (now > lastKnown) {
    problems.push(`electron-support.json ends on ${iso(lastKnown)}: it cannot tell what is supported on ${iso(now)}. Run "npm run check:electron -- --online" and record the new majors.`);
  }
  if (pinned > newest) problems.push(`Electron ${pinned} is not a stable release yet (newest stable: ${newest}).`);
  else if (pinned < newest - 2) {
    problems.push(`Electron ${pinned} is out of support since ${eolMs === null ? 'an unknown date' : iso(eolMs)}: Electron supports ${supported.join(', ')}. Move to a supported major (README: Electron version policy).`);
  }
  return {
    ok: problems.length === 0,
    pinned,
    newest,
    supported,
    endOfSupport: eolMs === null ? null : iso(eolMs),
    daysLeft: eolMs === null ? null : Math.floor((eolMs - now) / DAY),
    problems,
  };
}

function iso(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export function readSupportTable(root) {
  return JSON.parse(readFileSync(join(root, 'scripts', 'electron-support.json'), 'utf8'));
}

/** The Electron version package.json pins (devDependencies). */
export function pinnedElectron(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const spec = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (!spec) throw new Error('package.json does not depend on electron');
  return spec;
}

/**
 * The Electron majors the installed electron-vite has build targets for: it
 * maps each major to its Chromium and Node versions, and builds an unknown
 * (newer) major for the newest one it knows, silently.
 */
export function electronViteMajors(root) {
  const dist = join(root, 'node_modules', 'electron-vite', 'dist');
  if (!existsSync(dist)) return [];
  const files = readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith('.js'));
  const majors = new Set();
  for (const file of files) {
    const text = readFileSync(join(dist, String(file)), 'utf8');
    const table = /chromeVer\s*=\s*\{([^}]*)\}/.exec(text);
    if (!table) continue;
    for (const m of table[1].matchAll(/'(\d+)':\s*'\d+'/g)) majors.add(Number(m[1]));
  }
  return [...majors].sort((a, b) => a - b);
}
