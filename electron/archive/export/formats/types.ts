// An export format is a module behind one small interface, listed once in
// registry.ts: adding a format touches its module and the list, nothing else.
import type { DocumentOptions, ExportArticle, ExportFormat, ExportIdentity, NinjsVersion } from '../../../../shared/export/types.ts';

export interface RenderOptions extends DocumentOptions {
  /** For the interchange formats: who the item is and which version (identity.ts); a first version when absent. */
  identity?: ExportIdentity;
  /** ninjs major version (default 2). */
  ninjsVersion?: NinjsVersion;
}

export interface ExportFormatModule {
  format: ExportFormat;
  /** File name extension, without the dot. */
  extension: string;
  mediaType: string;
  /** A short description for help texts and the export dialog. */
  label: string;
  serialize(article: ExportArticle, options: RenderOptions): string;
}
