// Main's side of the shared archive: the password goes to the keychain, the
// writer worker runs the background sync with it (worker/syncState.ts), and
// each round's status reaches the window as sync.changed. Electron-free
// (the keychain is passed in), so it is tested under Node.
import type { SyncStatusValue } from '../../../shared/contract/sync.ts';
import type { Result } from '../../../shared/result.ts';
import type { Emit, Logger, SyncControl, WorkerAccess } from '../ipc/types.ts';
import { IpcError } from '../ipc/errors.ts';

export interface Keychain {
  /** False when the OS offers no encryption: the password is then kept for this session only. */
  save(name: string, password: string): boolean;
  load(name: string): string | null;
}

export class SyncController implements SyncControl {
  private running = false;

  constructor(
    private readonly workers: WorkerAccess,
    private readonly keychain: Keychain,
    private readonly emit: Emit,
    private readonly log: Logger,
  ) {}

  /** At start-up: sync in the background when the archive has a remote and the keychain its password. */
  async resume(): Promise<void> {
    const status = await this.workers.call('write', 'copydesk:sync.status', {});
    if (!status.ok) return;
    const remote = (status.value as SyncStatusValue).remotes[0];
    const password = remote ? this.keychain.load(remote.name) : null;
    if (remote && password) this.start(password);
  }

  async connect(input: { name: string; url: string; desk: string; password: string }): Promise<SyncStatusValue> {
    const result = (await this.workers.op('write', 'syncConnect', input)) as Result<SyncStatusValue>;
    if (!result.ok) throw new IpcError(result.error.code, result.error.message);
    if (!this.keychain.save(input.name, input.password)) this.log.warn('no OS keychain: the shared archive password is kept for this session only');
    this.start(input.password);
    return result.value;
  }

  private start(password: string): void {
    if (this.running) void this.workers.op('write', 'syncStop', {});
    this.running = true;
    void this.workers
      .op('write', 'syncWatch', { password }, (status) => this.emit('sync', 'changed', status as SyncStatusValue))
      .then((r) => {
        this.running = false;
        if (!r.ok) this.log.warn('background sync stopped', r.error);
      });
  }

  async stop(): Promise<void> {
    if (this.running) await this.workers.op('write', 'syncStop', {});
  }
}
