// JSON that is no news vocabulary Copydesk reads fails with what was found;
// malformed JSON fails with where it breaks. Never imported as text.
import { describe, expect, it } from 'vitest';
import { inputFromText } from './input.ts';
import { parseInput } from './registry.ts';
import { FileRefused } from './types.ts';

const refusal = (text: string, name = 'x.json') => {
  try {
    const { parser } = parseInput(inputFromText(text, `/in/${name}`));
    return `read by ${parser.name}`;
  } catch (error) {
    expect(error).toBeInstanceOf(FileRefused);
    return (error as Error).message;
  }
};

describe('unknown JSON', () => {
  it.each([
    ['{"a": 1, "b": [2], "c": {}}', 'unrecognized JSON: an object with keys "a", "b", "c"'],
    [JSON.stringify(Array.from({ length: 12 }, (_, i) => i)), 'unrecognized JSON: an array of 12 items'],
    ['[{"id": 1, "name": "x"}, {"id": 2}]', 'unrecognized JSON: an array of 2 items, the first an object with keys "id", "name"'],
    ['{}', 'unrecognized JSON: an empty object'],
    ['[]', 'unrecognized JSON: an empty array'],
    [JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, i]))), 'unrecognized JSON: an object with keys "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", … (10 keys)'],
    ['{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {}}', 'unrecognized JSON (GeoJSON): an object with keys "type", "geometry", "properties"'],
    ['{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}', 'unrecognized JSON (a JSON Schema): an object with keys "$schema", "type"'],
    ['{"root": {"type": "root", "children": []}}', 'unrecognized JSON (a Lexical editor state): an object with key "root"'],
  ])('%s', (text, reason) => {
    expect(refusal(text)).toBe(reason);
  });

  it('is refused whatever its extension, and a BOM or leading blank lines change nothing', () => {
    expect(refusal('{"a": 1}', 'notes.txt')).toBe('unrecognized JSON: an object with key "a"');
    expect(refusal('\uFEFF\n\n  {"a": 1}', 'data')).toBe('unrecognized JSON: an object with key "a"');
  });

  it('malformed JSON names the line and column where it breaks', () => {
    expect(refusal(`{\n  "a": 1,\n  "b": tru\n}`)).toBe(`malformed JSON: invalid symbol "tru" at line 3, column 8`);
    expect(refusal('[1, 2,')).toMatch(/^malformed JSON: .+ at line 1, column 7$/u);
    expect(refusal('{"a": "unterminated')).toMatch(/^malformed JSON: .+ at line 1, column \d+$/u);
  });

  it('JSON Lines (a log, an export of records) is named as such', () => {
    expect(refusal('{"id": 1, "msg": "a"}\n{"id": 2, "msg": "b"}\n\n{"id": 3}\n', 'log.jsonl')).toBe('unrecognized JSON: JSON Lines, 3 records, the first an object with keys "id", "msg"');
  });

  it('deep nesting fails cleanly, never with a crash', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(refusal(deep)).toMatch(/^(?:unrecognized JSON: an array of 1 item|malformed JSON: )/u);
  });
});
