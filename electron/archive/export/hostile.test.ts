// No content, however hostile, can run in an export. Checked by parsing each
// output with htmlparser2 (auditHtml), over a fixed XSS corpus and ≥ 10,000
// generated articles.
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as b from '../../../shared/editor/build.ts';
import { renderDocumentMarkup } from '../../../shared/export/document.ts';
import { cleanText, hasText } from '../../../shared/export/escape.ts';
import { readFrontMatterText } from '../../../shared/export/frontMatter.ts';
import type { ExportArticle } from '../../../shared/export/types.ts';
import { auditHtml } from './audit.ts';
import { article } from './fixtures.ts';
import { renderExport } from './render.ts';
import { DOCTYPE } from './sanitize.ts';
import { hostileArticle } from './hostileArbitraries.ts';
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
