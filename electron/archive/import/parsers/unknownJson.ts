// Any other JSON: a JSON document is data, never prose, so a file that is
// JSON but no news vocabulary Copydesk reads (a package.json, GeoJSON, an
// API dump) fails with what was found, and malformed JSON fails with where
// it breaks. Never imported as text. Ranked below the JSON news formats.
import { describeJson, type JsonValue, parseJson, readJson } from './json/document.ts';
import { FileRefused, type Parser } from './types.ts';

/** Vocabularies worth naming in the refusal, by their tell-tale keys. */
const KNOWN: ReadonlyArray<readonly [string, (o: Record<string, JsonValue>) => boolean]> = [
  ['GeoJSON', (o) => typeof o.type === 'string' && /^(?:Feature|FeatureCollection|Point|LineString|Polygon|Multi\w+|GeometryCollection)$/u.test(o.type) && ('features' in o || 'geometry' in o || 'coordinates' in o || 'geometries' in o)],
  ['an npm package manifest', (o) => typeof o.name === 'string' && ('dependencies' in o || 'devDependencies' in o || 'scripts' in o)],
  ['a JSON Schema', (o) => typeof o.$schema === 'string' && /json-schema/iu.test(o.$schema)],
  ['a Lexical editor state', (o) => typeof o.root === 'object' && o.root !== null && (o.root as { type?: unknown }).type === 'root'],
];

/** The records of a JSON Lines file (one document per line, two or more); null when it is not one. */
function jsonLines(text: string): JsonValue[] | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return null;
  const out: JsonValue[] = [];
  for (const line of lines) {
    const read = parseJson(line);
    if (!read.ok) return null;
    out.push(read.value);
  }
  return out;
}

export const unknownJsonParser: Parser = {
  name: 'json',
  detect(input) {
    // Claims every JSON-looking file, malformed ones included, so none falls through to plain text.
    return readJson(input) ? 0.5 : 0;
  },
  parse(input) {
    const read = readJson(input);
    if (!read) throw new Error('not JSON');
    if (!read.ok) {
      const lines = jsonLines(input.text);
      if (lines) throw new FileRefused(`unrecognized JSON: JSON Lines, ${lines.length} records, the first ${describeJson(lines[0] as JsonValue)}`);
      throw new FileRefused(`malformed JSON: ${read.message} at line ${read.line}, column ${read.column}`);
    }
    const value = read.value;
    const what = !Array.isArray(value) ? KNOWN.find(([, test]) => test(value))?.[0] : undefined;
    throw new FileRefused(`unrecognized JSON${what ? ` (${what})` : ''}: ${describeJson(value)}`);
  },
};
