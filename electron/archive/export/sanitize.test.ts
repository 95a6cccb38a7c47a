// The sanitizer on its own, fed raw hostile markup as if the serializer had a
// bug: whatever goes in, what comes out has nothing that can run.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderDocumentMarkup } from '../../../shared/export/document.ts';
import { jsonForScript } from '../../../shared/export/escape.ts';
import { PRINT_STYLESHEET, PRINT_STYLESHEET_HASH } from '../../../shared/export/stylesheet.ts';
import { auditHtml } from './audit.ts';
import { article } from './fixtures.ts';
import { isNewsArticleJson, sanitizeDocument, sanitizeFragment } from './sanitize.ts';
import { XSS_STRINGS, XSS_URLS } from './xssCorpus.ts';
import * as b from '../../../shared/editor/build.ts';

const hostileMarkup = fc
  .array(
    fc.oneof(
      fc.constantFrom(...XSS_STRINGS),
      fc.constantFrom(...XSS_URLS).map((u) => `<a href="${u}">x</a>`),
      fc.constantFrom('<script type="application/ld+json">', '</script>', '<style>', '</style>', '<meta http-equiv="refresh" content="0">', '<head>', '</head>', '<p>', '</p>'),
      fc.string({ maxLength: 12 }),
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

describe('sanitizer as the last line', () => {
  it('fragments: raw hostile markup comes out with nothing executable', () => {
    fc.assert(
      fc.property(hostileMarkup, (markup) => {
        const out = sanitizeFragment(markup);
        expect(auditHtml(out, { allowJsonLd: false }).problems.filter((p) => !p.includes('not closed') && !p.includes('closes') && !p.includes('unclosed'))).toEqual([]);
        expect(out).not.toMatch(/<(script|style|meta|iframe|svg|math)/i);
      }),
      { numRuns: 3_000 },
    );
  });

  it('documents: hostile markup in head and body keeps no script but our JSON-LD, no meta refresh', () => {
    fc.assert(
      fc.property(hostileMarkup, hostileMarkup, (head, body) => {
        const out = sanitizeDocument(`<html><head>${head}</head><body>${body}</body></html>`);
        const audit = auditHtml(out, { allowJsonLd: true });
        expect(audit.problems.filter((p) => !/not closed|closes|unclosed|script element/.test(p))).toEqual([]);
        for (const json of audit.jsonLd) expect(isNewsArticleJson(json)).toBe(true);
      }),
      { numRuns: 3_000 },
    );
  });

  it('keeps exactly our JSON-LD and stylesheet, drops look-alikes', () => {
    const ours = `<script type="application/ld+json">${jsonForScript({ '@type': 'NewsArticle', headline: '</script>' })}</script>`;
    expect(sanitizeDocument(`<head>${ours}</head>`)).toContain(ours);
    for (const bad of [
      '<script>{"@type":"NewsArticle"}</script>',
      '<script type="text/javascript">{"@type":"NewsArticle"}</script>',
      '<script type="application/ld+json">{"@type":"Thing"}</script>',
      '<script type="application/ld+json">alert(1)</script>',
      '<script type="application/ld+json">{"@type":"NewsArticle","x":"<!--"}</script>',
    ])
      expect(sanitizeDocument(`<head>${bad}</head>`)).toBe('<!DOCTYPE html>\n<head></head>');
    // A src is stripped by the attribute allow-list: what is left is an inert data block.
    expect(sanitizeDocument('<head><script type="application/ld+json" src="https://evil.example/x.js">{"@type":"NewsArticle"}</script></head>')).toBe(
      '<!DOCTYPE html>\n<head><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>',
    );
    expect(sanitizeDocument(`<head><style>${PRINT_STYLESHEET}</style></head>`)).toContain('<style>');
    expect(sanitizeDocument('<head><style>body{background:url(https://evil.example/)}</style></head>')).not.toContain('<style>');
    expect(sanitizeDocument('<head><meta http-equiv="refresh" content="0;url=https://evil.example" /></head>')).not.toContain('<meta');
    expect(sanitizeDocument(`<head><meta http-equiv="Content-Security-Policy" content="default-src *" /></head>`)).not.toContain('<meta');
  });

  it("the CSP's style hash is the stylesheet's real hash (else browsers would refuse it)", () => {
    expect(PRINT_STYLESHEET_HASH).toBe(`sha256-${createHash('sha256').update(PRINT_STYLESHEET, 'utf8').digest('base64')}`);
  });

  it('is idempotent on its own output and changes nothing in ours', () => {
    const markup = renderDocumentMarkup(article({ headline: 'A & B <c>', dek: 'd', body: b.bodyFromParagraphs(['x < y & z']) }));
    const once = sanitizeDocument(markup);
    expect(once).toBe(`<!DOCTYPE html>\n${markup}`);
  });
});

describe('auditHtml (the checker the tests rely on) can fail', () => {
  it.each([
    '<script>alert(1)</script>',
    '<p onclick="x">a</p>',
    '<a href="javascript:alert(1)">a</a>',
    '<a href="https://example.com">no rel</a>',
    '<iframe></iframe>',
    '<meta http-equiv="refresh" content="0" />',
    '<svg></svg>',
    '<p>unclosed',
    '<p style="color:red">a</p>',
    '<!-- comment -->',
  ])('flags %s', (html) => expect(auditHtml(html, { allowJsonLd: true }).problems).not.toEqual([]));

  it('passes clean markup', () => {
    expect(auditHtml('<p>a <a href="https://x.example/" rel="noopener noreferrer">b</a><br /></p><hr />', { allowJsonLd: false }).problems).toEqual([]);
  });
});
