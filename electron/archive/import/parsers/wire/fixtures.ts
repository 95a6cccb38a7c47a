// Test support: wire transmissions written for the tests (no agency copy),
// built from parts so each test states only what it is about.

export interface AnpaParts {
  number?: string;
  priority?: string;
  category?: string;
  format?: string;
  keyword?: string;
  version?: string;
  caret?: string[];
  body?: string[];
  trailer?: string | null;
}

/** One ANPA-1312 message as AP sends it: CR LF line ends, the framing characters in place. */
export function anpaMessage(p: AnpaParts = {}): string {
  const keyword = p.keyword ?? 'BC-US--Harbor Fire';
  const squeezed = keyword.replace(/\s+/gu, '').slice(0, 24);
  const version = p.version ?? '';
  const lines = [
    `\u0016\u0016\u0001a${p.number ?? '4120'}\u001fasian`,
    `${p.priority ?? 'r'} ${p.category ?? 'a'}${p.format ?? '\u0013\u0011'} ${squeezed}${version ? ` ${version.replace(/\s+/gu, '')}` : ''}   03-14 0412\r`,
    `\u0002^${keyword}${version ? `, ${version}` : ''},412<\r`,
    ...(p.caret ?? ['^Fire guts harbor warehouse; no one hurt<', '^By JANE DOE=', '^Associated Press=']).map((l) => `${l}\r`),
    ...(p.body ?? ['\t   PORTLAND, Maine (AP) _ A fire destroyed a warehouse on the harbor early Thursday.', ' ', "\t   ``We got everyone out,'' the fire chief said.", ' ', '\t   The cause is under investigation.']).map((l) => `${l}\r`),
    '\r',
  ];
  const trailer = p.trailer === undefined ? 'AP-WF-03-14-24 1502GMT' : p.trailer;
  const end = trailer === null ? '' : `\t   \u0003${trailer}<\r\n\r\n\f\r\n\u0004`;
  return `${lines.join('\n')}\n${end}`;
}

export interface IptcParts {
  header?: string;
  keyword?: string;
  heading?: string[];
  body?: string[];
  notebook?: string[];
  trailer?: string | null;
}

/** One IPTC 7901 message as dpa sends it: CR LF, SOH … STX … ETX, DEL fill, EOT. */
export function iptcMessage(p: IptcParts = {}): string {
  const lines = [
    `\u0001${p.header ?? 'eca0412 3 i 120  dpa 0077'}`,
    '',
    `${p.keyword ?? 'Germany-transport/rail/'}`,
    `\u0002${(p.heading ?? ['Rail strike halts trains across Germany =']).join('\n')}`,
    '',
    ...(p.body ?? ['Frankfurt (dpa) - A strike by train drivers halted most long-distance', 'services across Germany on Monday, the rail operator said.', '', 'Commuters crowded onto buses and shared cars instead.']),
    '',
    ...(p.notebook ?? ['# Notebook', '', '## Editorial contacts', '- Reporting by: Anna Beispiel', '', 'dpa ab cd']),
    '',
  ];
  const end = p.trailer === null ? '' : `\u0003${p.trailer ?? '141530 GMT Mar 24'}\r\n\u007f\n\u007f\u0004`;
  return `${lines.map((l) => `${l}\r`).join('\n')}\n${end}`;
}
