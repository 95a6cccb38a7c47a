import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToParagraphs, bodyToPlainText } from '../../../../shared/editor/plainText.ts';
import { resolveZone } from '../../time/zone.ts';
import { makeParseInput } from './input.ts';
import { parseMarkdown } from './markdown.ts';
import { parseNewsroom } from './newsroom.ts';
import { parsePlainText } from './plainText.ts';
import { parseInput, pickParser, registerParser } from './registry.ts';

const zone = resolveZone('Asia/Seoul');
const input = (text: string, ext = 'txt') => makeParseInput({ rawText: text, ext, path: `/x/file.${ext}`, zone });
const repoRoot = resolve(import.meta.dirname, '../../../..');
const seedFile = resolve(repoRoot, '../shared/corpus/seed/donga-2019-01-09-denuke.txt');

describe('newsroom web capture', () => {
  it.skipIf(!existsSync(seedFile))('reads the seed: headline, Seoul times, body without boilerplate or stray spaces', () => {
    const text = readFileSync(seedFile, 'utf8');
    expect(pickParser(input(text)).name).toBe('newsroom');
    const a = parseNewsroom(input(text));
    expect(a.fields.headline).toBe("N. Korea's denuke is the only path available");
    expect(a.fields.postedAt).toBe('2019-01-09T07:31:00+09:00');
    expect(a.fields.updatedAt).toBe('2019-01-09T07:31:00+09:00');
    expect(a.zoneAssumed).toBe(true);
    const body = bodyToPlainText(a.body);
    expect(body).not.toContain('Go to contents');
    expect(body).not.toMatch(/\u00a0|Posted|Updated/u);
    expect(body.startsWith('North Korean leader Kim Jong Un')).toBe(true);
    expect(bodyToParagraphs(a.body)).toHaveLength(5);
  });

  it('drops boilerplate from the data table, reads labels, bylines and a dek', () => {
    const text = [
      'Skip to content',
      'Share | Print | Email',
      'Council approves budget',
      'A late-night vote ends a month of talks',
      'By Jane Roe',
      'Published: Jan 9, 2019 7:31 PM | Last updated: 2019-01-10 08:00',
      '',
      'The council voted 7-2.',
      'Advertisement',
      '',
      'The mayor said she would sign it.',
      'Related articles',
      'Something else entirely',
    ].join('\n');
    const a = parseNewsroom(input(text));
    expect(a.fields).toMatchObject({
      headline: 'Council approves budget',
      dek: 'A late-night vote ends a month of talks',
      byline: 'Jane Roe',
      postedAt: '2019-01-09T19:31:00+09:00',
      updatedAt: '2019-01-10T08:00:00+09:00',
    });
    expect(bodyToParagraphs(a.body)).toEqual(['The council voted 7-2.', 'The mayor said she would sign it.']);
  });

  it('reads Korean 입력/수정 lines on one line and a 기자 sign-off at the end', () => {
    const text = '본문 바로가기\n\n국회, 예산안 처리\n\n입력 2019.01.09 07:31 수정 2019.01.09 09:05\n\n국회가 예산안을 처리했다.\n\n홍길동 기자 hong@example.com\n';
    const a = parseNewsroom(input(text));
    expect(a.fields).toMatchObject({
      headline: '국회, 예산안 처리',
      byline: '홍길동 기자',
      postedAt: '2019-01-09T07:31:00+09:00',
      updatedAt: '2019-01-09T09:05:00+09:00',
      language: 'ko',
    });
    expect(bodyToParagraphs(a.body)).toEqual(['국회가 예산안을 처리했다.']);
  });
});

describe('plain text', () => {
  it('first non-empty line is the headline; paragraphs split on blank lines, wrapped lines joined', () => {
    const a = parsePlainText('\n\nHeadline here\n\nFirst para\ncontinues here.\n\nSecond para.\n');
    expect(a.fields.headline).toBe('Headline here');
    expect(bodyToParagraphs(a.body)).toEqual(['First para continues here.', 'Second para.']);
  });

  it('splits on single newlines when the body has no blank line', () => {
    const a = parsePlainText('제목\n\n첫 문단.\n둘째 문단.\n셋째 문단.\n');
    expect(bodyToParagraphs(a.body)).toEqual(['첫 문단.', '둘째 문단.', '셋째 문단.']);
    expect(a.fields.language).toBe('ko');
  });

  it('a headline alone is imported and flagged no-body', () => {
    expect(parsePlainText('Only a title\n').flags).toEqual(['no-body']);
  });

  it('is the fallback for unknown text', () => {
    expect(pickParser(input('Just words\n\nand more words', 'txt')).name).toBe('text');
    expect(pickParser(input('Just words', 'csv')).name).toBe('text');
  });
});

describe('markdown with front matter', () => {
  const md = [
    '---',
    'title: "Rates rise again"',
    'date: 2019-01-09 07:31',
    'updated: 2019-01-10T09:00:00+00:00',
    'author: [Jane Roe, Kim Min-su]',
    'section: Business',
    'tags: [rates, economy]',
    'description: The third rise this year',
    'slug: rates-rise',
    '---',
    '',
    'The bank **raised** rates by *half* a point, see [the statement](https://example.com/s) and [this](javascript:alert(1)).',
    '',
    '## What it means',
    '',
    '- Loans cost more',
    '- Savers gain',
    '',
    '1. First',
    '2. Second',
    '',
    '> A quote from',
    '> the governor.',
    '',
    '---',
    '',
    'Wrapped paragraph',
    'on two lines with `code`.',
  ].join('\n');

  it('takes fields from the front matter and keeps formatting as Lexical nodes', () => {
    const a = parseMarkdown(input(md, 'md'));
    expect(a.fields).toMatchObject({
      headline: 'Rates rise again',
      byline: 'Jane Roe, Kim Min-su',
      section: 'Business',
      tags: ['rates', 'economy'],
      dek: 'The third rise this year',
      slug: 'rates-rise',
      postedAt: '2019-01-09T07:31:00+09:00',
      updatedAt: '2019-01-10T09:00:00+00:00',
    });
    const types = a.body.root.children.map((b) => b.type);
    expect(types).toEqual(['paragraph', 'heading', 'list', 'list', 'quote', 'horizontalrule', 'paragraph']);
    const first = a.body.root.children[0] as { children: Array<{ type: string; format?: number; url?: string; text?: string }> };
    expect(first.children.find((n) => n.text === 'raised')?.format).toBe(1);
    expect(first.children.find((n) => n.text === 'half')?.format).toBe(2);
    expect(first.children.filter((n) => n.type === 'link').map((n) => n.url)).toEqual(['https://example.com/s']);
    expect(JSON.stringify(a.body)).not.toContain('javascript:');
    expect(bodyToPlainText(a.body)).toContain('A quote from the governor.');
    expect(bodyToPlainText(a.body)).toContain('Wrapped paragraph on two lines with code.');
  });

  it('without front matter the first H1 is the headline', () => {
    const a = parseMarkdown(input('# The headline\n\nBody text.', 'md'));
    expect(a.fields.headline).toBe('The headline');
    expect(bodyToParagraphs(a.body)).toEqual(['Body text.']);
    expect(pickParser(input('---\ntitle: x\n---\nbody', 'txt')).name).toBe('markdown');
  });
});

describe('the registry', () => {
  it('a document that merely mentions <REUTERS> is not a wire container', () => {
    const md = '# Corpus notes\n\nRecords look like `<REUTERS NEWID="1">` in the SGML files.\n';
    expect(parseInput(input(md, 'md')).parser.name).toBe('markdown');
    // Claimed by the SGML parser (a line starts with the tag), which finds no record: plain text reads it.
    const notes = input('Notes\n\n<REUTERS> opens a record.\n', 'sgm');
    expect(pickParser(notes).name).toBe('reuters-sgml');
    expect(parseInput(notes).parser.name).toBe('text');
  });

  it('falls back to the next parser when the best one cannot read the file, and takes plug-ins', () => {
    registerParser({ name: 'picky', detect: (i) => (i.ext === 'picky' ? 1 : 0), parse: () => { throw new Error('not mine after all'); } });
    const result = parseInput(input('Title line\n\nBody.', 'picky'));
    expect(result.parser.name).toBe('text');
    expect(result.articles[0]?.fields.headline).toBe('Title line');
  });
});
