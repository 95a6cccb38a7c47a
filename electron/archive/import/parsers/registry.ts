// The parser registry: every format parser says how sure it is that a file is
// its format (from the bytes and the decoded text); the most confident reads it.
// Adding a format is one module exporting a Parser plus one entry in the list
// below (see README).
import { dpaDigitalwiresParser } from './dpaDigitalwires.ts';
import { atomParser } from './feeds/atom.ts';
import { rssParser } from './feeds/rss.ts';
import { htmlParser } from './html.ts';
import { markdownParser } from './markdown.ts';
import { newsml12Parser } from './newsml12/parser.ts';
import { newsmlG2Parser } from './newsmlG2/parser.ts';
import { newsroomParser } from './newsroom.ts';
import { ninjsParser } from './ninjs/index.ts';
import { nitfParser } from './nitf/parser.ts';
import { plainTextParser } from './plainText.ts';
import { reutersParser } from './reuters.ts';
import { unknownXmlParser } from './unknownXml.ts';
import { anpaParser } from './wire/anpa.ts';
import { iptc7901Parser } from './wire/iptc7901.ts';
import { wxrParser } from './wxr.ts';
import { FileRefused, type ParsedArticle, type ParseInput, type Parser } from './types.ts';
import { unknownJsonParser } from './unknownJson.ts';

/** How much of the text `input.head` holds: enough for a header or a root element, cheap for big files. */
export const HEAD_CHARS = 4096;

const parsers: Parser[] = [
  anpaParser,
  iptc7901Parser,
  reutersParser,
  nitfParser,
  newsmlG2Parser,
  newsml12Parser,
  wxrParser,
  rssParser,
  atomParser,
  unknownXmlParser,
  htmlParser,
  markdownParser,
  newsroomParser,
  ninjsParser,
  dpaDigitalwiresParser,
  unknownJsonParser,
  plainTextParser,
];

/** Add (or replace, by name) a parser. Later registrations win ties. */
export function registerParser(parser: Parser): void {
  const i = parsers.findIndex((p) => p.name === parser.name);
  if (i >= 0) parsers.splice(i, 1);
  parsers.push(parser);
}

export function registeredParsers(): readonly Parser[] {
  return parsers;
}

/** The parsers that claim this input, most confident first, plain text last. */
export function rankParsers(input: ParseInput): Parser[] {
  const scored = parsers
    .map((parser, i) => ({ parser, i, score: parser.detect(input) }))
    .filter((s) => s.score > 0 && s.parser !== plainTextParser)
    // Later registrations win ties, so a plug-in can override a built-in.
    .sort((a, b) => b.score - a.score || b.i - a.i);
  return [...scored.map((s) => s.parser), plainTextParser];
}

/** The parser for this input: the most confident; plain text when nobody is sure. */
export function pickParser(input: ParseInput): Parser {
  return rankParsers(input)[0] as Parser;
}

/**
 * Parse with the best parser; when it cannot read the file (a README that
 * merely mentions <REUTERS>), fall back to the next one. The first error is
 * reported when none succeeds. A `FileRefused` ends the search at once: the
 * format was recognised and the file is not importable, so no weaker parser
 * may read its markup as text.
 */
export function parseInput(input: ParseInput): { parser: Parser; articles: ParsedArticle[] } {
  let first: unknown;
  for (const parser of rankParsers(input)) {
    try {
      return { parser, articles: parser.parse(input) };
    } catch (error) {
      if (error instanceof FileRefused) throw Object.assign(error, { parser: parser.name });
      first ??= Object.assign(error as Error, { parser: parser.name });
    }
  }
  throw first;
}
