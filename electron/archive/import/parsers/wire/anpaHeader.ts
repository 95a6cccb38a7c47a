// The ANPA-1312 message header: SYN SYN SOH, the service level designator
// and message number, US, the selector code; then the line with the priority
// code, the category code, two format codes (DC3/DC4, DC1/DC2: DC4 or DC2 mark
// a tabular story), the keyword (slug, 24 characters at most, no spaces),
// the version (`1stLd-Writethru`), the filing date (MM-DD) and the word count.
/* eslint-disable no-control-regex -- wire framing and format codes (SOH, STX, US, RS, DLE, …) are control characters: matching them is the format */

export interface AnpaHeader {
  service: string;
  number: string;
  selector: string;
  /** Priority code letter (`f`, `b`, `u`, `r`, `d`, …); '' when the line is missing. */
  priority: string;
  category: string;
  /** DC4/DC2 format codes: a tabular story whose lines are kept as preformatted rows. */
  tabular: boolean;
  keyword: string;
  version: string;
}

// SOH, service level designator (a letter), four-digit message number, US, selector code.
export const ANPA_FIRST_LINE = /^\u0001([A-Za-z])(\d{4})\u001f([\w-]*)[ \t]*$/mu;
const SECOND_LINE = /^([a-z]) ([a-z])([\u0013\u0014])([\u0011\u0012])[ \t]*(\S+)?(.*?)[ \t]*(\d{1,2}-\d{1,2})?(?:[ \t]+(\d{1,5}))?[ \t]*$/iu;

/** The header of one transmission (text from its SOH to its STX); null when it is not ANPA-shaped. */
export function parseAnpaHeader(head: string): AnpaHeader | null {
  const lines = head.split('\n');
  const first = ANPA_FIRST_LINE.exec(lines[0] ?? '');
  if (!first) return null;
  const second = SECOND_LINE.exec(lines[1] ?? '');
  return {
    service: first[1] as string,
    number: first[2] as string,
    selector: first[3] as string,
    priority: second?.[1]?.toLowerCase() ?? '',
    category: second?.[2]?.toLowerCase() ?? '',
    tabular: second ? second[3] === '\u0014' || second[4] === '\u0012' : false,
    keyword: second?.[5] ?? '',
    version: (second?.[6] ?? '').trim(),
  };
}

/**
 * Priority codes to the 1 (flash) … 9 scale: f flash, b bulletin, u urgent,
 * r regular, s and a (standing copy, advances) below regular, d deferred.
 */
const PRIORITY: Readonly<Record<string, number>> = { f: 1, b: 2, u: 3, r: 5, s: 6, a: 6, d: 7 };

export function anpaUrgency(code: string): number | null {
  return PRIORITY[code] ?? null;
}

/** Category codes AP documents; others are kept as their code without a label. */
const CATEGORY: Readonly<Record<string, string>> = {
  a: 'Domestic news',
  e: 'Entertainment',
  f: 'Financial',
  i: 'International news',
  l: 'Lifestyle',
  p: 'Politics',
  s: 'Sports',
  w: 'Washington',
};

export function anpaCategoryLabel(code: string): string {
  return CATEGORY[code] ?? '';
}

/** A keyword without its cycle designator (`BC-`, `AM-`, `PM-`): the slug desks use. */
export function withoutCycle(keyword: string): string {
  return keyword.replace(/^(?:BC|AM|PM)-/iu, '');
}
