// Worker-side operations that are not contract methods themselves: main-side
// handlers call them after a dialog (backup) or to emit an event afterwards.
import type { Archive } from '../../archive/archive.ts';
import type { FacetsValue } from '../../../shared/contract/archive.ts';
import { autoBackupIfDue } from '../../archive/backup/auto.ts';
import { exportOps } from './exportOps.ts';
import { importOps } from './importOps.ts';
import { syncOps } from './syncOps.ts';

/** `progress` sends a value to main while the operation runs (main passed a listener to `op`). */
type Op = (archive: Archive, args: Record<string, unknown>, progress?: (value: unknown) => void) => unknown;

export const workerOps: Readonly<Record<string, Op>> = {
  ...exportOps,
  ...importOps,
  ...syncOps,
  facets(archive): FacetsValue {
    return archive.facets();
  },
  createArticle(archive, args) {
    const headline = typeof args.headline === 'string' ? args.headline : '';
    return { id: archive.createArticle({ headline }).id };
  },
  async backupTo(archive, args) {
    if (typeof args.path !== 'string') throw new Error('backupTo needs a path');
    await archive.backup(args.path);
    return { path: args.path };
  },
  /** The app's automatic backup (../backup/autoBackupScheduler.ts): a no-op unless one is due. */
  async autoBackup(archive) {
    const result = await autoBackupIfDue(archive);
    return { taken: result.taken?.file ?? null, removed: result.removed.length };
  },
};
