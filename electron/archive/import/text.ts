// Text as the archive stores it: NFC, LF line ends, no NUL or other control
// characters (tabs and newlines stay). Old systems leave CRs, form feeds and
// C1 controls behind; none of them means anything in an article.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/gu;
// eslint-disable-next-line no-control-regex -- as above
const NEEDS_WORK = /[\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\uFEFF]/u;

export function cleanText(text: string): string {
  let out = text;
  if (NEEDS_WORK.test(out)) {
    out = out.replace(/\r\n?|[\u2028\u2029]/gu, '\n').replace(CONTROL, '');
  }
  // Plain ASCII is already NFC; skipping the call saves time on most English text.
  return isAscii(out) ? out : out.normalize('NFC');
}

function isAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\u0000-\u007F]*$/u.test(text);
}

/** Trim, and fold the no-break and other odd spaces web pages leave at line ends. */
export function tidyLine(line: string): string {
  return line.replace(/[\s\u00A0\u200B\u3000]+$/u, '').replace(/^[\s\u00A0\u200B\u3000]+/u, '');
}

/** Collapse runs of whitespace (including no-break spaces) inside a line to one space. */
export function collapseSpaces(text: string): string {
  return tidyLine(text.replace(/[ \t\u00A0\u200B]+/gu, ' '));
}
