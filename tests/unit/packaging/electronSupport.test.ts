// The Electron version policy (README: Electron version policy): the pinned
// major must be one of the latest three stable majors on the day the tests run,
// and one electron-vite has build targets for. The table is recorded in the
// repo, so this runs offline; when the pinned line leaves support, this fails.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { electronViteMajors, majorOf, pinnedElectron, readSupportTable, supportStatus } from '../../../scripts/electron-support.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
const table = readSupportTable(root);
const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('Electron version policy', () => {
  it('pins a supported Electron major today', () => {
    const status = supportStatus({ pinned: majorOf(pinnedElectron(root)), today: new Date(), table });
    expect(status.problems).toEqual([]);
    expect(status.supported).toContain(status.pinned);
  });

  it('pins a major the installed electron-vite builds for (it would silently target an older Chromium otherwise)', () => {
    expect(electronViteMajors(root)).toContain(majorOf(pinnedElectron(root)));
  });

  it('pins an exact version, so every checkout builds and tests the same Electron', () => {
    expect(pinnedElectron(root)).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('counts the latest three stable majors, and a major leaves on the day the third after it ships', () => {
    const t = { checkedOn: '2026-12-03', stableDates: { '43': '2026-07-01', '44': '2026-08-25', '45': '2026-10-21' }, projectedStableDates: { '46': '2026-12-16', '47': '2027-02-10' } };
    expect(supportStatus({ pinned: 44, today: day('2026-12-03'), table: t })).toMatchObject({ ok: true, supported: [43, 44, 45], endOfSupport: '2027-02-10' });
    expect(supportStatus({ pinned: 43, today: day('2026-12-20'), table: t }).ok).toBe(false); // 46 shipped
    expect(supportStatus({ pinned: 44, today: day('2027-02-09'), table: t }).ok).toBe(true);
    const after = supportStatus({ pinned: 44, today: day('2027-02-11'), table: t });
    expect(after.ok).toBe(false);
    expect(after.problems.join(' ')).toMatch(/out of support since 2027-02-10/);
  });

  it('refuses the old pin (39) and a major not yet stable', () => {
    expect(supportStatus({ pinned: 39, today: day('2026-12-03'), table }).ok).toBe(false);
    expect(supportStatus({ pinned: 46, today: day('2026-12-03'), table }).problems.join(' ')).toMatch(/not a stable release/);
  });

  it('fails once the table no longer covers today, instead of guessing', () => {
    const status = supportStatus({ pinned: 47, today: day('2027-06-01'), table });
    expect(status.ok).toBe(false);
    expect(status.problems.join(' ')).toMatch(/cannot tell what is supported/);
  });
});
