// Markdown read to CommonMark's rules where they decide what text and links
// are: balanced parentheses in targets, images, autolinks, reference links,
// code spans, escapes, entities, raw HTML; unsafe targets dropped, text kept.
import { describe, expect, it } from 'vitest';
import { TEXT_FORMAT } from '../../../../../shared/editor/serialized.ts';
import type { BlockNode, BodyState, InlineNode } from '../../../../../shared/editor/serialized.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { inputFromText } from '../input.ts';
import { parseMarkdown } from '../markdown.ts';

type Run = [string, number] | ['br'] | ['link', string, Array<[string, number]>];
/** Blocks as [type, runs]: text with its format, line breaks and links; adjacent text of one format merged. */
function shape(body: BodyState): Array<[string, Run[]]> {
  const inline = (nodes: readonly InlineNode[]): Run[] => {
    const out: Run[] = [];
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
  const block = (b: BlockNode): Array<[string, Run[]]> => {
    if (b.type === 'list') return b.children.flatMap((item) => (item.children.some((c) => c.type === 'list') ? item.children.flatMap((c) => (c.type === 'list' ? block(c).map(([t, r]) => [`  ${t}`, r] as [string, Run[]]) : [])) : [[`${b.listType}-${item.value}`, inline(item.children as InlineNode[])]]));
    if (b.type === 'horizontalrule') return [['hr', []]];
    return [[b.type === 'heading' ? b.tag : b.type, inline(b.children)]];
  };
  return body.root.children.flatMap(block);
}
const read = (md: string) => parseMarkdown(inputFromText(`---\ntitle: "T"\n---\n${md}`, '/x/a.md'));
const runs = (md: string) => shape(read(md).body);
const { bold, italic, code, strikethrough } = TEXT_FORMAT;

describe('links and images', () => {
  it('a target with balanced parentheses is one target: an unsafe one is dropped, its text kept whole', () => {
    expect(runs('[a](javascript:this;alert(1))')).toEqual([['paragraph', [['a', 0]]]]);
    expect(runs('[a](https://e.org/x_(y)) b')).toEqual([['paragraph', [['link', 'https://e.org/x_(y)', [['a', 0]]], [' b', 0]]]]);
    expect(runs('[click](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD4=)')).toEqual([['paragraph', [['click data', 0]]]]);
  });

  it('an image is its alt text linked to the image, never a stray "!"', () => {
    expect(runs('![a chart](https://e.org/c.png)')).toEqual([['paragraph', [['link', 'https://e.org/c.png', [['a chart', 0]]]]]]);
    expect(runs('Wow![pic](https://e.org/x.png)')).toEqual([['paragraph', [['Wow', 0], ['link', 'https://e.org/x.png', [['pic', 0]]]]]]);
    expect(runs('![x](javascript:alert(1))')).toEqual([['paragraph', [['x', 0]]]]);
    expect(runs('[![logo](https://e.org/l.png)](https://e.org)')).toEqual([['paragraph', [['link', 'https://e.org', [['logo', 0]]]]]]);
  });

  it('an escaped "!" or "[" is text (what the Markdown exporter writes before a link)', () => {
    expect(runs('Wow\\![pic](<https://e.org/x.png>)')).toEqual([['paragraph', [['Wow!', 0], ['link', 'https://e.org/x.png', [['pic', 0]]]]]]);
    expect(runs('\\![not an image](https://e.org) and \\[not a link\\](x)')).toEqual([['paragraph', [['!', 0], ['link', 'https://e.org', [['not an image', 0]]], [' and [not a link](x)', 0]]]]);
  });

  it('autolinks, reference links, and a link definition that is not text', () => {
    expect(runs('<https://e.org/a> and <me@e.org>')).toEqual([['paragraph', [['link', 'https://e.org/a', [['https://e.org/a', 0]]], [' and ', 0], ['link', 'mailto:me@e.org', [['me@e.org', 0]]]]]]);
    expect(runs('See [the minutes][m] and [m].\n\n[m]: https://e.org/minutes "Minutes"')).toEqual([['paragraph', [['See ', 0], ['link', 'https://e.org/minutes', [['the minutes', 0]]], [' and ', 0], ['link', 'https://e.org/minutes', [['m', 0]]], ['.', 0]]]]);
    expect(runs('[x][nowhere]')).toEqual([['paragraph', [['[x][nowhere]', 0]]]]);
  });
});

describe('inline text', () => {
  it('code spans, emphasis, strikethrough, entities and escapes', () => {
    expect(runs('`a*b*` **bold *both*** ~~gone~~ &amp; &#60; \\*lit\\*')).toEqual([
      ['paragraph', [['a*b*', code], [' ', 0], ['bold ', bold], ['both', bold | italic], [' ', 0], ['gone', strikethrough], [' & < *lit*', 0]]],
    ]);
  });

  it('raw inline HTML is formatting or nothing, never text; script content is dropped', () => {
    expect(runs('a <b>bold</b> <i>it</i><br>next <script>alert(1)</script><img src=x onerror=alert(1)> <a href="https://e.org">ok</a> <a href="javascript:x()">bad</a>')).toEqual([
      ['paragraph', [['a ', 0], ['bold', bold], [' ', 0], ['it', italic], ['br'], ['next  ', 0], ['link', 'https://e.org', [['ok', 0]]], [' bad', 0]]],
    ]);
  });

  it('a soft break is a space, but none between CJK characters; a backslash break is a line break', () => {
    expect(runs('one\ntwo\\\nthree')).toEqual([['paragraph', [['one two', 0], ['br'], ['three', 0]]]]);
    expect(runs('北朝鮮は\n発表した')).toEqual([['paragraph', [['北朝鮮は発表した', 0]]]]);
  });
});

describe('blocks', () => {
  it('headings, quotes, rules, fenced and indented code', () => {
    expect(runs('## Sub\n\n> q1\n>\n> q2\n\n---\n\n```js\nx = 1\n\ny\n```\n\n    indented')).toEqual([
      ['h2', [['Sub', 0]]],
      ['quote', [['q1', 0], ['br'], ['q2', 0]]],
      ['hr', []],
      ['paragraph', [['x = 1', code], ['br'], ['br'], ['y', code]]],
      ['paragraph', [['indented', code]]],
    ]);
  });

  it('lists: numbered from their start, nested lists kept, loose items with two paragraphs', () => {
    expect(runs('3. three\n4. four\n   - inner\n\n- a\n\n  second para\n- b')).toEqual([
      ['number-3', [['three', 0]]],
      ['number-4', [['four', 0]]],
      ['  bullet-1', [['inner', 0]]],
      ['bullet-1', [['a', 0], ['br'], ['second para', 0]]],
      ['bullet-2', [['b', 0]]],
    ]);
  });

  it('a table is a paragraph per row; an HTML block is read as HTML', () => {
    expect(runs('| a | b |\n|---|---|\n| 1 | **2** |\n\n<div><p>in html</p><script>evil()</script></div>')).toEqual([
      ['paragraph', [['a | b', 0]]],
      ['paragraph', [['1 | ', 0], ['2', bold]]],
      ['paragraph', [['in html', 0]]],
    ]);
  });

  it('the headline is the title, else the first H1, else the first paragraph', () => {
    expect(parseMarkdown(inputFromText('Intro line\n\n# Real head\n\nBody.', '/x/b.md')).fields.headline).toBe('Real head');
    expect(parseMarkdown(inputFromText('First *para*\n\nBody.', '/x/b.md')).fields.headline).toBe('First para');
  });

  it('deep nesting is bounded: 50,000 quote markers and list levels import without a stack overflow', () => {
    const a = parseMarkdown(inputFromText(`---\ntitle: deep\n---\n${'>'.repeat(50_000)} deep text\n\n${Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n')}\n`, '/x/deep.md'));
    const json = JSON.stringify(a.body);
    expect(json).toContain('deep text');
    expect(json).toContain('"level 0"');
    expect(json).toContain('"level 999"');
    expect(a.flags).toContain('deep-nesting');
  });
});

describe('front matter', () => {
  it('reads the fields the exporter writes, dateline included; HTML-escaped values are decoded, raw ones kept', () => {
    const a = parseMarkdown(
      inputFromText(
        '---\ntitle: "Tom &amp; Jerry &lt;3 &quot;cats&quot;"\ndek: "AT&T & more &amp; raw"\nbyline: "Ana &lt;Lima&gt;"\ndateline: "PORTO —"\ntags: ["a&amp;b", "c"]\nsection: "Local"\n---\nBody.',
        '/x/c.md',
      ),
    );
    expect(a.fields).toMatchObject({ headline: 'Tom & Jerry <3 "cats"', dek: 'AT&T & more &amp; raw', byline: 'Ana <Lima>', dateline: 'PORTO —', tags: ['a&b', 'c'], section: 'Local' });
    expect(parseMarkdown(inputFromText('---\ntitle: "# Not *a heading* <b>"\n---\nx', '/x/d.md')).fields.headline).toBe('# Not *a heading* <b>');
  });

  it('broken YAML is flagged and the body still read', () => {
    const a = parseMarkdown(inputFromText('---\ntitle: [unclosed\n---\nBody text.', '/x/e.md'));
    expect(a.flags).toContain('bad-front-matter');
    expect(a.fields.headline).toBe('Body text.');
  });

  it('ordinary Markdown leaves nothing of its markup behind', () => {
    const a = read('# H\n\nPara with **bold**, [a link](https://e.org), ![img](https://e.org/i.png) and `code`.\n\n- item\n\n> quote');
    expect(markupLeaks(a)).toEqual([]);
  });
});
