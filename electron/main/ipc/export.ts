// Handlers of shared/contract/export.ts. The preview renders in a read worker
// (the core sanitizes: sanitize-html needs Node, so the page gets finished
// HTML); writing files runs in the writer worker (it records the `export`
// revisions) after a native dialog in main chose where. One batch at a time.
import type {
  ExportBatchValue,
  exportContract,
  ExportFileValue,
  ExportPreviewValue,
  ExportProgressValue,
  ExportRefusalValue,
  ExportSavedValue,
} from '../../../shared/contract/export.ts';
import { methodChannel } from '../../../shared/contract/define.ts';
import { bodyToPlainText } from '../../../shared/editor/plainText.ts';
import { FORMAT_EXTENSIONS } from '../../../shared/export/types.ts';
import type { Archive } from '../../archive/archive.ts';
import { fileStem } from '../../archive/export/names.ts';
import { renderExport } from '../../archive/export/render.ts';
import type { ExportFileResult, ExportProgress, ExportReport } from '../../archive/export/types.ts';
import { type ExportRefusal, exportRefusal } from '../../archive/export/refusal.ts';
import { IpcError, unwrap } from './errors.ts';
import { type DomainHandlers, inMain, type MainContext, reader } from './types.ts';
import { chooseDestination } from './userChoice.ts';

type Assignable<T extends U, U> = T;
export type FileAgrees = Assignable<ExportFileResult, ExportFileValue>;
export type ProgressAgrees = Assignable<ExportProgress, ExportProgressValue>;
export type RefusalAgrees = Assignable<ExportRefusal, ExportRefusalValue>;

/**
 * The preview frame must never navigate: a link followed inside it lands on an
 * error page (our CSP refuses to frame anything) that swallows the dialog's
 * keys. With every link targeting a new window, the sandbox (no allow-popups)
 * refuses the click and the frame stays put. Added after sanitizing, to the
 * preview only: exported files keep their links as they are.
 */
export function previewDocument(exported: string): string {
  return exported.replace(/<head>/i, '<head>\n<base target="_blank" />');
}

export function previewOf(archive: Archive, id: string): ExportPreviewValue {
  const article = archive.getArticle(id);
  return {
    id: article.id,
    headline: article.headline,
    // Without the print stylesheet: the page's own CSP would refuse it in the srcdoc frame anyway (it only affects printing).
    document: previewDocument(renderExport(article, 'html', { printStylesheet: false })),
    fragment: renderExport(article, 'fragment'),
    text: bodyToPlainText(article.body),
    stem: fileStem(article),
    refusal: exportRefusal(article, new Date(archive.now())),
  };
}

/** Refuse before any dialog opens; the core checks again when it writes. */
function refuse(preview: ExportPreviewValue, ignoreEmbargo: boolean | undefined): void {
  const refusal = preview.refusal;
  if (refusal && !(refusal.code === 'embargoed' && ignoreEmbargo === true))
    throw new IpcError('refused', `“${preview.headline || 'This article'}” cannot be exported: it is ${refusal.reason}.`);
}

async function preview(ctx: MainContext, id: string): Promise<ExportPreviewValue> {
  return unwrap<ExportPreviewValue>(await ctx.workers.call('read', methodChannel('export', 'preview'), { id }));
}

let batchRunning = false;

export const exportHandlers = {
  preview: reader((archive, input) => previewOf(archive, input.id)),
  copyHtml: inMain(async (ctx, input) => {
    const value = await preview(ctx, input.id);
    refuse(value, input.ignoreEmbargo);
    const { fragment, text } = value;
    await ctx.writeClipboard({ html: fragment, text });
    return { copied: true as const, bytes: fragment.length };
  }),
  saveAs: inMain(async (ctx, input, caller): Promise<ExportSavedValue> => {
    const value = await preview(ctx, input.id);
    refuse(value, input.ignoreEmbargo);
    const { stem, headline } = value;
    const extension = FORMAT_EXTENSIONS[input.format];
    const path = await chooseDestination(ctx, caller, 'export', (d) => d.saveFile({ title: `Export “${headline || 'article'}”`, defaultName: `${stem}.${extension}`, extensions: [extension] }));
    if (path === null) return { path: null };
    return unwrap<ExportSavedValue>(await ctx.workers.op('write', 'exportToFile', { id: input.id, format: input.format, ninjsVersion: input.ninjsVersion, path, ignoreEmbargo: input.ignoreEmbargo === true }));
  }),
  batch: inMain(async (ctx, input, caller): Promise<ExportBatchValue> => {
    if (batchRunning) throw new IpcError('busy', 'An export is already running; wait for it to finish.');
    batchRunning = true;
    try {
      const ids = input.ids ?? unwrap<{ ids: string[] }>(await ctx.workers.op('read', 'exportQueryIds', { query: input.query ?? '' })).ids;
      if (ids.length === 0) throw new IpcError('invalid-input', 'There is nothing to export: the search found no articles.');
      const outDir = await chooseDestination(ctx, caller, 'export', (d) => d.chooseFolder({ title: `Export ${ids.length} article${ids.length === 1 ? '' : 's'} to a folder` }));
      if (outDir === null) return { outDir: null, exported: 0, failed: 0, manifest: null, files: [] };
      ctx.emit('export', 'progress', { done: 0, total: ids.length, rate: 0, etaSeconds: null });
      const report = unwrap<ExportReport>(
        await ctx.workers.op('write', 'exportBatch', { ids, outDir, format: input.format, ninjsVersion: input.ninjsVersion, ignoreEmbargo: input.ignoreEmbargo === true }, (p) => ctx.emit('export', 'progress', p as ExportProgressValue)),
      );
      const files = report.files.map(({ id, outcome, headline, file, code, reason }) => ({ id, outcome, headline, file, code, reason }));
      return { outDir: report.outDir, exported: report.exported, failed: report.failed, manifest: report.manifest, files };
    } finally {
      batchRunning = false;
    }
  }),
} satisfies DomainHandlers<typeof exportContract>;
