import type { ExportFormat } from '../../../../shared/export/types.ts';

export const FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  html: 'HTML page',
  fragment: 'HTML fragment',
  md: 'Markdown',
  txt: 'Plain text',
};
