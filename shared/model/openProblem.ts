// When the archive cannot be opened because it is damaged, main still opens
// the window, with the problem in the URL's hash (no IPC is wired then: the
// workers never started), and the renderer shows the ways out with the exact
// commands. Shared so main's encoder and the renderer's decoder agree.
export interface OpenProblem {
  code: string;
  archivePath: string;
  message: string;
}

const KEY = 'open-problem';

export function openProblemHash(problem: OpenProblem): string {
  return `#${KEY}=${encodeURIComponent(JSON.stringify(problem))}`;
}

export function openProblemFromHash(hash: string): OpenProblem | null {
  const prefix = `#${KEY}=`;
  if (!hash.startsWith(prefix)) return null;
  try {
    const value = JSON.parse(decodeURIComponent(hash.slice(prefix.length))) as Partial<OpenProblem>;
    if (typeof value.code !== 'string' || typeof value.archivePath !== 'string' || typeof value.message !== 'string') return null;
    return { code: value.code, archivePath: value.archivePath, message: value.message };
  } catch {
    return null;
  }
}

/** A path as one shell word (POSIX quoting; good enough to copy on Windows too when it has no quotes). */
function quote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The ways out of a damaged archive, each with the exact command (RELIABILITY.md, "Corruption"). */
export function waysOut(archivePath: string): Array<{ title: string; detail: string; command: string }> {
  const db = `--db ${quote(archivePath)}`;
  const salvaged = archivePath.replace(/(\.sqlite)?$/, '.salvaged.sqlite');
  return [
    {
      title: 'Restore the newest backup',
      detail: 'The damaged file is kept aside (renamed, never deleted) and the newest backup takes its place.',
      command: `copydesk ${db} restore-backup latest`,
    },
    {
      title: 'Salvage into a new archive',
      detail: 'Copies every readable article into a new file and rebuilds its search index; the damaged file is not changed.',
      command: `copydesk ${db} salvage ${quote(salvaged)}`,
    },
    {
      title: 'Open it read-only',
      detail: 'Search and read what is still readable without writing anything.',
      command: `copydesk ${db} --read-only search "…"`,
    },
  ];
}
