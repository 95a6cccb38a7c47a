// ninjs on our own items, one per major version and per edge: every field the
// mapping reads, embargo, withheld/canceled, a description with no body, a
// picture, several headlines and bodies, wrappers, and near misses.
import { describe, expect, it } from 'vitest';
import { bodyToPlainText } from '../../../../../shared/editor/plainText.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { inputFromText } from '../input.ts';
import { parseInput } from '../registry.ts';
import { FileRefused, type ParsedArticle } from '../types.ts';
import { ninjsParser } from './index.ts';

const input = (doc: unknown, name = 'item.json', zone = 'UTC') => inputFromText(typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2), `/in/${name}`, zone);
const parse = (doc: unknown, zone = 'UTC'): ParsedArticle[] => {
  const articles = ninjsParser.parse(input(doc, 'item.json', zone));
  for (const a of articles) expect(markupLeaks(a)).toEqual([]);
  return articles;
};
const one = (doc: unknown, zone = 'UTC') => parse(doc, zone)[0] as ParsedArticle;
const text = (a: ParsedArticle) => bodyToPlainText(a.body);
const blockTypes = (a: ParsedArticle) => a.body.root.children.map((b) => b.type);

const v1 = {
  uri: 'urn:example:harbour:1001',
  type: 'text',
  version: '3',
  firstcreated: '2024-03-05T09:15:00Z',
  versioncreated: '2024-03-05T17:40:00+01:00',
  embargoed: '2024-03-06T06:00:00Z',
  expires: '2024-04-01T00:00:00Z',
  pubstatus: 'usable',
  urgency: 2,
  priority: '4',
  headline: 'Harbour reopens after <em>two-year</em> dredging',
  headline_sub: 'Fishermen say it came too late',
  description_text: 'The council voted 7–2.',
  byline: 'By Ana Lima and Tom Berg, Example Press',
  located: 'Porto, Portugal',
  place: [{ name: 'Portugal', rel: 'located', scheme: 'http://cvx.iptc.org/iso3166-1a2/', code: 'pt' }],
  subject: [
    { name: 'maritime transport', scheme: 'medtop', code: '20000411', rel: 'about' },
    { name: 'fishing industry', code: 'medtop:20000222' },
  ],
  genre: [{ name: 'Current', scheme: 'http://cv.iptc.org/newscodes/genre/', code: 'Current' }],
  keywords: ['harbour', 'dredging'],
  slugline: 'PORTUGAL-HARBOUR',
  ednote: 'Corrects the council vote in paragraph 2.',
  copyrightholder: 'Example Press',
  copyrightnotice: '(c) 2024 Example Press',
  usageterms: 'No archive sales.',
  language: 'pt',
  infosource: [{ name: 'Example Press', rel: 'originatingParty' }],
  body_text: 'Plain copy that must lose to the HTML body.',
  body_html:
    '<p>The <b>harbour</b> opened at dawn.</p><h2>What next</h2><ul><li>Dredging in April</li><li>Boats in May</li></ul><p>See <a href="https://example.com/minutes">the minutes</a> and <a href="javascript:alert(1)">this</a>.</p><script>alert(2)</script>',
  associations: {
    featureimage: { uri: 'urn:example:pic:9', type: 'picture', headline: 'Boats', renditions: { original: { href: 'https://example.com/a.jpg' } } },
  },
};

describe('ninjs 1.x', () => {
  it('maps every field it carries', () => {
    const a = one(v1);
    expect(a.fields).toMatchObject({
      headline: 'Harbour reopens after two-year dredging',
      dek: 'Fishermen say it came too late',
      byline: 'Ana Lima and Tom Berg, Example Press',
      authors: [
        { name: 'Ana Lima', role: '' },
        { name: 'Tom Berg', role: '' },
      ],
      dateline: 'Porto, Portugal',
      located: { name: 'Porto', countryCode: 'PT' },
      postedAt: '2024-03-05T09:15:00+00:00',
      updatedAt: '2024-03-05T17:40:00+01:00',
      embargoedUntil: '2024-03-06T06:00:00+00:00',
      expiresAt: '2024-04-01T00:00:00+00:00',
      pubStatus: 'usable',
      urgency: 2,
      priority: 4,
      genre: 'Current',
      keywords: ['harbour', 'dredging'],
      slugline: 'PORTUGAL-HARBOUR',
      editorNote: 'Corrects the council vote in paragraph 2.',
      provider: 'Example Press',
      copyrightHolder: 'Example Press',
      usageTerms: 'No archive sales.',
      language: 'pt',
    });
    expect(a.fields.subjects).toEqual([
      { scheme: 'medtop', code: '20000411', label: 'maritime transport' },
      { scheme: 'medtop', code: '20000222', label: 'fishing industry' },
      { scheme: 'http://cvx.iptc.org/iso3166-1a2/', code: 'pt', label: 'Portugal' },
    ]);
    expect(a.identity).toEqual({ provider: 'example press', id: 'urn:example:harbour:1001', version: 3 });
    expect(a.zoneAssumed).toBe(false);
  });

  it('reads the HTML body over the text one, keeps structure and safe links, drops scripts and unsafe targets', () => {
    const a = one(v1);
    expect(blockTypes(a)).toEqual(['paragraph', 'heading', 'list', 'paragraph']);
    expect(text(a)).toContain('The harbour opened at dawn.');
    expect(text(a)).not.toContain('Plain copy');
    expect(text(a)).not.toContain('alert');
    const links = JSON.stringify(a.body).match(/"url":"[^"]*"/gu);
    expect(links).toEqual(['"url":"https://example.com/minutes"']);
  });

  it('a description is the dek; times without a zone are read in the import zone and say so', () => {
    const { headline_sub: _sub, ...rest } = v1;
    const a = one({ ...rest, firstcreated: '2024-03-05T09:15:00', versioncreated: undefined }, 'Asia/Seoul');
    expect(a.fields.dek).toBe('The council voted 7–2.');
    expect(a.fields.postedAt).toBe('2024-03-05T09:15:00+09:00');
    expect(a.zoneAssumed).toBe(true);
  });

  it('a plain-text body splits into paragraphs on blank lines', () => {
    const a = one({ uri: 'u:1', headline: 'H', body_text: 'One.\r\n\r\nTwo\nwrapped.\n\nThree.' });
    expect(blockTypes(a)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(text(a)).toBe('One.\n\nTwo wrapped.\n\nThree.');
  });
});

describe('ninjs 2.x', () => {
  const v2 = {
    uri: 'http://news.example.org/text/2-77',
    standard: { name: 'ninjs', version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json' },
    type: 'text',
    version: '1',
    versioncreated: '2023-11-02T08:00:00+01:00',
    pubstatus: 'withheld',
    urgency: '5',
    headlines: [
      { role: 'sub', value: 'A second line' },
      { role: 'main', value: 'Storm closes the north road' },
      { role: 'seo', value: 'storm road closed' },
    ],
    descriptions: [{ role: 'summary', contenttype: 'text/html', value: '<p>Crews <i>expect</i> delays.</p>' }],
    bodies: [
      { role: 'text', contenttype: 'text/plain', value: 'Text rendition.' },
      { role: 'html', contenttype: 'text/html', value: '<html><head><title>x</title></head><body><h1>Storm closes the north road</h1><p>Rain fell all night.</p><p>More is due.</p></body></html>' },
    ],
    by: 'Von Lena Hof',
    subjects: [
      { name: 'weather', uri: 'http://cv.iptc.org/newscodes/mediatopic/17000000', rel: 'about' },
      { name: 'Local', literal: 'Local' },
      { name: 'Roads', literal: '04015003' },
    ],
    genres: [{ uri: 'http://cv.iptc.org/newscodes/genre/Actuality' }],
    places: [{ name: 'Northfield' }],
    altids: [{ role: 'slugline', value: 'STORM-ROAD' }],
    ednote: 'Hold for confirmation.',
    infosources: [{ name: 'Example Wire', role: 'provider' }],
    language: 'de',
  };

  it('main headline, sub headline as dek, HTML body without its repeated <h1>, withheld', () => {
    const a = one(v2);
    expect(a.fields).toMatchObject({
      headline: 'Storm closes the north road',
      dek: 'A second line',
      byline: 'Lena Hof',
      authors: [{ name: 'Lena Hof', role: '' }],
      pubStatus: 'withheld',
      urgency: 5,
      genre: 'Actuality',
      slugline: 'STORM-ROAD',
      provider: 'Example Wire',
      language: 'de',
      postedAt: '2023-11-02T08:00:00+01:00',
    });
    expect(a.fields.subjects).toEqual([
      { scheme: 'medtop', code: '17000000', label: 'weather' },
      { scheme: '', code: '', label: 'Local' },
      { scheme: '', code: '04015003', label: 'Roads' },
      { scheme: '', code: '', label: 'Northfield' },
    ]);
    expect(blockTypes(a)).toEqual(['paragraph', 'paragraph']);
    expect(text(a)).toBe('Rain fell all night.\n\nMore is due.');
    expect(a.identity).toEqual({ provider: 'example wire', id: 'http://news.example.org/text/2-77', version: 1 });
  });

  it('with no body, the description is the text (and not also the dek)', () => {
    const { bodies: _b, headlines: _h, ...rest } = v2;
    const a = one({ ...rest, headlines: [{ role: 'main', value: 'Only a description' }] });
    expect(text(a)).toBe('Crews expect delays.');
    expect(a.fields.dek).toBe('');
    expect(a.note).toMatch(/description/u);
    expect(a.flags).not.toContain('no-body');
  });

  it('a headline alone is imported flagged no-body; nothing at all is refused', () => {
    const a = one({ uri: 'u:2', headlines: [{ role: 'main', value: 'Flash: polls close' }], pubstatus: 'usable' });
    expect(a.flags).toContain('no-body');
    expect(() => ninjsParser.parse(input({ uri: 'u:3', type: 'text', pubstatus: 'usable', versioncreated: '2024-01-01T00:00:00Z' }))).toThrow(
      /ninjs item u:3 has no headline, body or description/u,
    );
  });
});

describe('ninjs 3.x', () => {
  const v3 = {
    uri: 'urn:example:v3:5',
    standard: { name: 'ninjs', version: '3.0' },
    type: 'text',
    version: '7',
    firstCreated: '2025-02-01T10:00:00Z',
    versionCreated: '2025-02-01T12:30:00Z',
    embargoedUntil: '2025-02-02T00:00:00+01:00',
    pubStatus: 'canceled',
    urgency: 1,
    copyrightHolder: 'Example Agency',
    copyrightNotice: 'Copyright 2025 Example Agency',
    usageTerms: 'Editorial use only',
    edNote: 'KILL: legal advice.',
    language: 'en-GB',
    headlines: [{ role: 'main', value: 'Minister resigns' }],
    descriptions: [{ role: 'lead', value: 'The minister resigned on Friday.' }],
    bodies: [
      {
        role: 'nitf',
        contentType: 'text/vnd.IPTC.NITF',
        value:
          '<?xml version="1.0"?><nitf><head><title>t</title></head><body><body.head><hedline><hl1>Minister resigns</hl1></hedline></body.head><body.content><p>The minister resigned on Friday.</p><p>Her deputy takes over.</p></body.content></body></nitf>',
      },
      { role: 'text', contentType: 'text/plain', value: 'The minister resigned on Friday.' },
    ],
    by: 'Sam Reyes',
    subjects: [{ name: 'politics', uri: 'http://cv.iptc.org/newscodes/subjectcode/11000000' }],
    located: 'London',
    infoSources: [{ name: 'Example Agency', role: 'originator' }],
    associations: [{ name: 'pic', uri: 'urn:p', type: 'picture' }],
  };

  it('camelCase fields, a NITF body (its body.content), canceled, embargo', () => {
    const a = one(v3);
    expect(a.fields).toMatchObject({
      headline: 'Minister resigns',
      dek: '',
      byline: 'Sam Reyes',
      authors: [{ name: 'Sam Reyes', role: '' }],
      dateline: 'London',
      located: { name: 'London', countryCode: '' },
      pubStatus: 'canceled',
      urgency: 1,
      embargoedUntil: '2025-02-02T00:00:00+01:00',
      postedAt: '2025-02-01T10:00:00+00:00',
      updatedAt: '2025-02-01T12:30:00+00:00',
      copyrightHolder: 'Example Agency',
      usageTerms: 'Editorial use only',
      editorNote: 'KILL: legal advice.',
      language: 'en-GB',
      provider: 'Example Agency',
      subjects: [{ scheme: 'subj', code: '11000000', label: 'politics' }],
    });
    expect(text(a)).toBe('The minister resigned on Friday.\n\nHer deputy takes over.');
    expect(a.identity).toEqual({ provider: 'example agency', id: 'urn:example:v3:5', version: 7 });
  });

  it('authors with roles from bylines[] / authors[] (job titles kept out of the byline)', () => {
    const a = one({ ...v3, bylines: [{ byline: 'Sam Reyes', jobtitle: 'Political Editor' }, { byline: 'Kim Lee', role: 'photographer' }] });
    expect(a.fields.authors).toEqual([
      { name: 'Sam Reyes', role: 'Political Editor' },
      { name: 'Kim Lee', role: 'photographer' },
    ]);
    expect(a.fields.byline).toBe('Sam Reyes');
  });
});

describe('ninjs media, wrappers and refusals', () => {
  it('a picture item fails honestly, naming what it is', () => {
    const pic = { uri: 'urn:pic:1', type: 'picture', headline: 'Boats', renditions: { original: { href: 'https://example.com/a.jpg' } }, versioncreated: '2024-01-01T00:00:00Z' };
    expect(() => ninjsParser.parse(input(pic))).toThrow(FileRefused);
    expect(() => ninjsParser.parse(input(pic))).toThrow('ninjs item urn:pic:1 is a picture item: Copydesk imports text items only');
  });

  it("BBC LDRS's page: one article per text item, keyed by id; pictures in it are left out", () => {
    const page = {
      total: 2,
      limit: 20,
      offset: 0,
      item: [
        { id: 7, uri: 'https://ldrs.example/7', type: 'story', versioncreated: '2018-05-28T16:40:08', urgency: 3, pubstatus: 'usable', headline: 'Council delays bin changes', body_html: '<p>One.</p><p>Two.</p>', byline: 'Jo Bell', subject: [], associations: {} },
        { id: 8, uri: 'https://ldrs.example/8', type: 'image', headline: 'A photo', versioncreated: '2018-05-28T16:40:08' },
      ],
    };
    const articles = parse(page);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ key: '7', zoneAssumed: true, fields: { headline: 'Council delays bin changes', byline: 'Jo Bell' } });
  });

  it('an array of items', () => {
    const articles = parse([
      { uri: 'u:a', headline: 'First', body_text: 'a', versioncreated: '2024-01-01T00:00:00Z' },
      { uri: 'u:b', headline: 'Second', body_text: 'b', versioncreated: '2024-01-01T00:00:00Z' },
    ]);
    expect(articles.map((a) => [a.key, a.fields.headline])).toEqual([
      ['1', 'First'],
      ['2', 'Second'],
    ]);
  });

  it('a page of pictures only is refused', () => {
    expect(() => ninjsParser.parse(input({ total: 1, item: [{ uri: 'p', type: 'picture', headline: 'x', versioncreated: '2024-01-01T00:00:00Z' }] }))).toThrow(/picture item/u);
  });

  it('through the registry: near misses are not ninjs, and nothing JSON falls through to text', () => {
    const reason = (doc: unknown, name = 'x.json') => {
      try {
        const { parser } = parseInput(input(doc, name));
        return `parsed by ${parser.name}`;
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(reason({ name: 'app', version: '1.0.0', description: 'x', scripts: {}, dependencies: {} }, 'package.json')).toMatch(/^unrecognized JSON \(an npm package manifest\): an object with keys "name", "version"/u);
    expect(reason({ type: 'FeatureCollection', features: [] }, 'map.geojson')).toBe('unrecognized JSON (GeoJSON): an object with keys "type", "features"');
    expect(reason({ uri: 'x', title: 'Only a title' })).toMatch(/^unrecognized JSON: an object with keys "uri", "title"$/u);
    expect(reason('{"uri": "x", "headline": "H",\n  "body_html": "<p>x</p>" ')).toBe('malformed JSON: close brace expected at line 2, column 27');
  });
});
