// Worker-side export operations (../ipc/export.ts calls them after a native
// dialog chose where to write). Not contract methods: a path reaches them only
// from main's dialogs, never from the page.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Archive } from '../../archive/archive.ts';
import { ArchiveError } from '../../archive/errors.ts';
import { exportArticles } from '../../archive/export/exporter.ts';
import { allHits } from '../../archive/search/allHits.ts';
import { exportRefusal } from '../../archive/export/refusal.ts';
import { renderExport } from '../../archive/export/render.ts';
import { recordExportRevisions } from '../../archive/export/revision.ts';
import type { ExportProgress } from '../../archive/export/types.ts';
import { EXPORT_FORMATS, type ExportFormat, INTERCHANGE_FORMATS, NINJS_VERSIONS, type NinjsVersion } from '../../../shared/export/types.ts';
import { exportIdentity } from '../../archive/export/identity.ts';

type Progress = (value: unknown) => void;

// Like an import, a large batch must not flood the window with messages.
const PROGRESS_INTERVAL_MS = 100;

function formatOf(value: unknown): ExportFormat {
  if (typeof value !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(value)) throw new ArchiveError('invalid-input', 'Unknown export format.');
  return value as ExportFormat;
}

function ninjsVersionOf(value: unknown): NinjsVersion | undefined {
  return (NINJS_VERSIONS as readonly unknown[]).includes(value) ? (value as NinjsVersion) : undefined;
}

function stringArg(args: Record<string, unknown>, key: string): string {
  const value = args[key];
  if (typeof value !== 'string' || value === '') throw new ArchiveError('invalid-input', `export: ${key} is missing.`);
  return value;
}

export const exportOps = {
  /** Every hit of a search, newest first (the same order `copydesk export --query` uses). */
  exportQueryIds(archive: Archive, args: Record<string, unknown>): { ids: string[] } {
    const query = typeof args.query === 'string' ? args.query : '';
    return { ids: allHits(archive, query) };
  },

  /** One article to the exact path the save dialog answered (the dialog already asked about replacing it). */
  exportToFile(archive: Archive, args: Record<string, unknown>): { path: string; bytes: number; sha256: string; revisionId: number } {
    const path = stringArg(args, 'path');
    const format = formatOf(args.format);
    const article = archive.getArticle(stringArg(args, 'id'));
    const refused = exportRefusal(article, new Date(archive.now()), { ignoreEmbargo: args.ignoreEmbargo === true });
    if (refused) throw new ArchiveError('refused', `“${article.headline || 'This article'}” cannot be exported: it is ${refused.reason}.`);
    const ninjsVersion = ninjsVersionOf(args.ninjsVersion);
    // Interchange formats carry the article's guid and this export's version (from its history, before this export is recorded).
    const identity = (INTERCHANGE_FORMATS as readonly string[]).includes(format) ? exportIdentity(archive, article) : undefined;
    const bytes = Buffer.from(renderExport(article, format, { ...(identity ? { identity } : {}), ...(ninjsVersion ? { ninjsVersion } : {}) }), 'utf8');
    writeFileSync(path, bytes);
    const [revisionId] = recordExportRevisions(archive, [{ article, name: `export ${format}: ${basename(path)}` }]);
    return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), revisionId: revisionId ?? 0 };
  },

  /** Many articles into a folder with a manifest (exporter.ts), reporting throttled progress. */
  exportBatch(archive: Archive, args: Record<string, unknown>, progress?: Progress) {
    const ids = Array.isArray(args.ids) ? args.ids.filter((id): id is string => typeof id === 'string') : [];
    let last = 0;
    let pending: ExportProgress | null = null;
    const onProgress = (p: ExportProgress) => {
      pending = p;
      const now = performance.now();
      if (now - last >= PROGRESS_INTERVAL_MS || p.done === p.total) {
        last = now;
        progress?.({ ...p });
        pending = null;
      }
    };
    const ninjsVersion = ninjsVersionOf(args.ninjsVersion);
    const report = exportArticles(archive, ids, {
      outDir: stringArg(args, 'outDir'),
      format: formatOf(args.format),
      ...(ninjsVersion ? { ninjsVersion } : {}),
      onProgress,
      ignoreEmbargo: args.ignoreEmbargo === true,
    });
    if (pending) progress?.(pending);
    return report;
  },
};
