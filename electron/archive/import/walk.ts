// Listing what an import will read: files and folders in a deterministic order
// (code-point order of names, depth first), every oddity turned into a failed
// entry instead of an exception. Symlinks are followed only while they stay
// inside the folder the user chose; loops are detected, not followed forever.
import { type Dirent, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export interface WalkEntry {
  path: string;
  size: number;
  /** Set when the entry cannot be imported; the reason goes to the report. */
  failure?: string;
  /** Set when the entry is deliberately not read (hidden); reported as `skipped` with this reason. */
  skipped?: string;
}

export function walkPaths(paths: readonly string[]): WalkEntry[] {
  const out: WalkEntry[] = [];
  const seen = new Set<string>();
  const push = (entry: WalkEntry) => {
    if (seen.has(entry.path)) return;
    seen.add(entry.path);
    out.push(entry);
  };
  for (const raw of paths) {
    const root = resolve(raw);
    let st;
    try {
      st = statSync(root);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      push({ path: root, size: 0, failure: missing ? 'not found: no such file or folder' : fsReason(error, 'cannot open') });
      continue;
    }
    if (st.isFile()) push({ path: root, size: st.size });
    else if (st.isDirectory()) {
      const boundary = realpathSync(root);
      walkDir(root, boundary, [boundary], push);
    } else push({ path: root, size: 0, failure: 'not a regular file' });
  }
  return out;
}

/** `chain`: the real paths of the folders being walked, outermost first (for loop detection). */
function walkDir(dir: string, boundary: string, chain: readonly string[], push: (e: WalkEntry) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    push({ path: dir, size: 0, failure: fsReason(error, 'unreadable folder') });
    return;
  }
  // Code-unit order, not locale order: the same folder lists the same way on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    // Hidden files and folders (.git, .DS_Store) are not articles, but every one is
    // accounted for: a row per hidden file, one row per hidden folder (a .git folder
    // holds thousands of files nobody wants listed, and it is not walked at all).
    if (entry.name.startsWith('.')) {
      push({ path: full, size: 0, skipped: entry.isDirectory() ? 'hidden folder: nothing inside it is imported' : 'hidden file' });
      continue;
    }
    if (entry.isDirectory()) {
      walkDir(full, boundary, [...chain, join(chain[chain.length - 1] as string, entry.name)], push);
    } else if (entry.isFile()) {
      try {
        push({ path: full, size: lstatSync(full).size });
      } catch (error) {
        push({ path: full, size: 0, failure: fsReason(error, 'unreadable') });
      }
    } else if (entry.isSymbolicLink()) {
      followLink(full, boundary, chain, push);
    } else {
      push({ path: full, size: 0, failure: 'not a regular file (device, socket or pipe)' });
    }
  }
}

function followLink(link: string, boundary: string, chain: readonly string[], push: (e: WalkEntry) => void): void {
  let real: string;
  try {
    real = realpathSync(link);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    push({ path: link, size: 0, failure: code === 'ELOOP' ? 'symlink loop' : code === 'ENOENT' ? 'broken symlink: its target does not exist' : fsReason(error, 'unreadable symlink') });
    return;
  }
  if (real !== boundary && !real.startsWith(boundary + sep)) {
    push({ path: link, size: 0, failure: `symlink leads outside the chosen folder (to ${real})` });
    return;
  }
  let st;
  try {
    st = statSync(real);
  } catch (error) {
    push({ path: link, size: 0, failure: fsReason(error, 'unreadable symlink') });
    return;
  }
  if (st.isDirectory()) {
    // A link to a folder we are already inside would walk forever.
    if (chain.some((c) => c === real || c.startsWith(real + sep))) {
      push({ path: link, size: 0, failure: 'symlink loop: it points back into a folder being walked' });
      return;
    }
    walkDir(link, boundary, [...chain, real], push);
  } else if (st.isFile()) {
    push({ path: link, size: st.size });
  } else {
    push({ path: link, size: 0, failure: 'not a regular file (device, socket or pipe)' });
  }
}

/** A specific, human reason for a file-system error. */
export function fsReason(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'vanished: the file no longer exists';
    case 'EACCES':
    case 'EPERM':
      return 'unreadable: permission denied';
    case 'ELOOP':
      return 'symlink loop';
    case 'EISDIR':
      return 'not a regular file (a folder)';
    case 'EIO':
      return 'unreadable: I/O error';
    default:
      return `${fallback}${code ? ` (${code})` : ''}`;
  }
}
