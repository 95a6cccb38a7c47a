// Every parser's body must load in a Lexical editor with the shared node
// registry unchanged, or the editor would rewrite imported articles on open.
import { createHeadlessEditor } from '@lexical/headless';
import { describe, expect, it } from 'vitest';
import { EDITOR_NODES } from '../../../../shared/editor/nodes.ts';
import type { BodyState } from '../../../../shared/editor/serialized.ts';
import { resolveZone } from '../../time/zone.ts';
import { makeParseInput } from './input.ts';
import { parseHtml } from './html.ts';
import { parseEntry } from './dpaDigitalwires.ts';
import { parseMarkdown } from './markdown.ts';
import { parseNinjsItem } from './ninjs/item.ts';
import { parseNitf } from './nitf/parser.ts';
import { parseNewsroom } from './newsroom.ts';
import { parsePlainText } from './plainText.ts';

function roundTrip(body: BodyState): unknown {
  const editor = createHeadlessEditor({ nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()));
}

const input = (text: string, ext: string) => makeParseInput({ rawText: text, ext, path: `/x.${ext}`, zone: resolveZone('UTC') });

describe('parsed bodies survive a headless Lexical editor unchanged', () => {
  it.each([
    ['html', parseHtml(input('<article><h1>T</h1><h3>Sub</h3><p>a <b>b</b> <i><a href="https://x.org">c</a></i><br>d</p><ol start="3"><li>x<ul><li>y</li></ul></li><li>z</li></ol><blockquote>q1<p>q2</p></blockquote><hr><pre>code\n  line</pre></article>', 'html')).body],
    ['markdown', parseMarkdown(input('# T\n\n## H\n\nSome **bold _and italic_** `code` [link](http://a.b).\n\n- a\n- b\n\n3. c\n4. d\n\n> q\n\n***\n\n```\nx = 1\ny = 2\n```\n', 'md')).body],
    ['markdown (CommonMark: nested list, table, image, HTML block, autolink)', parseMarkdown(input('# T\n\n1. a\n   - b\n     - c\n2. d\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n![alt](https://e.org/i.png) <https://e.org> <b>b</b><br>n\n\n<div><p>h</p></div>\n', 'md')).body],
    ['ninjs', parseNinjsItem({ uri: 'u', headline: 'T', body_html: '<h1>T</h1><p>a <b>b</b></p><ul><li>x</li></ul><blockquote>q</blockquote>' }, resolveZone('UTC')).body],
    ['dpa-digitalwires', parseEntry({ urn: 'u', headline: 'T', article_html: '<section class="main"><p><span class="dateline">X (dpa) - </span>a</p><h2>H</h2><p>b</p></section>' }, resolveZone('UTC')).body],
    ['nitf', parseNitf(input('<nitf><body><body.head><hedline><hl1>T</hl1></hedline></body.head><body.content><p>P <em>e</em></p><hl2>H</hl2><ul><li>i</li></ul></body.content></body></nitf>', 'xml')).body],
    ['newsroom', parseNewsroom(input('Go to contents\n\nHead\n\nPosted Jan 9, 2019 7:31 AM\n\nBody one.\n\nBody two.\n', 'txt')).body],
    ['text', parsePlainText('Head\n\nOne\ntwo\n\nThree').body],
  ])('%s', (_name, body) => {
    expect(body.root.children.length).toBeGreaterThan(0);
    expect(roundTrip(body)).toEqual(body);
  });
});
