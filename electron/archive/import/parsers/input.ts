// Building a ParseInput from text: what the importer does after decoding, and
// what parser tests do from a string (decoding as UTF-8, unless raw bytes are given).
import { extname } from 'node:path';
import { resolveZone, type Zone } from '../../time/zone.ts';
import { cleanText } from '../text.ts';
import { HEAD_CHARS } from './registry.ts';
import type { ParseInput } from './types.ts';

export interface InputParts {
  /** Decoded text before clean-up (controls and CRs in place). */
  rawText: string;
  /** Decoded and cleaned; computed from rawText when absent. */
  text?: string;
  bytes?: Uint8Array;
  path: string;
  /** Defaults to the path's extension. */
  ext?: string;
  zone: Zone;
}

export function makeParseInput(parts: InputParts): ParseInput {
  const text = parts.text ?? cleanText(parts.rawText);
  return {
    text,
    rawText: parts.rawText,
    bytes: parts.bytes ?? Buffer.from(parts.rawText, 'utf8'),
    head: text.slice(0, HEAD_CHARS),
    ext: parts.ext ?? extname(parts.path).slice(1).toLowerCase(),
    path: parts.path,
    zone: parts.zone,
  };
}

/** For tests: a ParseInput from source text as a file would hold it. */
export function inputFromText(rawText: string, path: string, zone: Zone | string = 'UTC'): ParseInput {
  return makeParseInput({ rawText, path, zone: typeof zone === 'string' ? resolveZone(zone) : zone });
}
