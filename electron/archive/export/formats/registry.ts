// Every export format, listed once. The CLI's --format, the app's Export
// dialog and batch export, and the manifest all take their choices from here
// (and from EXPORT_FORMATS in shared/export/types.ts, which this list must match).
import { bodyToHtml } from '../../../../shared/export/html.ts';
import { renderDocumentMarkup } from '../../../../shared/export/document.ts';
import { renderMarkdown } from '../../../../shared/export/markdown.ts';
import { renderText } from '../../../../shared/export/text.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../../../../shared/export/types.ts';
import { sanitizeDocument, sanitizeFragment } from '../sanitize.ts';
import { newsmlG2Format } from './newsmlG2.ts';
import { ninjsFormat } from './ninjs.ts';
import { nitfFormat } from './nitf.ts';
import type { ExportFormatModule } from './types.ts';

// For the two HTML formats the sanitizer is the last thing that touches the text.
const htmlFormat: ExportFormatModule = {
  format: 'html',
  extension: 'html',
  mediaType: 'text/html',
  label: 'HTML page',
  serialize: (article, options) => sanitizeDocument(renderDocumentMarkup(article, options)),
};

const fragmentFormat: ExportFormatModule = {
  format: 'fragment',
  extension: 'html',
  mediaType: 'text/html',
  label: 'HTML fragment (body only)',
  serialize: (article) => {
    const html = bodyToHtml(article.body);
    return sanitizeFragment(html === '' ? '' : `${html}\n`);
  },
};

const markdownFormat: ExportFormatModule = {
  format: 'md',
  extension: 'md',
  mediaType: 'text/markdown',
  label: 'Markdown',
  serialize: (article) => renderMarkdown(article),
};

const textFormat: ExportFormatModule = {
  format: 'txt',
  extension: 'txt',
  mediaType: 'text/plain',
  label: 'Plain text',
  serialize: (article) => renderText(article),
};

export const EXPORT_FORMAT_MODULES: readonly ExportFormatModule[] = [
  htmlFormat,
  fragmentFormat,
  markdownFormat,
  textFormat,
  nitfFormat,
  newsmlG2Format,
  ninjsFormat,
];

const byFormat = new Map(EXPORT_FORMAT_MODULES.map((m) => [m.format, m]));

export function exportFormat(format: ExportFormat): ExportFormatModule {
  const module = byFormat.get(format);
  if (!module) throw new Error(`No export format ${format}`);
  return module;
}

/** For a test: the list and the shared names agree. */
export function registeredFormats(): string[] {
  return EXPORT_FORMATS.filter((f) => byFormat.has(f));
}
