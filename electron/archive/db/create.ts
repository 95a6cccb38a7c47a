// A new archive appears at its path complete or not at all. SQLite creates
// the file empty and fills it afterwards; a process killed in between left a
// 0-byte file that Copydesk must refuse (it cannot tell it from an archive
// that lost its contents). So a new archive is made under a temporary name,
// its schema written and checkpointed, and only then linked into place.
import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/** `make` creates, configures and closes a database at the given temporary path. */
export function createAtomically(path: string, make: (tempPath: string) => void): void {
  const temp = `${path}.creating-${process.pid}-${threadId}`;
  const sideFiles = (p: string) => [p, `${p}-wal`, `${p}-shm`, `${p}-journal`];
  for (const f of sideFiles(temp)) rmSync(f, { force: true });
  try {
    make(temp);
    try {
      // link refuses to replace: if another process created the archive meanwhile, theirs stays.
      linkSync(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return;
      // File systems without hard links (FAT, some shares): a rename is still atomic.
      if (existsSync(path)) return;
      renameSync(temp, path);
    }
  } finally {
    for (const f of sideFiles(temp)) rmSync(f, { force: true });
  }
}
