// Nothing in an imported page runs or loads: no script, no handler, no
// request for an image, frame, stylesheet, font or video, on either path.
// And the markup handed to JSDOMParser is always markup it reads whole.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import JSDOMParser from '@mozilla/readability/JSDOMParser.js';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyToPlainText } from '../../../../../shared/editor/plainText.ts';
import { CORPUS_DIR } from '../../../testing/tempArchive.ts';
import { textOf } from '../htmlBlocks.ts';
import { WEB_CAPTURE_FLAG } from '../html.ts';
import { PARSE_OPTIONS } from './dom.ts';
import { serializeForJsdomParser } from './extract.ts';
import { capturePage, parsePage, storyHtml } from './fixtures.ts';

let server: Server;
let requests: string[] = [];
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const g = globalThis as { __pwned?: number };

/** Every way a page asks a browser to fetch something or run code. */
function hostile(): string {
  return `
<link rel="stylesheet" href="${base}/style.css"><link rel="preload" href="${base}/font.woff2" as="font">
<style>@import url(${base}/imported.css); body { background: url(${base}/bg.png) }</style>
<meta http-equiv="refresh" content="0; url=${base}/refresh"><base href="${base}/base/">
<script src="${base}/script.js"></script><script>globalThis.__pwned = 1;</script>
<img src="${base}/img.png" srcset="${base}/img-2x.png 2x" onerror="globalThis.__pwned = 2" onload="globalThis.__pwned = 3">
<iframe src="${base}/frame.html" srcdoc="<script>parent.__pwned = 4</script>"></iframe>
<video poster="${base}/poster.jpg" src="${base}/video.mp4"><source src="${base}/source.mp4"><track src="${base}/track.vtt"></video>
<audio src="${base}/audio.mp3" autoplay></audio><object data="${base}/object.swf"></object><embed src="${base}/embed.swf">
<svg><image href="${base}/svg.png"/><script>globalThis.__pwned = 5</script></svg>
<input type="image" src="${base}/input.png"><body onload="globalThis.__pwned = 6">
<a href="javascript:globalThis.__pwned = 7">click</a> <a href="${base}/page">a link</a> <a href="data:text/html,x">data</a>`;
}

describe('an imported page runs nothing and fetches nothing', () => {
  it.each([
    ['a web capture', () => capturePage({ head: hostile(), story: `${storyHtml()}${hostile()}` }), true],
    ['a simple page', () => `<html><head>${hostile()}</head><body><article><h1>Plain</h1><p>Text.</p>${hostile()}</article></body></html>`, false],
  ])('%s', async (_name, page, capture) => {
    requests = [];
    delete g.__pwned;
    const a = parsePage(page());
    expect(a.flags.includes(WEB_CAPTURE_FLAG)).toBe(capture);
    // Give anything that was scheduled (a load, a timer, a fetch) time to reach the server.
    await new Promise((done) => setTimeout(done, 300));
    expect(requests).toEqual([]);
    expect(g.__pwned).toBeUndefined();
    const json = JSON.stringify(a.body);
    expect(json).not.toMatch(/__pwned|javascript:|data:text|style\.css|@import/u);
    const urls = [...json.matchAll(/"url":"([^"]*)"/gu)].map((m) => m[1] ?? '');
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^(?:https?:|mailto:)/u);
    // The server was reachable all along: a request would have been seen.
    await fetch(`${base}/probe`);
    expect(requests).toEqual(['/probe']);
  });
});

describe('markup for JSDOMParser', () => {
  const roundTrip = (html: string) => {
    const doc = parseDocument(html, PARSE_OPTIONS);
    const markup = serializeForJsdomParser(doc);
    const parser = new JSDOMParser();
    const dom = parser.parse(markup, 'about:blank') as { documentElement?: { textContent: string } | null; childNodes: Array<{ textContent: string }> };
    const text = dom.documentElement ? dom.documentElement.textContent : dom.childNodes.map((n) => n.textContent).join('');
    return { errors: parser.errorState, text, expected: textOf(doc, true) };
  };

  it('is read whole, with the same text, for any markup (generated)', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<div class="a b">', '</div>', '<br>', '<img src=x alt="a&quot;b">', '<li>', '<ul>', '</ul>', '<b>', '</i>', '<input disabled>', '<td>', '<table>', '<!-- c -->', '<![CDATA[x]]>', '<?pi x?>', '&nbsp;', '&amp;', '&lt;', '&#233;', '&bogus;', '<', '>', '"', "'", '=', '<a href=/x title=\'q"q\'>', '</a>', '<textarea><p></textarea>', '<title>a<b</title>', '<xmp><b></xmp>', '<svg><path d="M0 0"/></svg>', '<o:p></o:p>', '<x y=1 y=2>'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = `<html><body>${pieces.join('')}</body></html>`;
        const r = roundTrip(html);
        expect(r.errors).toBe('');
        // JSDOMParser's textContent and htmlparser2's agree once code and comments are gone.
        expect(r.text.replace(/\s+/gu, '')).toBe(r.expected.replace(/\s+/gu, ''));
      }),
      { numRuns: 300 },
    );
  });

  const vectors = join(CORPUS_DIR, 'xss-vectors/vectors.json');
  it.skipIf(!existsSync(vectors))('is read whole for every published XSS vector (../shared/corpus/xss-vectors)', () => {
    const payloads = JSON.parse(readFileSync(vectors, 'utf8')) as string[];
    for (const payload of payloads) {
      const r = roundTrip(`<html><head><title>${payload}</title></head><body><p>${payload}</p><div title="${payload}">${payload}</div></body></html>`);
      expect([payload, r.errors]).toEqual([payload, '']);
    }
    // And through the whole parser: every page is read (no fallback to reading its markup as text), links stay web links.
    for (const payload of payloads) {
      const a = parsePage(capturePage({ story: `${storyHtml()}<p>${payload}</p>${storyHtml(2)}` }));
      expect(bodyToPlainText(a.body)).toContain('Paragraph 6 of the harbour story');
      for (const m of JSON.stringify(a.body).matchAll(/"url":"([^"]*)"/gu)) expect(m[1]).toMatch(/^(?:https?:|mailto:)/u);
    }
  });
});
