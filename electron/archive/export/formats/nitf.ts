// NITF 3.6 (IPTC News Industry Text Format), valid against IPTC's schema
// (tests run xmllint against ../shared/schemas/nitf). docdata carries the
// identity (doc-id = the article's guid, du-key version = the export
// version), urgency, slugline (du-key key), embargo (date.release), expiry,
// editor's note (ed-msg), keywords, copyright and usage terms; tobject.subject
// the subjects; body.head the headline, dek (hl2), bylines with job titles
// (byttl) and dateline; body.content the sanitized body renamed into NITF.
import { languageTag } from '../../../../shared/export/escape.ts';
import type { ExportArticle } from '../../../../shared/export/types.ts';
import { el, serializeXmlDocument, type XmlElement } from '../../../../shared/export/xml.ts';
import type { Subject } from '../../../../shared/model/newsroom.ts';
import { bodyMarkup, hasBlockChildren, type Vocabulary } from './bodyMarkup.ts';
import { firstIdentity, newsroom, nitfNorm, pubStatusOf, text } from './common.ts';
import type { ExportFormatModule } from './types.ts';

export const NITF_NAMESPACE = 'http://iptc.org/std/NITF/2006-10-18/';

// NITF has no strong/underline/strike: every emphasis is <em>.
const nitfVocabulary: Vocabulary = (tag, attrs, children) => {
  switch (tag) {
    case 'p':
    case 'ul':
    case 'ol':
    case 'li':
    case 'hr':
    case 'br':
      return [el(tag)];
    case 'h2':
    case 'h3':
    case 'h4':
      return [el('hl2')];
    case 'blockquote':
      return hasBlockChildren(children) ? [el('bq'), el('block')] : [el('bq'), el('block'), el('p')];
    case 'a':
      return attrs.href ? [el('a', { href: attrs.href })] : 'children';
    case 'strong':
    case 'em':
    case 'u':
    case 's':
      return [el('em')];
    default:
      return 'children';
  }
};

// refnum is a required NMTOKEN: a code that is not one is written as a token
// there and exactly in tobject.subject.code; a subject with no code gets refnum 0.
// ASCII only: validators differ on which other letters XML 1.0 names allow.
const NMTOKEN = /^[A-Za-z0-9._:-]+$/u;

function subjectElement(s: Subject): XmlElement {
  const token = NMTOKEN.test(s.code) ? s.code : s.code.replace(/[^A-Za-z0-9._:-]+/gu, '_').replace(/^_*$/u, '') || '0';
  return el('tobject.subject', {
    'tobject.subject.ipr': s.scheme,
    'tobject.subject.refnum': token,
    'tobject.subject.code': token === s.code ? null : s.code,
    'tobject.subject.type': s.label,
  });
}

function bylines(article: ExportArticle): XmlElement[] {
  const meta = newsroom(article);
  if (meta.authors.length > 0)
    return meta.authors.map((a) => el('byline', {}, el('person', {}, a.name), text(a.role) ? el('byttl', {}, a.role) : null));
  return text(article.byline) ? [el('byline', {}, article.byline)] : [];
}

export function renderNitf(article: ExportArticle, identity = firstIdentity(article)): string {
  const meta = newsroom(article);
  const lang = languageTag(article.language);
  const head = el(
    'head',
    {},
    el('title', {}, article.headline),
    meta.subjects.length > 0
      ? el(
          'tobject',
          { 'tobject.type': 'news' },
          ...meta.subjects.map(subjectElement),
        )
      : null,
    el(
      'docdata',
      { 'management-status': pubStatusOf(article) },
      identity.signals.includes('correction') ? el('correction', { info: `Correction to version ${identity.version - 1}`, 'id-string': identity.guid }) : null,
      meta.located ? el('evloc', { 'iso-cc': meta.located.countryCode, city: meta.located.name }) : null,
      el('doc-id', { 'id-string': identity.guid, regsrc: identity.provider }),
      meta.urgency !== null ? el('urgency', { 'ed-urg': meta.urgency }) : null,
      nitfNorm(article.postedAt) ? el('date.issue', { norm: nitfNorm(article.postedAt) }) : null,
      nitfNorm(meta.embargoedUntil) ? el('date.release', { norm: nitfNorm(meta.embargoedUntil) }) : null,
      nitfNorm(meta.expiresAt) ? el('date.expire', { norm: nitfNorm(meta.expiresAt) }) : null,
      text(meta.editorNote) ? el('ed-msg', { info: meta.editorNote }) : null,
      el('du-key', { key: meta.slugline, version: identity.version, generation: identity.version }),
      text(meta.copyrightHolder) ? el('doc.copyright', { holder: meta.copyrightHolder }) : null,
      text(meta.usageTerms) || text(meta.creditLine) ? el('doc.rights', { limitations: meta.usageTerms, agent: meta.creditLine }) : null,
      meta.keywords.length > 0 ? el('key-list', {}, ...meta.keywords.map((k) => el('keyword', { key: k }))) : null,
    ),
    el('pubdata', { type: 'web', 'position.section': article.section, 'date.publication': nitfNorm(article.postedAt) }),
  );
  const bodyHead = el(
    'body.head',
    {},
    el('hedline', {}, el('hl1', {}, article.headline), text(article.dek) ? el('hl2', {}, article.dek) : null),
    ...bylines(article),
    text(article.dateline) ? el('dateline', {}, article.dateline) : null,
  );
  const content = el('body.content', {}, ...bodyMarkup(article, nitfVocabulary));
  const root = el(
    'nitf',
    { xmlns: NITF_NAMESPACE, version: '-//IPTC//DTD NITF 3.6//EN', baselang: lang },
    head,
    el('body', {}, bodyHead, content),
  );
  return serializeXmlDocument(root);
}

export const nitfFormat: ExportFormatModule = {
  format: 'nitf',
  extension: 'xml',
  mediaType: 'application/nitf+xml',
  label: 'NITF 3.6 (IPTC)',
  serialize: (article, options) => renderNitf(article, options.identity),
};
