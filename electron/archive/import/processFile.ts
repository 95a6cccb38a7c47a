// The database half of importing one file: turn a prepared file (see
// prepareFile.ts) into outcome rows and writes. The caller wraps the call in
// a savepoint, so a throw anywhere leaves nothing.
import type { Archive } from '../archive.ts';
import type { Zone } from '../time/zone.ts';
import type { PreparedFile } from './prepareFile.ts';
import { type ImportLookups, storeArticle } from './store.ts';
import type { ImportFileResult } from './types.ts';
import type { WalkEntry } from './walk.ts';

export interface FileContext {
  archive: Archive;
  lookups: ImportLookups;
  /** The importer's batched search indexing; flushed before an article is updated. */
  index: { flush(): void };
  zone: Zone;
  onDuplicate: 'skip' | 'keep-both';
  now: string;
}

export interface FileRow {
  result: ImportFileResult;
  /** For container records: the file they came from. */
  containerPath?: string;
}

export interface ProcessedFile {
  rows: FileRow[];
  sha256: string | null;
  bytes: number;
}

export function failedRow(path: string, reason: string, extra: Partial<ImportFileResult> = {}): FileRow {
  return { result: { path, outcome: 'failed', articleId: null, reason, encoding: null, confidence: null, flags: [], ...extra } };
}

export function applyPreparedFile(entry: WalkEntry, prepared: PreparedFile, ctx: FileContext): ProcessedFile {
  if (prepared.kind === 'failed')
    return { rows: [failedRow(entry.path, prepared.reason, prepared.decoded ?? {})], sha256: prepared.sha256, bytes: 0 };
  if (prepared.kind === 'skipped') {
    const result: ImportFileResult = { path: entry.path, outcome: 'skipped', articleId: null, reason: prepared.reason, encoding: null, confidence: null, flags: [] };
    return { rows: [{ result }], sha256: null, bytes: 0 };
  }
  // Looked up again here, not trusted from before preparing: an earlier file of this batch may have written it.
  const known = ctx.lookups.existing(entry.path);
  if (known && known.source_sha256 === prepared.sha256) {
    const result: ImportFileResult = { path: entry.path, outcome: 'duplicate', articleId: known.id, reason: 'unchanged since it was last imported', flags: [] };
    return { rows: [{ result }], sha256: prepared.sha256, bytes: prepared.size };
  }
  if (prepared.kind === 'unchanged') throw new Error(`${entry.path}: prepared as unchanged, but the archive no longer holds those bytes for it`);
  const { container, decoded } = prepared;
  const storeCtx = {
    archive: ctx.archive,
    lookups: ctx.lookups,
    index: ctx.index,
    sha256: prepared.sha256,
    encoding: decoded.encoding,
    confidence: decoded.confidence,
    format: prepared.format,
    timezone: ctx.zone.name,
    onDuplicate: ctx.onDuplicate,
    now: ctx.now,
  };
  const rows: FileRow[] = [];
  let wrote = false;
  for (const article of prepared.articles) {
    const path = container ? `${entry.path}#${article.key ?? rows.length + 1}` : entry.path;
    const flags = [...prepared.decodeFlags, ...article.flags, ...(container ? ['record'] : [])];
    // An item with an identity may say nothing but a notice (a bare kill): its article decides what that means.
    if (!container && article.empty && !article.identity) {
      rows.push(failedRow(path, `no text found (read as ${prepared.format})`, { ...decoded, flags }));
      continue;
    }
    const stored = storeArticle(storeCtx, path, article, container, container ? undefined : (known ?? null));
    if (stored.outcome !== 'duplicate') wrote = true;
    rows.push({
      result: { path, outcome: stored.outcome, articleId: stored.articleId, reason: stored.reason ?? article.note, ...decoded, flags: [...flags, ...stored.flags] },
      ...(container ? { containerPath: entry.path } : {}),
    });
  }
  if (wrote && prepared.original) ctx.lookups.keepOriginal(prepared.sha256, prepared.size, prepared.original);
  return { rows, sha256: prepared.sha256, bytes: prepared.size };
}
