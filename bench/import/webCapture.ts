// bench:import's web-capture section: the saved newsroom pages in
// ../shared/corpus/interchange/html-capture, read by Copydesk's HTML parser
// (metadata, Readability on JSDOMParser, Lexical body: the whole product
// path) and, in the same run, by Readability over jsdom (the peer: a DOM
// and Readability alone, no fields, no body). Pages per CPU-second, rounds
// interleaved so load on the machine falls on both alike, and text agreement
// with Readability's own expected output for each page. Goal: >= 1.0 x the
// peer's speed. `--web-candidates` adds the other DOMs weighed for the choice
// (README of electron/archive/import, "Web pages").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import JSDOMParser from '@mozilla/readability/JSDOMParser.js';
import { Window } from 'happy-dom';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { parseDocument } from 'htmlparser2';
import { parseHtml } from '../../electron/archive/import/parsers/html.ts';
import { capNesting } from '../../electron/archive/import/parsers/nesting.ts';
import { PARSE_OPTIONS } from '../../electron/archive/import/parsers/web/dom.ts';
import { serializeForJsdomParser } from '../../electron/archive/import/parsers/web/extract.ts';
import { inputFromText } from '../../electron/archive/import/parsers/input.ts';
import { htmlText, textAgreement } from '../../electron/archive/import/testing/agreement.ts';
import { bodyToPlainText } from '../../shared/editor/plainText.ts';
import { type Metric, metric } from '../lib/metrics.ts';
import { CORPUS } from './corpus.ts';

const PAGES = join(CORPUS, 'interchange/html-capture');
const EXPECTED = join(CORPUS, 'readability-expected');

interface Page {
  name: string;
  html: string;
  expected: string;
}

/** A way to read a page: returns the story's text. */
type Reader = (page: Page) => string;

const URL_OF_PAGE = 'https://example.invalid/page.html';
const quiet = new VirtualConsole();
const readabilityText = (doc: unknown) => htmlText(new Readability(doc as ConstructorParameters<typeof Readability>[0]).parse()?.content ?? '');

const copydesk: Reader = (p) => bodyToPlainText(parseHtml(inputFromText(p.html, `/captures/${p.name}.html`, 'UTC')).body);
const jsdom: Reader = (p) => readabilityText(new JSDOM(p.html, { url: URL_OF_PAGE, virtualConsole: quiet }).window.document);
const CANDIDATES: Record<string, Reader> = {
  'Readability + linkedom': (p) => readabilityText(parseHTML(p.html).document),
  'Readability + happy-dom': (p) => {
    const settings = { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableIframePageLoading: true, disableComputedStyleRendering: true };
    const window = new Window({ url: URL_OF_PAGE, settings });
    const text = readabilityText(new window.DOMParser().parseFromString(p.html, 'text/html'));
    void window.happyDOM.close();
    return text;
  },
  // The extraction Copydesk does, without its fields and body: the DOMs compared like for like.
  'Readability + htmlparser2 → JSDOMParser (Copydesk’s extraction alone)': (p) =>
    readabilityText(new JSDOMParser().parse(serializeForJsdomParser(parseDocument(capNesting(p.html, false).text, PARSE_OPTIONS)), URL_OF_PAGE)),
  // Not usable as is on saved pages: it needs balanced markup (see extract.ts); these pages happen to be tidied.
  'Readability + JSDOMParser, raw page': (p) => readabilityText(new JSDOMParser().parse(p.html, URL_OF_PAGE)),
};

function loadPages(): Page[] {
  return readdirSync(PAGES)
    .filter((n) => n.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -5);
      return { name, html: readFileSync(join(PAGES, file), 'utf8'), expected: htmlText(readFileSync(join(EXPECTED, name, 'expected.html'), 'utf8')) };
    });
}

function cpuSeconds(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export function webCaptureAvailable(): boolean {
  return existsSync(PAGES) && existsSync(EXPECTED);
}

export function benchWebCapture(options: { rounds: number; candidates: boolean }): Metric[] {
  const pages = loadPages();
  const readers: Array<[string, Reader]> = [
    ['Copydesk (html parser: fields + Readability on JSDOMParser + body)', copydesk],
    ['Readability + jsdom (peer)', jsdom],
    ...(options.candidates ? Object.entries(CANDIDATES) : []),
  ];
  // Agreement first (also the warm-up round): mean and lowest F1 over the pages.
  const agreement = new Map<string, { mean: number; min: number }>();
  for (const [label, read] of readers) {
    const f1s = pages.map((p) => textAgreement(read(p), p.expected).f1);
    agreement.set(label, { mean: f1s.reduce((a, b) => a + b, 0) / f1s.length, min: Math.min(...f1s) });
  }
  const seconds = new Map<string, number[]>(readers.map(([label]) => [label, []]));
  for (let round = 0; round < options.rounds; round += 1) {
    for (const [label, read] of round % 2 === 0 ? readers : [...readers].reverse()) {
      seconds.get(label)?.push(cpuSeconds(() => pages.forEach((p) => read(p))));
    }
  }
  const rate = (label: string) => pages.length / median(seconds.get(label) ?? [Number.NaN]);
  const [oursLabel, peerLabel] = [readers[0]?.[0] as string, readers[1]?.[0] as string];
  console.log(`web captures: ${pages.length} saved pages, ${options.rounds} interleaved rounds (median), CPU time`);
  for (const [label] of readers) {
    const a = agreement.get(label) as { mean: number; min: number };
    console.log(`  ${label.padEnd(70)} ${rate(label).toFixed(1).padStart(7)} pages/CPU-s  ${(rate(label) / rate(peerLabel)).toFixed(2).padStart(6)} x jsdom  agreement F1 mean ${a.mean.toFixed(3)}, lowest ${a.min.toFixed(3)}`);
  }
  const ours = agreement.get(oursLabel) as { mean: number; min: number };
  const peer = agreement.get(peerLabel) as { mean: number; min: number };
  return [
    metric({ name: 'import.web-capture.pages-per-cpu-s', value: rate(oursLabel), unit: 'pages/cpu-s', peer: 'Readability over jsdom, same pages, same run', peerValue: rate(peerLabel), goal: '>= 1.0 x', pass: rate(oursLabel) >= rate(peerLabel) }),
    metric({ name: 'import.web-capture.agreement-f1-mean', value: ours.mean, unit: 'F1', peer: 'Readability over jsdom', peerValue: peer.mean, goal: 'report', pass: true }),
    metric({ name: 'import.web-capture.agreement-f1-lowest', value: ours.min, unit: 'F1', peer: 'Readability over jsdom', peerValue: peer.min, goal: '>= 0.95', pass: ours.min >= 0.95 }),
  ];
}
