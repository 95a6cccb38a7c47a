// CommonMark backslash escapes: `\*` is a literal star, `\#` at a line start
// is not a heading, and a backslash at a line end is a hard line break. The
// Markdown exporter (shared/export/markdown.ts) writes exactly these, so an
// article exported to Markdown and read back keeps its text and formatting.
import { describe, expect, it } from 'vitest';
import * as b from '../../../../shared/editor/build.ts';
import { TEXT_FORMAT } from '../../../../shared/editor/serialized.ts';
import type { BlockNode, BodyState, InlineNode } from '../../../../shared/editor/serialized.ts';
import { bodyToMarkdown } from '../../../../shared/export/markdown.ts';
import { resolveZone } from '../../time/zone.ts';
import { makeParseInput } from './input.ts';
import { parseMarkdown } from './markdown.ts';

const read = (md: string) => parseMarkdown(makeParseInput({ rawText: `---\ntitle: "T"\n---\n${md}`, ext: 'md', path: '/x/a.md', zone: resolveZone('UTC') }));

type Shape = [string, Array<[string, number] | ['br'] | ['link', string, Array<[string, number]>]>];
/** A block as [type, inline runs], ignoring Lexical bookkeeping (direction, textFormat, …) and split text nodes. */
function shape(body: BodyState): Shape[] {
  const inline = (nodes: readonly InlineNode[]): Shape[1] => {
    const out: Shape[1] = [];
    for (const n of nodes) {
      const last = out[out.length - 1];
      if (n.type === 'text') {
        if (last && last.length === 2 && last[0] !== 'br' && last[1] === n.format) last[0] += n.text;
        else out.push([n.text, n.format]);
      } else if (n.type === 'linebreak') out.push(['br']);
      else if (n.type === 'link') out.push(['link', n.url, inline(n.children) as Array<[string, number]>]);
    }
    return out;
  };
  const block = (blk: BlockNode): Shape[] => {
    if (blk.type === 'list') return blk.children.map((item) => [`${blk.listType}-item`, inline(item.children as InlineNode[])] as Shape);
    if (blk.type === 'horizontalrule') return [['hr', []]];
    return [[blk.type === 'heading' ? blk.tag : blk.type, inline(blk.children)]];
  };
  return body.root.children.flatMap(block);
}
const plainRuns = (md: string) => shape(read(md).body);

describe('Markdown backslash escapes', () => {
  it('escaped punctuation is literal text, not markup', () => {
    expect(plainRuns('\\*not bold\\* \\_not em\\_ \\`not code\\` \\[x\\] \\~~not struck\\~~ \\<b\\> a\\\\b')).toEqual([
      ['paragraph', [['*not bold* _not em_ `not code` [x] ~~not struck~~ <b> a\\b', 0]]],
    ]);
    expect(plainRuns('\\# not a heading')).toEqual([['paragraph', [['# not a heading', 0]]]]);
    expect(plainRuns('\\- not a list item')).toEqual([['paragraph', [['- not a list item', 0]]]]);
    expect(plainRuns('2\\) not a numbered item')).toEqual([['paragraph', [['2) not a numbered item', 0]]]]);
    expect(plainRuns('\\> not a quote')).toEqual([['paragraph', [['> not a quote', 0]]]]);
    expect(plainRuns('\\*\\*\\*')).toEqual([['paragraph', [['***', 0]]]]);
    expect(plainRuns('\\[not](a link)')).toEqual([['paragraph', [['[not](a link)', 0]]]]);
  });

  it('escapes work inside emphasis and link text; a backslash before anything else stays', () => {
    const { bold, italic } = TEXT_FORMAT;
    expect(plainRuns('**2 \\* 3** and *a\\*b* and [x \\] y](https://e.org/a)')).toEqual([
      ['paragraph', [['2 * 3', bold], [' and ', 0], ['a*b', italic], [' and ', 0], ['link', 'https://e.org/a', [['x ] y', 0]]]]],
    ]);
    expect(plainRuns('C:\\Users\\me and \\é and \\1')).toEqual([['paragraph', [['C:\\Users\\me and \\é and \\1', 0]]]]);
    // Code spans take backslashes literally.
    expect(plainRuns('`a\\*b`')).toEqual([['paragraph', [['a\\*b', TEXT_FORMAT.code]]]]);
  });

  it('a heading keeps a # that is not a closing sequence', () => {
    expect(plainRuns('## C# and F#')).toEqual([['h2', [['C# and F#', 0]]]]);
    expect(plainRuns('## Closed ##')).toEqual([['h2', [['Closed', 0]]]]);
    expect(plainRuns('## Ends in \\#')).toEqual([['h2', [['Ends in #', 0]]]]);
  });

  it('a backslash at the end of a line is a hard line break', () => {
    expect(plainRuns('one\\\ntwo\nthree')).toEqual([['paragraph', [['one', 0], ['br'], ['two three', 0]]]]);
    expect(plainRuns('> q1\\\n> q2')).toEqual([['quote', [['q1', 0], ['br'], ['q2', 0]]]]);
    expect(plainRuns('ends with an escaped backslash \\\\\nnext')).toEqual([['paragraph', [['ends with an escaped backslash \\ next', 0]]]]);
  });
});

describe('Markdown export → import keeps the text', () => {
  const { bold, italic, strikethrough } = TEXT_FORMAT;
  const nasty = [
    '*not em* _not em_ `not code` [not](a link) <i>not html</i> a\\b ~~not struck~~',
    '# not a heading',
    '## nor this',
    '- not a list item',
    '+ nor this',
    '* nor this',
    '2) not a numbered item',
    '10. nor this',
    '> not a quote',
    '***',
    '___',
    '---',
    'AT&T &amp; &#60; 5 > 3 | pipes | here',
    'back\\slash\\ at the end\\',
    '[x] [ ] \\[y\\] `` ` `` ** __ _a_b_ *a*b* #hash #',
    '!@#$%^&*()_+-={}[]|\\:";\'<>?,./`~',
  ];
  it.each(nasty)('%s', (text) => {
    const body = b.bodyState([b.paragraph(text)]);
    expect(shape(read(bodyToMarkdown(body)).body)).toEqual(shape(body));
  });

  it('formatted text, headings, lists, quotes, links and line breaks with literal markup characters', () => {
    const body = b.bodyState([
      b.paragraph([b.textNode('Price *was* '), b.textNode('5 * 3 [sic]', bold), b.textNode(' or '), b.textNode('_under_', italic), b.textNode(' '), b.textNode('~gone~', strikethrough)]),
      b.heading('h2', 'C# # [draft] `v2`'),
      b.list('bullet', ['*starred*', '# one', '1. two']),
      b.list('number', ['a_b_c', '[link](x)'], 3),
      b.quote('“Quote” with *stars*\nand a second line_'),
      b.paragraph([b.textNode('See '), b.linkNode('https://example.com/a_(b)', [b.textNode('the [minutes]*')]), b.textNode(' \\o/')]),
      b.paragraph('line one \\\nline *two*'),
    ]);
    expect(shape(read(bodyToMarkdown(body)).body)).toEqual(shape(body));
  });
});
