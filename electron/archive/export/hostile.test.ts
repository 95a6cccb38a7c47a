// No content, however hostile, can run in an export. Checked by parsing each
// output with htmlparser2 (auditHtml), over a fixed XSS corpus and ≥ 10,000
// generated articles.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as b from '../../../shared/editor/build.ts';
import type { BlockNode, InlineNode, ListItemNode } from '../../../shared/editor/serialized.ts';
import { renderDocumentMarkup } from '../../../shared/export/document.ts';
import { cleanText, hasText } from '../../../shared/export/escape.ts';
import { readFrontMatterText } from '../../../shared/export/frontMatter.ts';
import type { ExportArticle } from '../../../shared/export/types.ts';
import { auditHtml } from './audit.ts';
import { article } from './fixtures.ts';
import { renderExport } from './render.ts';
import { DOCTYPE } from './sanitize.ts';
import { XSS_STRINGS, XSS_URLS } from './xssCorpus.ts';

function checkHtmlExports(a: ExportArticle): void {
  const html = renderExport(a, 'html');
  const doc = auditHtml(html, { allowJsonLd: true });
  expect(doc.problems).toEqual([]);
  expect(doc.jsonLd).toHaveLength(1);
  const data = JSON.parse(doc.jsonLd[0] ?? '') as Record<string, unknown>;
  expect(data['@type']).toBe('NewsArticle');
  expect(data.headline).toBe(cleanText(a.headline));
  // A valid document: a non-empty <title>, and no element left empty.
  expect(html).not.toMatch(/<title><\/title>|<(h1|p|li|ul|ol|strong|em|u|s|a|header|blockquote)( [^>]*)?><\/\1>/);
  // Our serializer's markup is already clean: the sanitizer finds nothing to change.
  expect(html).toBe(DOCTYPE + renderDocumentMarkup(a));

  const fragment = renderExport(a, 'fragment');
  const frag = auditHtml(fragment, { allowJsonLd: false });
  expect(frag.problems).toEqual([]);
  expect(frag.jsonLd).toEqual([]);
}

/** A CommonMark renderer as a site would run it, raw HTML passed through. */
const renderer = new MarkdownIt({ html: true });

function checkMarkdown(a: ExportArticle): void {
  const md = renderExport(a, 'md');
  const end = md.indexOf('\n---\n', 4);
  const front = parseYaml(md.slice(4, end)) as Record<string, unknown>;
  // Front matter values are HTML text: printed unescaped by a template they open no markup, and they read back.
  for (const value of Object.values(front).flat()) {
    expect(String(value)).not.toMatch(/[<>]|&(?!(amp|lt|gt);)/);
  }
  expect(readFrontMatterText(String(front.title))).toBe(cleanText(a.headline));
  if (hasText(a.dek)) expect(readFrontMatterText(String(front.dek))).toBe(cleanText(a.dek));
  // Outside link destinations, every < is escaped: no raw HTML reaches a Markdown renderer.
  const body = md.slice(end + 5);
  expect(body.replace(/\]\(<[^<>\n]*>\)/g, '](url)')).not.toMatch(/(^|[^\\])</);
  // Articles hold no images: the rendered Markdown shows none, and no raw HTML either.
  const tokens = renderer.parse(body, {}).flatMap((t) => [t, ...(t.children ?? [])]);
  expect(tokens.filter((t) => t.type === 'image' || t.type === 'html_inline' || t.type === 'html_block').map((t) => t.content)).toEqual([]);
}

const hostileText = fc.oneof(
  fc.constantFrom(...XSS_STRINGS),
  fc.array(fc.constantFrom(...XSS_STRINGS, '<', '>', '&', '"', "'", '/', 'script', 'on', '=', ' ', '\n', '-->', '</', '!', '\\', '![', 'Wow!'), { maxLength: 8 }).map((p) => p.join('')),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const hostileUrl = fc.oneof(fc.constantFrom(...XSS_URLS), fc.webUrl(), hostileText, hostileText.map((t) => `https://example.com/${t}`));

const inline: fc.Arbitrary<InlineNode> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(hostileText, fc.integer({ min: 0, max: 127 })).map(([t, f]) => b.textNode(t, f)) },
  { weight: 1, arbitrary: fc.constant(b.lineBreak()) },
  { weight: 2, arbitrary: fc.tuple(hostileUrl, hostileText, fc.integer({ min: 0, max: 15 })).map(([u, t, f]) => b.linkNode(u, [b.textNode(t, f)])) },
  // Hand-made JSON may carry node types the editor never writes.
  { weight: 1, arbitrary: hostileText.map((t) => ({ type: 'html', html: t, text: t, version: 1 }) as unknown as InlineNode) },
);
const inlines = fc.array(inline, { maxLength: 6 });

/** Text that ends in `!` right before a link, anywhere in a run of inlines (issue 14's image). */
const bangThenLink: fc.Arbitrary<InlineNode[]> = fc
  .tuple(inlines, hostileText, fc.oneof(fc.webUrl(), hostileUrl), hostileText, inlines)
  .map(([before, t, u, label, after]) => [...before, b.textNode(`${t}!`), b.linkNode(u, [b.textNode(label || 'pic')]), ...after]);

const block: fc.Arbitrary<BlockNode> = fc.oneof(
  inlines.map((c) => b.paragraph(c)),
  bangThenLink.map((c) => b.paragraph(c)),
  fc.tuple(fc.constantFrom('h2', 'h3') as fc.Arbitrary<'h2'>, bangThenLink).map(([t, c]) => b.heading(t, c)),
  fc.tuple(fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5', 'h6') as fc.Arbitrary<'h1'>, inlines).map(([t, c]) => b.heading(t, c)),
  inlines.map((c) => b.quote(c)),
  fc.tuple(fc.constantFrom('bullet', 'number') as fc.Arbitrary<'bullet'>, fc.array(inlines, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([type, items, nest]) => {
    const list = b.list(type, items);
    if (!nest) return list;
    const holder: ListItemNode = { ...(list.children[0] as ListItemNode), children: [b.list('bullet', items)] };
    return { ...list, children: [...list.children, holder] };
  }),
  fc.constant(b.horizontalRule()),
);

const hostileArticle: fc.Arbitrary<ExportArticle> = fc
  .record({
    headline: hostileText,
    dek: hostileText,
    byline: hostileText,
    dateline: hostileText,
    section: hostileText,
    tags: fc.array(hostileText, { maxLength: 3 }),
    language: fc.oneof(fc.constantFrom('en', 'ko', 'ja'), hostileText),
    slug: hostileText,
    postedAt: fc.oneof(fc.constant(null), fc.constant('2019-01-09T07:31:00+09:00'), hostileText),
    updatedAt: fc.oneof(fc.constant(null), hostileText),
    blocks: fc.array(block, { maxLength: 6 }),
  })
  .map(({ blocks, ...fields }) => article({ ...fields, body: b.bodyState(blocks) }));

describe('the XSS corpus in every field, in text and in link URLs', () => {
  it.each(XSS_STRINGS.map((s, i) => [i, s] as const))('payload %i', (_i, payload) => {
    const a = article({
      headline: payload,
      dek: payload,
      byline: payload,
      dateline: payload,
      section: payload,
      tags: [payload],
      language: payload,
      slug: payload,
      postedAt: payload,
      updatedAt: payload,
      body: b.bodyState([
        b.paragraph(payload),
        b.heading('h2', payload),
        b.quote(payload),
        b.list('bullet', [payload]),
        b.paragraph([b.linkNode(payload, [b.textNode(payload, 1)])]),
      ]),
    });
    checkHtmlExports(a);
    checkMarkdown(a);
    // The words survive as text: escaped, not dropped.
    const visible = renderExport(a, 'fragment');
    if (payload.includes('alert(1)')) expect(visible).toContain('alert(1)');
  });

  it.each(XSS_URLS.map((u, i) => [i, u] as const))('link URL %i never becomes a script link', (_i, url) => {
    const a = article({ body: b.bodyState([b.paragraph([b.linkNode(url, [b.textNode('click')])])]) });
    checkHtmlExports(a);
    const fragment = renderExport(a, 'fragment');
    expect(fragment).toContain('click');
    if (/^\s*(java|vb)/i.test(url) || /^data:/i.test(url) || url.startsWith('//') || url.startsWith('\\')) expect(fragment).not.toContain('href');
  });
});

describe('generated hostile articles (fast-check)', () => {
  it('10,000 articles: no executable content, valid structure, JSON-LD a NewsArticle', () => {
    fc.assert(fc.property(hostileArticle, (a) => checkHtmlExports(a)), { numRuns: 10_000 });
  }, 300_000);

  it('Markdown: front matter reads back as text that opens no markup; no raw HTML, no image', () => {
    fc.assert(fc.property(hostileArticle, (a) => checkMarkdown(a)), { numRuns: 2_000 });
  }, 120_000);
});
