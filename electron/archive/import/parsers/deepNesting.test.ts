// Pathological nesting (tens of thousands of <div>, <b>, <ul>, <blockquote>
// levels) must neither overflow the stack nor take quadratic time: the file
// imports with its text, and the deepest levels are read as plain text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHeadlessEditor } from '@lexical/headless';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EDITOR_NODES } from '../../../../shared/editor/nodes.ts';
import { bodyToPlainText } from '../../../../shared/editor/plainText.ts';
import { TEXT_FORMAT } from '../../../../shared/editor/serialized.ts';
import type { BodyState } from '../../../../shared/editor/serialized.ts';
import { tempArchive, type TempArchive } from '../../testing/tempArchive.ts';
import { resolveZone } from '../../time/zone.ts';
import { makeParseInput } from './input.ts';
import { importPaths } from '../importer.ts';
import { parseHtml } from './html.ts';
import { parseNitf } from './nitf/parser.ts';

const input = (text: string, ext: string) => makeParseInput({ rawText: text, ext, path: `/x/deep.${ext}`, zone: resolveZone('UTC') });
const page = (body: string) => `<!doctype html><html><head><title>Deep page</title></head><body><article><h1>Deep page</h1>${body}</article></body></html>`;
const plain = (body: BodyState) => bodyToPlainText(body).replace(/\s+/gu, ' ').trim();
/** Longest chain of `children` in the Lexical JSON: what every later recursive reader must walk. */
function jsonDepth(body: BodyState): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[body.root, 1]];
  while (stack.length > 0) {
    const [node, d] = stack.pop() as [unknown, number];
    max = Math.max(max, d);
    for (const c of (node as { children?: unknown[] }).children ?? []) stack.push([c, d + 1]);
  }
  return max;
}
function textNodes(body: BodyState): Array<{ text: string; format: number }> {
  const out: Array<{ text: string; format: number }> = [];
  const stack: unknown[] = [body.root];
  while (stack.length > 0) {
    const node = stack.pop() as { type?: string; text?: string; format?: number; children?: unknown[] };
    if (node.type === 'text') out.push({ text: node.text ?? '', format: node.format ?? 0 });
    for (const c of node.children ?? []) stack.push(c);
  }
  return out;
}
function loadsInLexical(body: BodyState): void {
  const editor = createHeadlessEditor({ nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
}
function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

describe.each([20_000, 100_000])('HTML nested %i levels deep', (n) => {
  it('<div>: every level’s text kept, in order, quickly', () => {
    const { value: a, ms } = timed(() => parseHtml(input(page(`${'<div>w '.repeat(n)}deep text${'</div>'.repeat(n)}<p>after</p>`), 'html')));
    expect(ms).toBeLessThan(5_000);
    const text = plain(a.body);
    expect(text.startsWith('w w w')).toBe(true);
    expect(text.endsWith('deep text after')).toBe(true);
    expect(text.match(/\bw\b/gu)).toHaveLength(n);
    expect(a.fields.headline).toBe('Deep page');
    expect(a.flags).toContain('deep-nesting');
    expect(jsonDepth(a.body)).toBeLessThan(50);
  });

  it('<b> (closed and unclosed): the text stays bold', () => {
    for (const html of [`<p>start ${'<b>'.repeat(n)}bold words${'</b>'.repeat(n)} end</p>`, `<p>start ${'<b>'.repeat(n)}bold words`]) {
      const { value: a, ms } = timed(() => parseHtml(input(page(html), 'html')));
      expect(ms).toBeLessThan(5_000);
      expect(plain(a.body)).toMatch(/^start bold words( end)?$/u);
      const bold = textNodes(a.body).find((t) => t.text.includes('bold words'));
      expect(bold?.format).toBe(TEXT_FORMAT.bold);
    }
  });

  it('<ul><li> and <blockquote>: the items and quotes are kept as text', () => {
    const lists = parseHtml(input(page(`${'<ul><li>item '.repeat(n)}last${'</li></ul>'.repeat(n)}`), 'html'));
    const text = plain(lists.body);
    expect(text.match(/\bitem\b/gu)).toHaveLength(n);
    expect(text.endsWith('item last')).toBe(true);
    expect(jsonDepth(lists.body)).toBeLessThan(800);
    const quotes = parseHtml(input(page(`${'<blockquote>q '.repeat(n)}inner${'</blockquote>'.repeat(n)}`), 'html'));
    expect(plain(quotes.body).endsWith('q q inner')).toBe(true);
    if (n === 20_000) {
      loadsInLexical(lists.body);
      loadsInLexical(quotes.body);
    }
  });

  it('NITF: nested <block> in body.content and a deep hedline', () => {
    const xml = `<?xml version="1.0"?><nitf><head><title>Wire</title></head><body><body.head><hedline><hl1>${'<em>'.repeat(n)}Deep wire${'</em>'.repeat(n)}</hl1></hedline></body.head><body.content>${'<block><p>para</p>'.repeat(n)}<p>bottom</p>${'</block>'.repeat(n)}</body.content></body></nitf>`;
    const { value: a, ms } = timed(() => parseNitf(input(xml, 'xml')));
    expect(ms).toBeLessThan(5_000);
    expect(a.fields.headline).toBe('Deep wire');
    const text = plain(a.body);
    expect(text.match(/\bpara\b/gu)).toHaveLength(n);
    expect(text.endsWith('bottom')).toBe(true);
    expect(a.flags).toContain('deep-nesting');
  });
});

describe('ordinary nesting is untouched', () => {
  it('a page 60 levels deep is not flagged and keeps its structure', () => {
    const a = parseHtml(input(page(`${'<div>'.repeat(60)}<p>one <b>two</b></p><ul><li>x<ul><li>y</li></ul></li></ul>${'</div>'.repeat(60)}`), 'html'));
    expect(a.flags).not.toContain('deep-nesting');
    expect(a.body.root.children.map((b) => b.type)).toEqual(['paragraph', 'list']);
    loadsInLexical(a.body);
  });

  it('thousands of unclosed <p> and <li> siblings are siblings, not depth', () => {
    const a = parseHtml(input(page(`${'<p>para '.repeat(5000)}<ul>${'<li>item '.repeat(3000)}</ul>`), 'html'));
    expect(a.flags).not.toContain('deep-nesting');
    const types = a.body.root.children.map((b) => b.type);
    expect(types.filter((t) => t === 'paragraph')).toHaveLength(5000);
    const list = a.body.root.children.find((b) => b.type === 'list');
    expect(list?.type === 'list' ? list.children.length : 0).toBe(3000);
  });
});

describe('importing deeply nested files', () => {
  let t: TempArchive;
  beforeEach(() => {
    t = tempArchive();
  });
  afterEach(() => t.cleanup());

  it('imports 20k- and 100k-deep HTML and NITF files with their text, flagged deep-nesting', async () => {
    const src = join(t.dir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'div-100k.html'), page(`${'<div>'.repeat(100_000)}deep text${'</div>'.repeat(100_000)}`));
    writeFileSync(join(src, 'b-20k.html'), page(`<p>${'<b>'.repeat(20_000)}bold text</p>`));
    // NITF is XML: its blocks must close (an unclosed one fails the file as malformed, see nitf.test.ts).
    writeFileSync(join(src, 'wire-100k.xml'), `<nitf><body><body.head><hedline><hl1>Wire</hl1></hedline></body.head><body.content>${'<block>'.repeat(100_000)}<p>wire text</p>${'</block>'.repeat(100_000)}</body.content></body></nitf>`);
    const report = await importPaths(t.archive, [src], {});
    expect(report.files.map((f) => [f.path.slice(src.length + 1), f.outcome, f.flags?.includes('deep-nesting')])).toEqual([
      ['b-20k.html', 'imported', true],
      ['div-100k.html', 'imported', true],
      ['wire-100k.xml', 'imported', true],
    ]);
    const text = (name: string) => t.archive.getArticle(report.files.find((f) => f.path.endsWith(name))?.articleId as string).bodyText;
    expect(text('div-100k.html')).toContain('deep text');
    expect(text('b-20k.html')).toContain('bold text');
    expect(text('wire-100k.xml')).toContain('wire text');
    expect(t.archive.check().ok).toBe(true);
  }, 30_000);
});
