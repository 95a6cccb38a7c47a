import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToParagraphs } from '../../../../../shared/editor/plainText.ts';
import { resolveZone } from '../../../time/zone.ts';
import { type Expected, expectArticle, folderFiles, interchangeFolder, parseCorpusFile } from '../../testing/interchange.ts';
import { markupLeaks } from '../../testing/leaks.ts';
import { makeParseInput } from '../input.ts';
import { FileRefused, type ParsedArticle } from '../types.ts';
import { newsml12Parser } from './parser.ts';

const input = (text: string, ext = 'xml') => makeParseInput({ rawText: text, ext, path: `/wire/n12.${ext}`, zone: resolveZone('UTC') });
const parse = (text: string) => newsml12Parser.parse(input(text));
const paras = (a: ParsedArticle | undefined) => bodyToParagraphs((a as ParsedArticle).body);

const identification = (id: string, rev = '1', update = 'N') => `<Identification><NewsIdentifier><ProviderId>gwn.example</ProviderId><DateId>20240105</DateId><NewsItemId>${id}</NewsItemId><RevisionId PreviousRevision="0" Update="${update}">${rev}</RevisionId><PublicIdentifier>urn:newsml:gwn.example:20240105:${id}:${rev}${update}</PublicIdentifier></NewsIdentifier><NameLabel>label-${id}</NameLabel></Identification>`;

/** A story with every mapped field: NITF body, nested components, metadata inherited from the top. */
const STORY = `<?xml version="1.0" encoding="UTF-8"?>
<NewsML Version="1.2">
  <NewsEnvelope><DateAndTime>20240105T130000Z</DateAndTime><Priority FormalName="3"/></NewsEnvelope>
  <NewsItem xml:lang="en">
    ${identification('H1', '2', 'U')}
    <NewsManagement>
      <NewsItemType FormalName="News"/>
      <FirstCreated>20240105T120000Z</FirstCreated>
      <ThisRevisionCreated>20240105T140000+0100</ThisRevisionCreated>
      <Status FormalName="Withheld"/>
      <Urgency FormalName="2"/>
      <Instruction FormalName="Rectify"/>
    </NewsManagement>
    <NewsComponent>
      <TopicSet FormalName="Subjects"><Topic><FormalName>04005000</FormalName><Description xml:lang="de" Variant="Name">Energie</Description><Description xml:lang="en" Variant="Name">Energy</Description></Topic></TopicSet>
      <NewsLines>
        <HeadLine>Council approves harbour plan</HeadLine>
        <SubHeadLine>Vote ends a two-year dispute</SubHeadLine>
        <ByLine>By Ana Ruiz</ByLine><ByLineTitle>Harbour Correspondent</ByLineTitle>
        <DateLine>PORTMOUTH, Jan 5 (GWN) -</DateLine>
        <CreditLine>GWN</CreditLine>
        <CopyrightLine>© 2024 Gull Wire News</CopyrightLine>
        <SlugLine>Harbour-Vote</SlugLine>
      </NewsLines>
      <AdministrativeMetadata><Provider><Party FormalName="GWN"/></Provider></AdministrativeMetadata>
      <RightsMetadata><UsageRights><UsageType>Not for broadcast</UsageType></UsageRights></RightsMetadata>
      <DescriptiveMetadata>
        <Language FormalName="EN"/>
        <Genre FormalName="Analysis"/>
        <SubjectCode><SubjectMatter FormalName="04005000"/></SubjectCode>
        <SubjectCode><Subject FormalName="HB" Scheme="GWNTopics"/></SubjectCode>
        <Location HowPresent="Origin"><Property FormalName="Country" Value="GB"/><Property FormalName="City" Value="Portmouth"/></Location>
        <Property FormalName="Keyword" Value="harbour"/><Property FormalName="Keyword" Value="budget"/>
      </DescriptiveMetadata>
      <NewsComponent>
        <Role FormalName="Main"/>
        <ContentItem><MediaType FormalName="Text"/><Format FormalName="NITF3.1"/>
          <DataContent><nitf><body><body.content><p>The council voted on Friday.</p><hl2>Costs</hl2><p>It costs four million.</p></body.content></body></nitf></DataContent>
        </ContentItem>
      </NewsComponent>
      <NewsComponent>
        <Role FormalName="Photo"/>
        <ContentItem Href="photo.jpg"><MediaType FormalName="Photo"/><Format FormalName="JPEG Baseline"/></ContentItem>
      </NewsComponent>
    </NewsComponent>
  </NewsItem>
</NewsML>`;

describe('NewsML 1.2: an item’s fields', () => {
  it('maps NewsLines, NewsManagement and the metadata of the component chain', () => {
    const [a] = parse(STORY);
    expect(a?.fields).toEqual({
      headline: 'Council approves harbour plan',
      dek: 'Vote ends a two-year dispute',
      byline: 'Ana Ruiz',
      authors: [{ name: 'Ana Ruiz', role: 'Harbour Correspondent' }],
      dateline: 'PORTMOUTH, Jan 5 (GWN)',
      slugline: 'Harbour-Vote',
      creditLine: 'GWN',
      copyrightHolder: 'Gull Wire News',
      usageTerms: 'Not for broadcast',
      language: 'en',
      genre: 'Analysis',
      subjects: [
        { scheme: 'subj', code: '04005000', label: 'Energy' },
        { scheme: 'GWNTopics', code: 'HB', label: '' },
      ],
      keywords: ['harbour', 'budget'],
      located: { name: 'Portmouth', countryCode: 'GB' },
      postedAt: '2024-01-05T12:00:00+00:00',
      updatedAt: '2024-01-05T14:00:00+01:00',
      pubStatus: 'withheld',
      urgency: 2,
      priority: 3,
      provider: 'GWN',
      signals: ['update', 'correction'],
    });
    expect(a?.identity).toEqual({ provider: 'gwn', id: 'urn:newsml:gwn.example:20240105:H1', version: 2 });
    expect(paras(a)).toEqual(['The council voted on Friday.', 'Costs', 'It costs four million.']);
    expect(markupLeaks(a as ParsedArticle)).toEqual([]);
  });

  it('DataContent as HTML in CDATA, bare NITF paragraphs, and plain wire text', () => {
    const item = (content: string, format = 'Text') =>
      `<NewsML><NewsItem>${identification('C')}<NewsComponent><NewsLines><HeadLine>H</HeadLine></NewsLines><ContentItem><Format FormalName="${format}"/><DataContent>${content}</DataContent></ContentItem></NewsComponent></NewsItem></NewsML>`;
    expect(paras(parse(item('<![CDATA[<P>One &amp; two.</P><P>Three.</P>]]>', 'HTML'))[0])).toEqual(['One & two.', 'Three.']);
    expect(paras(parse(item('<p>First.</p><p>Second.</p>', 'bcNITF2.5'))[0])).toEqual(['First.', 'Second.']);
    expect(paras(parse(item('Wire lead\ncontinues.\n\nSecond paragraph.'))[0])).toEqual(['Wire lead continues.', 'Second paragraph.']);
  });

  it('a package by role: headline and subheadline components are fields, contacts come after the body, pictures and styles are left out', () => {
    const xml = `<NewsML><NewsItem>${identification('P')}<NewsComponent>
      <NewsComponent><Role FormalName="StyleSheet"/><ContentItem><Format FormalName="CSS"/><DataContent>.x{color:red}</DataContent></ContentItem></NewsComponent>
      <NewsComponent><Role FormalName="HeadLine"/><ContentItem><Format FormalName="XHTML"/><DataContent><html xmlns="http://www.w3.org/1999/xhtml"><body><p><b>Release headline</b></p></body></html></DataContent></ContentItem></NewsComponent>
      <NewsComponent><Role FormalName="SubHeadLine"/><ContentItem><Format FormalName="XHTML"/><DataContent><html xmlns="http://www.w3.org/1999/xhtml"><body><ul><li>First point</li><li>Second point</li></ul></body></html></DataContent></ContentItem></NewsComponent>
      <NewsComponent><Role FormalName="Contact"/><ContentItem><Format FormalName="XHTML"/><DataContent><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Press office<br/>  +1 555 0100</p></body></html></DataContent></ContentItem></NewsComponent>
      <NewsComponent><Role FormalName="Logo"/><ContentItem Href="logo.jpg"><Format FormalName="JPEG Baseline"/></ContentItem></NewsComponent>
      <NewsComponent><Role FormalName="Body"/><ContentItem><Format FormalName="XHTML"/><DataContent><html xmlns="http://www.w3.org/1999/xhtml"><body><p>The release text.</p></body></html></DataContent></ContentItem></NewsComponent>
    </NewsComponent></NewsItem></NewsML>`;
    const [a] = parse(xml);
    expect(a?.fields).toMatchObject({ headline: 'Release headline', dek: 'First point; Second point' });
    expect(paras(a)).toEqual(['The release text.', 'Press office\n+1 555 0100']);
  });

  it('language equivalents: one article per language component, each with its own identity and key', () => {
    const lang = (code: string, headline: string, text: string) =>
      `<NewsComponent><NewsLines><HeadLine>${headline}</HeadLine></NewsLines><DescriptiveMetadata><Language FormalName="${code}"/></DescriptiveMetadata><NewsComponent><Role FormalName="Body"/><ContentItem><Format FormalName="XHTML"/><DataContent><html xmlns="http://www.w3.org/1999/xhtml"><body><p>${text}</p></body></html></DataContent></ContentItem></NewsComponent></NewsComponent>`;
    const xml = `<NewsML><NewsItem>${identification('L')}<NewsComponent><BasisForChoice Rank="1">./NewsComponent/DescriptiveMetadata/Language</BasisForChoice>${lang('en', 'Plan approved', 'English text.')}${lang('zh-Hant', '計劃獲批', '中文內容。')}</NewsComponent></NewsItem></NewsML>`;
    const articles = parse(xml);
    expect(articles.map((a) => [a.key, a.fields.language, a.fields.headline, a.identity?.id])).toEqual([
      ['urn:newsml:gwn.example:20240105:L#en', 'en', 'Plan approved', 'urn:newsml:gwn.example:20240105:L#en'],
      ['urn:newsml:gwn.example:20240105:L#zh-Hant', 'zh-Hant', '計劃獲批', 'urn:newsml:gwn.example:20240105:L#zh-Hant'],
    ]);
  });

  it('several NewsItems: one article each; an item without text content is left out; none at all is refused', () => {
    const text = (id: string) => `<NewsItem>${identification(id)}<NewsComponent><NewsLines><HeadLine>${id}</HeadLine></NewsLines><ContentItem><DataContent>Text of ${id}.</DataContent></ContentItem></NewsComponent></NewsItem>`;
    const photoOnly = `<NewsItem>${identification('PH')}<NewsComponent><ContentItem Href="x.jpg"><MediaType FormalName="Photo"/></ContentItem></NewsComponent></NewsItem>`;
    expect(parse(`<NewsML>${text('A')}${photoOnly}${text('B')}</NewsML>`).map((a) => a.key)).toEqual(['urn:newsml:gwn.example:20240105:A', 'urn:newsml:gwn.example:20240105:B']);
    expect(() => parse(`<NewsML>${photoOnly}</NewsML>`)).toThrow('no text found: NewsML 1.2 item urn:newsml:gwn.example:20240105:PH has no text content');
    expect(() => parse('<NewsML><NewsEnvelope/></NewsML>')).toThrow(FileRefused);
  });

  it('malformed NewsML is refused with its position', () => {
    expect(() => parse('<NewsML>\n<NewsItem><Identification></NewsItem></NewsML>')).toThrow(/^NewsML 1\.2: malformed XML at line 2, column \d+/u);
  });
});

describe('newsml-1.2', () => {
  it.each([
    ['a NewsML root', '<?xml version="1.0"?>\n<NewsML Version="1.2">', 0.95],
    ['a bare NewsItem with Identification', '<NewsItem><Identification>', 0.9],
    ['a NewsItem that is not NewsML 1.2 (near miss)', '<NewsItem><Title>x</Title>', 0],
    ['a G2 newsItem (lower case)', '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">', 0],
  ])('confidence for %s', (_what, head, score) => {
    expect(newsml12Parser.detect(input(head))).toBe(score);
  });
});

const CORPUS: Record<string, Expected[]> = {
  'afp.xml': [{ headline: 'Sweden court accepts receivership for Saab carmaker', dateline: 'STOCKHOLM, Aug 29, 2014 (AFP)', language: 'en', postedAt: '2014-08-29T13:49:51+00:00', starts: 'A Chinese-owned company set up to take over', paragraphs: 10, urgency: 4, priority: 4, slugline: 'Sweden-SAAB', genre: 'business', usageTerms: 'NO ARCHIVAL USE', keywords: ['Sweden', 'China', 'auto', 'business', 'bankruptcy', 'Saab'], provider: 'AFP', identity: { provider: 'afp', id: 'urn:newsml:afp.com:20140829T135002Z:TX-PAR-FXW86', version: 1 } }],
  'afp20.xml': [{ headline: "Décès de Naomi Musenga: l'opératrice du Samu définitivement condamnée", dateline: 'Strasbourg, 10 juil 2024 (AFP)', language: 'fr', postedAt: '2024-07-10T12:59:02+00:00', starts: "L'opératrice du Samu condamnée", paragraphs: 2, copyrightHolder: 'AFP', slugline: 'procès-santé-secours' }],
  'ana1.xml': [{ headline: 'Wage employment balance positive in Jan-March', dateline: '', dek: 'Wage employment in the private sector grew in March, recording the best performance since 2001, the Labour ministry said in a report released on Wednesday.', language: 'en', postedAt: '2018-04-04T17:58:59+03:00', starts: 'Wage employment in the private sector', paragraphs: 4, genre: 'Current', creditLine: 'ΑΠΕ-ΜΠΕ', located: { name: 'Athens', countryCode: '' }, identity: { provider: 'ana-mpe.gr', id: 'urn:newsml:ana-mpe.gr:20180404:19336333', version: 1 } }],
  'businesswire-newsml-20130515006361.xml': [{ headline: 'Dell Redefines Workstation Computing Boundaries with Smallest Tower and Most Powerful Rack Workstations', dateline: 'ROUND ROCK, Texas', language: 'en', postedAt: '2013-05-16T04:01:00+00:00', starts: 'Dell today announced an expanded and stronger Dell Precision workstation portfolio', paragraphs: 26, slugline: 'TX-DELL', copyrightHolder: 'Business Wire', flags: ['mojibake-repaired'] }],
  'businesswire-newsml-20130605006126.xml': [{ headline: 'Cambrios被Gartner評選為「最酷供應商」', dateline: '加州桑尼維爾', language: 'zh', starts: '(美國商業資訊)--', paragraphs: 14 }],
  'businesswire-newsml-20130612006110.xml': [{ headline: 'APP发布“2020 可持续发展路线图”第三次工作进展报告，并将继续落实森林保护政策', dek: '旗下浆纸厂将于2013年8月全面停止接收天然林木材', dateline: '印尼雅加达', language: 'zh', starts: '亚洲浆纸业有限公司', paragraphs: 21 }],
  'businesswire-newsml-20130731006140.xml': [{ headline: 'Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In', dateline: 'KANSAS CITY, Mo.', language: 'en', postedAt: '2013-07-31T15:32:00+00:00', starts: 'With more Applebee’s® Lunch Combos', paragraphs: 13, identity: { provider: 'businesswire.com', id: 'urn:newsml:businesswire.com:20010714:20130731006140', version: 1 } }],
};

describe('NewsML 1.2: the real files in interchange/newsml-1.2', () => {
  const dir = interchangeFolder('newsml-1.2');
  it.skipIf(!dir)('every file has a verified expectation', () => {
    expect(folderFiles(dir as string)).toEqual(Object.keys(CORPUS).sort());
  });
  it.skipIf(!dir).each(Object.entries(CORPUS))('%s', (file, expected) => {
    const { parser, articles } = parseCorpusFile(join(dir as string, file));
    expect(parser).toBe('newsml-1.2');
    expect(articles).toHaveLength(expected.length);
    expected.forEach((e, i) => expectArticle(articles[i] as ParsedArticle, e));
  });

  it.skipIf(!dir)('Business Wire mojibake is repaired: the release reads Dell’s, not Dellâ€™s', () => {
    const { articles } = parseCorpusFile(join(dir as string, 'businesswire-newsml-20130515006361.xml'));
    const text = JSON.stringify(articles[0]?.body) + (articles[0]?.fields.dek ?? '');
    expect(text).toContain('Dell’s leadership');
    expect(text).not.toContain('â€');
  });
});
