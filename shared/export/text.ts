// Plain text: the headline, the dek, a line of byline, dateline and times,
// then the body as bodyToPlainText gives it (the text search and word counts use).
import { bodyToPlainText } from '../editor/plainText.ts';
import { cleanText, hasText, isoDateTime } from './escape.ts';
import type { ExportArticle } from './types.ts';

export function renderText(article: ExportArticle): string {
  const head = [article.headline];
  if (hasText(article.dek)) head.push('', article.dek);
  const meta = [article.byline, article.dateline, isoDateTime(article.postedAt), updatedLabel(article)]
    .filter((v): v is string => hasText(v))
    .join(' · ');
  if (meta !== '') head.push('', meta);
  const body = bodyToPlainText(article.body);
  return `${cleanText([...head, ...(body === '' ? [] : ['', body])].join('\n'))}\n`;
}

function updatedLabel(article: ExportArticle): string | null {
  const updated = isoDateTime(article.updatedAt);
  return updated && updated !== isoDateTime(article.postedAt) ? `updated ${updated}` : null;
}
