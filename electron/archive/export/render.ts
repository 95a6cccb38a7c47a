// One article to the final text of one export format. For the two HTML
// formats the sanitizer is the last thing that touches the text.
import { bodyToHtml } from '../../../shared/export/html.ts';
import { renderDocumentMarkup } from '../../../shared/export/document.ts';
import { renderMarkdown } from '../../../shared/export/markdown.ts';
import { renderText } from '../../../shared/export/text.ts';
import type { DocumentOptions, ExportArticle, ExportFormat } from '../../../shared/export/types.ts';
import { sanitizeDocument, sanitizeFragment } from './sanitize.ts';

export function renderExport(article: ExportArticle, format: ExportFormat, options: DocumentOptions = {}): string {
  switch (format) {
    case 'html':
      return sanitizeDocument(renderDocumentMarkup(article, options));
    case 'fragment': {
      const html = bodyToHtml(article.body);
      return sanitizeFragment(html === '' ? '' : `${html}\n`);
    }
    case 'md':
      return renderMarkdown(article);
    case 'txt':
      return renderText(article);
  }
}
