// The document built from the tree (jsdomTree.ts) must be the one JSDOMParser
// reads from the serialized markup, node for node: Readability then sees the
// same page either way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import JSDOMParser from '@mozilla/readability/JSDOMParser.js';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../../testing/tempArchive.ts';
import { PARSE_OPTIONS } from './dom.ts';
import { jsdomDocumentOf, serializeForJsdomParser } from './extract.ts';
import { needsRoundTrip } from './jsdomTree.ts';
import { capturePage } from './fixtures.ts';

interface JsNode {
  nodeType: number;
  localName?: string;
  tagName?: string;
  attributes?: Array<{ name: string; value: string }>;
  innerHTML?: string;
  textContent: string;
  childNodes: JsNode[];
  parentNode?: JsNode | null;
  nextSibling?: JsNode | null;
  nextElementSibling?: JsNode | null;
}
interface JsDoc extends JsNode {
  title: string;
  head?: JsNode;
  body?: JsNode;
  documentElement?: JsNode;
  documentURI: string;
}

/** Everything Readability can read of a document, as plain data. */
function dump(doc: JsDoc): unknown {
  const paths = new Map<JsNode, string>();
  const node = (n: JsNode, path: string): unknown => {
    paths.set(n, path);
    if (n.nodeType === 3) return { text: n.innerHTML, content: n.textContent };
    const children = n.childNodes.map((c, i) => node(c, `${path}/${i}`));
    // Sibling links as JSDOMParser's appendChild sets them.
    const links = n.childNodes.map((c) => [c.parentNode === n, c.nextSibling ? n.childNodes.indexOf(c.nextSibling) : -1, c.nextElementSibling ? n.childNodes.indexOf(c.nextElementSibling) : -1]);
    return { name: n.localName, tag: n.tagName, attributes: n.attributes?.map((a) => [a.name, a.value]), children, links };
  };
  const tree = node(doc, '');
  return { tree, title: doc.title, uri: doc.documentURI, head: doc.head && paths.get(doc.head), body: doc.body && paths.get(doc.body), root: doc.documentElement && paths.get(doc.documentElement) };
}

/** The round trip (serialize, JSDOMParser reads) and the direct build, for one page. */
function both(html: string): { built: unknown; read: unknown; direct: boolean } {
  const url = 'https://example.com/news/story';
  const read = new JSDOMParser().parse(serializeForJsdomParser(parseDocument(html, PARSE_OPTIONS)), url) as JsDoc;
  const doc = parseDocument(html, PARSE_OPTIONS);
  const direct = !needsRoundTrip(doc);
  const built = jsdomDocumentOf(doc, url) as JsDoc;
  return { built: dump(built), read: dump(read), direct };
}

describe('JSDOMParser document built from the tree', () => {
  it('is the document JSDOMParser reads from the markup (generated markup)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<p>', '</p>', '<div class="a b">', '</div>', '<br>', '<img src=x alt="a&quot;b">', '<li>', '<ul>', '</ul>', '<b>', '</i>', '<input disabled>',
        '<td>', '<table>', '<!-- c -->', '<![CDATA[x]]>', '<?pi x?>', '<!doctype html>', '&nbsp;', '&amp;', '&lt;', '&#233;', '&amp;#39;', '&amp;amp;', '&bogus;',
        '<', '>', '"', "'", '=', '<a href=/x title=\'q"q\'>', '<a href="?a=1&amp;b=&amp;#39;">', '</a>', '<textarea><p></textarea>', '<title>a<b</title>',
        '<title> T&amp;C </title>', '<xmp><b></xmp>', '<svg><path d="M0 0"/></svg>', '<o:p></o:p>', '<x y=1 y=2>', '<script>x<y</script>', '<html>', '</html>',
        '<head>', '<body>', '</body>', '<span title="&nbsp;x\u00A0">', '\u00A0', 'text', ' ', '\n', '<A', '<b a&nbsp;b=1>', '&nbsp', ';',
      ),
      fc.string({ maxLength: 8 }),
    );
    let direct = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (pieces, wrap) => {
        const r = both(wrap ? `<html><head><title>t</title></head><body>${pieces.join('')}</body></html>` : pieces.join(''));
        if (r.direct) direct += 1;
        expect(r.built).toEqual(r.read);
      }),
      { numRuns: 1000 },
    );
    // Most pages take the direct build (a directive with a quote in it is rare).
    expect(direct).toBeGreaterThan(700);
  });

  // Found by the generated markup (seed 430407138): htmlparser2 names an attribute `=<`, JSDOMParser reads `<`.
  it.each(['<html><head><title>t</title></head><body><A =</body></html>', '<p =</p>', '<p a=1 b==2 =c>x</p>'])('is the same when an attribute name holds "=": %s', (html) => {
    const r = both(html);
    expect(r.built).toEqual(r.read);
  });

  it('is the same on a capture page', () => {
    const r = both(capturePage());
    expect(r.direct).toBe(true);
    expect(r.built).toEqual(r.read);
  });

  const pages = join(CORPUS_DIR, 'interchange/html-capture');
  it.skipIf(!existsSync(pages))('is the same on every saved page in the corpus', () => {
    const files = readdirSync(pages).filter((f) => /\.html?$/iu.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const r = both(readFileSync(join(pages, f), 'utf8'));
      expect(r.built, f).toEqual(r.read);
    }
  });
  if (!existsSync(pages)) console.warn(`skipped the saved pages: ${pages} is absent (evaluation corpus, read at run time)`);
});
