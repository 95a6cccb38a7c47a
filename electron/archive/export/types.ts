// The exporter's public shapes. `copydesk export --json` prints ExportReport
// (a public interface: add fields, never rename or remove).
import type { ExportFormat, NinjsVersion } from '../../../shared/export/types.ts';

export type ExportOutcome = 'exported' | 'failed';

/**
 * Why an article failed: stable codes the CLI and the app branch on. `killed`,
 * `withheld` and `embargoed` are refusals (refusal.ts): nothing was written.
 */
export type ExportFailureCode = 'not-found' | 'exists' | 'unsafe-path' | 'io-error' | 'render-error' | 'killed' | 'withheld' | 'embargoed';

export interface ExportFileResult {
  id: string;
  outcome: ExportOutcome;
  headline: string | null;
  /** The file name inside the output folder; null when nothing was written. */
  file: string | null;
  sha256: string | null;
  bytes: number | null;
  /** The `export` revision recorded for this file, when revisions are recorded. */
  revisionId: number | null;
  /** Interchange formats: the item's guid and version as written in the file. */
  guid?: string;
  version?: number;
  code: ExportFailureCode | null;
  reason: string | null;
}

export interface ManifestEntry {
  id: string;
  headline: string;
  file: string;
  sha256: string;
  bytes: number;
  /** Interchange formats: the item's guid and version as written in the file. */
  guid?: string;
  version?: number;
}

export interface ExportManifest {
  format: ExportFormat;
  /** ninjs exports: the major version written. */
  ninjsVersion?: NinjsVersion;
  exportedAt: string;
  count: number;
  articles: ManifestEntry[];
}

export interface ExportProgress {
  done: number;
  total: number;
  /** Articles per second so far. */
  rate: number;
  etaSeconds: number | null;
}

export interface ExportOptions {
  outDir: string;
  format: ExportFormat;
  /** Replace files (and manifest.json) that already exist; default false. */
  overwrite?: boolean;
  printStylesheet?: boolean;
  /** ninjs major version (default 2). */
  ninjsVersion?: NinjsVersion;
  /** The provider interchange exports name (default `Copydesk`). */
  provider?: string;
  /** Record an `export` revision per exported article; default true. */
  recordRevisions?: boolean;
  /** Export articles still under embargo (the user confirmed); kills and withholds are refused regardless. */
  ignoreEmbargo?: boolean;
  onProgress?: (progress: ExportProgress) => void;
  onFile?: (result: ExportFileResult) => void;
}

export interface ExportReport {
  format: ExportFormat;
  outDir: string;
  exported: number;
  failed: number;
  /** Absolute path of manifest.json. */
  manifest: string;
  files: ExportFileResult[];
}
