// What family 10's app process (families/loadChild.ts, DOM-typed) is told and
// reports back to the family (families/load.ts, Node-typed): shared here so
// neither type-checks the other.
export interface LoadChildConfig {
  archivePath: string;
  importDir: string;
  ui: boolean;
  words: string[];
  /** After the import, type again while this many CPU-bound threads run (0 = no control phase). */
  controlThreads: number;
}

export interface Latencies {
  n: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
  /** Queries replaced in the read queue by a newer one before they ran; not in the latencies. */
  superseded: number;
}

export interface LoadChildFigures {
  /**
   * The idle baseline: the words typed once before the import and once after
   * it (A-B-A), pooled, so a machine whose speed drifts during the run (a
   * shared VM) is not read as the import's cost, and the archive's size (it
   * grows during the import) is bracketed on both sides.
   */
  idle: Latencies;
  idleBefore: Latencies;
  idleAfter: Latencies;
  importing: Latencies;
  /** The same typing while CPU-bound threads (no I/O) run: what CPU contention alone costs. */
  control: { threads: number; search: Latencies } | null;
  /** Searches the reader itself ran for over 40 ms (its slow log), per phase: execution, not queueing. */
  readerOver40ms: { idle: ReaderTimes; importing: ReaderTimes };
  /** The writer's own account of how the import gave way to the window's reads (its log line), or null. */
  importGaveWay: string | null;
  /** Main's event-loop delay per phase (p99, max): the dispatcher runs there. */
  mainLagMs: { idle: { p99: number; max: number }; importing: { p99: number; max: number } };
  /** Most typist searches waiting at once per phase: a growing queue means the readers cannot keep up. */
  maxInFlight: { idle: number; importing: number };
  /** The page's own (debounced) searches, timed at the IPC gate; null without Chromium. */
  uiSearch: { idle: Latencies; importing: Latencies } | null;
  /** Durations of the page's long tasks (> 50 ms) per phase; null without Chromium. */
  longTasks: { idle: number[]; importing: number[] } | null;
  /** The longest animation frames per phase, with the scripts that ran in them (what a long task was). */
  longFrames: { idle: LongFrame[]; importing: LongFrame[] } | null;
  /** The longest long tasks per phase and which of the app's events (import progress, finished, archive changed) each was handling. */
  longTaskEvents: { idle: string[]; importing: string[] } | null;
  /**
   * The long task in which the page took delivery of the import's finished
   * event (null: none was over 50 ms) and the app listener's share of it. The
   * harness delivers events with Playwright's page.evaluate, whose argument
   * decoding is far slower than Electron's structured clone.
   */
  finishedTask: { taskMs: number; listenerMs: number } | null;
  /** The slowest keystroke queries per phase, as `"query" N ms`. */
  slowest: { idle: string[]; importing: string[] };
  rendererHeapPeakMb: number | null;
  import: { ok: boolean; error?: string; seconds: number; imported: number; duplicates: number; failed: number; skipped: number; filesTotal: number; progressEvents: number; finishedEventMb: number; finishedCloneMs: number | null };
  seconds: Record<string, number>;
  crashed?: string;
}

export interface LongFrame {
  ms: number;
  blockingMs: number;
  /** Page time the frame started (ms since the page loaded). */
  atMs: number;
  /** In scripts (attributed ones only), in requestAnimationFrame/observers, in style and layout. */
  scriptMs: number;
  renderMs: number;
  layoutMs: number;
  scripts: string[];
}

export interface ReaderTimes {
  n: number;
  p50: number;
  p95: number;
  max: number;
}
