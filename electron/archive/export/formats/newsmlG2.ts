// NewsML-G2 2.35 newsItem, valid against IPTC's "All Power" schema (tests run
// xmllint against ../shared/schemas/newsml-g2). guid + version are the
// article's identity (identity.ts); itemMeta carries provider, times, embargo,
// pubStatus, editor's note, signals and expiry; contentMeta urgency, located,
// creators with job titles, language, genre, subjects, slugline, headline and
// dek, dateline, by-line, credit line and keywords; the body is the sanitized
// HTML as XHTML in inlineXML.
import { languageTag } from '../../../../shared/export/escape.ts';
import type { ExportArticle } from '../../../../shared/export/types.ts';
import { el, serializeXmlDocument } from '../../../../shared/export/xml.ts';
import type { Subject } from '../../../../shared/model/newsroom.ts';
import { bodyMarkup, type Vocabulary } from './bodyMarkup.ts';
import { dateTime, firstIdentity, newsroom, pubStatusOf, text } from './common.ts';
import type { ExportFormatModule } from './types.ts';

export const G2_NAMESPACE = 'http://iptc.org/std/nar/2006-10-01/';
export const XHTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml';

// The sanitizer's elements are XHTML already; only the names are checked here.
const xhtmlVocabulary: Vocabulary = (tag, attrs) => {
  switch (tag) {
    case 'p':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'ul':
    case 'li':
    case 'blockquote':
    case 'hr':
    case 'br':
    case 'strong':
    case 'em':
    case 'u':
    case 's':
      return [el(tag)];
    case 'ol':
      return [el('ol', { start: attrs.start })];
    case 'a':
      return attrs.href ? [el('a', { href: attrs.href })] : 'children';
    default:
      return 'children';
  }
};

/** A QCode needs a scheme alias; a subject without one is written as a literal. */
function subjectElement(s: Subject) {
  const coded = s.scheme !== '' && s.code !== '' && /^[\w-]+$/u.test(s.scheme) && !/\s/u.test(s.code);
  const name = text(s.label) ? el('name', {}, line(s.label)) : null;
  if (coded) return el('subject', { qcode: `${s.scheme}:${s.code}` }, name);
  return el('subject', { literal: line(s.code !== '' ? (s.scheme !== '' ? `${s.scheme}:${s.code}` : s.code) : s.label) }, name);
}

// Most G2 strings are single-line (the schema's pattern [\S ]*): tabs and line
// breaks become spaces. Editor's notes, usage terms and the body keep theirs.
function line(value: string): string {
  return value.replace(/[\t\n\r]+/gu, ' ');
}

const SIGNAL_QCODES: Record<string, string> = { update: 'sig:update', correction: 'sig:correction', advisory: 'sig:advisory' };

export function renderNewsmlG2(article: ExportArticle, identity = firstIdentity(article)): string {
  const meta = newsroom(article);
  const lang = languageTag(article.language);
  const rights =
    text(meta.copyrightHolder) || text(meta.usageTerms)
      ? el(
          'rightsInfo',
          {},
          text(meta.copyrightHolder) ? el('copyrightHolder', {}, el('name', {}, line(meta.copyrightHolder))) : null,
          text(meta.usageTerms) ? el('usageTerms', {}, meta.usageTerms) : null,
        )
      : null;
  const itemMeta = el(
    'itemMeta',
    {},
    el('itemClass', { qcode: 'ninat:text' }),
    el('provider', { literal: line(identity.provider) }),
    el('versionCreated', {}, dateTime(article.modifiedAt) ?? dateTime(article.updatedAt) ?? identity.exportedAt),
    dateTime(article.postedAt) ? el('firstCreated', {}, dateTime(article.postedAt) as string) : null,
    dateTime(meta.embargoedUntil) ? el('embargoed', {}, dateTime(meta.embargoedUntil) as string) : null,
    el('pubStatus', { qcode: `stat:${pubStatusOf(article)}` }),
    text(meta.editorNote) ? el('edNote', {}, meta.editorNote) : null,
    ...identity.signals.map((s) => (SIGNAL_QCODES[s] ? el('signal', { qcode: SIGNAL_QCODES[s] }) : el('signal', { literal: line(s) }))),
    dateTime(meta.expiresAt) ? el('expires', {}, dateTime(meta.expiresAt) as string) : null,
  );
  const contentMeta = el(
    'contentMeta',
    {},
    meta.urgency !== null ? el('urgency', {}, String(meta.urgency)) : null,
    dateTime(article.updatedAt) ? el('contentModified', {}, dateTime(article.updatedAt) as string) : null,
    meta.located ? el('located', { literal: line(meta.located.countryCode !== '' ? `${meta.located.name}, ${meta.located.countryCode}` : meta.located.name) }, el('name', {}, line(meta.located.name))) : null,
    ...meta.authors.map((a) => el('creator', {}, el('name', {}, line(a.name)), text(a.role) ? el('note', {}, a.role) : null)),
    lang ? el('language', { tag: lang }) : null,
    text(meta.genre) ? el('genre', { literal: line(meta.genre) }, el('name', {}, line(meta.genre))) : null,
    ...meta.subjects.map(subjectElement),
    text(meta.slugline) ? el('slugline', {}, line(meta.slugline)) : null,
    el('headline', {}, line(article.headline)),
    text(article.dek) ? el('headline', { role: 'hlrole:sub' }, line(article.dek)) : null,
    text(article.dateline) ? el('dateline', {}, line(article.dateline)) : null,
    text(article.byline) ? el('by', {}, line(article.byline)) : null,
    text(meta.creditLine) ? el('creditline', {}, line(meta.creditLine)) : null,
    ...meta.keywords.map((k) => el('keyword', {}, line(k))),
  );
  const xhtml = el(
    'html',
    { xmlns: XHTML_NAMESPACE },
    el('head', {}, el('title', {}, article.headline)),
    el('body', {}, ...bodyMarkup(article, xhtmlVocabulary)),
  );
  const root = el(
    'newsItem',
    { xmlns: G2_NAMESPACE, guid: identity.guid, version: identity.version, standard: 'NewsML-G2', standardversion: '2.35', conformance: 'power', 'xml:lang': lang },
    el('catalogRef', { href: CATALOG }),
    rights,
    itemMeta,
    contentMeta,
    el('contentSet', {}, el('inlineXML', { contenttype: 'application/xhtml+xml' }, xhtml)),
  );
  return serializeXmlDocument(root);
}

export const newsmlG2Format: ExportFormatModule = {
  format: 'newsml-g2',
  extension: 'xml',
  mediaType: 'application/vnd.iptc.g2.newsitem+xml',
  label: 'NewsML-G2 2.35 (IPTC)',
  serialize: (article, options) => renderNewsmlG2(article, options.identity),
};
