// After a command that changed the archive, take the automatic backup if one
// is due (default: daily, keep 7). A failed backup is a warning, never a
// failed command: the command's own work is already committed.
import type { Archive } from '../archive/archive.ts';
import { autoBackupIfDue } from '../archive/backup/auto.ts';

export async function backupIfChanged(archive: Archive | undefined, err: (text: string) => void, env: NodeJS.ProcessEnv): Promise<void> {
  if (!archive || !archive.db.open || archive.db.readonly || env.COPYDESK_AUTO_BACKUP === '0') return;
  try {
    if (!archive.changedSinceOpen()) return;
    await autoBackupIfDue(archive);
  } catch (error) {
    err(`copydesk: warning: the automatic backup failed: ${(error as Error).message}`);
  }
}
