// The standalone page's accessible frame: one <main> around the header and the
// article, and a page language even when the article records none.
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../editor/build.ts';
import { renderDocumentMarkup, UNDETERMINED_LANGUAGE } from './document.ts';
import type { ExportArticle } from './types.ts';

const article = (language: string): ExportArticle => ({
  id: 'a1',
  headline: 'Ferry fares frozen',
  dek: '',
  byline: '',
  dateline: '',
  section: '',
  tags: [],
  language,
  slug: 'ferry-fares-frozen',
  postedAt: null,
  updatedAt: null,
  body: bodyFromParagraphs(['The port kept fares at last year’s level.']),
  wordCount: 7,
});

describe('renderDocumentMarkup', () => {
  it('puts the header and the article inside one <main>', () => {
    const html = renderDocumentMarkup(article('en'));
    expect(html.match(/<main>/g)).toHaveLength(1);
    expect(html).toMatch(/<body>\n<main>\n<header>[\s\S]*<\/header>\n<article>[\s\S]*<\/article>\n<\/main>\n<\/body>/);
  });

  it('names the page language, "und" where the article records none', () => {
    expect(renderDocumentMarkup(article('ko'))).toContain('<html lang="ko">');
    expect(UNDETERMINED_LANGUAGE).toBe('und');
    expect(renderDocumentMarkup(article(''))).toContain('<html lang="und">');
    expect(renderDocumentMarkup(article('not a tag!'))).toContain('<html lang="und">');
  });
});
