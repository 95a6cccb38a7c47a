// Binary files are refused before decoding, by name where a signature says what
// they are (a PDF, an image, an archive), else by their share of NUL and
// control bytes.
import { iso2022Kind } from './iso2022.ts';

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
const SYN = 0x16;
const SOH = 0x01;
const STX = 0x02;

/**
 * A wire transmission (ANPA-1312, IPTC 7901): it opens with SOH, perhaps after
 * SYN fill and line ends, and its text starts at an STX soon after. Its
 * framing and format codes (SYN, SOH, STX, ETX, EOT, DC1–DC4, US, RS, BS as a
 * table marker) are the evidence of a wire file, not of a binary one.
 */
export function wireFramed(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < 8 && (bytes[i] === SYN || bytes[i] === 0x0d || bytes[i] === 0x0a)) i += 1;
  if (bytes[i] !== SOH) return false;
  const stx = bytes.indexOf(STX, i + 1);
  return stx !== -1 && stx < 2048;
}

export function binaryReason(bytes: Buffer, hasNul: boolean): string | null {
  for (const [magic, what] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return `binary: looks like a ${what}`;
  // One native scan rules out the usual case before counting byte by byte.
  if (!hasNul && !CONTROL_BYTE.test(bytes.subarray(0, 8192).toString('latin1'))) return null;
  const framed = wireFramed(bytes);
  // ISO-2022-KR switches to Korean and back with SO/SI: in a file that
  // announces it (ESC $ ) C), they are text, not evidence of binary.
  const shifts = iso2022Kind(bytes) === 'ISO-2022-KR';
  const n = Math.min(bytes.length, 8192);
  let controls = 0;
  let nuls = 0;
  for (let i = 0; i < n; i += 1) {
    const b = bytes[i] as number;
    if (b === 0) nuls += 1;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b && !(shifts && (b === 0x0e || b === 0x0f))) controls += 1;
  }
  // A stray NUL in a text file is stripped later; many of them mean it is not text.
  if (nuls > Math.max(2, n * 0.01)) return 'binary: contains NUL bytes';
  return controls > n * 0.1 && !framed ? 'binary: too many control bytes' : null;
}

