import { describe, expect, it } from 'vitest';
import { bodyState } from '../../../../../shared/editor/build.ts';
import { bodyToParagraphs } from '../../../../../shared/editor/plainText.ts';
import { MAX_PARSE_DEPTH } from '../nesting.ts';
import { blocksFromHtmlString, blocksFromNodes, blocksFromPlainText } from './blocks.ts';
import { repairMojibake } from './mojibake.ts';
import { descendants, kid, qcode, text } from './query.ts';
import { sniffRoot } from './sniff.ts';
import { cleanField, copyrightHolderOf, decodeLeftoverEntities, htmlText, languageTag, placeDateline, stripBy } from './text.ts';
import { NS, parseXml, XmlSyntaxError } from './tree.ts';
import { wireSegments } from './wireText.ts';

const paragraphs = (blocks: Parameters<typeof bodyState>[0]) => bodyToParagraphs(bodyState(blocks));

describe('parseXml', () => {
  it('resolves namespaces: local names, URIs, default and prefixed', () => {
    const { root } = parseXml(`<?xml version="1.0"?><m:doc xmlns:m="urn:m" xmlns="urn:d"><item a="1"><m:x>one</m:x></item></m:doc>`);
    expect([root.name, root.namespace]).toEqual(['doc', 'urn:m']);
    const item = kid(root, 'item');
    expect(item?.namespace).toBe('urn:d');
    expect(kid(item, 'x', 'urn:m')?.namespace).toBe('urn:m');
    expect(kid(item, 'x', 'urn:d')).toBeNull();
  });

  it('takes a BOM, blank lines before the declaration, a DOCTYPE, comments and processing instructions before the root', () => {
    const { root } = parseXml(`\uFEFF\n\n<?xml version="1.0"?>\n<!-- c --><?xml-stylesheet href="x"?>\n<!DOCTYPE nitf SYSTEM "nitf.dtd">\n<nitf><p>t</p></nitf>`);
    expect(root.name).toBe('nitf');
  });

  it('ignores the declared encoding: the text is already decoded', () => {
    const { root } = parseXml('<?xml version="1.0" encoding="iso-8859-1"?><a>Ærø — 東京</a>');
    expect(text(root)).toBe('Ærø — 東京');
  });

  it('reads CDATA as text, the five XML entities, numeric references and HTML named entities', () => {
    const { root } = parseXml('<a>x <![CDATA[<p>raw & </p>]]> &amp;&lt;&#233;&#x4E2D;&nbsp;&eacute;&mdash;</a>');
    expect(root.children).toHaveLength(1);
    expect((root.children[0] as { data: string }).data).toBe('x <p>raw & </p> &<é中\u00A0é—');
  });

  it('resolves an undeclared prefix instead of failing the file', () => {
    const { root } = parseXml('<rss><item><media:content url="x"/><dc:creator>A</dc:creator></item></rss>');
    expect(descendants(root, 'creator')).toHaveLength(1);
  });

  it.each([
    ['<a><b></a>', /line 1, column \d+: unexpected close tag/u],
    ['<a>AT&T</a>', /line 1, column \d+: /u],
    ['<a>&bogus;</a>', /undefined entity/u],
    ['<a>&ampx;</a>', /undefined entity/u],
    ['<a>\n<b x="1" x="2"/></a>', /line 2, column \d+: duplicate attribute: x/u],
    ['<a>text', /line 1, column \d+: unclosed tag: a/u],
    ['plain text', /no root element|text data outside of root node/u],
  ])('refuses malformed XML %j with its position', (xml, reason) => {
    expect(() => parseXml(xml)).toThrow(XmlSyntaxError);
    expect(() => parseXml(xml)).toThrow(reason);
  });

  it('caps nesting beyond MAX_PARSE_DEPTH: deeper elements become their text, flagged', () => {
    const n = MAX_PARSE_DEPTH + 500;
    const { root, capped } = parseXml(`<r>${'<block>'.repeat(n)}<p>deep <b>words</b></p>${'</block>'.repeat(n)}<p>after</p></r>`);
    expect(capped).toBe(true);
    let depth = 0;
    for (let at = root; at.children.length > 0 && 'attribs' in (at.children[0] as object); at = at.children[0] as typeof root) depth += 1;
    expect(depth).toBeLessThanOrEqual(MAX_PARSE_DEPTH);
    expect(text(root)).toBe('deep words after');
    expect(parseXml('<r><p>x</p></r>').capped).toBe(false);
  });
});

describe('sniffRoot', () => {
  it('finds the root after the prolog, with its namespace and attributes', () => {
    const r = sniffRoot('<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE a [ <!ENTITY e "v"> ]>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" a=\'1 &amp; 2\'>');
    expect(r).toMatchObject({ qname: 'rdf:RDF', prefix: 'rdf', local: 'RDF', namespace: NS.rdf, declared: true });
    expect(r?.attrs.a).toBe('1 & 2');
  });

  it('is null for text, and sees roots without a declaration', () => {
    expect(sniffRoot('Headline\n\nBody <b>bold</b>')).toBeNull();
    expect(sniffRoot('\n<NewsML Version="1.2">')).toMatchObject({ local: 'NewsML', namespace: '', declared: false });
  });
});

describe('field text', () => {
  it('decodes entities a producer escaped twice, but never into markup', () => {
    expect(decodeLeftoverEntities('4 o&#39;clock, &quot;yes&quot; &amp; AT&amp;T')).toBe('4 o\'clock, "yes" & AT&T');
    expect(decodeLeftoverEntities('&lt;b&gt; &#60;i&#62;')).toBe('&lt;b&gt; &#60;i&#62;');
    expect(cleanField('  a \n\t b  ')).toBe('a b');
  });

  it('reduces HTML-typed strings to text', () => {
    expect(htmlText('<em>Big</em> news &amp; more')).toBe('Big news & more');
    expect(htmlText('Profits < costs')).toBe('Profits < costs');
  });

  it('writes language tags in BCP 47 case and drops x-default', () => {
    expect([languageTag('EN'), languageTag('fi-fi'), languageTag('zh_hant'), languageTag('x-default'), languageTag('no-NO')]).toEqual(['en', 'fi-FI', 'zh-Hant', '', 'no-NO']);
  });

  it('strips a leading By (and its neighbours in other languages)', () => {
    expect([stripBy('By Jane Roe'), stripBy('Von Anja Semmelroch, dpa'), stripBy('ByStaff Reporter'), stripBy('Bylund Smith')]).toEqual(['Jane Roe', 'Anja Semmelroch, dpa', 'Staff Reporter', 'Bylund Smith']);
  });

  it('a dateline is a place: a date or timestamp alone is none', () => {
    expect([placeDateline('Berlin (dpa) - '), placeDateline('STOCKHOLM, Aug 29, 2014 (AFP) -'), placeDateline('4/4/2018'), placeDateline('2014-07-16 15:53:10 GMT+00:00'), placeDateline('2018-01-03T20:13:08Z')]).toEqual(['Berlin (dpa)', 'STOCKHOLM, Aug 29, 2014 (AFP)', '', '', '']);
  });

  it('names the holder in a copyright line', () => {
    expect([copyrightHolderOf('© 2024 AFP'), copyrightHolderOf('Copyright Business Wire 2013')]).toEqual(['AFP', 'Business Wire']);
  });

  it('splits qcodes, leaving URIs whole', () => {
    expect(qcode('medtop:20000523')).toEqual({ scheme: 'medtop', code: '20000523' });
    expect(qcode('http://cv.iptc.org/newscodes/x')).toEqual({ scheme: '', code: 'http://cv.iptc.org/newscodes/x' });
  });
});

describe('mojibake', () => {
  it('repairs UTF-8 read as windows-1252 or Latin-1, and leaves real Latin text alone', () => {
    expect(repairMojibake('Dellâ€™s XenServerÂ® â€œquotedâ€\u009d')).toEqual({ text: 'Dell’s XenServer® “quoted”', repaired: true });
    expect(repairMojibake('companyâ\u0080\u0099s')).toEqual({ text: 'company’s', repaired: true });
    expect(repairMojibake('SÃO PAULO, Ærø, déjà vu')).toEqual({ text: 'SÃO PAULO, Ærø, déjà vu', repaired: false });
    // ß» is valid UTF-8 as bytes (U+07FB) but not what anyone wrote.
    expect(repairMojibake('«Fehler groß»,')).toEqual({ text: '«Fehler groß»,', repaired: false });
  });
});

describe('wire text', () => {
  it('splits paragraphs on blank lines and joins hard-wrapped lines', () => {
    expect(wireSegments('One line\nwrapped here.\n\nTwo.\n')).toEqual([
      { kind: 'paragraph', text: 'One line wrapped here.' },
      { kind: 'paragraph', text: 'Two.' },
    ]);
  });

  it('reads an indented first line as a new paragraph when continuation lines start at the margin', () => {
    const wire = '(Adds detail)\n    First paragraph starts\nand continues here.\n    Second paragraph\ncontinues.\n    Third.';
    expect(wireSegments(wire).map((s) => (s.kind === 'paragraph' ? s.text : ''))).toEqual([
      '(Adds detail)',
      'First paragraph starts and continues here.',
      'Second paragraph continues.',
      'Third.',
    ]);
  });

  it('does not take pretty-printing indentation for paragraphs', () => {
    expect(wireSegments('A sentence that\n          wraps at an indent\n          like XML does.')).toHaveLength(1);
  });

  it('keeps column-aligned results as a table, line by line', () => {
    const segs = wireSegments('Results on Monday\nMonday, January 30\nAdanaspor     2 Kasimpasa     0\nBesiktas      5 Konyaspor     1\n');
    expect(segs[0]).toEqual({ kind: 'paragraph', text: 'Results on Monday' });
    expect(segs[1]).toEqual({ kind: 'table', lines: ['Monday, January 30', 'Adanaspor     2 Kasimpasa     0', 'Besiktas      5 Konyaspor     1'] });
    const blocks = blocksFromPlainText('Results on Monday\nMonday, January 30\nAdanaspor     2 Kasimpasa     0\nBesiktas      5 Konyaspor     1\n');
    expect(paragraphs(blocks)).toEqual(['Results on Monday', 'Monday, January 30\nAdanaspor     2 Kasimpasa     0\nBesiktas      5 Konyaspor     1']);
  });
});

describe('content blocks', () => {
  it('splits a <p> holding a whole hard-wrapped wire story (Reuters) into its paragraphs', () => {
    const { root } = parseXml('<body><p>(Adds quote)\n    The first\nparagraph.\n    The second\none.</p></body>');
    expect(paragraphs(blocksFromNodes(root.children))).toEqual(['(Adds quote)', 'The first paragraph.', 'The second one.']);
  });

  it('joins lines broken at the wire width (AAP) but keeps short deliberate breaks', () => {
    const { root } = parseXml(
      '<body><p>   Blake Ferguson has been named to make his top grade return at <br/>centre in the Sydney Roosters trial.</p><p>Caroline Beil zum zweiten Mal Mutter<br/>(Foto - Archiv)</p></body>',
    );
    expect(paragraphs(blocksFromNodes(root.children))).toEqual([
      'Blake Ferguson has been named to make his top grade return at centre in the Sydney Roosters trial.',
      'Caroline Beil zum zweiten Mal Mutter\n(Foto - Archiv)',
    ]);
  });

  it('drops NITF media and notes, escaped embed codes with their orphaned labels, and edge rules', () => {
    const { root } = parseXml(
      '<body.content><hr/><media><media-caption>Caption</media-caption></media><p>Story.</p><note><p>For editors</p></note><hl2>Embed (large):</hl2><p>&#60;div class=&#34;embed&#34;&#62;&#60;/div&#62;&#60;script src=&#34;x.js&#34;&#62;&#60;/script&#62;</p><hl2>Embed (small):</hl2><p>&#60;div&#62;&#60;/div&#62;</p></body.content>',
    );
    const blocks = blocksFromNodes(root.children);
    expect(paragraphs(blocks)).toEqual(['Story.']);
  });

  it('makes relative links in feed HTML absolute, and drops unsafe ones to text', () => {
    const { blocks } = blocksFromHtmlString('<p><a href="/a/b">rel</a> <a href="javascript:alert(1)">bad</a></p>', 'https://example.org/feed/');
    const json = JSON.stringify(blocks);
    expect(json).toContain('https://example.org/a/b');
    expect(json).not.toContain('javascript');
    expect(paragraphs(blocks)).toEqual(['rel bad']);
  });
});
