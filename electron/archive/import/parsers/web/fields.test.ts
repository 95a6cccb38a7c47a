// Every metadata source of a web page and the precedence between them
// (README, "Web pages"), on pages written for these tests.
import { describe, expect, it } from 'vitest';
import { bodyToParagraphs } from '../../../../../shared/editor/plainText.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { WEB_CAPTURE_FLAG } from '../html.ts';
import { capturePage, parsePage, storyParagraph } from './fixtures.ts';

const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const meta = (key: string, content: string, attr = 'property') => `<meta ${attr}="${key}" content="${content}">`;

describe('NewsArticle JSON-LD', () => {
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebPage', '@id': 'https://planet.example/#page', name: 'The Daily Planet' },
      { '@type': 'Organization', '@id': 'https://planet.example/#org', name: 'Daily Planet Media' },
      { '@type': 'Person', '@id': 'https://planet.example/#lois', name: 'Lois Lane', jobTitle: 'Harbour correspondent', url: 'https://planet.example/staff/lois' },
      {
        '@type': ['OpinionNewsArticle'],
        headline: 'Harbour reopens, at last',
        description: 'Dredging is done; the fleet is back.',
        author: [
          { '@id': 'https://planet.example/#lois' },
          { '@type': 'Role', roleName: 'photographer', author: { '@type': 'Person', name: 'Jimmy Olsen' } },
          { '@type': 'Person', givenName: 'Perry', familyName: 'White' },
          { '@type': 'Person', url: 'https://planet.example/staff/nobody' },
        ],
        datePublished: '2024-03-05T09:15:00+01:00',
        dateModified: '2024-03-05T17:40:00+01:00',
        articleSection: ['Local', 'Harbour'],
        inLanguage: { '@type': 'Language', name: 'en-GB' },
        keywords: ['harbour', 'dredging', 'fleet'],
        dateline: 'METROPOLIS',
        contentLocation: { '@type': 'Place', name: 'Metropolis harbour' },
        publisher: { '@id': 'https://planet.example/#org' },
        copyrightHolder: { '@type': 'Organization', name: 'Planet Holdings' },
        mainEntityOfPage: { '@id': 'https://www.planet.example/2024/03/harbour-reopens' },
      },
    ],
  };

  it('reads @graph, @id references, arrays, Role wrappers and nested objects', () => {
    const a = parsePage(capturePage({ head: ld(graph) }));
    expect(a.flags).toContain(WEB_CAPTURE_FLAG);
    expect(a.fields).toMatchObject({
      headline: 'Harbour reopens, at last',
      dek: 'Dredging is done; the fleet is back.',
      byline: 'Lois Lane, Jimmy Olsen, Perry White',
      authors: [
        { name: 'Lois Lane', role: 'Harbour correspondent' },
        { name: 'Jimmy Olsen', role: 'photographer' },
        { name: 'Perry White', role: '' },
      ],
      postedAt: '2024-03-05T09:15:00+01:00',
      updatedAt: '2024-03-05T17:40:00+01:00',
      section: 'Local',
      keywords: ['harbour', 'dredging', 'fleet'],
      language: 'en',
      dateline: 'METROPOLIS',
      located: { name: 'Metropolis harbour', countryCode: '' },
      genre: 'Opinion',
      creditLine: 'Daily Planet Media',
      copyrightHolder: 'Planet Holdings',
    });
    expect(a.fields.provider).toBeUndefined();
    expect(a.zoneAssumed).toBe(false);
    expect(a.identity).toEqual({ provider: 'planet.example', id: 'https://www.planet.example/2024/03/harbour-reopens', version: null });
    expect(markupLeaks(a)).toEqual([]);
  });

  it('takes the article node over other nodes, skips blocks that are not JSON, and unwraps CDATA', () => {
    const blocks =
      '<script type="application/ld+json">{ &#34;@type&#34;: broken }</script>' +
      `<script type="application/ld+json">//<![CDATA[\n${JSON.stringify([{ '@type': 'BreadcrumbList', name: 'Home › Local' }, { '@type': 'Article', headline: 'From the array' }])}\n//]]></script>`;
    expect(parsePage(capturePage({ head: blocks })).fields.headline).toBe('From the array');
  });

  it('prefers NewsArticle to a plain Article or a blog post on the same page', () => {
    const head = ld({ '@type': 'BlogPosting', headline: 'Blog' }) + ld({ '@type': 'Article', headline: 'Article' }) + ld({ '@type': 'ReportageNewsArticle', headline: 'Reportage' });
    const a = parsePage(capturePage({ head }));
    expect(a.fields.headline).toBe('Reportage');
    expect(a.fields.genre).toBe('Reportage');
  });

  it('keeps its strings as written: no tags or entities read into them', () => {
    const a = parsePage(capturePage({ head: ld({ '@type': 'NewsArticle', headline: 'Fees <up> & &amp; more', description: 'AT&T' }) }));
    expect(a.fields.headline).toBe('Fees <up> & &amp; more');
    expect(a.fields.dek).toBe('AT&T');
  });

  it('uses creator when there is no author', () => {
    expect(parsePage(capturePage({ head: ld({ '@type': 'NewsArticle', headline: 'x', creator: ['Our Harbour Staff'] }) })).fields.byline).toBe('Our Harbour Staff');
  });
});

describe('OpenGraph only', () => {
  const head = [
    meta('og:title', 'Harbour reopens after dredging | The Daily Planet'),
    meta('og:site_name', 'The Daily Planet'),
    meta('og:description', 'The fleet is back &amp;quot;for good&amp;quot;.'),
    meta('og:url', 'https://planet.example/harbour?utm_source=feed#top'),
    meta('og:locale', 'fr_FR'),
    meta('article:published_time', '2024-03-05T09:15:00Z'),
    meta('article:modified_time', '2024-03-06T08:00:00Z'),
    meta('article:section', 'Local'),
    meta('article:tag', 'harbour'),
    meta('article:tag', 'fleet, boats'),
    meta('article:author', 'https://planet.example/staff/lois'),
  ].join('');

  it('reads title, description, times, section, tags, locale and url; a profile URL is no byline', () => {
    const a = parsePage(capturePage({ head, storyHeader: '<h1>Harbour reopens after dredging</h1>' }));
    expect(a.fields).toMatchObject({
      headline: 'Harbour reopens after dredging',
      dek: 'The fleet is back "for good".',
      postedAt: '2024-03-05T09:15:00+00:00',
      updatedAt: '2024-03-06T08:00:00+00:00',
      section: 'Local',
      tags: ['harbour', 'fleet, boats'],
      language: 'fr',
      byline: '',
      authors: [],
      creditLine: 'The Daily Planet',
    });
    expect(a.identity).toEqual({ provider: 'planet.example', id: 'https://planet.example/harbour', version: null });
  });

  it('splits one article:tag that packs every tag into a comma list', () => {
    expect(parsePage(capturePage({ head: meta('article:tag', 'harbour,fleet,boats') })).fields.tags).toEqual(['harbour', 'fleet', 'boats']);
  });
});

describe('meta tags only', () => {
  const head = [
    meta('author', 'Lois Lane', 'name'),
    meta('description', 'The fleet is back.', 'name'),
    meta('date', '2024-03-05 09:15', 'name'),
    meta('keywords', 'harbour, fleet , dredging', 'name'),
  ].join('');

  it('reads author, description, date (zone assumed), keywords and <html lang>', () => {
    const a = parsePage(capturePage({ head, htmlAttrs: 'lang="de-AT"' }), 'Europe/Berlin');
    expect(a.fields).toMatchObject({
      headline: 'Harbour reopens after dredging',
      byline: 'Lois Lane',
      authors: [{ name: 'Lois Lane', role: '' }],
      dek: 'The fleet is back.',
      postedAt: '2024-03-05T09:15:00+01:00',
      keywords: ['harbour', 'fleet', 'dredging'],
      tags: ['harbour', 'fleet', 'dredging'],
      language: 'de',
    });
    expect(a.zoneAssumed).toBe(true);
  });

  it('strips "By" from a byline line the page prints (`byl`) but keeps a metadata author as written', () => {
    expect(parsePage(capturePage({ head: meta('byl', 'By LOIS LANE', 'name') })).fields.byline).toBe('LOIS LANE');
    expect(parsePage(capturePage({ head: meta('author', 'By Lois Lane', 'name') })).fields.byline).toBe('By Lois Lane');
  });
});

describe('precedence when sources disagree', () => {
  const all = {
    ld: ld({ '@type': 'NewsArticle', headline: 'LD headline', description: 'LD dek', datePublished: '2024-01-01T10:00:00Z', author: { '@type': 'Person', name: 'LD Author' }, inLanguage: 'es' }),
    og: meta('og:title', 'OG headline') + meta('og:description', 'OG dek') + meta('article:published_time', '2024-02-02T10:00:00Z'),
    meta: meta('description', 'Meta dek', 'name') + meta('date', '2024-03-03T10:00:00Z', 'name') + meta('content-language', 'it', 'http-equiv'),
    micro: '<meta itemprop="headline" content="Microdata headline">',
  };
  const page = (keys: Array<keyof typeof all>, htmlAttrs = 'lang="pt-BR"') => parsePage(capturePage({ head: keys.map((k) => all[k]).join(''), htmlAttrs, title: 'Title headline - The Daily Planet', storyHeader: '<h1>Story h1</h1>' }));

  it.each([
    [['ld', 'og', 'meta', 'micro'], 'LD headline', 'LD dek', '2024-01-01T10:00:00+00:00'],
    [['og', 'meta', 'micro'], 'Microdata headline', 'OG dek', '2024-02-02T10:00:00+00:00'],
    [['og', 'meta'], 'OG headline', 'OG dek', '2024-02-02T10:00:00+00:00'],
    [['meta'], 'Story h1', 'Meta dek', '2024-03-03T10:00:00+00:00'],
  ] as const)('with %j: headline, dek and date from the first source that has them', (keys, headline, dek, postedAt) => {
    const a = page([...keys]);
    expect(a.fields).toMatchObject({ headline, dek, postedAt });
  });

  it('byline: the page’s own byline line first, JSON-LD’s people as authors', () => {
    const a = parsePage(capturePage({ head: all.ld + meta('author', 'By the harbour desk', 'name') }));
    expect(a.fields.byline).toBe('By the harbour desk');
    expect(a.fields.authors).toEqual([{ name: 'LD Author', role: '' }]);
    expect(parsePage(capturePage({ head: all.ld })).fields.byline).toBe('LD Author');
  });

  it('language: <html lang>, then JSON-LD inLanguage, then content-language, then og:locale, then the script of the text', () => {
    expect(page(['ld', 'meta']).fields.language).toBe('pt');
    expect(page(['ld', 'meta'], '').fields.language).toBe('es');
    expect(page(['meta'], '').fields.language).toBe('it');
    expect(parsePage(capturePage({ head: meta('og:locale', 'ko_KR') })).fields.language).toBe('ko');
    const korean = Array.from({ length: 6 }, (_, i) => `<p>${i} 항구가 다시 열렸다. 준설 작업이 끝나고 어선들이 돌아왔다. 시의회는 화요일 밤늦게까지 회의를 열어 정박료와 어업의 미래에 대해 논의한 뒤 표결했다. 주민들은 환영했다. 항구가 다시 열렸다. 준설 작업이 끝나고 어선들이 돌아왔다. 시의회는 화요일 밤늦게까지 회의를 열어 정박료와 어업의 미래에 대해 논의했다.</p>`).join('');
    expect(parsePage(capturePage({ story: korean })).fields.language).toBe('ko');
    expect(parsePage(capturePage()).fields.language).toBe('');
    // "und" (undetermined, what our export writes for an unknown language) says nothing: the next source counts.
    expect(parsePage(capturePage({ htmlAttrs: 'lang="und"', head: meta('og:locale', 'ko_KR') })).fields.language).toBe('ko');
  });
});

describe('headlines that are not the story’s', () => {
  it('never takes a logo’s <h1>: an image link home, a logo class, the site’s name', () => {
    const logos = [
      '<h1><a href="/"><img src="l.png" alt=""></a></h1>',
      '<h1 class="brand">Planet</h1>',
      '<div class="masthead"><h1>The Daily Planet</h1></div>',
      '<h1><a href="https://planet.example/">Daily Planet</a></h1>',
    ];
    for (const logo of logos) {
      const html = capturePage({ before: logo, storyHeader: '', title: 'Harbour reopens after dredging - The Daily Planet', head: meta('og:site_name', 'The Daily Planet') });
      expect(parsePage(html).fields.headline, logo).toBe('Harbour reopens after dredging');
    }
  });

  it('reads a <title> without the site’s name, or as the <h1> it starts with', () => {
    const bare = (title: string, h1 = '') =>
      parsePage(capturePage({ title, storyHeader: h1, head: meta('og:site_name', 'The Daily Planet') })).fields.headline;
    expect(bare('Harbour reopens - The Daily Planet')).toBe('Harbour reopens');
    expect(bare('The Daily Planet | Harbour reopens')).toBe('Harbour reopens');
    expect(bare('Harbour reopens _Local _Planet', '<h2>x</h2>')).toBe('Harbour reopens _Local _Planet');
  });
});

describe('bylines that are not names', () => {
  it.each([
    ['a profile URL in article:author', meta('article:author', 'https://planet.example/staff/lois')],
    ['a URL in meta author', meta('author', 'www.planet.example/lois', 'name')],
    ['an e-mail address', meta('author', 'lois@planet.example', 'name')],
    ['a Twitter handle', meta('author', '@loislane', 'name')],
    ['a date in the byline slot', meta('author', 'March 5, 2024 at 9:15 am', 'name')],
    ['the site’s own name', meta('author', 'The Daily Planet', 'name') + meta('og:site_name', 'The Daily Planet')],
  ])('%s is refused; the next source is used', (_what, head) => {
    const a = parsePage(capturePage({ head, storyHeader: '<h1>Harbour reopens after dredging</h1><p class="byline">By Lois Lane</p>' }));
    expect(a.fields.byline).toBe('Lois Lane');
  });

  it('a rel=author link in the story beats a byline in a sidebar; "By" is dropped from page text', () => {
    const a = parsePage(capturePage({ before: '<div class="teasers"><span class="byline">Sidebar Writer</span></div>', storyHeader: '<h1>Harbour</h1><a rel="author" href="/staff/lois">by: Lois Lane</a>' }));
    expect(a.fields.byline).toBe('Lois Lane');
  });

  it('an author’s microdata reads its name', () => {
    const header = '<h1>Harbour</h1><div itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="/lois"><span itemprop="name">Lois Lane</span></a>, <span itemprop="jobTitle">Reporter</span></div>';
    expect(parsePage(capturePage({ storyHeader: header })).fields.byline).toBe('Lois Lane');
  });
});

describe('dates from the page’s elements when the metadata has none', () => {
  it.each([
    ['a <time datetime>', '<time datetime="2024-03-05T09:15:00+01:00">5 March</time>', '2024-03-05T09:15:00+01:00'],
    ['itemprop datePublished', '<span itemprop="datePublished" content="2024-03-05T09:15:00+02:00">Tuesday</span>', '2024-03-05T09:15:00+02:00'],
    ['a date-classed element’s title', '<li class="date-and-time" title="2024-03-05T21:00:00+11:00">March 5</li>', '2024-03-05T21:00:00+11:00'],
    ['a dateline’s text', '<span class="dateline">Tuesday, Mar 5, 2024 9:15 AM UTC</span>', '2024-03-05T09:15:00+00:00'],
  ])('%s', (_what, header, postedAt) => {
    expect(parsePage(capturePage({ storyHeader: `<h1>Harbour</h1>${header}` })).fields.postedAt).toBe(postedAt);
  });

  it('a date the metadata gives but no reader can parse falls through to the next source', () => {
    const a = parsePage(capturePage({ head: meta('article:published_time', 'yesterday'), storyHeader: '<h1>Harbour</h1><time datetime="2024-03-05T09:15:00Z"></time>' }));
    expect(a.fields.postedAt).toBe('2024-03-05T09:15:00+00:00');
  });

  it('a date in an aside (another story’s) is not the story’s', () => {
    const a = parsePage(capturePage({ after: '<aside><time datetime="2001-01-01T00:00:00Z">old</time></aside>' }));
    expect(a.fields.postedAt).toBeUndefined();
  });
});

describe('publisher, copyright and identity', () => {
  it('the publisher is the credit line (not the provider, which names a wire agency); copyright lines give their holder', () => {
    const a = parsePage(capturePage({ head: meta('og:site_name', 'The Daily Planet') + meta('copyright', '© 1999–2024 Planet Holdings. All rights reserved.', 'name') }));
    expect(a.fields.creditLine).toBe('The Daily Planet');
    expect(a.fields.copyrightHolder).toBe('Planet Holdings.');
    expect(a.fields.provider).toBeUndefined();
  });

  it('a page saved twice (other chrome, an updated story) has the same identity; another story does not', () => {
    const canonical = (href: string) => `<link rel="canonical" href="${href}">`;
    const first = parsePage(capturePage({ head: canonical('https://www.planet.example/local/harbour-reopens') }));
    const again = parsePage(
      capturePage({
        head: canonical('https://www.planet.example/local/harbour-reopens?utm_campaign=x&fbclid=y#comments'),
        before: '<div class="ad">Advertisement</div>',
        story: `<p>Update: ${storyParagraph(9)}</p><p>${storyParagraph(1)}</p><p>${storyParagraph(2)}</p><p>${storyParagraph(3)}</p>`,
      }),
    );
    const other = parsePage(capturePage({ head: canonical('https://www.planet.example/local/harbour-closes') }));
    expect(first.identity).toEqual({ provider: 'planet.example', id: 'https://www.planet.example/local/harbour-reopens', version: null });
    expect(again.identity).toEqual(first.identity);
    expect(other.identity?.id).not.toBe(first.identity?.id);
  });

  it('canonical link first, then og:url, then JSON-LD url; relative or non-web URLs are no identity', () => {
    const head = (parts: string[]) => parsePage(capturePage({ head: parts.join('') })).identity?.id;
    expect(head(['<link rel="canonical" href="https://a.example/1">', meta('og:url', 'https://b.example/2')])).toBe('https://a.example/1');
    expect(head(['<link rel="canonical" href="/relative">', meta('og:url', 'https://b.example/2')])).toBe('https://b.example/2');
    expect(head([ld({ '@type': 'NewsArticle', headline: 'x', url: 'https://c.example/3' })])).toBe('https://c.example/3');
    expect(head(['<link rel="canonical" href="javascript:alert(1)">'])).toBeUndefined();
    expect(head([])).toBeUndefined();
  });
});

describe('body of a capture', () => {
  it('leaves navigation, share buttons, asides, footers and photo captions out, and starts with the story', () => {
    const a = parsePage(capturePage({ story: `<p class="caption">Boats wait at the quay.</p>${Array.from({ length: 6 }, (_, i) => `<p>${storyParagraph(i + 1)}</p>`).join('')}` }));
    const paragraphs = bodyToParagraphs(a.body);
    expect(paragraphs[0]).toBe(storyParagraph(1));
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs.join(' ')).not.toMatch(/Home|Share|Tweet|Most read|All rights|Boats wait/u);
  });

  it('does not repeat the headline as the first paragraph', () => {
    // Readability keeps the story's <h1> when the page's <title> is another text.
    const a = parsePage(capturePage({ title: 'Front page', head: ld({ '@type': 'NewsArticle', headline: 'Harbour reopens after dredging' }) }));
    expect(a.fields.headline).toBe('Harbour reopens after dredging');
    expect(bodyToParagraphs(a.body)[0]).toBe(storyParagraph(1));
  });
});
