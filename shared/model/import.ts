// What an import reports, file by file. Shared by the importer, the CLI
// (`copydesk import --json` prints ImportReport: a public interface, add
// fields, never rename or remove) and the IPC contract.
// `skipped`: deliberately not read (a hidden file or folder such as .DS_Store or
// .git); not a failure, so it never makes the import exit with 2.
export type ImportOutcome = 'imported' | 'duplicate' | 'updated' | 'failed' | 'skipped';

export interface ImportFileResult {
  path: string;
  outcome: ImportOutcome;
  /** The article created, updated or matched; null when the file failed or was skipped. */
  articleId: string | null;
  /** Why it failed, or what to know about it (e.g. "no body: title only"); null when nothing to say. */
  reason: string | null;
  encoding?: string | null;
  confidence?: number | null;
  /** Extra notes such as `low-confidence-encoding`, `no-body`. */
  flags?: string[];
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  currentFile: string | null;
  /** Files per second so far. */
  rate: number;
  /** Seconds left at the current rate; null until known. */
  etaSeconds: number | null;
}

export interface ImportReport {
  jobId: number;
  imported: number;
  updated: number;
  duplicates: number;
  failed: number;
  /** Hidden files and folders not read (one row per hidden folder, not per file in it). */
  skipped: number;
  cancelled: boolean;
  files: ImportFileResult[];
  /** Present when `files` holds only the first of the job's files (the app's report): how many there are in all. */
  filesTotal?: number;
}
