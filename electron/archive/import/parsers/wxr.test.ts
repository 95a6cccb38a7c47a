import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToParagraphs } from '../../../../shared/editor/plainText.ts';
import { resolveZone } from '../../time/zone.ts';
import { expectArticle, folderFiles, interchangeFolder, parseCorpusFile } from '../testing/interchange.ts';
import { markupLeaks } from '../testing/leaks.ts';
import { makeParseInput } from './input.ts';
import { FileRefused, type ParsedArticle } from './types.ts';
import { autop, wxrParser } from './wxr.ts';

const input = (text: string, ext = 'xml') => makeParseInput({ rawText: text, ext, path: `/exports/site.${ext}`, zone: resolveZone('America/Chicago') });
const paras = (a: ParsedArticle | undefined) => bodyToParagraphs((a as ParsedArticle).body);

const post = (o: { id: string; type?: string; status?: string; title?: string; content?: string; gmt?: string; local?: string; cats?: string }) => `
  <item>
    <title>${o.title ?? `Post ${o.id}`}</title><link>https://blog.example.org/?p=${o.id}</link>
    <dc:creator><![CDATA[editor1]]></dc:creator>
    <content:encoded><![CDATA[${o.content ?? 'Body.'}]]></content:encoded>
    <excerpt:encoded><![CDATA[]]></excerpt:encoded>
    <wp:post_id>${o.id}</wp:post_id>
    <wp:post_date><![CDATA[${o.local ?? '2024-01-05 06:00:00'}]]></wp:post_date>
    <wp:post_date_gmt><![CDATA[${o.gmt ?? '2024-01-05 12:00:00'}]]></wp:post_date_gmt>
    <wp:post_name><![CDATA[post-${o.id}]]></wp:post_name>
    <wp:status><![CDATA[${o.status ?? 'publish'}]]></wp:status>
    <wp:post_type><![CDATA[${o.type ?? 'post'}]]></wp:post_type>
    ${o.cats ?? ''}
  </item>`;
const wxr = (...items: string[]) => `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Harbour Blog</title><link>https://blog.example.org</link><language>en-US</language>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:author><wp:author_login><![CDATA[editor1]]></wp:author_login><wp:author_display_name><![CDATA[Ana Ruiz]]></wp:author_display_name></wp:author>
  ${items.join('\n')}
</channel></rss>`;

describe('WordPress WXR', () => {
  it('one article per post; pages, attachments and menu items are left out', () => {
    const articles = wxrParser.parse(input(wxr(post({ id: '1' }), post({ id: '2', type: 'page' }), post({ id: '3', type: 'attachment' }), post({ id: '4', type: 'nav_menu_item' }), post({ id: '5' }))));
    expect(articles.map((a) => a.key)).toEqual(['1', '5']);
  });

  it('maps title, author display name, GMT date, status, slug, excerpt, categories (section, subjects) and tags', () => {
    const cats = `<category domain="category" nicename="uncategorized"><![CDATA[Uncategorized]]></category><category domain="category" nicename="local"><![CDATA[Local]]></category><category domain="post_tag" nicename="harbour"><![CDATA[harbour]]></category><category domain="post_tag" nicename="votes"><![CDATA[votes]]></category>`;
    const [a] = wxrParser.parse(input(wxr(post({ id: '42', title: 'Plan &amp; vote', cats }).replace('<excerpt:encoded><![CDATA[]]>', '<excerpt:encoded><![CDATA[The <em>short</em> version.]]>'))));
    expect(a?.fields).toEqual({
      headline: 'Plan & vote',
      dek: 'The short version.',
      byline: 'Ana Ruiz',
      authors: [{ name: 'Ana Ruiz', role: '' }],
      section: 'Local',
      tags: ['harbour', 'votes'],
      subjects: [
        { scheme: 'category', code: 'uncategorized', label: 'Uncategorized' },
        { scheme: 'category', code: 'local', label: 'Local' },
      ],
      language: 'en-US',
      slug: 'post-42',
      status: 'published',
      postedAt: '2024-01-05T12:00:00+00:00',
    });
    expect(a?.identity).toEqual({ provider: 'blog.example.org', id: '42', version: null });
    expect(a?.zoneAssumed).toBe(false);
  });

  it('a draft is a draft, dated by its local post_date in the import zone when post_date_gmt is empty', () => {
    const [a] = wxrParser.parse(input(wxr(post({ id: '7', status: 'draft', gmt: '0000-00-00 00:00:00', local: '2024-01-05 06:00:00' }))));
    expect(a?.fields).toMatchObject({ status: 'draft', postedAt: '2024-01-05T06:00:00-06:00' });
    expect(a?.zoneAssumed).toBe(true);
  });

  it('wpautop: blank lines are paragraphs, single newlines line breaks, block tags stand alone', () => {
    const content = 'First line\nsecond line.\n\nNext <b>paragraph</b>.\n<hr>\nAfter the rule.\n\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<!-- wp:paragraph --><p>Gutenberg block.</p><!-- /wp:paragraph -->';
    const [a] = wxrParser.parse(input(wxr(post({ id: '9', content }))));
    expect(paras(a)).toEqual(['First line\nsecond line.', 'Next paragraph.', 'After the rule.', 'one\ntwo', 'Gutenberg block.']);
    expect(a?.body.root.children.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'horizontalrule', 'paragraph', 'list', 'paragraph']);
    expect(markupLeaks(a as ParsedArticle)).toEqual([]);
    expect(autop('<p>Inside\na paragraph</p>')).toBe('<p>Inside<br />\na paragraph</p>');
  });

  it('a post without text is kept by its title, flagged no-body; a repeated post id gets its own key and a note', () => {
    const articles = wxrParser.parse(input(wxr(post({ id: '3' }), post({ id: '3', title: 'Empty', content: '\n<hr/>\n<img src="x.png"/>' }))));
    expect(articles.map((a) => [a.key, a.identity?.id, a.flags])).toEqual([
      ['3', '3', []],
      ['3~2', '3', ['no-body']],
    ]);
    expect(articles[1]?.note).toMatch(/post id 3 appears more than once in this export/u);
  });

  it('an export with no posts is refused, saying what it holds; malformed exports with their position', () => {
    expect(() => wxrParser.parse(input(wxr(post({ id: '1', type: 'page' }), post({ id: '2', type: 'attachment' }))))).toThrow('no text found: the WordPress export holds no posts (only page, attachment)');
    expect(() => wxrParser.parse(input(wxr(post({ id: '1' })).replace('</channel>', '')))).toThrow(FileRefused);
  });

  it.each([
    ['a WXR export', wxr(), 0.97],
    ['plain RSS (near miss)', '<rss version="2.0"><channel>', 0],
  ])('confidence for %s', (_what, text, score) => {
    expect(wxrParser.detect(input(text))).toBe(score);
  });
});

describe('WordPress WXR: the real file in interchange/wordpress-wxr', () => {
  const dir = interchangeFolder('wordpress-wxr');
  it.skipIf(!dir)('5 posts; titles, the author, GMT dates, categories and tags as WordPress means them', () => {
    expect(folderFiles(dir as string)).toEqual(['wordpress_wxr.xml']);
    const { parser, articles } = parseCorpusFile(join(dir as string, 'wordpress_wxr.xml'));
    expect(parser).toBe('wordpress-wxr');
    expect(articles.map((a) => [a.key, a.fields.headline, a.flags])).toEqual([
      ['216', 'Starafrica to dispose assets for $6 million to clear debt', []],
      ['8', 'test2', []],
      ['9', 'test3', []],
      ['8~2', 'test4', ['no-body']],
      ['9~2', 'test5', ['no-body']],
    ]);
    expectArticle(articles[0] as ParsedArticle, {
      byline: 'admin',
      section: 'Business',
      tags: ['companies'],
      subjects: [
        { scheme: 'category', code: 'business', label: 'Business' },
        { scheme: 'category', code: 'companies', label: 'Companies' },
        { scheme: 'category', code: 'economy', label: 'Economy' },
      ],
      status: 'published',
      language: 'en-US',
      postedAt: '2013-07-29T16:03:54+00:00',
      starts: 'By Tester\nHarare, July 19 (The SDNewTester)',
      paragraphs: 1,
      identity: { provider: 'sdnewtester.co.zw', id: '216' },
    });
    expectArticle(articles[1] as ParsedArticle, { starts: 'By Tester', paragraphs: 2, postedAt: '2013-07-07T15:06:01+00:00' });
    expect(articles[2]?.fields.postedAt).toBe('3013-07-07T15:06:01+00:00');
    for (const a of articles) expect(markupLeaks(a)).toEqual([]);
  });
});
