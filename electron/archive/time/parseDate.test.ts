import { describe, expect, it } from 'vitest';
import { parseDateText, resolveDate } from './parseDate.ts';
import { formatIso, resolveZone } from './zone.ts';

const seoul = resolveZone('Asia/Seoul');

describe('date forms papers print', () => {
  it.each([
    ['January. 09, 2019 07:31', '2019-01-09T07:31:00+09:00'],
    ['Jan 9, 2019 7:31 AM', '2019-01-09T07:31:00+09:00'],
    ['Jan 9, 2019 7:31 PM', '2019-01-09T19:31:00+09:00'],
    ['Jan 9, 2019 12:05 AM', '2019-01-09T00:05:00+09:00'],
    ['2019-01-09 07:31', '2019-01-09T07:31:00+09:00'],
    ['2019.01.09 07:31', '2019-01-09T07:31:00+09:00'],
    ['2019/1/9', '2019-01-09T00:00:00+09:00'],
    ['09 January 2019', '2019-01-09T00:00:00+09:00'],
    ['Tuesday, January 9th, 2019', '2019-01-09T00:00:00+09:00'],
    ['2019년 1월 9일 오후 3:10', '2019-01-09T15:10:00+09:00'],
    ['2019年1月9日', '2019-01-09T00:00:00+09:00'],
  ])('%s (no zone: the import zone is assumed)', (text, iso) => {
    expect(resolveDate(text, seoul)).toEqual({ iso, zoneAssumed: true });
  });

  it.each([
    ['2019-01-09T07:31:00+09:00', '2019-01-09T07:31:00+09:00'],
    ['20190109T073100+0900', '2019-01-09T07:31:00+09:00'],
    ['Tue, 9 Jan 2019 07:31:00 -0500', '2019-01-09T07:31:00-05:00'],
    ['Jan 9, 2019 12:05 PM EST', '2019-01-09T12:05:00-05:00'],
    ['2019-01-09 07:31 KST', '2019-01-09T07:31:00+09:00'],
    ['2019-01-09T07:31:00Z', '2019-01-09T07:31:00+00:00'],
  ])('%s keeps the zone it names', (text, iso) => {
    expect(resolveDate(text, resolveZone('Europe/Berlin'))).toEqual({ iso, zoneAssumed: false });
  });

  it('reads the Reuters wire form with centiseconds', () => {
    expect(resolveDate('26-FEB-1987 15:01:01.79', resolveZone('UTC'))?.iso).toBe('1987-02-26T15:01:01+00:00');
  });

  it('refuses impossible dates and non-dates', () => {
    expect(parseDateText('2019-02-30')).toBeNull();
    expect(parseDateText('Posted by the desk')).toBeNull();
    expect(parseDateText('Foo 12, 2019')).toBeNull();
    expect(resolveDate('', seoul)).toBeNull();
  });
});

describe('zones', () => {
  it('follows daylight saving in IANA zones', () => {
    const ny = resolveZone('America/New_York');
    expect(resolveDate('2019-01-09 07:31', ny)?.iso).toBe('2019-01-09T07:31:00-05:00');
    expect(resolveDate('2019-07-09 07:31', ny)?.iso).toBe('2019-07-09T07:31:00-04:00');
  });

  it('accepts fixed offsets and rejects unknown names with invalid-input', () => {
    expect(resolveDate('2019-01-09 07:31', resolveZone('+05:30'))?.iso).toBe('2019-01-09T07:31:00+05:30');
    expect(resolveDate('2019-01-09 07:31', resolveZone('-0330'))?.iso).toBe('2019-01-09T07:31:00-03:30');
    expect(() => resolveZone('Mars/Olympus')).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    expect(() => resolveZone('+25:00')).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });

  it('defaults to the machine zone and formats with an explicit offset, never Z', () => {
    expect(resolveZone().name).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(formatIso({ year: 2019, month: 1, day: 9, hour: 7, minute: 31, second: 0 }, 0)).toBe('2019-01-09T07:31:00+00:00');
  });
});
