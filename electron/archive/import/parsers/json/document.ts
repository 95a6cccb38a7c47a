// Reading a file as JSON, once: the JSON parsers (ninjs, dpa digitalwires, the
// unknown-JSON refusal) all detect by the document's keys, so the text is
// parsed at most once per input and the result shared. Only text that starts
// like a JSON object or array is tried, so prose never pays for JSON.parse.
import { type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { ParseInput } from '../types.ts';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export type JsonRead =
  | { ok: true; value: JsonObject | JsonValue[] }
  | { ok: false; message: string; line: number; column: number };

/**
 * `{` then a key, `}` or the end; `[` then a value or `]`. A text file that
 * opens with `[Updated]` or `{Draft}` is not JSON-looking.
 */
const JSON_START = /^\s*(?:\{\s*(?:"|\}|$)|\[\s*(?:[{["\]]|-?\d|true\b|false\b|null\b|$))/u;

export function looksLikeJson(text: string): boolean {
  return JSON_START.test(text);
}

const cache = new WeakMap<ParseInput, JsonRead | null>();

/** The input read as JSON; null when it does not even look like a JSON object or array. */
export function readJson(input: ParseInput): JsonRead | null {
  if (cache.has(input)) return cache.get(input) ?? null;
  const read = looksLikeJson(input.head) ? parseJson(input.text) : null;
  cache.set(input, read);
  return read;
}

export function parseJson(text: string): JsonRead {
  try {
    const value = JSON.parse(text) as JsonValue;
    if (value === null || typeof value !== 'object') return { ok: false, message: 'not an object or array', line: 1, column: 1 };
    return { ok: true, value };
  } catch (error) {
    return locateError(text, (error as Error).message);
  }
}

/**
 * Where and why JSON.parse failed. V8's messages do not always give a
 * position ("Unexpected token 'x', …"), so the text is scanned again by
 * jsonc-parser, strict (no comments, no trailing commas), for the first error
 * and its offset; only on this failure path.
 */
function locateError(text: string, v8Message: string): JsonRead & { ok: false } {
  let offset: number | null = null;
  let message = '';
  try {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (first) {
      offset = first.offset;
      const found = text.slice(first.offset, first.offset + first.length);
      const words = printParseErrorCode(first.error).replace(/(?<=[a-z])(?=[A-Z])/gu, ' ').toLowerCase();
      message = found.trim() !== '' && found.length <= 24 ? `${words} ${JSON.stringify(found)}` : words;
    }
  } catch {
    // Too deep for the second look: V8's words will do.
  }
  if (offset === null) {
    const at = /at position (\d+)/u.exec(v8Message);
    offset = at ? Number(at[1]) : text.length;
    message = v8Message.replace(/\s*(?:in JSON\s*)?at position \d+.*$/su, '').trim() || 'unexpected input';
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { ok: false, message, line, column: offset - before.lastIndexOf('\n') };
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What a JSON document is, in a few words, for a refusal: `an object with keys "a", "b", …`. */
export function describeJson(value: JsonValue): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty array';
    const first = value[0];
    const of = isObject(first) ? `, the first ${describeJson(first)}` : '';
    return `an array of ${value.length} item${value.length === 1 ? '' : 's'}${of}`;
  }
  if (!isObject(value)) return value === null ? 'null' : `a ${typeof value}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty object';
  const shown = keys.slice(0, 8).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k));
  return `an object with key${keys.length === 1 ? '' : 's'} ${shown.join(', ')}${keys.length > 8 ? `, … (${keys.length} keys)` : ''}`;
}
