// IPTC 7901 on messages written for these tests (dpa's real files are in
// wireCorpus.test.ts): header fields, take keys and their signals, the
// heading block variants, notebook, trailer times, legacy bytes, truncation
// and several messages back to back.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bodyToPlainText } from '../../../../../shared/editor/plainText.ts';
import { decodeBytes } from '../../encoding.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { resolveZone } from '../../../time/zone.ts';
import { inputFromText, makeParseInput } from '../input.ts';
import { FileRefused, type ParsedArticle } from '../types.ts';
import { iptc7901Parser } from './iptc7901.ts';
import { iptcMessage } from './fixtures.ts';

const parse = (raw: string): ParsedArticle[] => iptc7901Parser.parse(inputFromText(raw, '/wire/story.txt'));
const one = (raw: string): ParsedArticle => {
  const articles = parse(raw);
  expect(articles).toHaveLength(1);
  for (const a of articles) expect(markupLeaks(a)).toEqual([]);
  return articles[0] as ParsedArticle;
};

describe('IPTC 7901 detection (confidence table)', () => {
  it.each([
    ['SOH header (source, number, priority, category, word count) and STX', iptcMessage(), 0.95],
    ['the header without an STX in the first kilobyte', '\u0001eca0412 3 i 120  dpa 0077\r\nGermany-transport/\r\n', 0.7],
    ['an ANPA-1312 message', '\u0016\u0016\u0001a4120\u001fasian\nr a\u0013\u0011 BC-US--Fire   03-14 0412\r\n\u0002^BC-US--Fire<\r\n', 0],
    ['plain text with a stray SOH', 'Rail strike\n\n\u0001Trains stopped on Monday.\n', 0],
    ['a header-like line without SOH', 'eca0412 3 i 120  dpa 0077\nRail strike =\n', 0],
  ])('%s → %s', (_what, raw, confidence) => {
    expect(iptc7901Parser.detect(inputFromText(raw, '/x.txt'))).toBe(confidence);
  });
});

describe('IPTC 7901 fields', () => {
  it('reads header, keyword line, heading block, dateline, paragraphs, notebook and trailer', () => {
    const a = one(iptcMessage());
    expect(a.fields).toMatchObject({
      headline: 'Rail strike halts trains across Germany',
      byline: '',
      dateline: 'Frankfurt',
      slugline: 'Germany-transport/rail',
      urgency: 3,
      priority: 3,
      provider: 'dpa',
      postedAt: '2024-03-14T15:30:00+00:00',
      subjects: [{ scheme: 'iptc7901-category', code: 'i', label: '' }],
      editorNote: 'Notebook\nEditorial contacts\n- Reporting by: Anna Beispiel',
      signals: [],
    });
    expect(a.identity).toBeUndefined();
    expect(bodyToPlainText(a.body)).toBe(
      'Frankfurt (dpa) - A strike by train drivers halted most long-distance services across Germany on Monday, the rail operator said.\n\nCommuters crowded onto buses and shared cars instead.',
    );
  });

  it.each([
    [['1ST LEAD', 'Rail strike spreads to freight ='], ['update'], ''],
    [['2ND LEAD', 'REFILE', 'Rail strike spreads to freight ='], ['update', 'refile'], ''],
    [['CORRECTION', 'Rail strike ends on Tuesday ='], ['correction'], ''],
    [['KILL', 'Rail strike story withdrawn ='], ['kill'], 'canceled'],
    [['(Achtung)', 'Service notice ='], ['advisory'], ''],
    [['EILT', 'Rail strike ='], ['bulletin'], ''],
  ])('take keys %j → signals %j, pubStatus %j', (heading, signals, pubStatus) => {
    const a = one(iptcMessage({ heading }));
    expect(a.fields).toMatchObject({ signals, pubStatus, headline: (heading[heading.length - 1] as string).replace(/ =$/u, '') });
  });

  it('a two-line headline and a byline with affiliation', () => {
    const a = one(iptcMessage({ heading: ['Rail strike halts trains', 'across Germany', 'By Anna Beispiel, The Example Times ='] }));
    expect(a.fields).toMatchObject({ headline: 'Rail strike halts trains across Germany', byline: 'By Anna Beispiel', authors: [{ name: 'Anna Beispiel', role: 'The Example Times' }] });
  });

  it('German month names and a trailer without GMT (read in the import zone)', () => {
    expect(one(iptcMessage({ trailer: '071341 GMT Okt 15' })).fields.postedAt).toBe('2015-10-07T13:41:00+00:00');
    const a = iptc7901Parser.parse(makeParseInput({ rawText: iptcMessage({ trailer: '211259 Mai 18' }), path: '/x.txt', zone: resolveZone('Europe/Berlin') }))[0];
    expect(a?.fields.postedAt).toBe('2018-05-21T12:59:00+02:00');
    expect(a?.zoneAssumed).toBe(true);
  });

  it('a copyright line in the notes names the holder', () => {
    const a = one(iptcMessage({ notebook: ['# Notebook', '', '## Note to editors', '- (c)2024 The Example Times', '', 'dpa ab'] }));
    expect(a.fields.copyrightHolder).toBe('The Example Times');
  });

  it('a last line of copy that merely looks short and lower-case is kept unless it stands alone', () => {
    const a = one(iptcMessage({ body: ['Frankfurt (dpa) - The drivers said they would', 'go on and on'], notebook: [] }));
    expect(bodyToPlainText(a.body)).toBe('Frankfurt (dpa) - The drivers said they would go on and on');
  });
});

describe('IPTC 7901 transmissions', () => {
  it('legacy bytes (ISO-8859-1) inside the framing are decoded', () => {
    const raw = iptcMessage({ heading: ['Bahnstreik legt Züge in ganz Deutschland lahm ='], body: ['München (dpa) - Die Lokführer streiken; Fahrgäste müssen auf Busse ausweichen.', '', 'Die Bahn äußerte sich zunächst nicht.'] });
    const decoded = decodeBytes(iconv.encode(raw, 'iso-8859-1'));
    const a = one(decoded.raw);
    expect(a.fields).toMatchObject({ headline: 'Bahnstreik legt Züge in ganz Deutschland lahm', dateline: 'München' });
  });

  it('no ETX: text kept, flagged truncated, no time', () => {
    const a = one(iptcMessage({ trailer: null }));
    expect(a.flags).toEqual(['truncated']);
    expect(a.fields.postedAt).toBeUndefined();
  });

  it('messages back to back are one article each', () => {
    const raw = iptcMessage({ header: 'eca0412 3 i 120  dpa 0077' }) + iptcMessage({ header: 'eca0413 2 i 140  dpa 0078', heading: ['1ST LEAD', 'Rail strike spreads ='] });
    expect(parse(raw).map((a) => [a.key, a.fields.headline, a.fields.urgency])).toEqual([
      ['eca0412', 'Rail strike halts trains across Germany', 3],
      ['eca0413', 'Rail strike spreads', 2],
    ]);
  });

  it('a header with nothing after it is refused with a reason', () => {
    expect(() => parse('\u0001eca0412 3 i 120  dpa 0077\r\nGermany-transport/\r\n')).toThrow(FileRefused);
  });
});
