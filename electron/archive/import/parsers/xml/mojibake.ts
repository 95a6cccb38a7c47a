// UTF-8 that a producer decoded as windows-1252 or Latin-1 and wrote out again
// as UTF-8 ("Dell’s" sent as "Dellâ€™s", "®" as "Â®", or with the C1 control
// characters Latin-1 leaves: "â\u0080\u0099"). The file is valid UTF-8, so
// decoding cannot see it; the characters can: such a run maps back to bytes
// that are valid UTF-8, which real Latin text almost never does (an "Ã"
// followed by anything but a continuation character fails the check and stays).

/** windows-1252's characters for bytes 0x80–0x9F. */
const CP1252: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e,
  '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** A UTF-8 lead byte's character (Â…ô) followed by characters that stand for bytes 0x80–0xFF. */
const RUN = /[\u00C2-\u00F4][\u0080-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]+/gu;
const HINT = /[\u00C2-\u00F4][\u0080-\u00BF\u0152-\u2122]/u;
const utf8 = new TextDecoder('utf-8', { fatal: true });
/**
 * What a repaired run may decode to: Latin letters and signs, Greek, Cyrillic, punctuation, currency,
 * ™. Anything else means the run was real text that happened to fit UTF-8 ("groß»" is not "gro߻").
 */
const PLAUSIBLE = /^[\u00A0-\u024F\u0370-\u04FF\u2010-\u205E\u20A0-\u20CF\u2100-\u214F]+$/u;

export function hasMojibake(text: string): boolean {
  return HINT.test(text);
}

export function repairMojibake(text: string): { text: string; repaired: boolean } {
  if (!HINT.test(text)) return { text, repaired: false };
  let repaired = false;
  const out = text.replace(RUN, (run) => {
    const bytes: number[] = [];
    for (const c of run) {
      const code = c.codePointAt(0) as number;
      const b = code <= 0xff ? code : CP1252[c];
      if (b === undefined) return run;
      bytes.push(b);
    }
    try {
      const fixed = utf8.decode(new Uint8Array(bytes));
      if (!PLAUSIBLE.test(fixed)) return run;
      repaired = true;
      return fixed;
    } catch {
      return run;
    }
  });
  return { text: out, repaired };
}
