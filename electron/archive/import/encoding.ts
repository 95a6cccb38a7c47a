// Bytes to text. Order: a byte-order mark; a forced --encoding; UTF-16
// without a BOM; ISO-2022 escapes; strict UTF-8 (most files today); an
// XML/HTML charset declaration; then statistical detection (chardet) among
// legacy encodings, refined where chardet cannot tell look-alikes apart
// (singleByteLetters.ts). A candidate that would put U+FFFD into the text is
// rejected, so a file that decodes cleanly in some encoding never gains
// replacement characters.
import chardet from 'chardet';
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { binaryReason } from './binary.ts';
import { hasStandardTable, toStandardTable } from './cjkTables.ts';
import { decodeIso2022, iso2022Kind, type Iso2022 } from './iso2022.ts';
import { greekVariant, readsAsLatin9 } from './singleByteLetters.ts';
import { cleanText } from './text.ts';

export interface Decoded {
  /** NFC, LF line ends, controls removed (text.ts): what parsers read. */
  text: string;
  /** The decoded text before that clean-up: wire formats need their SOH/STX/ETX framing. */
  raw: string;
  /** Display name: UTF-8, UTF-16LE, windows-1252, EUC-KR, Shift_JIS, … */
  encoding: string;
  /** 0..1: 1 for a BOM, a forced encoding or valid UTF-8; the detector's score otherwise. */
  confidence: number;
  flags: string[];
}

/** Below this, the file is imported but flagged `low-confidence-encoding` in the report. */
export const LOW_CONFIDENCE = 0.5;

// Detector names → the decoder iconv-lite should use. Supersets are used where
// old systems really wrote the superset (Windows code pages, UHC, CP932).
const DECODERS: Readonly<Record<string, { decoder: string; name: string }>> = {
  'ISO-8859-1': { decoder: 'windows-1252', name: 'windows-1252' },
  'windows-1252': { decoder: 'windows-1252', name: 'windows-1252' },
  'ISO-8859-15': { decoder: 'iso-8859-15', name: 'ISO-8859-15' },
  'ISO-8859-2': { decoder: 'iso-8859-2', name: 'ISO-8859-2' },
  'ISO-8859-5': { decoder: 'iso-8859-5', name: 'ISO-8859-5' },
  'ISO-8859-6': { decoder: 'iso-8859-6', name: 'ISO-8859-6' },
  'ISO-8859-7': { decoder: 'iso-8859-7', name: 'ISO-8859-7' },
  'ISO-8859-8': { decoder: 'iso-8859-8', name: 'ISO-8859-8' },
  'ISO-8859-9': { decoder: 'windows-1254', name: 'windows-1254' },
  'windows-1250': { decoder: 'windows-1250', name: 'windows-1250' },
  'windows-1251': { decoder: 'windows-1251', name: 'windows-1251' },
  'windows-1253': { decoder: 'windows-1253', name: 'windows-1253' },
  'windows-1254': { decoder: 'windows-1254', name: 'windows-1254' },
  'windows-1255': { decoder: 'windows-1255', name: 'windows-1255' },
  'windows-1256': { decoder: 'windows-1256', name: 'windows-1256' },
  'windows-1257': { decoder: 'windows-1257', name: 'windows-1257' },
  'windows-1258': { decoder: 'windows-1258', name: 'windows-1258' },
  'windows-874': { decoder: 'windows-874', name: 'windows-874' },
  'KOI8-R': { decoder: 'koi8-r', name: 'KOI8-R' },
  'EUC-KR': { decoder: 'cp949', name: 'EUC-KR' },
  'Shift_JIS': { decoder: 'cp932', name: 'Shift_JIS' },
  'EUC-JP': { decoder: 'euc-jp', name: 'EUC-JP' },
  'GB18030': { decoder: 'gb18030', name: 'GB18030' },
  'Big5': { decoder: 'big5', name: 'Big5' },
  'GB2312': { decoder: 'gb18030', name: 'GB2312' },
  'UTF-16LE': { decoder: 'utf-16le', name: 'UTF-16LE' },
  'UTF-16BE': { decoder: 'utf-16be', name: 'UTF-16BE' },
};

export class DecodeFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

// Names files declare (`<meta charset>`, `<?xml encoding>`, --encoding) for the
// encodings whose text depends on more than iconv-lite's table: the ISO-2022
// family, and the standards whose vendor tables differ (cjkTables.ts).
const ALIASES: Readonly<Record<string, string>> = {
  'iso-2022-jp': 'ISO-2022-JP',
  csiso2022jp: 'ISO-2022-JP',
  'iso-2022-kr': 'ISO-2022-KR',
  csiso2022kr: 'ISO-2022-KR',
  shift_jis: 'Shift_JIS',
  'shift-jis': 'Shift_JIS',
  sjis: 'Shift_JIS',
  'x-sjis': 'Shift_JIS',
  csshiftjis: 'Shift_JIS',
  'euc-jp': 'EUC-JP',
  'x-euc-jp': 'EUC-JP',
  gb2312: 'GB2312',
  'gb_2312-80': 'GB2312',
  'euc-cn': 'GB2312',
  csgb2312: 'GB2312',
  big5: 'Big5',
  'cn-big5': 'Big5',
  csbig5: 'Big5',
};

/** True when `decodeAs` knows this name (a detector's, a declared or a recorded one). */
export function canDecode(name: string): boolean {
  return DECODERS[name] !== undefined || encodingSupported(name);
}

/** True when this name can be decoded (for validating --encoding up front). */
export function encodingSupported(name: string): boolean {
  return ALIASES[name.toLowerCase()] !== undefined || iconv.encodingExists(name);
}

/**
 * Decode with a named encoding: a detector's name (DECODERS), a declared or
 * forced name, or a display name the importer recorded. ISO-2022 goes through
 * iso2022.ts; Shift_JIS, EUC-JP, GB2312 and Big5 get their standard table
 * unless the bytes use vendor-only rows (cjkTables.ts).
 */
function decodeNamed(bytes: Buffer, name: string): string {
  const canonical = ALIASES[name.toLowerCase()] ?? name;
  if (canonical === 'ISO-2022-JP' || canonical === 'ISO-2022-KR') return decodeIso2022(bytes, canonical);
  const decoder = DECODERS[canonical]?.decoder ?? name;
  const text = iconv.decode(bytes, decoder);
  return hasStandardTable(canonical) ? toStandardTable(canonical, bytes, text) : text;
}

export function decodeBytes(bytes: Buffer, forced?: string): Decoded {
  const bom = detectBom(bytes);
  if (bom) return done(iconv.decode(bytes.subarray(bom.length), bom.decoder), bom.name, 1, []);
  if (forced) return done(decodeNamed(bytes, forced), forced, 1, ['forced-encoding']);
  const hasNul = bytes.indexOf(0) !== -1;
  const utf16 = hasNul ? sniffUtf16(bytes) : null;
  if (utf16) return done(iconv.decode(bytes, utf16), utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE', 0.8, ['no-bom']);
  const binary = binaryReason(bytes, hasNul);
  if (binary) throw new DecodeFailure(binary);
  const iso2022 = bytes.indexOf(0x1b) === -1 ? null : iso2022Kind(bytes);
  if (iso2022) return decodeIso2022File(bytes, iso2022);
  // Most files are plain ASCII: the cheapest decoder reads them exactly, and they need no NFC pass.
  if (isAscii(bytes)) return done(bytes.toString('latin1'), 'UTF-8', 1, []);
  if (isUtf8(bytes)) return done(bytes.toString('utf8'), 'UTF-8', 1, []);
  const flags: string[] = [];
  const declared = declaredCharset(bytes);
  if (declared && !/^utf-?8$/i.test(declared) && encodingSupported(declared)) {
    const text = decodeNamed(bytes, declared);
    if (!text.includes('\uFFFD')) return done(text, declared, 0.95, []);
    flags.push('declared-encoding-wrong');
  } else if (declared) {
    flags.push('declared-encoding-wrong');
  }
  return detect(bytes, flags);
}

/**
 * Decode bytes again with the encoding the importer recorded (its display
 * name, e.g. `EUC-KR`, or a forced/declared name), to show a kept original as
 * text. No detection and no clean-up: the point is to show what came in. A
 * leading BOM is dropped; a name iconv-lite does not know falls back to UTF-8.
 */
export function decodeAs(bytes: Uint8Array, encoding: string | null): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = detectBom(buf);
  if (bom) return { text: iconv.decode(buf.subarray(bom.length), bom.decoder), encoding: bom.name };
  if (encoding && canDecode(encoding)) return { text: decodeNamed(buf, encoding), encoding };
  return { text: buf.toString('utf8'), encoding: 'UTF-8' };
}

/** A 7-bit file with ISO-2022 designators: decoded by iso2022.ts, or flagged when its escapes lead nowhere valid. */
function decodeIso2022File(bytes: Buffer, kind: Iso2022): Decoded {
  const text = decodeIso2022(bytes, kind);
  if (!text.includes('\uFFFD')) return done(text, kind, 0.95, []);
  return done(text, kind, 0.3, ['decode-errors']);
}

/** The detector's name, or the look-alike the bytes' letters say it is (singleByteLetters.ts). */
function refine(name: string, bytes: Buffer): string {
  if ((name === 'windows-1252' || name === 'ISO-8859-1' || name === 'windows-1257') && readsAsLatin9(bytes)) return 'ISO-8859-15';
  if (name === 'windows-1253' || name === 'ISO-8859-7') return greekVariant(bytes) ?? name;
  return name;
}

function detect(bytes: Buffer, flags: string[]): Decoded {
  const candidates = breakTies(chardet.analyse(detectionSample(bytes)).filter((m) => DECODERS[m.name] !== undefined), bytes);
  let first: Omit<Decoded, 'raw'> | undefined;
  for (const match of candidates) {
    const entry = DECODERS[refine(match.name, bytes)] as { decoder: string; name: string };
    const text = decodeNamed(bytes, entry.name);
    const confidence = Math.min(1, match.confidence / 100);
    const decoded = { text, encoding: entry.name, confidence, flags: [...flags] };
    if (!text.includes('\uFFFD')) return done(decoded.text, decoded.encoding, confidence, decoded.flags);
    first ??= decoded;
  }
  // Nothing decodes cleanly: the bytes really are damaged. Keep the best guess and say so.
  if (first) return done(first.text, first.encoding, Math.min(first.confidence, 0.2), [...first.flags, 'decode-errors']);
  return done(iconv.decode(bytes, 'windows-1252'), 'windows-1252', 0.1, [...flags, 'decode-errors']);
}

/**
 * On a short East Asian snippet chardet often scores Big5, EUC-JP, EUC-KR and
 * GB18030 alike. Among candidates tied at the top, the reading with the most
 * kana or hangul syllables wins: every real Japanese or Korean text has them,
 * while the same bytes read as Chinese are just rarer Han characters.
 */
function breakTies<T extends { name: string; confidence: number }>(candidates: T[], bytes: Buffer): T[] {
  const top = candidates[0]?.confidence;
  const tied = candidates.filter((c) => c.confidence === top);
  if (tied.length < 2) return candidates;
  const phonetic = (c: T) => {
    const text = decodeNamed(bytes, (DECODERS[c.name] as { name: string }).name);
    return text.match(/[\u3041-\u3096\u30A1-\u30FA\uAC00-\uD7A3]/gu)?.length ?? 0;
  };
  const scores = new Map(tied.map((c) => [c, phonetic(c)]));
  const ranked = [...tied].sort((a, b) => (scores.get(b) as number) - (scores.get(a) as number));
  return [...ranked, ...candidates.slice(tied.length)];
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * The detector reads every byte through a dozen recognisers: on a big, mostly
 * ASCII file (a wire container with one stray byte) that takes seconds. Its
 * evidence is the non-ASCII bytes, so sample around them.
 */
function detectionSample(bytes: Buffer): Buffer {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  const parts: Buffer[] = [bytes.subarray(0, SAMPLE_BYTES / 4)];
  let size = SAMPLE_BYTES / 4;
  let i = SAMPLE_BYTES / 4;
  while (i < bytes.length && size < SAMPLE_BYTES) {
    if ((bytes[i] as number) < 0x80) {
      i += 1;
      continue;
    }
    // Start at a line or space boundary so multi-byte sequences are not cut.
    let start = Math.max(i - 64, 0);
    while (start < i && bytes[start] !== 0x0a && bytes[start] !== 0x20) start += 1;
    const end = Math.min(i + 512, bytes.length);
    parts.push(bytes.subarray(start, end));
    size += end - start;
    i = end;
  }
  return Buffer.concat(parts);
}

function done(text: string, encoding: string, confidence: number, flags: string[]): Decoded {
  const out = [...flags];
  if (confidence < LOW_CONFIDENCE) out.push('low-confidence-encoding');
  return { text: cleanText(text), raw: text, encoding, confidence: Math.round(confidence * 100) / 100, flags: out };
}

function detectBom(bytes: Buffer): { length: number; decoder: string; name: string } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { length: 3, decoder: 'utf-8', name: 'UTF-8' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { length: 2, decoder: 'utf-16le', name: 'UTF-16LE' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { length: 2, decoder: 'utf-16be', name: 'UTF-16BE' };
  return null;
}

/**
 * UTF-16 without a BOM: the high byte of every ASCII character (spaces, digits,
 * punctuation) is a NUL, so NULs pile up on one parity. Confirmed by decoding:
 * real UTF-16 text has no lone surrogates and almost no control characters.
 */
function sniffUtf16(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul += 1;
    if (bytes[i + 1] === 0) oddNul += 1;
  }
  const pairs = n / 2;
  // Bytes that are valid UTF-8 apart from their NULs are UTF-16 only when mostly ASCII (NUL in every other byte);
  // otherwise a stray NUL in a UTF-8 file would turn it into CJK gibberish.
  const lead = Math.max(oddNul, evenNul);
  if (lead < 4 || lead < pairs * 0.05) return null;
  if (lead < pairs * 0.4 && isUtf8(bytes)) return null;
  const guess = evenNul <= oddNul / 5 ? 'utf-16le' : oddNul <= evenNul / 5 ? 'utf-16be' : null;
  if (!guess) return null;
  const sample = iconv.decode(bytes.subarray(0, n), guess);
  // eslint-disable-next-line no-control-regex -- counting control characters is the test
  const controls = sample.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/gu)?.length ?? 0;
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u.test(sample);
  return !lone && controls <= sample.length * 0.01 ? guess : null;
}


/** `<?xml … encoding="x"?>` or `<meta charset=x>` / `content="…; charset=x"` in the first 2 kB. */
function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1] ?? null;
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? (meta[1] ?? null) : null;
}
