// Writer-worker operations for the shared archive that are not contract
// methods: main calls them after reading the keychain (start the background
// sync) or after saving a new password (connect).
import type { SyncStatusValue } from '../../../shared/contract/sync.ts';
import type { Archive } from '../../archive/archive.ts';
import { connectServer } from '../../archive/server/connect.ts';
import { whoAmI } from '../../archive/sync/remote.ts';
import { addRemote, listRemotes } from '../../archive/sync/remotes.ts';
import { ArchiveError } from '../../archive/errors.ts';
import { stopSync, syncStatus, watchSync } from './syncState.ts';

type Op = (archive: Archive, args: Record<string, unknown>, progress?: (value: unknown) => void) => unknown;

export const syncOps: Readonly<Record<string, Op>> = {
  /** Runs while the app runs: reports the status after every round (main forwards it as sync.changed). */
  async syncWatch(archive, args, progress) {
    if (typeof args.password !== 'string') throw new Error('syncWatch needs a password');
    await watchSync(archive, args.password, (status) => progress?.(status));
    return syncStatus(archive);
  },
  async syncStop() {
    await stopSync();
    return { stopped: true };
  },
  /** Check the login, then add the remote (or keep the one of that name): the password itself stays in main's keychain. */
  async syncConnect(archive, args): Promise<SyncStatusValue & { name: string; role: string | null }> {
    const { name, url, desk, password } = args as { name: string; url: string; desk: string; password: string };
    const client = await connectServer(url, { password, timeoutMs: 8000 });
    try {
      const me = await whoAmI(client);
      if (desk !== '' && me.role !== 'admin' && !me.desks.includes(desk))
        throw new ArchiveError('forbidden', `${me.name} is not on the desk "${desk}" (on: ${me.desks.join(', ') || 'none'}).`);
      if (!listRemotes(archive).some((r) => r.name === name)) addRemote(archive, { name, url, desk, serverUser: me.name, serverRole: me.role ?? '' });
      return { ...syncStatus(archive), name, role: me.role };
    } finally {
      await client.end().catch(() => undefined);
    }
  },
};
