import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHostileFiles } from './tests/faults/lib/hostileFiles.ts';
import { parseInput } from './electron/archive/import/parsers/registry.ts';
import { inputFromText } from './electron/archive/import/parsers/input.ts';
import { markupLeaks } from './electron/archive/import/testing/leaks.ts';
const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
writeHostileFiles(dir);
let ok = 0, bad = 0; const reasons: string[] = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.nitf'))) {
  try { const { parser, articles } = parseInput(inputFromText(readFileSync(join(dir, f), 'utf8'), join(dir, f))); ok++; if (parser.name !== 'nitf') reasons.push(`${f} → ${parser.name}`); }
  catch (e) { bad++; reasons.push(`${f}: ${(e as Error).message}`); }
}
console.log({ ok, bad }, reasons.slice(0, 5));
