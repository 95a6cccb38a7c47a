// IPTC ninjs (News in JSON) 1.x, 2.x and 3.x; each output validates against the
// JSON Schema of its version (tests use ../shared/schemas/ninjs and ajv).
// uri + version are the article's identity; the body is the sanitized HTML
// (body_html in 1.x, `bodies` with a content type in 2.x and 3.x). Property
// names follow each version: 3.x is camelCase (`pubStatus`, `embargoedUntil`,
// `edNote`), 1.x and 2.x lower-case. JSON.stringify is the one serializer; text
// passes through cleanText (no controls, no lone surrogates).
import { cleanText, languageTag } from '../../../../shared/export/escape.ts';
import type { ExportArticle, ExportIdentity, NinjsVersion } from '../../../../shared/export/types.ts';
import { bodyToPlainText, countWords } from '../../../../shared/editor/plainText.ts';
import type { Subject } from '../../../../shared/model/newsroom.ts';
import { sanitizedBody } from './bodyMarkup.ts';
import { dateTime, firstIdentity, newsroom, pubStatusOf, text } from './common.ts';
import type { ExportFormatModule } from './types.ts';

export const NINJS_SCHEMAS: Record<NinjsVersion, { version: string; schema: string }> = {
  1: { version: '1.6', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json' },
  2: { version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json' },
  3: { version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' },
};

// Well-known scheme aliases, written as the IPTC NewsCodes URIs they stand for.
const SCHEME_URIS: Record<string, string> = {
  medtop: 'http://cv.iptc.org/newscodes/mediatopic/',
  subj: 'http://cv.iptc.org/newscodes/subjectcode/',
};

type Json = Record<string, unknown>;

/** Drop keys whose value is null, undefined, '' or an empty array: ninjs leaves absent fields out. */
function compact(o: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

function subjectUri(s: Subject): string | null {
  const base = SCHEME_URIS[s.scheme];
  return base && /^[\w.-]+$/u.test(s.code) ? `${base}${s.code}` : null;
}

/** 1.x: `scheme` must be a URI; an alias becomes its NewsCodes URI, anything else stays in the code. */
function subject1(s: Subject): Json {
  const scheme = subjectUri(s) ? (SCHEME_URIS[s.scheme] as string) : isUri(s.scheme) ? s.scheme : null;
  const code = scheme || s.scheme === '' ? s.code : `${s.scheme}:${s.code}`;
  return compact({ name: s.label, scheme, code });
}

function isUri(value: string): boolean {
  try {
    return /^[a-z][a-z0-9+.-]*:/iu.test(value) && new URL(value).href !== '';
  } catch {
    return false;
  }
}

function subjects2(list: readonly Subject[]): Json[] {
  return list.map((s) =>
    compact({ name: s.label, uri: subjectUri(s), literal: subjectUri(s) ? null : s.code !== '' ? (s.scheme !== '' ? `${s.scheme}:${s.code}` : s.code) : null }),
  );
}

export function ninjsObject(article: ExportArticle, identity: ExportIdentity, major: NinjsVersion): Json {
  const meta = newsroom(article);
  const html = sanitizedBody(article);
  const plain = bodyToPlainText(article.body);
  const lang = languageTag(article.language);
  const located = meta.located ? meta.located.name : text(article.dateline) ? article.dateline : null;
  const std = { name: 'ninjs', version: NINJS_SCHEMAS[major].version, schema: NINJS_SCHEMAS[major].schema };
  if (major === 1) {
    return compact({
      uri: identity.guid,
      type: 'text',
      version: String(identity.version),
      firstcreated: dateTime(article.postedAt),
      versioncreated: dateTime(article.modifiedAt) ?? dateTime(article.updatedAt) ?? identity.exportedAt,
      embargoed: dateTime(meta.embargoedUntil),
      expires: dateTime(meta.expiresAt),
      pubstatus: pubStatusOf(article),
      urgency: meta.urgency,
      copyrightholder: meta.copyrightHolder,
      usageterms: meta.usageTerms,
      ednote: meta.editorNote,
      language: lang,
      headline: article.headline,
      description_text: article.dek,
      byline: article.byline,
      slugline: meta.slugline,
      located,
      body_html: html,
      wordcount: countWords(plain),
      subject: meta.subjects.map(subject1),
      genre: text(meta.genre) ? [{ name: meta.genre }] : [],
      person: meta.authors.map((a) => compact({ name: a.name, rel: 'author' })),
      infosource: [{ name: identity.provider }],
      $standard: std,
    });
  }
  const camel = major === 3;
  const k = (lower: string, upper: string) => (camel ? upper : lower);
  return compact({
    uri: identity.guid,
    type: 'text',
    [k('representationtype', 'representationType')]: 'full',
    version: String(identity.version),
    [k('firstcreated', 'firstCreated')]: dateTime(article.postedAt),
    [k('versioncreated', 'versionCreated')]: dateTime(article.modifiedAt) ?? dateTime(article.updatedAt) ?? identity.exportedAt,
    [k('embargoed', 'embargoedUntil')]: dateTime(meta.embargoedUntil),
    expires: dateTime(meta.expiresAt),
    [k('pubstatus', 'pubStatus')]: pubStatusOf(article),
    urgency: meta.urgency,
    [k('copyrightholder', 'copyrightHolder')]: meta.copyrightHolder,
    [k('usageterms', 'usageTerms')]: meta.usageTerms,
    [k('ednote', 'edNote')]: meta.editorNote,
    language: lang,
    headlines: [{ role: 'main', value: article.headline }, ...(text(article.dek) ? [{ role: 'sub', value: article.dek }] : [])],
    bodies: html === '' ? [] : [{ role: 'main', [k('contenttype', 'contentType')]: 'text/html', [k('wordcount', 'wordCount')]: countWords(plain), value: html }],
    by: article.byline,
    slugline: meta.slugline,
    located,
    subjects: subjects2(meta.subjects),
    genres: text(meta.genre) ? [{ name: meta.genre }] : [],
    // ninjs has no job title for a person: the role stays in the byline text.
    people: meta.authors.map((a) => compact({ name: a.name, rel: 'author' })),
    [k('infosources', 'infoSources')]: [{ name: identity.provider, role: 'source' }],
    [k('altids', 'altIds')]: text(meta.slugline) ? [{ role: 'slugline', value: meta.slugline }] : [],
    standard: std,
  });
}

export function renderNinjs(article: ExportArticle, identity = firstIdentity(article), major: NinjsVersion = 2): string {
  // Every string, however deep, leaves through cleanText.
  return `${JSON.stringify(ninjsObject(article, identity, major), (_key, value: unknown) => (typeof value === 'string' ? cleanText(value) : value), 2)}\n`;
}

export const ninjsFormat: ExportFormatModule = {
  format: 'ninjs',
  extension: 'json',
  mediaType: 'application/ninjs+json',
  label: 'ninjs (IPTC News in JSON)',
  serialize: (article, options) => renderNinjs(article, options.identity, options.ninjsVersion ?? 2),
};
