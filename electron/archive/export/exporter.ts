// Export many articles to a folder: one file each, a manifest.json, an
// `export` revision per article, and an outcome for every id asked for.
// One article failing never stops the others.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Archive } from '../archive.ts';
import { ArchiveError, isArchiveError } from '../errors.ts';
import type { Article } from '../../../shared/model/article.ts';
import { FORMAT_EXTENSIONS, INTERCHANGE_FORMATS, type ExportIdentity } from '../../../shared/export/types.ts';
import { exportIdentity } from './identity.ts';
import { fileStem, NameAllocator, pathInside } from './names.ts';
import { exportRefusal } from './refusal.ts';
import { renderExport } from './render.ts';
import { type ExportMark, recordExportRevisions } from './revision.ts';
import { type ArticleRow, articleFromRow } from '../articles/mapper.ts';
import { pickFields } from '../archive.ts';
import { snapshotHash } from '../revisions/repository.ts';
import type { ExportFailureCode, ExportFileResult, ExportManifest, ExportOptions, ExportReport } from './types.ts';

export const MANIFEST_NAME = 'manifest.json';
// Revisions are written in batches: one transaction per article would cost
// more than the export itself.
const REVISION_BATCH = 500;

export function exportArticles(archive: Archive, ids: readonly string[], options: ExportOptions): ExportReport {
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const manifestPath = join(outDir, MANIFEST_NAME);
  if (!options.overwrite && existsSync(manifestPath))
    throw new ArchiveError('invalid-input', `${outDir} already holds an export (${MANIFEST_NAME}); choose another folder or pass --overwrite.`);

  const unique = [...new Set(ids)];
  const names = new NameAllocator([MANIFEST_NAME]);
  const files: ExportFileResult[] = [];
  const pending: Array<{ mark: ExportMark; result: ExportFileResult }> = [];
  const record = options.recordRevisions !== false;
  const started = Date.now();

  const flush = () => {
    const revIds = recordExportRevisions(archive, pending.map((p) => p.mark));
    pending.forEach((p, i) => (p.result.revisionId = revIds[i] ?? null));
    pending.length = 0;
  };

  for (const [index, id] of unique.entries()) {
    const { result, article, stored } = exportOne(archive, id, outDir, names, options);
    files.push(result);
    if (record && article && result.outcome === 'exported') {
      pending.push({ mark: { article, name: `export ${options.format}: ${result.file}`, ...(stored ? { stored } : {}) }, result });
      if (pending.length >= REVISION_BATCH) flush();
    }
    options.onFile?.(result);
    if (options.onProgress) {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? (index + 1) / seconds : 0;
      const left = unique.length - index - 1;
      options.onProgress({ done: index + 1, total: unique.length, rate, etaSeconds: rate > 0 ? left / rate : null });
    }
  }
  if (record) flush();

  const articles = files.flatMap((f) =>
    f.outcome === 'exported' && f.file && f.sha256 && f.bytes !== null
      ? [{ id: f.id, headline: f.headline ?? '', file: f.file, sha256: f.sha256, bytes: f.bytes, ...(f.guid ? { guid: f.guid, version: f.version } : {}) }]
      : [],
  );
  const manifest: ExportManifest = {
    format: options.format,
    ...(options.format === 'ninjs' ? { ninjsVersion: options.ninjsVersion ?? 2 } : {}),
    exportedAt: archive.now(),
    count: articles.length,
    articles,
  };
  writeAtomically(manifestPath, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  const exported = articles.length;
  return { format: options.format, outDir, exported, failed: files.length - exported, manifest: manifestPath, files };
}

function exportOne(
  archive: Archive,
  id: string,
  outDir: string,
  names: NameAllocator,
  options: ExportOptions,
): { result: ExportFileResult; article?: Article; stored?: ExportMark['stored'] } {
  const failed = (code: ExportFailureCode, reason: string, headline: string | null = null): { result: ExportFileResult } => ({
    result: { id, outcome: 'failed', headline, file: null, sha256: null, bytes: null, revisionId: null, code, reason },
  });
  // The row is read once: the article, its identity and its export mark all come from it.
  let row: ArticleRow;
  try {
    row = archive.requireRow(id);
  } catch (error) {
    if (isArchiveError(error) && error.code === 'not-found') return failed('not-found', error.message);
    throw error;
  }
  const article = articleFromRow(row);
  // Hashed once: the identity looks it up among earlier exports, the export mark stores it.
  const stored = { seq: row.seq, bodyId: row.body_id, bodyHash: row.body_hash, snapshotHash: snapshotHash({ fields: pickFields(article) }, row.body_hash) };
  const refused = exportRefusal(article, new Date(archive.now()), { ignoreEmbargo: options.ignoreEmbargo === true });
  if (refused) return failed(refused.code, refused.reason, article.headline);
  let bytes: Buffer;
  // The interchange formats carry the article's guid and the version this export is.
  const identity: ExportIdentity | undefined = (INTERCHANGE_FORMATS as readonly string[]).includes(options.format)
    ? exportIdentity(archive, article, options.provider ? { provider: options.provider } : {}, stored)
    : undefined;
  try {
    bytes = Buffer.from(
      renderExport(article, options.format, {
        printStylesheet: options.printStylesheet !== false,
        ...(identity ? { identity } : {}),
        ...(options.ninjsVersion ? { ninjsVersion: options.ninjsVersion } : {}),
      }),
      'utf8',
    );
  } catch (error) {
    // A body the serializer cannot read (corrupt JSON) fails this article only.
    return failed('render-error', (error as Error).message, article.headline);
  }
  const file = names.allocate(fileStem(article), FORMAT_EXTENSIONS[options.format]);
  let path: string;
  try {
    path = pathInside(outDir, file);
  } catch (error) {
    return failed('unsafe-path', (error as Error).message, article.headline);
  }
  try {
    if (options.overwrite) writeAtomically(path, bytes);
    else writeFileSync(path, bytes, { flag: 'wx' }); // O_EXCL: never replaces a file, never follows a symlink
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return failed('exists', `${file} already exists in the folder; pass --overwrite to replace it.`, article.headline);
    return failed('io-error', `cannot write ${file}: ${(error as Error).message}`, article.headline);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    result: {
      id,
      outcome: 'exported',
      headline: article.headline,
      file,
      sha256,
      bytes: bytes.length,
      revisionId: null,
      ...(identity ? { guid: identity.guid, version: identity.version } : {}),
      code: null,
      reason: null,
    },
    article,
    stored,
  };
}

/**
 * Write to a temporary name in the same folder, then rename over the target:
 * a reader never sees half a file, and a symlink planted at the target is
 * replaced rather than followed out of the folder.
 */
function writeAtomically(path: string, bytes: Buffer): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was left behind
    }
    throw error;
  }
}
