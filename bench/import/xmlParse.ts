// npm run bench:import-xml [-- --reps 20 --json]
// Parse speed of the XML formats on the real interchange files (NewsML-G2,
// NewsML 1.2, NITF, RSS/Atom, WordPress WXR: ../shared/corpus/interchange,
// read at run time only). In the same run:
//  - the XML tree (saxes, namespaces resolved, strict) against htmlparser2's
//    xmlMode tree, the lenient parser the NITF reader used before;
//  - the whole parse (detect, tree, fields, Lexical blocks) in articles/s,
//    against a bare better-sqlite3 loop inserting the same articles (headline
//    and body JSON): parsing runs in the import's worker threads, so it keeps
//    the importer at its ≥ 0.6 × bare-insert goal while it outpaces the insert.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseDocument } from 'htmlparser2';
import { decodeBytes } from '../../electron/archive/import/encoding.ts';
import { makeParseInput } from '../../electron/archive/import/parsers/input.ts';
import { parseInput } from '../../electron/archive/import/parsers/registry.ts';
import type { ParsedArticle, ParseInput } from '../../electron/archive/import/parsers/types.ts';
import { parseXml } from '../../electron/archive/import/parsers/xml/tree.ts';
import { INTERCHANGE_DIR } from '../../electron/archive/import/testing/interchange.ts';
import { resolveZone } from '../../electron/archive/time/zone.ts';
import { argValue, gc, type Metric, metric, printMetrics } from '../lib/metrics.ts';

const argv = process.argv.slice(2);
const REPS = Number(argValue(argv, 'reps') ?? 20);
const JSON_OUT = argv.includes('--json');
const FOLDERS = ['newsml-g2', 'newsml-1.2', 'nitf', 'rss-atom', 'wordpress-wxr'];

const inputs: ParseInput[] = [];
for (const folder of FOLDERS) {
  for (const name of readdirSync(join(INTERCHANGE_DIR, folder)).sort()) {
    const path = join(INTERCHANGE_DIR, folder, name);
    const bytes = readFileSync(path);
    const d = decodeBytes(bytes);
    inputs.push(makeParseInput({ rawText: d.raw, text: d.text, bytes, path, zone: resolveZone('UTC') }));
  }
}
const megabytes = inputs.reduce((n, i) => n + i.text.length, 0) / 1e6;

/** Best of `REPS` timed passes over every file (ms per pass), after one warm-up pass. */
function best(pass: () => void): number {
  pass();
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < REPS; r += 1) {
    gc();
    const t = performance.now();
    pass();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const parsed: ParsedArticle[] = [];
const wholeMs = best(() => {
  parsed.length = 0;
  for (const input of inputs) {
    try {
      parsed.push(...parseInput(input).articles);
    } catch {
      // The two files with no text fail by design.
    }
  }
});
const htmlparser2Ms = best(() => {
  for (const input of inputs) parseDocument(input.text, { xmlMode: true, decodeEntities: true });
});
const treeMs = best(() => {
  for (const input of inputs) parseXml(input.text);
});

const db = new Database(':memory:');
db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY, headline TEXT NOT NULL, body TEXT NOT NULL)');
const rows = parsed.map((a) => [a.fields.headline ?? '', JSON.stringify(a.body)] as const);
const insert = db.prepare('INSERT INTO a (headline, body) VALUES (?, ?)');
const bareMs = best(() => {
  db.exec('DELETE FROM a');
  db.transaction(() => {
    for (const [h, b] of rows) insert.run(h, b);
  })();
});
db.close();

console.log(`${inputs.length} files, ${megabytes.toFixed(2)} MB, ${parsed.length} articles; best of ${REPS} passes`);
const perSecond = (count: number, ms: number) => count / (ms / 1000);
const metrics: Metric[] = [
  metric({ name: 'XML tree (saxes, strict, namespaces)', value: megabytes / (treeMs / 1000), unit: 'MB/s', peer: 'htmlparser2 xmlMode tree', peerValue: megabytes / (htmlparser2Ms / 1000), goal: '≥ 0.5 × (strictness and namespaces cost little)', pass: treeMs <= 2 * htmlparser2Ms }),
  metric({ name: 'whole parse (detect, tree, fields, Lexical blocks)', value: perSecond(parsed.length, wholeMs), unit: 'articles/s', peer: 'bare SQLite insert of the same articles', peerValue: perSecond(rows.length, bareMs), goal: 'report', pass: true }),
  metric({ name: 'whole parse, throughput', value: megabytes / (wholeMs / 1000), unit: 'MB/s', peer: 'htmlparser2 xmlMode tree alone', peerValue: megabytes / (htmlparser2Ms / 1000), goal: 'report', pass: true }),
];
printMetrics(metrics, JSON_OUT);
