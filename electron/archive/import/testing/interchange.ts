// Test support for the real interchange files in ../shared/corpus/interchange
// (evaluation-only: read at run time, never copied into the repository).
// Each format's test states, per file, what it verified by reading the file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ArticleFields } from '../../../../shared/model/article.ts';
import { bodyToParagraphs } from '../../../../shared/editor/plainText.ts';
import { decodeBytes } from '../encoding.ts';
import { makeParseInput } from '../parsers/input.ts';
import { parseInput } from '../parsers/registry.ts';
import type { ParsedArticle, ParseInput } from '../parsers/types.ts';
import { CORPUS_DIR } from '../../testing/tempArchive.ts';
import { resolveZone } from '../../time/zone.ts';
import { markupLeaks } from './leaks.ts';

export const INTERCHANGE_DIR = join(CORPUS_DIR, 'interchange');

/** The folder of one format, or null (with the reason printed) when the corpus is not beside the checkout. */
export function interchangeFolder(format: string): string | null {
  const dir = join(INTERCHANGE_DIR, format);
  if (existsSync(dir)) return dir;
  console.warn(`skipped: ${dir} is absent (the evaluation corpus is not beside this checkout)`);
  return null;
}

export function folderFiles(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** A corpus file as the importer sees it: decoded by encoding.ts, times without a zone read in UTC. */
export function corpusInput(path: string): ParseInput {
  const bytes = readFileSync(path);
  const decoded = decodeBytes(bytes);
  return makeParseInput({ rawText: decoded.raw, text: decoded.text, bytes, path, zone: resolveZone('UTC') });
}

export function parseCorpusFile(path: string): { parser: string; articles: ParsedArticle[] } {
  const { parser, articles } = parseInput(corpusInput(path));
  return { parser: parser.name, articles };
}

/** What a test states about one article, as verified by reading the file. */
export interface Expected extends Partial<ArticleFields> {
  /** The body's first words. */
  starts?: string;
  /** Paragraph-level blocks in the body. */
  paragraphs?: number;
  identity?: { provider?: string; id?: string; version?: number | null };
  flags?: string[];
}

export function expectArticle(a: ParsedArticle, expected: Expected): void {
  const { starts, paragraphs, identity, flags, ...fields } = expected;
  expect(a.fields).toMatchObject(fields);
  const paras = bodyToParagraphs(a.body);
  if (starts !== undefined) expect(paras[0] ?? '').toMatch(new RegExp(`^${starts.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'u'));
  if (paragraphs !== undefined) expect(paras).toHaveLength(paragraphs);
  if (identity !== undefined) expect(a.identity).toMatchObject(identity);
  if (flags !== undefined) expect(a.flags).toEqual(flags);
  expect(markupLeaks(a)).toEqual([]);
}
