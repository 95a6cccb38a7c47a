// dpa digitalwires: our own entries for every field and edge, then the real
// files of ../shared/corpus/interchange/dpa-digitalwires-json (read at run time).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToPlainText } from '../../../../shared/editor/plainText.ts';
import type { ArticleFields } from '../../../../shared/model/article.ts';
import { CORPUS_DIR } from '../../testing/tempArchive.ts';
import { markupLeaks } from '../testing/leaks.ts';
import { dpaDigitalwiresParser } from './dpaDigitalwires.ts';
import { inputFromText } from './input.ts';
import { parseInput } from './registry.ts';
import type { ItemIdentity, ParsedArticle } from './types.ts';

const input = (doc: unknown, name = 'entry.json') => inputFromText(JSON.stringify(doc, null, 1), `/in/${name}`, 'Europe/Berlin');
const parse = (doc: unknown): ParsedArticle[] => {
  const articles = dpaDigitalwiresParser.parse(input(doc));
  for (const a of articles) expect(markupLeaks(a)).toEqual([]);
  return articles;
};

const entry = {
  format: 'digitalwires@0.9.1',
  type: 'composite',
  entry_id: 'abc',
  updated: '2025-03-01T10:00:00Z',
  urn: 'urn:newsml:dpa.com:20090101:250301-99-000001',
  version_created: '2025-03-01T11:00:00+01:00',
  version: 3,
  pubstatus: 'usable',
  signal: 'sig:writethru',
  embargoed: '2025-03-01T18:00:00+01:00',
  language: 'de',
  urgency: 2,
  kicker: 'Verkehr',
  headline: 'Brücke <b>bleibt</b> gesperrt',
  subhead: null,
  teaser: 'Die Sperrung dauert bis Mai.',
  byline: 'Von Jana Roth und Piet Lang, dpa',
  dateline: 'Köln (dpa) - ',
  article_html:
    '<section class="main"><p><span class="dateline">Köln <span class="credit">(dpa)</span> - </span>Die Brücke bleibt zu.</p><h2>Umleitung</h2><p>Autos fahren über <a href="https://example.com/karte">die Ringstraße</a>.</p><ul><li>Bus 1</li><li>Bus 2</li></ul></section>',
  linkbox_html: '<section class="linkbox"><ul><li><a href="https://example.com">Link</a></li></ul></section>',
  creditline: 'dpa',
  copyrightnotice: 'Copyright 2025, dpa',
  usageterms: 'Nur nach Vereinbarung',
  ednotes: [
    { role: 'dpaednoterole:closingline', ednote: 'dpa xy zz', is_publishable: true },
    { role: 'dpaednoterole:editorialnote', ednote: 'Fotos folgen.', is_publishable: true },
    { role: 'dpaednoterole:contacts', ednote: 'Amt, +49 0000', is_publishable: false },
    { role: 'dpaednoterole:embargo', ednote: 'Sperrfrist 18 Uhr.', is_publishable: true },
  ],
  categories: [
    { type: 'dnltype:signal', name: 'writethru', qcode: 'sig:writethru' },
    { type: 'dnltype:dpasubject', name: 'Verkehr', qcode: 'dpasubject:1', rank: 1 },
    { type: 'dnltype:dpasubject', name: 'Bau', qcode: 'medtop:20000000', rank: 2 },
    { type: 'dnltype:geosubject', name: 'Köln', qcode: 'dpaarea:9', rank: 1 },
    { type: 'dnltype:keyword', name: 'Brücke', qcode: null, rank: 1 },
    { type: 'dnltype:desk', name: 'vm', qcode: 'dpacat:vm' },
    { type: 'dnltype:genre', name: 'Meldung', qcode: 'dpatextgenre:1' },
    { type: 'dnltype:provider', name: 'dpa', qcode: 'dnlprov:dpa' },
  ],
  rubric_names: ['Regional', 'Verkehr'],
  current_rubric_names: ['Regional'],
  keyword_names: ['Brücke'],
};

describe('dpa digitalwires entries', () => {
  it('maps every field it carries; the dateline span leaves the body for the dateline field', () => {
    const [a] = parse(entry);
    expect(a?.fields).toMatchObject({
      headline: 'Brücke bleibt gesperrt',
      dek: 'Die Sperrung dauert bis Mai.',
      byline: 'Jana Roth und Piet Lang, dpa',
      authors: [
        { name: 'Jana Roth', role: '' },
        { name: 'Piet Lang', role: '' },
      ],
      dateline: 'Köln (dpa)',
      located: { name: 'Köln', countryCode: '' },
      section: 'vm',
      tags: ['Regional', 'Verkehr'],
      language: 'de',
      postedAt: '2025-03-01T11:00:00+01:00',
      updatedAt: '2025-03-01T11:00:00+01:00',
      embargoedUntil: '2025-03-01T18:00:00+01:00',
      urgency: 2,
      pubStatus: 'usable',
      signals: ['writethru'],
      genre: 'Meldung',
      keywords: ['Brücke'],
      editorNote: 'Fotos folgen.\nSperrfrist 18 Uhr.',
      provider: 'dpa',
      creditLine: 'dpa',
      copyrightHolder: 'Copyright 2025, dpa',
      usageTerms: 'Nur nach Vereinbarung',
      subjects: [
        { scheme: 'dpasubject', code: '1', label: 'Verkehr' },
        { scheme: 'medtop', code: '20000000', label: 'Bau' },
        { scheme: 'dpaarea', code: '9', label: 'Köln' },
      ],
    });
    expect(a?.identity).toEqual({ provider: 'dpa', id: 'urn:newsml:dpa.com:20090101:250301-99-000001', version: 3 });
    expect(a?.body.root.children.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'list']);
    expect(bodyToPlainText(a!.body).startsWith('Die Brücke bleibt zu.')).toBe(true);
    expect(bodyToPlainText(a!.body)).not.toContain('Link');
  });

  it('a first version has no update time; canceled and withheld are reported', () => {
    const [a] = parse({ ...entry, version: 1, pubstatus: 'canceled', signal: null, categories: [] });
    expect(a?.fields.updatedAt).toBeUndefined();
    expect(a?.fields.pubStatus).toBe('canceled');
    expect(a?.fields.signals).toEqual([]);
    expect(parse({ ...entry, pubstatus: 'withheld' })[0]?.fields.pubStatus).toBe('withheld');
  });

  it("the API's entries page gives one article per entry, keyed by urn", () => {
    const second = { ...entry, urn: 'urn:newsml:dpa.com:20090101:250301-99-000002', headline: 'Zweite Meldung' };
    const articles = parse({ entries: [entry, second] });
    expect(articles.map((a) => [a.key, a.fields.headline])).toEqual([
      ['urn:newsml:dpa.com:20090101:250301-99-000001', 'Brücke bleibt gesperrt'],
      ['urn:newsml:dpa.com:20090101:250301-99-000002', 'Zweite Meldung'],
    ]);
  });

  it('an entry with no text (a picture) is refused, naming it', () => {
    expect(() => parse({ ...entry, type: 'image', headline: '', article_html: '' })).toThrow('digitalwires entry urn:newsml:dpa.com:20090101:250301-99-000001 is of type image and has no text: Copydesk imports text');
    expect(() => parse({ ...entry, headline: '', article_html: '' })).toThrow(/has no headline and no article_html/u);
  });

  it('detection: the format tag, or the entry keys without it; not ninjs', () => {
    const { format: _f, ...untagged } = entry;
    expect(dpaDigitalwiresParser.detect(input(entry))).toBe(0.98);
    expect(dpaDigitalwiresParser.detect(input(untagged))).toBe(0.9);
    expect(parseInput(input(untagged)).parser.name).toBe('dpa-digitalwires');
    expect(dpaDigitalwiresParser.detect(input({ uri: 'x', headline: 'h', body_html: '<p>x</p>' }))).toBe(0);
  });
});

const DIR = join(CORPUS_DIR, 'interchange/dpa-digitalwires-json');
const present = existsSync(DIR);
if (!present) console.warn(`skipped: dpa digitalwires corpus tests need ${DIR}`);

const EXPECTED: Record<string, { fields: Partial<ArticleFields>; identity: ItemIdentity; starts: string; blocks: number; subjects: number }> = {
  'dw-1.json': {
    fields: {
      headline: '«Mythos Jungfernhäutchen» - Zwischen Aufklärung und Kommerz',
      byline: 'Marco Krefting und Sunrita Sen, dpa',
      authors: [
        { name: 'Marco Krefting', role: '' },
        { name: 'Sunrita Sen', role: '' },
      ],
      dateline: 'Waghäusel (dpa)',
      located: { name: 'Waghäusel', countryCode: '' },
      language: 'de',
      urgency: 3,
      pubStatus: 'usable',
      signals: ['correction'],
      genre: 'KORR-Bericht',
      keywords: ['Frauen'],
      postedAt: '2024-09-24T12:05:52+02:00',
      updatedAt: '2024-09-24T12:05:52+02:00',
      embargoedUntil: null,
      provider: 'dpa',
    },
    identity: { provider: 'dpa', id: 'urn:newsml:dpa.com:20090101:240923-930-240378', version: 2 },
    starts: 'Die meisten Kundinnen bestellen nur einmal',
    blocks: 19,
    subjects: 4,
  },
  'embargoed.json': {
    fields: { headline: 'Steinmeier: Russland zerstört kulturelles Erbe der Ukraine', byline: '', dateline: 'Berlin (dpa)', language: 'de', urgency: 4, genre: 'Meldung', postedAt: '2025-01-23T14:10:47+01:00', embargoedUntil: '2025-01-23T19:00:00+01:00', signals: [] },
    identity: { provider: 'dpa', id: 'urn:newsml:dpa.com:20090101:250123-930-353124', version: 1 },
    starts: 'Bundespräsident Frank-Walter Steinmeier hat',
    blocks: 8,
    subjects: 8,
  },
  'with_dateline.json': {
    fields: { headline: 'DeepSeek-Schock aus China: Zeichen für KI-Zeitenwende?', byline: 'Andrej Sokolow, dpa', authors: [{ name: 'Andrej Sokolow', role: '' }], dateline: 'New York (dpa)', located: { name: 'New York', countryCode: '' }, language: 'de', urgency: 3, signals: ['update'], postedAt: '2025-01-28T09:18:34+01:00' },
    identity: { provider: 'dpa', id: 'urn:newsml:dpa.com:20090101:250128-930-357319', version: 2 },
    // The dateline span is the dateline field, not the first words of the copy.
    starts: 'Ein Chatbot aus China schockt',
    blocks: 15,
    subjects: 3,
  },
};

describe.skipIf(!present)('dpa digitalwires: the real interchange files', () => {
  it('every file of the folder has expectations', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, want) => {
    const { parser, articles } = parseInput(inputFromText(readFileSync(join(DIR, name), 'utf8'), join(DIR, name)));
    expect(parser.name).toBe('dpa-digitalwires');
    expect(articles).toHaveLength(1);
    const a = articles[0]!;
    expect(markupLeaks(a)).toEqual([]);
    expect(a.fields).toMatchObject(want.fields);
    expect(a.identity).toEqual(want.identity);
    expect(bodyToPlainText(a.body).startsWith(want.starts)).toBe(true);
    expect(a.body.root.children).toHaveLength(want.blocks);
    expect(a.fields.subjects).toHaveLength(want.subjects);
  });
});
