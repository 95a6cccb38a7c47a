// ISO-2022-JP and ISO-2022-KR: 7-bit encodings that switch character sets
// with escape sequences (JP) or shift bytes SO/SI (KR). Neither iconv-lite nor
// Node's TextDecoder reads ISO-2022-KR (the WHATWG standard maps it to the
// "replacement" encoding), so this small stateful decoder turns each
// double-byte run back into its 8-bit EUC form (the same code points with the
// high bit set) and lets the EUC-JP / EUC-KR decoders the importer already
// uses read it: one table per character set for every encoding that carries it.
import iconv from 'iconv-lite';

export type Iso2022 = 'ISO-2022-JP' | 'ISO-2022-KR';

const ESC = 0x1b;
const SO = 0x0e;
const SI = 0x0f;

/** The ISO-2022 variant a 7-bit file announces with its designator escapes; null when none. */
export function iso2022Kind(bytes: Uint8Array): Iso2022 | null {
  let at = bytes.indexOf(ESC);
  while (at !== -1 && at + 3 < bytes.length) {
    const a = bytes[at + 1];
    const b = bytes[at + 2];
    const c = bytes[at + 3];
    // ESC $ ) C designates KS X 1001 into G1 (RFC 1557).
    if (a === 0x24 && b === 0x29 && c === 0x43) return 'ISO-2022-KR';
    // ESC $ @, ESC $ B: JIS X 0208; ESC $ ( D: JIS X 0212 (RFC 1468, 2237).
    if (a === 0x24 && (b === 0x40 || b === 0x42 || (b === 0x28 && c === 0x44))) return 'ISO-2022-JP';
    at = bytes.indexOf(ESC, at + 1);
  }
  return null;
}

type JpSet = 'ascii' | 'roman' | 'kana' | 'jis0208' | 'jis0212';

/** Decode ISO-2022-JP (with JIS X 0201 Roman/kana and JIS X 0212 designations) through EUC-JP. */
export function decodeIso2022Jp(bytes: Uint8Array): string {
  const out: string[] = [];
  let set: JpSet = 'ascii';
  let run: number[] = [];
  const flush = () => {
    if (run.length > 0) out.push(iconv.decode(Buffer.from(run), 'euc-jp'));
    run = [];
  };
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    if (b === ESC) {
      const next = designationJp(bytes, i);
      if (next) {
        set = next.set;
        i += next.length - 1;
        continue;
      }
    }
    if (b >= 0x80) {
      // Not 7-bit: the file is not ISO-2022 after all, and the replacement character says so.
      flush();
      out.push('\uFFFD');
      continue;
    }
    if (b < 0x21 || b > 0x7e || set === 'ascii') {
      run.push(b);
      continue;
    }
    if (set === 'roman') {
      flush();
      out.push(b === 0x5c ? '\u00A5' : b === 0x7e ? '\u203E' : String.fromCharCode(b));
    } else if (set === 'kana') {
      run.push(0x8e, b | 0x80);
    } else {
      const second = bytes[i + 1];
      if (second === undefined || second < 0x21 || second > 0x7e) {
        flush();
        out.push('\uFFFD');
        continue;
      }
      if (set === 'jis0212') run.push(0x8f);
      run.push(b | 0x80, second | 0x80);
      i += 1;
    }
  }
  flush();
  return out.join('');
}

function designationJp(bytes: Uint8Array, i: number): { set: JpSet; length: number } | null {
  const a = bytes[i + 1];
  const b = bytes[i + 2];
  if (a === 0x28 && b === 0x42) return { set: 'ascii', length: 3 };
  if (a === 0x28 && b === 0x4a) return { set: 'roman', length: 3 };
  if (a === 0x28 && b === 0x49) return { set: 'kana', length: 3 };
  if (a === 0x24 && (b === 0x40 || b === 0x42)) return { set: 'jis0208', length: 3 };
  if (a === 0x24 && b === 0x28 && bytes[i + 3] === 0x44) return { set: 'jis0212', length: 4 };
  return null;
}

/** Decode ISO-2022-KR: the ESC $ ) C header line is dropped, SO … SI runs are KS X 1001 (read as EUC-KR). */
export function decodeIso2022Kr(bytes: Uint8Array): string {
  const parts: string[] = [];
  let out: number[] = [];
  let shifted = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    if (b === ESC && bytes[i + 1] === 0x24 && bytes[i + 2] === 0x29 && bytes[i + 3] === 0x43) {
      i += 3;
      continue;
    }
    if (b === SO) shifted = true;
    else if (b === SI) shifted = false;
    // A line end always returns to ASCII (RFC 1557: SO runs never span lines).
    else if (b === 0x0a || b === 0x0d) {
      shifted = false;
      out.push(b);
    } else if (shifted && b >= 0x21 && b <= 0x7e) out.push(b | 0x80);
    else if (b < 0x80) out.push(b);
    else {
      parts.push(iconv.decode(Buffer.from(out), 'cp949'), '\uFFFD');
      out = [];
    }
  }
  parts.push(iconv.decode(Buffer.from(out), 'cp949'));
  return parts.join('');
}

export function decodeIso2022(bytes: Uint8Array, kind: Iso2022): string {
  return kind === 'ISO-2022-JP' ? decodeIso2022Jp(bytes) : decodeIso2022Kr(bytes);
}
