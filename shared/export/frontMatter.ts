// YAML front matter written by hand, every value a double-quoted scalar or a
// flow sequence of them: such a scalar can hold any text once escaped, so no
// headline can start a new key, a comment or a document. Keys are the ones the
// importer reads (title, date, updated, byline, section, tags, dek, slug,
// language), plus dateline, which has no other home in Markdown.
//
// The values are HTML text, not raw text: `&`, `<` and `>` are written as
// `&amp;`, `&lt;` and `&gt;` (issue 14). Site generators print front matter
// into pages, often unescaped (`{{ .Title | safeHTML }}`, `{{{ title }}}`);
// a headline such as `<img src=x onerror=…>` must not become markup there.
// Printed as element text, a value shows as the article's text; a template
// that escapes shows the entities (e.g. `&amp;`) instead. Our importer reads
// them back (readFrontMatterText). Quotes are left as they are: a template
// that puts a value into an attribute must escape it.
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

const HTML_TEXT: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const HTML_TEXT_BACK: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>' };

/** A front matter value: the text with `&`, `<`, `>` as entities, in a YAML double-quoted scalar. */
export function frontMatterValue(value: string): string {
  return yamlString(cleanText(value).replace(/[&<>]/g, (c) => HTML_TEXT[c] ?? c));
}

/** The text of a front matter value frontMatterValue wrote (one pass, so `&amp;lt;` reads as `&lt;`). */
export function readFrontMatterText(value: string): string {
  return value.replace(/&(amp|lt|gt);/g, (_, name: string) => HTML_TEXT_BACK[name] ?? '');
}

export function frontMatter(article: ExportArticle): string {
  const lines = ['---', `title: ${frontMatterValue(article.headline)}`];
  const add = (key: string, value: string | null) => {
    if (hasText(value)) lines.push(`${key}: ${frontMatterValue(value)}`);
  };
  add('date', isoDateTime(article.postedAt));
  add('updated', isoDateTime(article.updatedAt));
  add('byline', article.byline);
  add('dateline', article.dateline);
  add('section', article.section);
  const tags = cleanTags(article.tags);
  if (tags.length > 0) lines.push(`tags: [${tags.map(frontMatterValue).join(', ')}]`);
  add('dek', article.dek);
  add('slug', article.slug);
  add('language', languageTag(article.language));
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
