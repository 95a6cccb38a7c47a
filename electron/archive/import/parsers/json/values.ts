// Reading loosely typed JSON values into the shared shape: agencies write
// numbers as strings ("urgency": "3"), leave fields null or empty, and put
// markup in fields that should hold text.
import { parseDocument } from 'htmlparser2';
import type { PubStatus } from '../../../../../shared/model/newsroom.ts';
import { textOf } from '../htmlBlocks.ts';
import { isObject, type JsonObject, type JsonValue } from './document.ts';

/** A trimmed string, or '' for anything else (null, numbers are read as text). */
export function str(value: JsonValue | undefined): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** The objects of an array (anything else in it is skipped); [] when it is not an array. */
export function objects(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The non-empty strings of an array. */
export function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.map((v) => str(v)).filter((v) => v !== '') : [];
}

/** An integer 1..9 (urgency, priority), from a number or a numeric string; null otherwise. */
export function scale9(value: JsonValue | undefined): number | null {
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/u.test(str(value)) ? Number(str(value)) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : null;
}

/** A version number from `2`, `"2"`; null when the file's version is not a whole number. */
export function versionNumber(value: JsonValue | undefined): number | null {
  const s = str(value);
  return /^\d{1,9}$/u.test(s) ? Number(s) : null;
}

/** `usable` / `withheld` / `canceled` (also `stat:canceled`, `cancelled`); '' when absent or unknown. */
export function pubStatus(value: JsonValue | undefined): PubStatus {
  const s = str(value).toLowerCase().replace(/^stat:/u, '');
  if (s === 'usable' || s === 'withheld') return s;
  if (s === 'canceled' || s === 'cancelled') return 'canceled';
  return '';
}

/** Text of a field that may hold HTML (a headline or description with contenttype text/html). */
export function plainText(value: string): string {
  const text = /[<&]/u.test(value) ? textOf(parseDocument(value, { decodeEntities: true })) : value;
  return text.replace(/[\s\u00A0]+/gu, ' ').trim();
}

/** Strings without repeats, in first-seen order. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}
