// Handlers of shared/contract/sync.ts. The shared archive lives in the writer
// worker (worker/syncState.ts); `connect` runs in main first, to put the
// password in the OS keychain (safeStorage) and start the background sync.
import type { syncContract } from '../../../shared/contract/sync.ts';
import type { Content } from '../../archive/sync/merge.ts';
import { conflictOf, lock, resolve, syncNow, syncStatus } from '../worker/syncState.ts';
import { type DomainHandlers, inMain, writer } from './types.ts';
import { IpcError } from './errors.ts';

export const syncHandlers = {
  status: writer((archive) => syncStatus(archive)),
  syncNow: writer((archive) => syncNow(archive)),
  conflict: writer((archive, input) => conflictOf(archive, input.id)),
  resolve: writer((archive, input) =>
    resolve(archive, input.id, typeof input.keep === 'string' ? input.keep : { content: { fields: input.keep.fields, body: input.keep.body } as unknown as Content }),
  ),
  lock: writer((archive, input) => lock(archive, input.id, 'take')),
  unlock: writer((archive, input) => lock(archive, input.id, 'release')),
  breakLock: writer((archive, input) => lock(archive, input.id, 'break')),
  connect: inMain(async (ctx, input) => {
    if (!ctx.sync) throw new IpcError('unavailable', 'The shared archive cannot be set up from here.');
    return ctx.sync.connect(input);
  }),
} satisfies DomainHandlers<typeof syncContract>;
