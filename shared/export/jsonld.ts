// schema.org NewsArticle data for the standalone document. Only fields that
// hold something are written: an empty `description` is worse than none.
import { cleanText, hasText, isoDateTime, jsonForScript, languageTag } from './escape.ts';
import type { ExportArticle } from './types.ts';

export function newsArticleData(article: ExportArticle): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: cleanText(article.headline),
  };
  const set = (key: string, value: unknown) => {
    if (typeof value === 'string' ? hasText(value) : value !== null && !(Array.isArray(value) && value.length === 0)) data[key] = value;
  };
  set('description', cleanText(article.dek));
  set('datePublished', isoDateTime(article.postedAt));
  set('dateModified', isoDateTime(article.updatedAt));
  // A byline line says "By Jane Doe"; the author's name is "Jane Doe".
  if (hasText(article.byline)) {
    const byline = cleanText(article.byline).trim();
    data.author = { '@type': 'Person', name: byline.replace(/^by\s+(?=\S)/i, '') };
  }
  set('dateline', cleanText(article.dateline));
  set('articleSection', cleanText(article.section));
  set('keywords', cleanTags(article.tags));
  set('inLanguage', languageTag(article.language));
  data.wordCount = article.wordCount;
  return data;
}

/** The JSON-LD text, safe to place between <script type="application/ld+json"> tags. */
export function newsArticleJsonLd(article: ExportArticle): string {
  return jsonForScript(newsArticleData(article));
}

export function cleanTags(tags: readonly string[]): string[] {
  return (Array.isArray(tags) ? tags : []).map((t) => cleanText(String(t)).trim()).filter((t) => t !== '');
}
