// The date forms newspapers and wires print, as DATA: add a row to teach the
// importer a new paper's style. Each pattern uses named groups: year, month
// (number or name), day, and optionally the shared time/zone tail.

/** Month names and abbreviations (lower case, without the trailing period). */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};

/** Zone abbreviations seen in bylines and wires, in minutes east of UTC. */
export const ZONE_ABBREVIATIONS: Readonly<Record<string, number>> = {
  UTC: 0, GMT: 0, Z: 0, KST: 540, JST: 540, HKT: 480, CST: -360, CDT: -300, EST: -300, EDT: -240,
  MST: -420, MDT: -360, PST: -480, PDT: -420, BST: 60, CET: 60, CEST: 120, IST: 330,
};

const ZONE_ALT = `Z|[+-]\\d{2}:?\\d{2}|${Object.keys(ZONE_ABBREVIATIONS).filter((z) => z !== 'Z').join('|')}`;
// `07:31`, `7:31 AM`, `15:01:01.79`, `T07:31:00+09:00`, `07:31 KST`, `오후 3:10`.
const TIME = `(?:[T,\\s]+(?:(?<meridiemKo>오전|오후)\\s*)?(?<hour>\\d{1,2})[:시]\\s*(?<minute>\\d{2})(?:분)?(?::(?<second>\\d{2})(?:\\.\\d+)?)?(?:\\s*(?<meridiem>[AaPp]\\.?[Mm]\\.?))?)?(?:\\s*\\(?(?<zone>${ZONE_ALT})\\)?)?`;

export interface DateForm {
  name: string;
  pattern: RegExp;
}

function form(name: string, date: string, withTime = true): DateForm {
  return { name, pattern: new RegExp(`${date}${withTime ? TIME : ''}`, 'u') };
}

/** Tried in order; the first that matches wins. */
export const DATE_FORMS: readonly DateForm[] = [
  // NITF / ISO 8601 basic: 20190109T073100+0900
  form(
    'iso-basic',
    '(?<![\\d])(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})T(?<hour>\\d{2})(?<minute>\\d{2})(?<second>\\d{2})?(?<zone>Z|[+-]\\d{2}:?\\d{2})?',
    false,
  ),
  // 2019-01-09 07:31, 2019.01.09 07:31, 2019/1/9, 2019-01-09T07:31:00+09:00
  form('ymd', '(?<![\\d])(?<year>\\d{4})[-./](?<month>\\d{1,2})[-./](?<day>\\d{1,2})\\.?(?![\\d])'),
  // 2019년 1월 9일 07:31 ; 2019年1月9日
  form('ymd-cjk', '(?<year>\\d{4})\\s*[년年]\\s*(?<month>\\d{1,2})\\s*[월月]\\s*(?<day>\\d{1,2})\\s*[일日]'),
  // January. 09, 2019 07:31 ; Jan 9, 2019 7:31 AM ; Tuesday, January 9th, 2019
  form('mdy-name', '(?<month>[A-Za-z]{3,9})\\.?\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})'),
  // 09 January 2019 ; 26-FEB-1987 15:01:01.79 ; Tue, 9 Jan 2019 07:31:00 +0900
  form('dmy-name', '(?<![\\d])(?<day>\\d{1,2})(?:st|nd|rd|th)?[\\s-]+(?<month>[A-Za-z]{3,9})\\.?,?[\\s-]+(?<year>\\d{4})'),
];

/** Labels of the date lines in a web capture: which field they fill. */
export const DATE_LABELS: ReadonlyArray<{ pattern: RegExp; field: 'postedAt' | 'updatedAt' }> = [
  { pattern: /^(?:posted|published|first published|released|created|date)\b\s*(?:on|at)?\s*:?/iu, field: 'postedAt' },
  { pattern: /^(?:updated|modified|last updated|last modified|edited)\b\s*(?:on|at)?\s*:?/iu, field: 'updatedAt' },
  { pattern: /^(?:입력|등록|송고)\s*:?/u, field: 'postedAt' },
  { pattern: /^(?:수정|업데이트|최종수정)\s*:?/u, field: 'updatedAt' },
  { pattern: /^(?:公開|掲載|配信)(?:日時?)?\s*[:：]?/u, field: 'postedAt' },
  { pattern: /^(?:更新)(?:日時?)?\s*[:：]?/u, field: 'updatedAt' },
];
