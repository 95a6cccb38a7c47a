// Export for publication from the app: a preview of the core-rendered,
// sanitized HTML, "Copy HTML" (fragment + plain text on the clipboard),
// "Export…" of one article through a save dialog, and batch export of many
// articles (ids or a search) into a folder chosen with a native dialog.
// File paths never come from the renderer: they come from the dialogs in main.
// Shapes mirror electron/archive/export/types.ts (main checks they agree).
import { z } from 'zod';
import { EXPORT_FORMATS, type ExportFormat, NINJS_VERSIONS } from '../export/types.ts';
import { articleId, MAX_QUERY_LENGTH } from './archive.ts';
import { domain, event, method } from './define.ts';

export interface ExportPreviewValue {
  id: string;
  headline: string;
  /** The standalone document, sanitized in the core (with its own CSP meta): the preview's srcdoc. */
  document: string;
  /** The body fragment, sanitized: what "Copy HTML" puts on the clipboard. */
  fragment: string;
  /** The fragment's plain-text alternative. */
  text: string;
  /** The file name an export would get, without extension (`2019-01-09-slug`). */
  stem: string;
  /** Why export refuses this article now (killed, withheld, embargoed); null when it may go. */
  refusal: ExportRefusalValue | null;
}

/** Mirrors the core's ExportRefusal (electron/archive/export/refusal.ts); main checks they agree. */
export interface ExportRefusalValue {
  code: 'killed' | 'withheld' | 'embargoed';
  reason: string;
  /** For `embargoed`: the instant as the file gave it; null otherwise. */
  embargoedUntil: string | null;
}

export interface ExportSavedValue {
  /** Where the file went; null when the save dialog was cancelled. */
  path: string | null;
  bytes?: number;
  sha256?: string;
  revisionId?: number;
}

export interface ExportFileValue {
  id: string;
  outcome: 'exported' | 'failed';
  headline: string | null;
  file: string | null;
  code: string | null;
  reason: string | null;
}

export interface ExportBatchValue {
  /** The folder chosen; null when the folder dialog was cancelled (nothing was exported). */
  outDir: string | null;
  exported: number;
  failed: number;
  manifest: string | null;
  files: ExportFileValue[];
}

export interface ExportProgressValue {
  done: number;
  total: number;
  rate: number;
  etaSeconds: number | null;
}

/** Batch exports larger than this go through `query` instead of a list of ids. */
export const MAX_EXPORT_IDS = 10_000;

const format = z.enum(EXPORT_FORMATS);
/** ninjs major version, with format `ninjs` (default 2). */
const ninjsVersion = z.union(NINJS_VERSIONS.map((v) => z.literal(v)) as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>]).optional();
/** The user confirmed exporting before an embargo lifts; never lifts a kill or a withhold. */
const ignoreEmbargo = z.boolean().optional();

export const exportContract = domain({
  methods: {
    preview: method<ExportPreviewValue>()(z.strictObject({ id: articleId })),
    /** Puts the article's fragment on the clipboard as text/html with its text/plain alternative; `refused` for a killed, withheld or (unless confirmed) embargoed article. */
    copyHtml: method<{ copied: true; bytes: number }>()(z.strictObject({ id: articleId, ignoreEmbargo })),
    /** Native save dialog, then writes one file and records an `export` revision; `refused` as for copyHtml. */
    saveAs: method<ExportSavedValue>()(z.strictObject({ id: articleId, format, ninjsVersion, ignoreEmbargo })),
    /** Native folder dialog, then exports every id (or every hit of `query`) with a manifest; `progress` events meanwhile. Refused articles are per-file failures. */
    batch: method<ExportBatchValue>()(
      z
        .strictObject({ ids: z.array(articleId).min(1).max(MAX_EXPORT_IDS).optional(), query: z.string().max(MAX_QUERY_LENGTH).optional(), format, ninjsVersion, ignoreEmbargo })
        .refine((v) => (v.ids === undefined) !== (v.query === undefined), 'Give ids or a query, not both.'),
    ),
  },
  events: {
    progress: event<ExportProgressValue>(),
  },
});

export type { ExportFormat };
