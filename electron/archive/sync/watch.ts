// Background sync while online: a connection LISTENs on the server's
// `copydesk_revisions` channel, so a revision saved on another replica is
// pulled at once; a poll is the fallback (and pushes local work even when no
// one else writes). A broken connection is retried with backoff; offline the
// archive works as always and the next round catches up.
import type { Archive } from '../archive.ts';
import { connectServer, type ServerClient } from '../server/connect.ts';
import { sync, type SyncResult } from './engine.ts';
import type { PullWorkerSpec } from './pullWorker/preparer.ts';
import { getRemote } from './remotes.ts';

export interface WatchOptions {
  password?: string;
  /** Milliseconds between polls (default 30 s). */
  pollMs?: number;
  /** After a failure, wait this long before trying again (doubling up to 16×). */
  retryMs?: number;
  /** Called after every round: its counts, or the error (offline, refused…). */
  onRound(outcome: { ok: true; result: SyncResult } | { ok: false; error: Error }): void;
  /** Told whether the server is reachable, whenever that changes. */
  onOnline?(online: boolean): void;
  /** A worker thread for long pulls (a new replica's first sync); see engine.ts. */
  pullWorker?: PullWorkerSpec;
}

export class SyncWatcher {
  private stopped = false;
  private wake: (() => void) | null = null;
  private client: ServerClient | null = null;
  private online: boolean | null = null;
  readonly done: Promise<void>;

  constructor(
    private readonly archive: Archive,
    private readonly remoteName: string | undefined,
    private readonly options: WatchOptions,
  ) {
    this.done = this.loop();
  }

  /** Sync soon (a local save, the user's "sync now"). */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.done;
  }

  private setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    this.options.onOnline?.(online);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(finish, ms);
      function finish() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = finish;
    });
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        if (!this.client) {
          const remote = getRemote(this.archive, this.remoteName);
          const client = await connectServer(remote.url, this.options.password !== undefined ? { password: this.options.password } : {});
          client.on('notification', () => this.wake?.());
          client.on('end', () => {
            if (this.client === client) this.client = null;
            this.wake?.();
          });
          await client.query('LISTEN copydesk_revisions');
          this.client = client;
        }
        const result = await sync(this.archive, this.remoteName, {
          ...(this.options.password !== undefined ? { password: this.options.password } : {}),
          ...(this.options.pullWorker ? { pullWorker: this.options.pullWorker } : {}),
          client: this.client,
        });
        failures = 0;
        this.setOnline(true);
        this.options.onRound({ ok: true, result });
        if (!this.stopped) await this.sleep(this.options.pollMs ?? 30_000);
      } catch (error) {
        failures += 1;
        const code = (error as { code?: string }).code;
        this.setOnline(code !== 'offline' ? this.online ?? false : false);
        this.options.onRound({ ok: false, error: error as Error });
        await this.client?.end().catch(() => undefined);
        this.client = null;
        if (!this.stopped) await this.sleep((this.options.retryMs ?? 2000) * Math.min(16, 2 ** Math.min(4, failures - 1)));
      }
    }
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}
