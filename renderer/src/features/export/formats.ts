import type { ExportFormat, NinjsVersion } from '../../../../shared/export/types.ts';

export const FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  html: 'HTML page',
  fragment: 'HTML fragment',
  md: 'Markdown',
  txt: 'Plain text',
  nitf: 'NITF 3.6 (IPTC)',
  'newsml-g2': 'NewsML-G2 (IPTC)',
  ninjs: 'ninjs (IPTC JSON)',
};

export const NINJS_LABELS: Readonly<Record<NinjsVersion, string>> = { 1: 'ninjs 1.6', 2: 'ninjs 2.2', 3: 'ninjs 3.1' };
