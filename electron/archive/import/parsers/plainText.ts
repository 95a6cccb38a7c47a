// Plain text: the first non-empty line is the headline, the rest the body.
import { bodyFromParagraphs } from '../../../../shared/editor/build.ts';
import { collapseSpaces } from '../text.ts';
import { guessLanguage } from './dates.ts';
import { splitParagraphs } from './paragraphs.ts';
import type { ParsedArticle, Parser } from './types.ts';

const TEXT_EXTENSIONS = new Set(['txt', 'text', '']);

export const plainTextParser: Parser = {
  name: 'text',
  detect(input) {
    return TEXT_EXTENSIONS.has(input.ext) ? 0.5 : 0.2;
  },
  parse(input) {
    return [parsePlainText(input.text)];
  },
};

export function parsePlainText(text: string): ParsedArticle {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  const headline = first < 0 ? '' : collapseSpaces(lines[first] as string);
  const paragraphs = splitParagraphs(lines.slice(first + 1));
  const flags = paragraphs.length === 0 ? ['no-body'] : [];
  return {
    fields: { headline, language: guessLanguage(text) },
    body: bodyFromParagraphs(paragraphs),
    flags,
    ...(paragraphs.length === 0 ? { note: 'no body: headline only' } : {}),
    zoneAssumed: false,
  };
}
