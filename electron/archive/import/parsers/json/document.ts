// Reading a file as JSON, once: the JSON parsers (ninjs, dpa digitalwires, the
// unknown-JSON refusal) all detect by the document's keys, so the text is
// parsed at most once per input and the result shared. Only text that starts
// like a JSON object or array is tried, so prose never pays for JSON.parse.
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
    const raw = (error as Error).message;
    const at = /at position (\d+)/u.exec(raw);
    const position = at ? Number(at[1]) : text.length;
    const before = text.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    // V8 words it "… in JSON at position 12 (line 1 column 13)"; keep only what went wrong.
    const message = raw.replace(/\s*(?:in JSON\s*)?at position \d+.*$/su, '').replace(/^JSON\.parse: /u, '').trim() || 'unexpected input';
    return { ok: false, message, line, column };
  }
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
