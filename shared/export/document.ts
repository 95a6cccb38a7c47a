// The standalone document: head (charset, CSP, title, description, Open Graph
// article metadata, optional stylesheet, NewsArticle JSON-LD) and the article
// with its header (headline, dek, byline, dateline, times) and body.
// This is the markup handed to the core's allow-list sanitizer; see README.md.
import { cleanText, escapeHtmlAttr, escapeHtmlText, hasText, isoDateTime, languageTag } from './escape.ts';
import { bodyToHtml } from './html.ts';
import { cleanTags, newsArticleJsonLd } from './jsonld.ts';
import { PRINT_STYLESHEET, PRINT_STYLESHEET_HASH } from './stylesheet.ts';
import type { DocumentOptions, ExportArticle } from './types.ts';

/** The `lang` of a page whose article records no language; the importer reads it back as "unknown". */
export const UNDETERMINED_LANGUAGE = 'und';

/** Nothing may load or run: no scripts, frames, fonts, images, forms or base changes. */
export function contentSecurityPolicy(withStylesheet: boolean): string {
  const style = withStylesheet ? `'${PRINT_STYLESHEET_HASH}'` : "'none'";
  return `default-src 'none'; style-src ${style}; img-src 'none'; base-uri 'none'; form-action 'none'`;
}

export function renderDocumentMarkup(article: ExportArticle, options: DocumentOptions = {}): string {
  const withStyle = options.printStylesheet !== false;
  // A page must name its language (WCAG 3.1.1): "und" (BCP 47: undetermined) where the article records none.
  const lang = languageTag(article.language) ?? UNDETERMINED_LANGUAGE;
  const lines = [
    `<html lang="${escapeHtmlAttr(lang)}">`,
    '<head>',
    '<meta charset="utf-8" />',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtmlAttr(contentSecurityPolicy(withStyle))}" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    // HTML requires a non-empty title; the h1 and metadata stay empty-free instead.
    `<title>${escapeHtmlText(hasText(article.headline) ? article.headline : 'Untitled')}</title>`,
    ...headMeta(article),
    ...(withStyle ? [`<style>${PRINT_STYLESHEET}</style>`] : []),
    `<script type="application/ld+json">${newsArticleJsonLd(article)}</script>`,
    '</head>',
    '<body>',
    // One <main> landmark holds the page's content (screen readers jump to it).
    '<main>',
    // The header stands before <article>, not inside it: <article> holds
    // exactly the body, which is where importers and reader views (ours
    // included, issue 3) take the body from. See README.md.
    articleHeader(article),
    '<article>',
    bodyToHtml(article.body),
    '</article>',
    '</main>',
    '</body>',
    '</html>',
  ];
  return `${lines.filter((l) => l !== '').join('\n')}\n`;
}

function meta(attr: 'name' | 'property', key: string, value: string | null): string[] {
  if (!hasText(value)) return [];
  return [`<meta ${attr}="${key}" content="${escapeHtmlAttr(value)}" />`];
}

/** Standard places a CMS or an importer looks for article fields. */
function headMeta(article: ExportArticle): string[] {
  return [
    ...meta('name', 'description', article.dek),
    ...meta('name', 'author', article.byline),
    ...meta('property', 'og:type', 'article'),
    ...meta('property', 'og:title', article.headline),
    ...meta('property', 'article:published_time', isoDateTime(article.postedAt)),
    ...meta('property', 'article:modified_time', isoDateTime(article.updatedAt)),
    ...meta('property', 'article:section', article.section),
    ...cleanTags(article.tags).flatMap((tag) => meta('property', 'article:tag', tag)),
  ];
}

export function articleHeader(article: ExportArticle): string {
  const lines = ['<header>'];
  if (hasText(article.headline)) lines.push(`<h1>${escapeHtmlText(article.headline)}</h1>`);
  if (hasText(article.dek)) lines.push(`<p>${escapeHtmlText(article.dek)}</p>`);
  if (hasText(article.byline)) lines.push(`<p>${escapeHtmlText(article.byline)}</p>`);
  const line: string[] = [];
  if (hasText(article.dateline)) line.push(escapeHtmlText(article.dateline));
  const posted = isoDateTime(article.postedAt);
  if (posted) line.push(timeElement(posted));
  const updated = isoDateTime(article.updatedAt);
  if (updated && updated !== posted) line.push(`Updated ${timeElement(updated)}`);
  if (line.length > 0) lines.push(`<p>${line.join(' · ')}</p>`);
  if (lines.length === 1) return '';
  lines.push('</header>');
  return lines.join('\n');
}

function timeElement(iso: string): string {
  return `<time datetime="${escapeHtmlAttr(iso)}">${escapeHtmlText(displayTime(iso))}</time>`;
}

/**
 * The source's own wall-clock time, read off the ISO string rather than
 * converted through this machine's zone, so a Seoul story exported in London
 * still shows the time printed in Seoul.
 */
export function displayTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::[\d.]+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(iso);
  if (!m) return cleanText(iso);
  const [, date, time, zone] = m;
  if (!time) return date ?? iso;
  const offset = zone === undefined ? '' : zone === 'Z' ? ' UTC' : ` ${zone}`;
  return `${date} ${time}${offset}`;
}
