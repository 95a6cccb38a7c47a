// The pull's reads from the server, one at a time on the one connection (a
// read is a snapshot transaction), running up to `depth` batches ahead of
// the one being written. The server answers the next reads while this
// thread writes to SQLite; each read needs this thread only between writes.
export class ReadAhead<T> {
  private readonly reads: Array<Promise<T>> = [];
  private taken = 0;
  private inFlight = false;
  /** Where the next read starts; null once a batch was the last (or a read failed, or closed). */
  private nextAfter: number | null;

  constructor(
    private readonly read: (after: number) => Promise<T>,
    /** The cursor after a batch read from `after`, or null when no batch follows it. */
    private readonly cursorAfter: (batch: T, after: number) => number | null,
    start: number,
    private readonly depth: number,
  ) {
    this.nextAfter = start;
    this.pump();
  }

  /** The next batch, in order; null when there is none. Taking one lets another read start. */
  take(): Promise<T> | null {
    const next = this.reads[this.taken];
    if (!next) return null;
    this.taken += 1;
    this.pump();
    return next;
  }

  /** The read after the one last taken, when there is one (started or done). */
  peek(): Promise<T> | null {
    return this.reads[this.taken] ?? null;
  }

  /** Stop reading; answers once no read is running (the connection idle for whoever uses it next). */
  async close(): Promise<void> {
    this.nextAfter = null;
    await Promise.all(this.reads.slice(this.taken).map((r) => r.catch(() => undefined)));
  }

  private pump(): void {
    const after = this.nextAfter;
    if (this.inFlight || after === null || this.reads.length - this.taken >= this.depth) return;
    this.inFlight = true;
    const read = this.read(after).then(
      (batch) => {
        this.inFlight = false;
        if (this.nextAfter !== null) this.nextAfter = this.cursorAfter(batch, after);
        this.pump();
        return batch;
      },
      (error: unknown) => {
        this.inFlight = false;
        this.nextAfter = null;
        throw error;
      },
    );
    read.catch(() => undefined); // awaited when taken; a failure while a batch is written must not go unhandled
    this.reads.push(read);
  }
}
