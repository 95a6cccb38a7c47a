// Which HTML goes through Readability (web captures) and which is read as
// written (simple pages, fragments, our own exports), and the limits that
// keep Readability to the pages it is fast on.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProbablyReaderable as libraryReaderable } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import * as b from '../../../../../shared/editor/build.ts';
import { bodyToParagraphs } from '../../../../../shared/editor/plainText.ts';
import { TEXT_FORMAT } from '../../../../../shared/editor/serialized.ts';
import { renderExport } from '../../../export/render.ts';
import { CORPUS_DIR } from '../../../testing/tempArchive.ts';
import { CAPTURE_LIMITS, WEB_CAPTURE_FLAG } from '../html.ts';
import { descendants, PARSE_OPTIONS } from './dom.ts';
import { capturePage, parsePage, storyHtml, storyParagraph } from './fixtures.ts';
import { hasChrome, isProbablyReaderable } from './readerable.ts';

describe('simple pages stay on the simple path', () => {
  it('a hand-written story without chrome keeps every block, however long', () => {
    const html = `<html><head><title>Notes</title></head><body><article><h1>Harbour notes</h1>
      <p>${storyParagraph(1)} <b>Bold</b> and <i>italic</i> stay.</p><h2>Timeline</h2>
      <ul><li>Dredging</li><li>Opening</li></ul><blockquote><p>Short quote.</p></blockquote>
      <p>${storyParagraph(2)}</p><p>${storyParagraph(3)}</p><p>Tiny.</p></article></body></html>`;
    const a = parsePage(html);
    expect(a.flags).not.toContain(WEB_CAPTURE_FLAG);
    expect(a.body.root.children.map((x) => x.type)).toEqual(['paragraph', 'heading', 'list', 'quote', 'paragraph', 'paragraph', 'paragraph']);
    expect(bodyToParagraphs(a.body).at(-1)).toBe('Tiny.');
  });

  it('a page with chrome but too little text to be a story is read as written', () => {
    const a = parsePage('<html><body><nav><a href="/">Home</a></nav><article><h1>Short</h1><p>One line.</p><ul><li>a</li></ul></article></body></html>');
    expect(a.flags).not.toContain(WEB_CAPTURE_FLAG);
    expect(a.body.root.children.map((x) => x.type)).toEqual(['paragraph', 'list']);
  });

  it('a Copydesk HTML export (header, print stylesheet, JSON-LD) is not a capture', () => {
    const body = b.bodyState([b.paragraph(storyParagraph(1)), b.heading('h2', 'Next'), b.list('bullet', ['one', 'two']), ...[2, 3, 4, 5].map((n) => b.paragraph([b.textNode(storyParagraph(n), TEXT_FORMAT.bold)]))]);
    const html = renderExport(
      { id: 'x', headline: 'Harbour reopens', dek: 'At last', byline: 'By Lois Lane', dateline: 'METROPOLIS', section: 'Local', tags: ['harbour'], language: 'en', slug: '', postedAt: '2024-03-05T09:15:00.000Z', updatedAt: null, body, wordCount: 100 },
      'html',
    );
    expect(hasChrome(descendants(parseDocument(html, PARSE_OPTIONS).children))).toBe(false);
    const a = parsePage(html);
    expect(a.flags).not.toContain(WEB_CAPTURE_FLAG);
    expect(a.fields).toMatchObject({ headline: 'Harbour reopens', dek: 'At last', byline: 'By Lois Lane', section: 'Local', postedAt: '2024-03-05T09:15:00+00:00' });
    expect(a.body.root.children.map((x) => x.type)).toEqual(['paragraph', 'heading', 'list', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });

  it('a saved page with chrome and a story is a capture', () => {
    expect(parsePage(capturePage()).flags).toEqual([WEB_CAPTURE_FLAG]);
  });
});

describe('teaser <article>s before the story', () => {
  const teasers = [1, 2, 3].map((n) => `<article class="teaser"><h2><a href="/t${n}">Teaser ${n}: council row</a></h2><p>Teaser ${n} blurb about another story.</p></article>`).join('');

  it('a capture keeps the story, not the first <article>', () => {
    const a = parsePage(capturePage({ before: teasers, head: '<meta property="og:title" content="Harbour reopens after dredging">' }));
    expect(a.fields.headline).toBe('Harbour reopens after dredging');
    const paragraphs = bodyToParagraphs(a.body);
    expect(paragraphs[0]).toBe(storyParagraph(1));
    expect(paragraphs.join(' ')).not.toMatch(/Teaser/u);
  });

  it('a simple page takes the <article> with the most text', () => {
    const a = parsePage(`<html><body>${teasers}<article><h1>The story</h1><p>First line of the story, longer than any teaser blurb on the page.</p><p>Second.</p></article></body></html>`);
    expect(a.flags).not.toContain(WEB_CAPTURE_FLAG);
    expect(a.fields.headline).toBe('The story');
    expect(bodyToParagraphs(a.body)).toEqual(['First line of the story, longer than any teaser blurb on the page.', 'Second.']);
  });
});

describe('Readability only on pages shaped like real ones', () => {
  it(`nested deeper than ${CAPTURE_LIMITS.depth} levels: read as written, all text kept`, () => {
    const deep = `${'<div>'.repeat(CAPTURE_LIMITS.depth)}${storyHtml()}${'</div>'.repeat(CAPTURE_LIMITS.depth)}`;
    const a = parsePage(capturePage({ story: deep }));
    expect(a.flags).not.toContain(WEB_CAPTURE_FLAG);
    expect(bodyToParagraphs(a.body)).toEqual(expect.arrayContaining([storyParagraph(1), storyParagraph(6)]));
    expect(parsePage(capturePage({ story: `${'<div>'.repeat(40)}${storyHtml()}${'</div>'.repeat(40)}` })).flags).toContain(WEB_CAPTURE_FLAG);
  });

  it(`more than ${CAPTURE_LIMITS.elements} elements: read as written`, () => {
    const a = parsePage(capturePage({ after: `<div>${'<span>x</span>'.repeat(CAPTURE_LIMITS.elements)}</div>` }));
    expect(a.flags).not.toContain(WEB_CAPTURE_FLAG);
    expect(bodyToParagraphs(a.body)).toContain(storyParagraph(1));
  });
});

// The port in readerable.ts must decide exactly as the library does on a full DOM.
describe('isProbablyReaderable over htmlparser2 agrees with Readability-readerable.js over jsdom', () => {
  const library = (html: string) => libraryReaderable(new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document);
  const ours = (html: string) => isProbablyReaderable(descendants(parseDocument(html, PARSE_OPTIONS).children));
  const long = storyParagraph(1);
  const cases: Array<[string, string]> = [
    ['a capture page', capturePage()],
    ['short paragraphs', '<p>short</p><p>also short</p>'],
    ['one long paragraph (score under 20)', `<p>${long}${long}</p>`],
    ['hidden paragraphs', `<div style="display: none">${storyHtml()}</div>`],
    ['hidden attribute and aria-hidden', storyHtml().replaceAll('<p>', '<p hidden>') + storyHtml().replaceAll('<p>', '<p aria-hidden="true">')],
    ['unlikely classes', storyHtml().replaceAll('<p>', '<p class="sidebar comment">')],
    ['unlikely but maybe-content classes', storyHtml().replaceAll('<p>', '<p class="sidebar article-body">')],
    ['paragraphs inside list items', `<ul>${storyHtml().replaceAll('<p>', '<li><p>').replaceAll('</p>', '</p></li>')}</ul>`],
    ['text in a div with <br>s', `<div>${[1, 2, 3, 4, 5, 6].map(storyParagraph).join('<br><br>')}</div>`],
    ['a long <pre>', `<pre>${long}\n${long}\n${long}\n${long}\n${long}</pre><pre>${long}${long}${long}</pre>`],
  ];
  it.each(cases)('%s', (_name, html) => {
    expect(ours(html)).toBe(library(html));
  });

  const pages = join(CORPUS_DIR, 'interchange/html-capture');
  it.skipIf(!existsSync(pages))('on the 18 saved pages (all readerable)', () => {
    for (const name of readdirSync(pages).filter((n) => n.endsWith('.html'))) {
      const html = readFileSync(join(pages, name), 'utf8');
      expect([name, ours(html)]).toEqual([name, library(html)]);
      expect([name, ours(html)]).toEqual([name, true]);
    }
  });
});
