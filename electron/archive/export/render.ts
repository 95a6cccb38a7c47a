// One article to the final text of one export format (formats/registry.ts).
import type { ExportArticle, ExportFormat } from '../../../shared/export/types.ts';
import { exportFormat } from './formats/registry.ts';
import type { RenderOptions } from './formats/types.ts';

export type { RenderOptions } from './formats/types.ts';

export function renderExport(article: ExportArticle, format: ExportFormat, options: RenderOptions = {}): string {
  return exportFormat(format).serialize(article, options);
}
