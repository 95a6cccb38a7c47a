// When the app takes its automatic backup: once soon after the archive opens,
// then on every check (hourly by default). Each check asks the writer worker
// to run `autoBackupIfDue`, which is a no-op unless the newest automatic
// backup is older than the archive's interval (daily by default), so checking
// often costs nothing and a laptop that sleeps through the due time catches up
// within the hour. The backup itself runs in the worker, never on main's
// event loop. Failures are logged and retried at the next check; they never
// reach the user's work. No electron import: tested under plain Node.
import type { Result } from '../../../shared/result.ts';
import type { Logger } from '../ipc/types.ts';

export const CHECK_EVERY_MS = 60 * 60 * 1000;
/** Let the window and the first searches have the writer before a backup. */
export const FIRST_CHECK_AFTER_MS = 30 * 1000;

export interface AutoBackupOutcome {
  taken: string | null;
  removed: number;
}

export interface SchedulerDeps {
  /** Runs `autoBackupIfDue` in the writer worker. */
  run(): Promise<Result<AutoBackupOutcome>>;
  /** True while an import holds the writer: the check is put off to the next one. */
  busy(): boolean;
  log: Logger;
  /** Injectable timer (tests pass a fake clock). Returns a cancel function. */
  schedule?(fn: () => void, ms: number): () => void;
  everyMs?: number;
  firstAfterMs?: number;
}

const realSchedule = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  // Never keep the process alive for a backup check alone.
  timer.unref?.();
  return () => clearTimeout(timer);
};

export class AutoBackupScheduler {
  private cancel: (() => void) | null = null;
  private inFlight: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  start(): void {
    this.stopped = false;
    this.next(this.deps.firstAfterMs ?? FIRST_CHECK_AFTER_MS);
  }

  /** Stop checking; resolves when a backup already running has finished (quit waits for it). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancel?.();
    this.cancel = null;
    await this.inFlight;
  }

  /** One check now (also what the timer calls). Never throws. */
  check(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.deps.busy()) {
      this.deps.log.info('automatic backup check put off: an import is running');
      return Promise.resolve();
    }
    this.inFlight = this.deps
      .run()
      .then(
        (result) => {
          if (!result.ok) this.deps.log.warn(`automatic backup failed (${result.error.code}): ${result.error.message}`);
          else if (result.value.taken) this.deps.log.info(`automatic backup taken: ${result.value.taken}${result.value.removed ? ` (${result.value.removed} old ones removed)` : ''}`);
        },
        (error: unknown) => this.deps.log.warn('automatic backup failed', error),
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private next(ms: number): void {
    if (this.stopped) return;
    const schedule = this.deps.schedule ?? realSchedule;
    this.cancel = schedule(() => {
      void this.check().then(() => this.next(this.deps.everyMs ?? CHECK_EVERY_MS));
    }, ms);
  }
}
