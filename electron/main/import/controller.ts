// One import at a time (the archive has one writer). Starts it in the writer
// worker, forwards throttled progress to the window and keeps the last report's
// summary (counts, job id, first page of rows: the rest stays in the archive).
import type { ImportReportSummaryValue } from '../../../shared/contract/import.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { Emit, ImportControl } from '../ipc/types.ts';
import type { ArchiveWorkers } from '../worker/pool.ts';

export class ImportController implements ImportControl {
  private running = false;
  private last: ImportReportSummaryValue | null = null;
  private done: Promise<void> = Promise.resolve();

  constructor(
    private readonly workers: Pick<ArchiveWorkers, 'runImport' | 'cancelImport'>,
    private readonly emit: Emit,
  ) {}

  start(paths: string[], options: { timezone?: string }): Result<{ started: true }> {
    if (this.running) return err('busy', 'An import is already running; wait for it or cancel it first.');
    this.running = true;
    this.emit('import', 'started', { paths });
    this.done = this.workers
      .runImport(paths, options.timezone, (progress) => this.emit('import', 'progress', progress))
      .then((result) => {
        this.running = false;
        if (result.ok) this.last = result.report;
        this.emit('import', 'finished', result);
        this.emit('archive', 'changed', { reason: 'import' });
      });
    return ok({ started: true });
  }

  cancel(): { cancelling: boolean } {
    return { cancelling: this.running && this.workers.cancelImport() };
  }

  lastReport(): ImportReportSummaryValue | null {
    return this.last;
  }

  /** Resolves when no import is running (quitting waits for a cancelled import to commit its last batch). */
  idle(): Promise<void> {
    return this.done;
  }

  /** Whether an import is running. */
  get busy(): boolean {
    return this.running;
  }
}
