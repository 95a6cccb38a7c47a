// Standard versus vendor mapping tables for the East Asian double-byte
// encodings. iconv-lite decodes with the vendors' tables (Microsoft CP932 for
// Shift_JIS, CP936 for GB2312, CP950/HKSCS for Big5, and the same choices in
// EUC-JP), which put a handful of characters at other code points than the
// national standards' own mappings: Shift_JIS 0x8160 is WAVE DASH (U+301C) in
// JIS X 0208 and FULLWIDTH TILDE (U+FF5E) in CP932; GB2312 0xA1AA is U+2015 in
// GB2312 and U+2014 in CP936. A file that names the standard encoding and uses
// none of the vendor's extra rows was written with the standard table, so its
// text gets the standard characters; a file with vendor-only bytes (NEC/IBM
// rows, GBK or HKSCS code points) keeps the vendor table.
//
// The tables list every code point where the two mappings differ inside the
// standard's own rows: derived by decoding every double-byte sequence with
// iconv-lite and with the standard tables (Python's `shift_jis`, `euc_jp`,
// `big5`, `gb2312` codecs, which follow the Unicode Consortium's mapping files).

/** Vendor character → standard character, per standard encoding (display name). */
const STANDARD: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Shift_JIS: jisX0208Swaps(),
  'EUC-JP': jisX0208Swaps(),
  GB2312: { '\u00B7': '\u30FB', '\u2014': '\u2015' },
  Big5: {
    '\u2027': '\u2022',
    '\uFE51': '\uFF64',
    '\u00AF': '\u203E',
    '\uFF5E': '\u223C',
    '\u2295': '\u2641',
    '\u2299': '\u2609',
    '\u2215': '\uFF0F',
    '\uFE68': '\uFF3C',
    '\uFFE5': '\u00A5',
    '\uFFE0': '\u00A2',
    '\uFFE1': '\u00A3',
  },
};

function jisX0208Swaps(): Record<string, string> {
  return {
    '\uFF5E': '\u301C',
    '\u2225': '\u2016',
    '\uFF0D': '\u2212',
    '\uFFE0': '\u00A2',
    '\uFFE1': '\u00A3',
    '\uFFE2': '\u00AC',
  };
}

/** The standard encodings this module knows, by their display names. */
export function hasStandardTable(name: string): boolean {
  return STANDARD[name] !== undefined;
}

/**
 * Text decoded with iconv-lite's vendor table for `name`, moved to the
 * standard's characters when the bytes use only the standard's rows.
 */
export function toStandardTable(name: string, bytes: Uint8Array, text: string): string {
  const table = STANDARD[name];
  if (!table || usesVendorRows(name, bytes)) return text;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i += 1) {
    const swap = table[text[i] as string];
    if (swap === undefined) continue;
    out += text.slice(last, i) + swap;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** True when a double-byte sequence lies in rows only the vendor's table defines. */
export function usesVendorRows(name: string, bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const lead = bytes[i] as number;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1] ?? 0;
    switch (name) {
      case 'Shift_JIS':
        // NEC row 13 (0x87), NEC-selected IBM (0xED, 0xEE), IBM extensions (0xFA–0xFC).
        if (lead === 0x87 || lead === 0xed || lead === 0xee || lead >= 0xfa) return true;
        if ((lead >= 0x81 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xfc)) i += 1;
        break;
      case 'EUC-JP':
        // NEC row 13 (0xAD) and the IBM rows vendors put at 0xF9–0xFC.
        if (lead === 0xad || (lead >= 0xf9 && lead <= 0xfc)) return true;
        if (lead === 0x8f) i += 2;
        else i += 1;
        break;
      case 'GB2312':
        // GBK's extra rows: a lead below 0xA1 or a trail byte below 0xA1.
        if (lead < 0xa1 || trail < 0xa1) return true;
        i += 1;
        break;
      case 'Big5':
        // HKSCS (leads below 0xA1, 0xFA–0xFE) and the ETEN rows at 0xC6A1–0xC8FE and 0xF9D6–0xF9FE.
        if (lead < 0xa1 || lead >= 0xfa || (lead === 0xc6 && trail >= 0xa1) || lead === 0xc7 || lead === 0xc8) return true;
        if (lead === 0xf9 && trail >= 0xd6) return true;
        i += 1;
        break;
      default:
        return false;
    }
  }
  return false;
}
