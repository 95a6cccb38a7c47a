import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../../shared/editor/build.ts';
import { markupLeaks } from './leaks.ts';

const article = (headline: string, body: string) => ({ fields: { headline }, body: bodyFromParagraphs([body]) });

describe('markupLeaks', () => {
  it('passes clean copy, including angle brackets and ampersands used as text', () => {
    expect(markupLeaks(article('Profits rise 5% at AT&T', 'Shares < $10 fell; 3 > 2 & so on.'))).toEqual([]);
  });

  it.each([
    ['<?xml version="1.0" encoding="UTF-8"?>', 'an XML declaration'],
    ['Title <b>bold</b>', 'a tag'],
    ['{', 'JSON document'],
    ['Caf&eacute; opens', 'an escaped entity'],
    ['W2870asian\u0002', 'a control character'],
  ])('catches %j', (headline, what) => {
    expect(markupLeaks(article(headline, 'Body.')).join('\n')).toContain(what);
  });

  it('looks in the body too', () => {
    expect(markupLeaks(article('Fine', '<![CDATA[<p>text</p>]]>')).join('\n')).toMatch(/body: a CDATA section/u);
  });
});
