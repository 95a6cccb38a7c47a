// Bytes to text. Order: a byte-order mark; a forced --encoding; strict UTF-8
// (most files today); an XML/HTML charset declaration; then statistical
// detection (chardet) among legacy encodings. A candidate that would put
// U+FFFD into the text is rejected, so a file that decodes cleanly in some
// encoding never gains replacement characters.
import chardet from 'chardet';
import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
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
  'UTF-16LE': { decoder: 'utf-16le', name: 'UTF-16LE' },
  'UTF-16BE': { decoder: 'utf-16be', name: 'UTF-16BE' },
};

export class DecodeFailure extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** True when iconv-lite can decode this name (for validating --encoding up front). */
export function encodingSupported(name: string): boolean {
  return iconv.encodingExists(name);
}

export function decodeBytes(bytes: Buffer, forced?: string): Decoded {
  const bom = detectBom(bytes);
  if (bom) return done(iconv.decode(bytes.subarray(bom.length), bom.decoder), bom.name, 1, []);
  if (forced) return done(iconv.decode(bytes, forced), forced, 1, ['forced-encoding']);
  const hasNul = bytes.indexOf(0) !== -1;
  const utf16 = hasNul ? sniffUtf16(bytes) : null;
  if (utf16) return done(iconv.decode(bytes, utf16), utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE', 0.8, ['no-bom']);
  const binary = binaryReason(bytes, hasNul);
  if (binary) throw new DecodeFailure(binary);
  // Most files are plain ASCII: the cheapest decoder reads them exactly, and they need no NFC pass.
  if (isAscii(bytes)) return done(bytes.toString('latin1'), 'UTF-8', 1, []);
  if (isUtf8(bytes)) return done(bytes.toString('utf8'), 'UTF-8', 1, []);
  const flags: string[] = [];
  const declared = declaredCharset(bytes);
  if (declared && !/^utf-?8$/i.test(declared) && iconv.encodingExists(declared)) {
    const text = iconv.decode(bytes, declared);
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
  const decoder = encoding ? (DECODERS[encoding]?.decoder ?? encoding) : 'utf-8';
  if (encoding && iconv.encodingExists(decoder)) return { text: iconv.decode(buf, decoder), encoding };
  return { text: buf.toString('utf8'), encoding: 'UTF-8' };
}

function detect(bytes: Buffer, flags: string[]): Decoded {
  const candidates = chardet.analyse(detectionSample(bytes)).filter((m) => DECODERS[m.name] !== undefined);
  let first: Omit<Decoded, 'raw'> | undefined;
  for (const match of candidates) {
    const entry = DECODERS[match.name] as { decoder: string; name: string };
    const text = iconv.decode(bytes, entry.decoder);
    const confidence = Math.min(1, match.confidence / 100);
    const decoded = { text, encoding: entry.name, confidence, flags: [...flags] };
    if (!text.includes('\uFFFD')) return done(decoded.text, decoded.encoding, confidence, decoded.flags);
    first ??= decoded;
  }
  // Nothing decodes cleanly: the bytes really are damaged. Keep the best guess and say so.
  if (first) return done(first.text, first.encoding, Math.min(first.confidence, 0.2), [...first.flags, 'decode-errors']);
  return done(iconv.decode(bytes, 'windows-1252'), 'windows-1252', 0.1, [...flags, 'decode-errors']);
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


// Signatures of common non-text files: failing them by name is clearer than "binary".
const MAGIC: ReadonlyArray<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive (or .docx/.odt)'],
  [[0x1f, 0x8b], 'gzip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'legacy Office document'],
  [[0x7f, 0x45, 0x4c, 0x46], 'executable'],
];

// Bytes below 0x20 other than tab, LF, FF, CR and ESC (ISO-2022).
// eslint-disable-next-line no-control-regex -- finding control bytes is the point
const CONTROL_BYTE = /[\x00-\x08\x0B\x0E-\x1A\x1C-\x1F]/u;

function binaryReason(bytes: Buffer, hasNul: boolean): string | null {
  for (const [magic, what] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return `binary: looks like a ${what}`;
  // One native scan rules out the usual case before counting byte by byte.
  if (!hasNul && !CONTROL_BYTE.test(bytes.subarray(0, 8192).toString('latin1'))) return null;
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  let nuls = 0;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i] as number;
    if (b === 0) nuls += 1;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls += 1;
  }
  // A stray NUL in a text file is stripped later; many of them mean it is not text.
  if (nuls > Math.max(2, n * 0.01)) return 'binary: contains NUL bytes';
  return controls > n * 0.1 ? 'binary: too many control bytes' : null;
}

/** `<?xml … encoding="x"?>` or `<meta charset=x>` / `content="…; charset=x"` in the first 2 kB. */
function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1] ?? null;
  const meta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return meta ? (meta[1] ?? null) : null;
}
