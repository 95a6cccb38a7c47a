// YAML front matter written by hand, every value a double-quoted scalar or a
// flow sequence of them: such a scalar can hold any text once escaped, so no
// headline can start a new key, a comment or a document. Keys are the ones the
// importer reads (title, date, updated, byline, section, tags, dek, slug,
// language), plus dateline, which has no other home in Markdown.
import { cleanText, hasText, isoDateTime, languageTag } from './escape.ts';
import { cleanTags } from './jsonld.ts';
import type { ExportArticle } from './types.ts';

/** A YAML double-quoted scalar. Characters YAML may not carry raw are \u-escaped. */
export function yamlString(value: string): string {
  // YAML's printable set excludes C0/C1 controls; they are written as escapes.
  // eslint-disable-next-line no-control-regex
  const escaped = cleanText(value).replace(/[\\"\u0000-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '"') return '\\"';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

export function frontMatter(article: ExportArticle): string {
  const lines = ['---', `title: ${yamlString(article.headline)}`];
  const add = (key: string, value: string | null) => {
    if (hasText(value)) lines.push(`${key}: ${yamlString(value)}`);
  };
  add('date', isoDateTime(article.postedAt));
  add('updated', isoDateTime(article.updatedAt));
  add('byline', article.byline);
  add('dateline', article.dateline);
  add('section', article.section);
  const tags = cleanTags(article.tags);
  if (tags.length > 0) lines.push(`tags: [${tags.map(yamlString).join(', ')}]`);
  add('dek', article.dek);
  add('slug', article.slug);
  add('language', languageTag(article.language));
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
