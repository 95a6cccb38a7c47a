import { describe, expect, it } from 'vitest';
import { instantFromWall, isZoneName, offsetText, wallTimeIn, zoneChoices, zoneOffsetMinutes } from '../../../renderer/src/features/wire/zonedTime.ts';

describe('embargo zone arithmetic', () => {
  it('turns a wall time in a named zone, an offset or UTC into the UTC instant', () => {
    expect(instantFromWall('2026-12-04T09:00', 'Asia/Seoul')).toBe('2026-12-04T00:00:00Z');
    expect(instantFromWall('2026-12-04T09:00', '+05:30')).toBe('2026-12-04T03:30:00Z');
    expect(instantFromWall('2026-12-04T09:00', '-03:00')).toBe('2026-12-04T12:00:00Z');
    expect(instantFromWall('2026-12-04T09:00', 'UTC')).toBe('2026-12-04T09:00:00Z');
  });

  it('follows daylight saving in IANA zones', () => {
    expect(instantFromWall('2026-07-01T12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00Z');
    expect(instantFromWall('2026-01-01T12:00', 'Europe/Berlin')).toBe('2026-01-01T11:00:00Z');
    expect(instantFromWall('2026-07-01T12:00', 'America/New_York')).toBe('2026-07-01T16:00:00Z');
    // 02:30 does not exist on 8 March 2026 in New York: it lands after the jump.
    expect(instantFromWall('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T07:30:00Z');
  });

  it('shows a stored instant back in the chosen zone', () => {
    expect(wallTimeIn('2026-12-04T00:00:00Z', 'Asia/Seoul')).toBe('2026-12-04T09:00');
    expect(wallTimeIn('2026-12-04T09:00:00+09:00', 'UTC')).toBe('2026-12-04T00:00');
    expect(wallTimeIn('2026-07-01T10:00:00Z', 'Europe/Berlin')).toBe('2026-07-01T12:00');
    expect(wallTimeIn('not a time', 'UTC')).toBe('');
  });

  it('refuses incomplete input rather than guessing', () => {
    for (const wall of ['', '2026-12-04', '2026-12-04T9:00', '2026-13-40T09:00']) expect(instantFromWall(wall, 'UTC'), wall).toBeNull();
  });

  it('knows offsets and zones, and offers the local zone first', () => {
    expect(zoneOffsetMinutes('+09:00', 0)).toBe(540);
    expect(zoneOffsetMinutes('Asia/Kolkata', Date.parse('2026-01-01T00:00:00Z'))).toBe(330);
    expect(offsetText(-210)).toBe('-03:30');
    expect(isZoneName('Europe/Nowhere')).toBe(false);
    expect(isZoneName('Asia/Tokyo')).toBe(true);
    const choices = zoneChoices('Asia/Seoul');
    expect(choices[0]).toEqual({ value: 'Asia/Seoul', label: 'Asia/Seoul (this computer)' });
    expect(choices.filter((c) => c.value === 'Asia/Seoul')).toHaveLength(1);
    expect(choices.some((c) => c.value === '+05:45')).toBe(true);
  });
});
