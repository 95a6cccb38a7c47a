// NITF, NewsML-G2 and ninjs exports: every output valid against IPTC's schemas
// (xmllint, ajv), every field written, and hostile text in every field comes
// back exactly as text — never as markup, never breaking the document.
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../../shared/export/escape.ts';
import type { ExportArticle, ExportIdentity, NinjsVersion } from '../../../../shared/export/types.ts';
import { fullArticle, NODE_CASES, nodeCaseArticle } from '../fixtures.ts';
import { hostileNewsroomArticle } from '../hostileArbitraries.ts';
import { renderNewsmlG2 } from './newsmlG2.ts';
import { renderNinjs } from './ninjs.ts';
import { renderNitf } from './nitf.ts';
import { validateNinjs, validateXml, XML_SCHEMAS, xmllintAvailable } from './schemaCheck.ts';

const haveXmllint = xmllintAvailable();
// CI installs libxml2-utils; elsewhere say plainly what is skipped.
if (!haveXmllint && process.env.CI) throw new Error('xmllint is missing: install libxml2-utils (.ci/run does).');
if (!haveXmllint) console.warn('skipped: NITF and NewsML-G2 schema validation (no xmllint; apt-get install libxml2-utils)');
const itXml = haveXmllint ? it : it.skip;

const identity: ExportIdentity = { guid: 'urn:uuid:01923b4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e', version: 3, signals: ['correction'], provider: 'Copydesk Desk', exportedAt: '2026-12-03T10:00:00Z' };

export function metadataArticle(): ExportArticle {
  return {
    ...fullArticle(),
    status: 'ready',
    modifiedAt: '2026-12-03T09:59:00Z',
    slugline: 'HARBOUR-VOTE',
    urgency: 3,
    priority: 4,
    embargoedUntil: '2026-12-04T09:00:00+09:00',
    expiresAt: '2027-01-01T00:00:00Z',
    editorNote: 'Corrects the vote count & the <date>.',
    pubStatus: 'usable',
    provider: 'AP',
    signals: ['correction'],
    subjects: [
      { scheme: 'medtop', code: '20000621', label: 'diplomacy' },
      { scheme: '', code: '', label: 'harbours' },
      { scheme: 'dpa subject', code: 'x y', label: 'odd scheme' },
    ],
    genre: 'Current',
    keywords: ['harbour', 'vote'],
    located: { name: 'Port Ellen', countryCode: 'GB' },
    authors: [
      { name: 'Jane Doe', role: 'Islands Correspondent' },
      { name: '김민수', role: '' },
    ],
    copyrightHolder: 'Copydesk Ltd',
    creditLine: 'Copydesk/AP',
    usageTerms: 'Not for resale.',
  };
}

const XML_RENDERERS = { nitf: renderNitf, 'newsml-g2': renderNewsmlG2 } as const;

function xmlText(xml: string, element: string, where: (attrs: Record<string, string>) => boolean = () => true): string[] {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const out: string[] = [];
  const walk = (nodes: typeof doc.children) => {
    for (const n of nodes) {
      if (n.type !== 'tag') continue;
      const e = n as unknown as { name: string; attribs: Record<string, string>; children: typeof doc.children };
      if (e.name === element && where(e.attribs)) out.push(textOf(e.children));
      walk(e.children);
    }
  };
  const textOf = (nodes: typeof doc.children): string => nodes.map((c) => (c.type === 'text' ? (c as { data: string }).data : 'children' in c ? textOf((c as { children: typeof doc.children }).children) : '')).join('');
  walk(doc.children);
  return out;
}

const expected = (s: string) => cleanText(s).replace(/[\uFFFE\uFFFF]/gu, '');

describe('interchange exports of a fully populated article', () => {
  itXml('NITF and NewsML-G2 validate against the IPTC schemas, for the full article and every node type', () => {
    const articles = [metadataArticle(), ...Object.keys(NODE_CASES).map(nodeCaseArticle)];
    for (const [format, render] of Object.entries(XML_RENDERERS)) {
      const errors = validateXml(XML_SCHEMAS[format as keyof typeof XML_SCHEMAS], articles.map((a) => render(a, identity)));
      expect(errors.filter((e) => e !== ''), format).toEqual([]);
    }
  });

  it.each([1, 2, 3] as const)('ninjs %i validates against its schema', (major) => {
    for (const a of [metadataArticle(), ...Object.keys(NODE_CASES).map(nodeCaseArticle)]) expect(validateNinjs(major, renderNinjs(a, identity, major))).toBe('');
  });

  it('NITF carries identity, version, signal and every metadata field', () => {
    const xml = renderNitf(metadataArticle(), identity);
    expect(xml).toContain('<doc-id id-string="urn:uuid:01923b4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e" regsrc="Copydesk Desk"/>');
    expect(xml).toContain('<du-key key="HARBOUR-VOTE" version="3" generation="3"/>');
    expect(xml).toContain('<correction info="Correction to version 2"');
    expect(xml).toContain('<urgency ed-urg="3"/>');
    expect(xml).toContain('<date.release norm="20261204T090000+0900"/>');
    expect(xml).toContain('<date.expire norm="20270101T000000+0000"/>');
    expect(xml).toContain('<ed-msg info="Corrects the vote count &amp; the &lt;date&gt;."/>');
    expect(xml).toContain('<tobject.subject tobject.subject.ipr="medtop" tobject.subject.refnum="20000621" tobject.subject.type="diplomacy"/>');
    expect(xml).toContain('<evloc iso-cc="GB" city="Port Ellen"/>');
    expect(xml).toMatch(/<byline>\s*<person>Jane Doe<\/person>\s*<byttl>Islands Correspondent<\/byttl>\s*<\/byline>/u);
    expect(xml).toContain('<doc.rights limitations="Not for resale." agent="Copydesk/AP"/>');
    expect(xml).toContain('<doc.copyright holder="Copydesk Ltd"/>');
    expect(xml).toContain('<keyword key="vote"/>');
    expect(xmlText(xml, 'hl2')[0]).toBe(metadataArticle().dek);
    expect(xml).toContain('baselang="en"');
  });

  it('NewsML-G2 carries identity, version, signal and every metadata field', () => {
    const xml = renderNewsmlG2(metadataArticle(), identity);
    expect(xml).toMatch(/<newsItem [^>]*guid="urn:uuid:01923b4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e" version="3"/u);
    for (const fragment of [
      '<provider literal="Copydesk Desk"/>',
      '<embargoed>2026-12-04T09:00:00+09:00</embargoed>',
      '<pubStatus qcode="stat:usable"/>',
      '<signal qcode="sig:correction"/>',
      '<expires>2027-01-01T00:00:00Z</expires>',
      '<urgency>3</urgency>',
      '<slugline>HARBOUR-VOTE</slugline>',
      '<subject qcode="medtop:20000621">',
      '<subject literal="harbours">',
      '<subject literal="dpa subject:x y">',
      '<headline role="hlrole:sub">',
      '<creditline>Copydesk/AP</creditline>',
      '<usageTerms>Not for resale.</usageTerms>',
      '<genre literal="Current">',
      '<keyword>harbour</keyword>',
      '<language tag="en"/>',
    ])
      expect(xml).toContain(fragment);
    expect(xml).toMatch(/<creator>\s*<name>Jane Doe<\/name>\s*<note>Islands Correspondent<\/note>/u);
    expect(xmlText(xml, 'by')[0]).toBe('By Jane Doe and 김민수');
  });

  it('ninjs writes each version’s own property names', () => {
    const v1 = JSON.parse(renderNinjs(metadataArticle(), identity, 1)) as Record<string, unknown>;
    expect(v1).toMatchObject({ uri: identity.guid, version: '3', headline: metadataArticle().headline, slugline: 'HARBOUR-VOTE', urgency: 3, embargoed: '2026-12-04T09:00:00+09:00', pubstatus: 'usable', ednote: metadataArticle().editorNote });
    expect(v1.body_html).toContain('<p>');
    const v2 = JSON.parse(renderNinjs(metadataArticle(), identity, 2)) as Record<string, unknown>;
    expect(v2).toMatchObject({ uri: identity.guid, version: '3', pubstatus: 'usable', embargoed: '2026-12-04T09:00:00+09:00', by: 'By Jane Doe and 김민수' });
    expect(v2.headlines).toEqual([{ role: 'main', value: metadataArticle().headline }, { role: 'sub', value: metadataArticle().dek }]);
    expect(v2.subjects).toContainEqual({ name: 'diplomacy', uri: 'http://cv.iptc.org/newscodes/mediatopic/20000621' });
    const v3 = JSON.parse(renderNinjs(metadataArticle(), identity, 3)) as Record<string, unknown>;
    expect(v3).toMatchObject({ pubStatus: 'usable', embargoedUntil: '2026-12-04T09:00:00+09:00', edNote: metadataArticle().editorNote, versionCreated: '2026-12-03T09:59:00Z' });
    expect((v3.bodies as Array<Record<string, unknown>>)[0]).toMatchObject({ role: 'main', contentType: 'text/html' });
  });

  it('a killed or withheld article says so in every format', () => {
    for (const status of ['killed', 'withheld'] as const) {
      const a = { ...metadataArticle(), status };
      const g2 = status === 'killed' ? 'stat:canceled' : 'stat:withheld';
      expect(renderNewsmlG2(a, identity)).toContain(`<pubStatus qcode="${g2}"/>`);
      expect(renderNitf(a, identity)).toContain(`management-status="${status === 'killed' ? 'canceled' : 'withheld'}"`);
      expect(JSON.parse(renderNinjs(a, identity, 3)).pubStatus).toBe(status === 'killed' ? 'canceled' : 'withheld');
    }
  });
});

describe('hostile text in every field', () => {
  const samples = fc.sample(hostileNewsroomArticle, { numRuns: 400, seed: 20261203 });

  itXml('400 generated articles: NITF and NewsML-G2 stay valid and give every text back exactly', () => {
    for (const [format, render] of Object.entries(XML_RENDERERS)) {
      const docs = samples.map((a) => render(a, identity));
      const errors = validateXml(XML_SCHEMAS[format as keyof typeof XML_SCHEMAS], docs);
      const bad = errors.map((e, i) => (e === '' ? null : `${i}: ${e.slice(0, 400)}`)).filter((e) => e !== null);
      expect(bad, format).toEqual([]);
      docs.forEach((xml, i) => {
        const a = samples[i] as ExportArticle;
        const headlines = format === 'nitf' ? xmlText(xml, 'hl1') : xmlText(xml, 'headline', (attrs) => attrs.role === undefined);
        // G2's headline is a one-line string: line breaks and tabs become spaces.
        expect(headlines).toEqual([format === 'nitf' ? expected(a.headline) : expected(a.headline).replace(/[\t\n\r]+/gu, ' ')]);
        expect(xmlText(xml, 'title')[0]).toBe(expected(a.headline));
      });
    }
  }, 120_000);

  it.each([1, 2, 3] as NinjsVersion[])('ninjs %i: valid for all 400, headline back exactly', (major) => {
    for (const a of samples) {
      const json = renderNinjs(a, identity, major);
      expect(validateNinjs(major, json)).toBe('');
      const parsed = JSON.parse(json) as Record<string, unknown>;
      const headline = major === 1 ? parsed.headline : (parsed.headlines as Array<{ value: string }>)[0]?.value;
      expect(headline ?? '').toBe(cleanText(a.headline));
    }
  }, 120_000);
});
