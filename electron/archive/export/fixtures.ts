// Synthetic articles for tests and the benchmark: one body per node type, and
// the seed article (../shared/corpus/seed, copied to tests/fixtures/export/seed)
// built with the shared/editor builders the importer uses.
import * as b from '../../../shared/editor/build.ts';
import type { BlockNode, BodyState, ListItemNode } from '../../../shared/editor/serialized.ts';
import { TEXT_FORMAT } from '../../../shared/editor/serialized.ts';
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import type { ExportArticle } from '../../../shared/export/types.ts';
import { slugify } from '../../../shared/model/slug.ts';

const { bold, italic, underline, strikethrough, code } = TEXT_FORMAT;

export function article(fields: Partial<ExportArticle> & { body: BodyState }): ExportArticle {
  return {
    id: 'a1',
    headline: 'Synthetic headline',
    dek: '',
    byline: '',
    dateline: '',
    section: '',
    tags: [],
    language: 'en',
    slug: '',
    postedAt: null,
    updatedAt: null,
    wordCount: countWords(bodyToPlainText(fields.body)),
    ...fields,
  };
}

function nestedList(): BlockNode {
  const outer = b.list('bullet', ['Fruit', 'Vegetables']);
  const holder: ListItemNode = { ...(outer.children[0] as ListItemNode), value: 2, children: [b.list('number', ['Apples', 'Pears'])] };
  return { ...outer, children: [outer.children[0] as ListItemNode, holder, outer.children[1] as ListItemNode] };
}

/** One body per node type (and per text format), named for its golden file. */
export const NODE_CASES: Record<string, BlockNode[]> = {
  paragraph: [b.paragraph('A plain paragraph of news copy.'), b.paragraph('A second one, with “curly quotes” & an ampersand.')],
  'empty-paragraph': [b.paragraph([]), b.paragraph('   '), b.paragraph('Only this survives.')],
  bold: [b.paragraph([b.textNode('Some '), b.textNode('bold', bold), b.textNode(' text.')])],
  italic: [b.paragraph([b.textNode('Some '), b.textNode('italic', italic), b.textNode(' text.')])],
  underline: [b.paragraph([b.textNode('Some '), b.textNode('underlined', underline), b.textNode(' text.')])],
  strikethrough: [b.paragraph([b.textNode('Some '), b.textNode('struck', strikethrough), b.textNode(' text.')])],
  'combined-formats': [
    b.paragraph([b.textNode('all four', bold | italic | underline | strikethrough), b.textNode(' then '), b.textNode('code is plain', code)]),
  ],
  'adjacent-runs': [b.paragraph([b.textNode('one ', bold), b.textNode('run', bold), b.textNode(' ', italic)])],
  linebreak: [b.paragraph('First line\nSecond line\n')],
  headings: [b.heading('h1', 'Level one'), b.heading('h2', 'Level two'), b.heading('h3', 'Level three'), b.heading('h4', 'Level four'), b.heading('h5', 'Level five')],
  quote: [b.quote('“We will not back down,” she said.\nThen she left.')],
  'bullet-list': [b.list('bullet', ['First item', 'Second item', [b.textNode('Third', bold), b.textNode(' item')]])],
  'numbered-list': [b.list('number', ['One', 'Two']), b.list('number', ['Seven', 'Eight'], 7)],
  'nested-list': [nestedList()],
  'horizontal-rule': [b.paragraph('Above'), b.horizontalRule(), b.paragraph('Below')],
  links: [
    b.paragraph([
      b.textNode('See '),
      b.linkNode('https://example.com/report?id=1&lang=en', [b.textNode('the report')]),
      b.textNode(', write to '),
      b.linkNode('mailto:desk@example.com', [b.textNode('the desk', italic)]),
      b.textNode(' or call '),
      b.linkNode('tel:+82-2-555-0100', [b.textNode('the office')]),
      b.textNode('.'),
    ]),
  ],
  'unsafe-links': [
    b.paragraph([
      b.linkNode('javascript:alert(1)', [b.textNode('script link')]),
      b.textNode(' · '),
      b.linkNode('data:text/html,<script>alert(1)</script>', [b.textNode('data link')]),
      b.textNode(' · '),
      b.linkNode('/relative', [b.textNode('relative link')]),
    ]),
  ],
  'escaped-text': [b.paragraph('<script>alert(1)</script> & <b onmouseover="x">not bold</b> *not em* # not a heading')],
};

export function nodeCaseArticle(name: string): ExportArticle {
  const blocks = NODE_CASES[name];
  if (!blocks) throw new Error(`no node case ${name}`);
  return article({ id: `node-${name}`, headline: `Node case: ${name}`, body: b.bodyState(blocks) });
}

/** The seed web capture read the way the newsroom parser reads it: headline, dates, paragraphs. */
export function seedArticle(text: string): ExportArticle {
  const lines = text.split('\n').map((l) => l.trim());
  const headline = lines.find((l) => l !== '' && l !== 'Go to contents') ?? '';
  const updatedIndex = lines.findIndex((l) => l.startsWith('Updated'));
  const paragraphs = lines.slice(updatedIndex + 1).filter((l) => l !== '');
  const body = b.bodyFromParagraphs(paragraphs);
  return article({
    id: 'seed-donga-2019-01-09',
    headline,
    section: 'Opinion',
    tags: ['North Korea', 'China', 'diplomacy'],
    language: 'en',
    slug: slugify(headline),
    postedAt: '2019-01-09T07:31:00+09:00',
    updatedAt: '2019-01-09T07:31:00+09:00',
    body,
  });
}

/** Every field and every node type in one synthetic article, Latin and Hangul mixed. */
export function fullArticle(): ExportArticle {
  const blocks = Object.values(NODE_CASES).flat();
  return article({
    id: 'synthetic-full',
    headline: 'Council votes 7–2 to reopen the harbour “for good”',
    dek: 'The vote ends a three-year closure; fishermen say <it> came too late & cost too much.',
    byline: 'By Jane Doe and 김민수',
    dateline: 'PORT ELLEN —',
    section: 'Local',
    tags: ['harbour', 'council', '항구'],
    language: 'en',
    slug: 'council-reopens-harbour',
    postedAt: '2024-03-05T09:15:00+00:00',
    updatedAt: '2024-03-05T17:40:00+00:00',
    body: b.bodyState([b.paragraph('항구 재개장에 대한 의견이 엇갈렸다.'), ...blocks]),
  });
}
