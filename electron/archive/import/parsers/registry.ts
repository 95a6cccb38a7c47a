// The parser registry: every format parser scores a file from its extension
// and the first part of its text; the highest score reads it. Adding a format
// is one file exporting a Parser plus one registerParser call (see README).
import { htmlParser } from './html.ts';
import { markdownParser } from './markdown.ts';
import { newsroomParser } from './newsroom.ts';
import { nitfParser } from './nitf.ts';
import { plainTextParser } from './plainText.ts';
import { reutersParser } from './reuters.ts';
import type { ParseInput, Parser } from './types.ts';

/** How much of the text sniffers see: enough for a header, cheap for big files. */
const HEAD_CHARS = 4096;

const parsers: Parser[] = [reutersParser, nitfParser, htmlParser, markdownParser, newsroomParser, plainTextParser];

/** Add (or replace, by name) a parser. Later registrations win ties. */
export function registerParser(parser: Parser): void {
  const i = parsers.findIndex((p) => p.name === parser.name);
  if (i >= 0) parsers.splice(i, 1);
  parsers.push(parser);
}

export function registeredParsers(): readonly Parser[] {
  return parsers;
}

/** The parser for this input: the best sniff score; plain text when nobody is sure. */
export function pickParser(input: ParseInput): Parser {
  const head = input.text.slice(0, HEAD_CHARS);
  let best: Parser = plainTextParser;
  let bestScore = 0;
  for (const parser of parsers) {
    const score = parser.sniff(input, head);
    if (score >= bestScore && score > 0) {
      best = parser;
      bestScore = score;
    }
  }
  return best;
}
