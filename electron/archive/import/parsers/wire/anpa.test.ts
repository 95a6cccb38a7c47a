// ANPA-1312 on transmissions written for these tests (the real AP files are
// in wireCorpus.test.ts): every header field, version chains, kills,
// withholds, advisories, tables, legacy bytes inside the framing, truncated
// transmissions and several messages back to back.
/* eslint-disable no-control-regex -- the fixtures are wire transmissions: their framing is control characters */
import { createHeadlessEditor } from '@lexical/headless';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToPlainText } from '../../../../../shared/editor/plainText.ts';
import { EDITOR_NODES } from '../../../../../shared/editor/nodes.ts';
import { TEXT_FORMAT } from '../../../../../shared/editor/serialized.ts';
import { tempArchive } from '../../../testing/tempArchive.ts';
import { decodeBytes } from '../../encoding.ts';
import { importPaths } from '../../importer.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { resolveZone } from '../../../time/zone.ts';
import { inputFromText, makeParseInput } from '../input.ts';
import { FileRefused, type ParsedArticle } from '../types.ts';
import { anpaParser } from './anpa.ts';
import { anpaMessage } from './fixtures.ts';

const parse = (raw: string): ParsedArticle[] => anpaParser.parse(inputFromText(raw, '/wire/story.tst'));
const one = (raw: string): ParsedArticle => {
  const articles = parse(raw);
  expect(articles).toHaveLength(1);
  for (const a of articles) expect(markupLeaks(a)).toEqual([]);
  return articles[0] as ParsedArticle;
};

describe('ANPA-1312 detection (confidence table)', () => {
  it.each([
    ['SYN SYN SOH, service, number, US, selector and the priority/category line', anpaMessage(), 0.98],
    ['framing without the second header line', anpaMessage().replace(/\n[a-z] [a-z]\u0013\u0011[^\n]*/u, '\n'), 0.9],
    ['SOH header and STX without SYN fill', anpaMessage().replace(/^\u0016\u0016/u, ''), 0.9],
    ['a plain text file starting with a caret', '^Headline<\nBody text of an ordinary note.\n', 0],
    ['a text file with one stray SOH', 'Harbor fire\n\nA fire \u0001destroyed a warehouse.\n', 0],
    ['an IPTC 7901 message', '\u0001eca062 4 i 211 ccccb   dpa 061\r\nGermany-politics/\r\n\u0002Headline =\r\n', 0],
    ['tab-indented prose', '\t   PORTLAND, Maine (AP) _ A fire.\n', 0],
  ])('%s → %s', (_what, raw, confidence) => {
    expect(anpaParser.detect(inputFromText(raw, '/x.txt'))).toBe(confidence);
  });
});

describe('ANPA-1312 fields', () => {
  it('reads the header, caret lines, byline, dateline, paragraphs and trailer', () => {
    const a = one(anpaMessage({ caret: ['^Fire guts harbor warehouse; no one hurt<', '^AP Photo ME101<', '^Eds: With AP Photos.<', '^Crews fought the blaze for six hours<', '^By JANE DOE and RICHARD ROE=', '^AP Business Writer='] }));
    expect(a.fields).toMatchObject({
      headline: 'Fire guts harbor warehouse; no one hurt',
      dek: 'Crews fought the blaze for six hours',
      byline: 'By JANE DOE and RICHARD ROE',
      authors: [{ name: 'JANE DOE', role: 'AP Business Writer' }, { name: 'RICHARD ROE', role: 'AP Business Writer' }],
      dateline: 'PORTLAND, Maine',
      slugline: 'US--Harbor Fire',
      urgency: 5,
      priority: 5,
      editorNote: 'AP Photo ME101\nEds: With AP Photos.',
      provider: 'AP',
      postedAt: '2024-03-14T15:02:00+00:00',
      subjects: [{ scheme: 'anpa-category', code: 'a', label: 'Domestic news' }],
      signals: [],
      pubStatus: '',
    });
    expect(a.zoneAssumed).toBe(false);
    expect(a.identity).toEqual({ provider: 'ap', id: 'US--HarborFire', version: 0 });
    const paragraphs = a.body.root.children.map((b) => (b.type === 'paragraph' ? b.children.map((c) => (c.type === 'text' ? c.text : '')).join('') : ''));
    expect(paragraphs).toEqual([
      'PORTLAND, Maine (AP) \u2014 A fire destroyed a warehouse on the harbor early Thursday.',
      '\u201CWe got everyone out,\u201D the fire chief said.',
      'The cause is under investigation.',
    ]);
  });

  it.each([
    ['f', 1],
    ['b', 2],
    ['u', 3],
    ['r', 5],
    ['d', 7],
    ['x', null],
  ])('priority code %s → urgency %s', (priority, urgency) => {
    expect(one(anpaMessage({ priority })).fields.urgency).toBe(urgency);
  });

  it('tab-indented paragraphs without blank lines between them stay one paragraph each', () => {
    const body = Array.from({ length: 19 }, (_, i) => `\t   Paragraph number ${i + 1} of the story.`);
    expect(one(anpaMessage({ body })).body.root.children).toHaveLength(19);
  });

  it('an alert with no caret headline takes its one paragraph, without the dateline, as headline', () => {
    const a = one(anpaMessage({ priority: 'b', keyword: 'BC-US--APNewsAlert', caret: [], body: ['\t   PORTLAND, Maine (AP) _ Warehouse fire on harbor forces evacuations.'] }));
    expect(a.fields).toMatchObject({ headline: 'Warehouse fire on harbor forces evacuations.', urgency: 2, signals: ['alert'] });
  });

  it('a headline digest (caret lines, no tab paragraphs) keeps its caret lines as the copy', () => {
    const a = one(anpaMessage({ keyword: 'AP-Top-Headlines', caret: ['^AP Top News at 9 a.m. EST<', '^First headline', '^Second headline', '^Third headline'], body: [] }));
    expect(a.fields.headline).toBe('AP Top News at 9 a.m. EST');
    expect(bodyToPlainText(a.body).split('\n\n')).toEqual(['First headline', 'Second headline', 'Third headline']);
  });
});

describe('ANPA-1312 versions, kills, withholds, advisories', () => {
  it('writethrus form a version chain on one identity', () => {
    const chain = ['', '1st Ld-Writethru', '2nd Ld-Writethru', '3rd Ld-Writethru'].map((version) => one(anpaMessage({ version })));
    expect(chain.map((a) => a.identity)).toEqual([0, 1, 2, 3].map((version) => ({ provider: 'ap', id: 'US--HarborFire', version })));
    expect(chain[2]?.fields.signals).toEqual(['writethru', 'update']);
    expect(chain[2]?.fields.updatedAt).toBe('2024-03-14T15:02:00+00:00');
    expect(chain[0]?.fields.updatedAt).toBeUndefined();
  });

  it('a correction is signalled from the version field or an Eds note', () => {
    expect(one(anpaMessage({ version: '1st Ld-Writethru-Correction' })).fields.signals).toEqual(['writethru', 'update', 'correction']);
    expect(one(anpaMessage({ caret: ['^Fire guts harbor warehouse<', '^Eds: Corrects spelling of chief’s name.<'] })).fields.signals).toEqual(['correction']);
  });

  it('a kill notice sets pubStatus canceled; a withhold, withheld; an advisory is signalled', () => {
    const kill = one(anpaMessage({ priority: 'u', version: 'Kill', caret: ['^URGENT<', '^Eds: KILL: The story about a harbor fire has been withdrawn. It is inaccurate.<'], body: ['\t   The story should not be used.'] }));
    expect(kill.fields).toMatchObject({ pubStatus: 'canceled', signals: ['kill'] });
    expect(kill.identity).toEqual({ provider: 'ap', id: 'US--HarborFire', version: null });
    const withhold = one(anpaMessage({ caret: ['^Harbor fire<', '^Eds: WITHHOLD: Do not use pending confirmation.<'] }));
    expect(withhold.fields).toMatchObject({ pubStatus: 'withheld', signals: ['withhold'] });
    const advisory = one(anpaMessage({ keyword: 'BC-AP--Advisory', caret: ['^Advisory for Thursday<'], body: ['\t   Editors: a photo package moves at 3 p.m.'] }));
    expect(advisory.fields.signals).toContain('advisory');
    expect(advisory.fields.pubStatus).toBe('');
  });

  it("a slug's own words are not signals; a KILL keyword is", () => {
    expect(one(anpaMessage({ keyword: 'BC-US--Lead Pipes-Flash Flood Extra' })).fields.signals).toEqual([]);
    const kill = one(anpaMessage({ keyword: 'BC-US--Harbor Fire-KILL' }));
    expect(kill.fields).toMatchObject({ signals: ['kill'], pubStatus: 'canceled' });
    expect(kill.identity).toEqual({ provider: 'ap', id: 'US--HarborFire', version: null });
  });

  it('an add is a take of its own, not a new version of the story', () => {
    const add = one(anpaMessage({ version: '1stAdd' }));
    expect(add.identity).toEqual({ provider: 'ap', id: 'US--HarborFire/add-1', version: null });
    expect(add.fields.signals).toEqual(['add']);
  });
});

describe('ANPA-1312 tables', () => {
  it('BS-led rows (DLE fixed spaces, RS/US tab stops, `{` halves) become one preformatted block', () => {
    const rows = ['\b^\u001f\u001e W\u001e \u001e L\u001e \u001e GB', '\bNew\u0010 York\u001f\u001e 73\u001e \u001e 52\u001e \u001e _', '\bBoston\u001f\u001e 66\u001e \u001e 59\u001e \u001e 7{'];
    const a = one(anpaMessage({ format: '\u0014\u0012', caret: ['^Standings=', '^By The Associated Press=', '^EAST='], body: rows }));
    const blocks = a.body.root.children;
    expect(blocks[0]).toMatchObject({ type: 'heading', tag: 'h3' });
    const table = blocks[1];
    expect(table?.type).toBe('paragraph');
    if (table?.type !== 'paragraph') return;
    const lines = table.children.flatMap((c) => (c.type === 'text' ? [c] : []));
    expect(lines.map((c) => c.text)).toEqual(['           W   L  GB', 'New York  73  52   _', 'Boston    66  59  7½']);
    expect(lines.every((c) => c.format === TEXT_FORMAT.code)).toBe(true);
  });

  it('semicolon rows of a tabular story are table rows; its prose lines stay paragraphs', () => {
    const a = one(anpaMessage({ format: '\u0014\u0012', caret: [], body: ['\t   NEW YORK (AP) _ Temperatures:<', '\t   ;MIN;MAX<', '\t   Oslo;30;41<', '\t   Rome;55;68<'] }));
    expect(bodyToPlainText(a.body)).toBe('NEW YORK (AP) \u2014 Temperatures:\n\n      MIN  MAX\nOslo   30   41\nRome   55   68');
  });

  it('the body survives a headless Lexical editor unchanged', () => {
    const a = one(anpaMessage({ format: '\u0014\u0012', caret: ['^Standings=', '^By The Associated Press=', '^EAST='], body: ['\bTeam;W;L', '\bBoston;66;59', '\t   ___'] }));
    const editor = createHeadlessEditor({ nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
    editor.setEditorState(editor.parseEditorState(JSON.stringify(a.body)));
    expect(JSON.parse(JSON.stringify(editor.getEditorState().toJSON()))).toEqual(a.body);
  });
});

describe('ANPA-1312 transmissions', () => {
  it('legacy bytes inside the framing are decoded before parsing (windows-1252, ISO-8859-1)', () => {
    const caret = ['^Zürich café owner’s “last order” draws crowds<', '^By JOSÉ MUÑOZ='];
    const body = ['\t   ZÜRICH (AP) _ The café on the Limmat served its last crème brûlée on Sunday, and the queue reached the Bahnhofstrasse.'];
    const cp1252 = decodeBytes(iconv.encode(anpaMessage({ caret, body }), 'windows-1252'));
    expect(cp1252.encoding).toBe('windows-1252');
    const a = one(cp1252.raw);
    expect(a.fields).toMatchObject({ headline: 'Zürich café owner’s “last order” draws crowds', byline: 'By JOSÉ MUÑOZ', dateline: 'ZÜRICH' });
    const latin1 = decodeBytes(iconv.encode(anpaMessage({ caret: ['^Zürich café closes after 90 years<'], body }), 'iso-8859-1'));
    expect(one(latin1.raw).fields.headline).toBe('Zürich café closes after 90 years');
  });

  it('a transmission cut off before its ETX keeps its text, has no time, and says so', () => {
    const a = one(anpaMessage({ trailer: null }));
    expect(a.flags).toEqual(['truncated']);
    expect(a.note).toMatch(/without ETX/u);
    expect(a.fields.postedAt).toBeUndefined();
    expect(bodyToPlainText(a.body)).toContain('The cause is under investigation.');
  });

  it('several messages back to back (a capture of the line) are one article each', () => {
    const raw = anpaMessage({ number: '4120' }) + anpaMessage({ number: '4121', version: '1st Ld-Writethru', caret: ['^Fire guts harbor warehouse, chief says arson suspected<'] });
    const articles = parse(raw);
    expect(articles.map((a) => [a.key, a.identity?.version, a.fields.headline])).toEqual([
      ['a4120', 0, 'Fire guts harbor warehouse; no one hurt'],
      ['a4121', 1, 'Fire guts harbor warehouse, chief says arson suspected'],
    ]);
  });

  it('a framed header with no text after it is refused with a reason', () => {
    const raw = '\u0016\u0016\u0001a4120\u001fasian\nr a\u0013\u0011 BC-US--HarborFire   03-14 0412\r\n';
    expect(() => parse(raw)).toThrow(FileRefused);
    expect(() => parse(raw)).toThrow(/no text after its header/u);
  });

  it('times in the trailer name GMT; a trailer without it is read in the import zone', () => {
    const raw = anpaMessage({ trailer: 'AP-WF-03-14-24 1502' });
    const a = anpaParser.parse(makeParseInput({ rawText: raw, path: '/x.tst', zone: resolveZone('Asia/Seoul') }))[0];
    expect(a?.fields.postedAt).toBe('2024-03-14T15:02:00+09:00');
    expect(a?.zoneAssumed).toBe(true);
  });

  it('importPaths: a capture in windows-1252 with two messages gives one row per message, flagged record', async () => {
    const t = tempArchive();
    try {
      const raw = anpaMessage({ number: '4120', caret: ['^Zürich fire guts harbor warehouse<'] }) + anpaMessage({ number: '4121', version: '1st Ld-Writethru', caret: ['^Zürich fire: chief suspects arson<'] });
      const file = join(t.dir, 'capture.tst');
      writeFileSync(file, iconv.encode(raw, 'windows-1252'));
      const report = await importPaths(t.archive, [file], { timezone: 'UTC' });
      expect(report.failed).toBe(0);
      expect(report.files.map((f) => [f.path.slice(t.dir.length), (f.flags ?? []).includes('record')])).toEqual([
        ['/capture.tst#a4120', true],
        ['/capture.tst#a4121', true],
      ]);
      // One keyword, two versions: the writethru is a new revision of the same article (identity rules, storeItem.ts).
      expect(report.files.map((f) => f.outcome)).toEqual(['imported', 'updated']);
      expect(report.files[1]?.articleId).toBe(report.files[0]?.articleId);
      const article = t.archive.getArticle(report.files[0]?.articleId as string);
      expect(article.headline).toBe('Zürich fire: chief suspects arson');
      expect(article.source).toMatchObject({ format: 'anpa-1312', itemProvider: 'ap', itemId: 'US--HarborFire', itemVersion: 1 });
      const revisions = t.archive.listRevisions(article.id);
      expect(revisions.map((r) => r.itemVersion)).toEqual([0, 1]);
      expect(t.archive.getRevision(article.id, revisions[0]?.id as number).fields.headline).toBe('Zürich fire guts harbor warehouse');
      expect(t.archive.check().ok).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});
