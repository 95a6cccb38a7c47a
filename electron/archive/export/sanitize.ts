// The allow-list pass every HTML export goes through LAST. The serializer in
// shared/export already escapes everything; this pass is the independent
// second line: whatever a serializer bug let through, only these tags and
// attributes leave the building. Nothing edits its output afterwards
// (the doctype is a constant written before it; see README.md).
import sanitizeHtml from 'sanitize-html';
import { PRINT_STYLESHEET } from '../../../shared/export/stylesheet.ts';
import { contentSecurityPolicy } from '../../../shared/export/document.ts';

const BODY_TAGS = ['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br', 'a', 'strong', 'em', 'u', 's'];
const ARTICLE_TAGS = [...BODY_TAGS, 'article', 'header', 'h1', 'time'];
// `main`: the standalone page's one main landmark, around the header and the article (accessibility).
const DOCUMENT_TAGS = [...ARTICLE_TAGS, 'html', 'head', 'body', 'main', 'title', 'meta', 'style', 'script'];

const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];
const LINK_PREFIX = /^(?:https?:|mailto:|tel:)/i;

const BODY_ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
  a: ['href', { name: 'rel', multiple: false, values: ['noopener noreferrer'] }],
  ol: ['start'],
};

const META_NAMES = new Set(['description', 'author', 'viewport']);
const META_PROPERTIES = new Set([
  'og:type',
  'og:title',
  'article:published_time',
  'article:modified_time',
  'article:section',
  'article:tag',
]);
const ALLOWED_CSP = new Set([contentSecurityPolicy(true), contentSecurityPolicy(false)]);

const common: sanitizeHtml.IOptions = {
  disallowedTagsMode: 'discard',
  allowedSchemes: LINK_SCHEMES,
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  allowedClasses: {},
  parseStyleAttributes: false,
  // Text inside a dropped script, style, textarea, option, etc. is dropped with it.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'xmp', 'noembed', 'noframes', 'plaintext', 'svg', 'math'],
  transformTags: {
    // Relative URLs pass sanitize-html's scheme check; an export has no base to
    // resolve them against, so only absolute allowed schemes keep their href.
    a: (tagName, attribs) => {
      const href = attribs.href ?? '';
      const out = { ...attribs };
      delete out.rel;
      if (!LINK_PREFIX.test(href)) delete out.href;
      // An external link never hands the new page a handle on this one, nor a referrer.
      else if (/^https?:/i.test(href)) out.rel = 'noopener noreferrer';
      return { tagName, attribs: out };
    },
  },
};

/** For the fragment: the body blocks only. */
export const FRAGMENT_POLICY: sanitizeHtml.IOptions = {
  ...common,
  allowedTags: BODY_TAGS,
  allowedAttributes: BODY_ATTRIBUTES,
};

/** For the standalone document: the body plus the head we write ourselves. */
export const DOCUMENT_POLICY: sanitizeHtml.IOptions = {
  ...common,
  allowedTags: DOCUMENT_TAGS,
  // script and style are allowed only in the exact forms exclusiveFilter admits below.
  allowVulnerableTags: true,
  allowedAttributes: {
    ...BODY_ATTRIBUTES,
    html: ['lang'],
    time: ['datetime'],
    meta: [
      'charset',
      'name',
      'property',
      'content',
      { name: 'http-equiv', multiple: false, values: ['Content-Security-Policy'] },
    ],
    script: [{ name: 'type', multiple: false, values: ['application/ld+json'] }],
  },
  exclusiveFilter: (frame) => !admitted(frame),
};

function admitted(frame: sanitizeHtml.IFrame): boolean {
  const a = frame.attribs;
  switch (frame.tag) {
    case 'script':
      return a.type === 'application/ld+json' && Object.keys(a).length === 1 && isNewsArticleJson(frame.text);
    case 'style':
      return Object.keys(a).length === 0 && frame.text === PRINT_STYLESHEET;
    case 'meta':
      return admittedMeta(a);
    default:
      return true;
  }
}

function admittedMeta(a: Record<string, string>): boolean {
  const keys = Object.keys(a).sort().join(' ');
  if (keys === 'charset') return a.charset?.toLowerCase() === 'utf-8';
  // http-equiv is admitted only as our own CSP: never refresh, set-cookie or a looser policy.
  if (keys === 'content http-equiv') return a['http-equiv'] === 'Content-Security-Policy' && ALLOWED_CSP.has(a.content ?? '');
  if (keys === 'content name') return META_NAMES.has(a.name ?? '');
  if (keys === 'content property') return META_PROPERTIES.has(a.property ?? '');
  return false;
}

/**
 * A JSON-LD block survives only when it cannot be anything else: no `<` at all
 * (so no `</script` or `<!--`), valid JSON, a NewsArticle object.
 */
export function isNewsArticleJson(text: string): boolean {
  if (text.includes('<')) return false;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && (value as Record<string, unknown>)['@type'] === 'NewsArticle';
  } catch {
    return false;
  }
}

export const DOCTYPE = '<!DOCTYPE html>\n';

export function sanitizeFragment(markup: string): string {
  return sanitizeHtml(markup, FRAGMENT_POLICY);
}

/** The final text of a standalone export: a constant doctype, then the sanitizer's output, untouched. */
export function sanitizeDocument(markup: string): string {
  return DOCTYPE + sanitizeHtml(markup, DOCUMENT_POLICY);
}
