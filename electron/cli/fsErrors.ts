// Node's file-system errors read like "ENOSPC: no space left on device, write".
// A newsroom user gets one plain sentence naming the file and what to do.
const PLAIN: Record<string, (path: string) => string> = {
  ENOSPC: (p) => `The disk is full${p ? ` (writing ${p})` : ''}; free some space and run the command again. Nothing already written was lost.`,
  EDQUOT: (p) => `The disk quota is used up${p ? ` (writing ${p})` : ''}; free some space and run the command again.`,
  EROFS: (p) => `${p || 'The target'} is on a read-only disk; choose a writable folder.`,
  EACCES: (p) => `Permission denied: ${p || 'the file'} cannot be read or written by this user.`,
  EPERM: (p) => `Not permitted: ${p || 'the file'} cannot be changed by this user.`,
  ENOENT: (p) => `No such file or folder: ${p || 'the path given'}.`,
  ENOTDIR: (p) => `${p || 'A part of the path'} is not a folder.`,
  EISDIR: (p) => `${p || 'The path'} is a folder, not a file.`,
  EEXIST: (p) => `${p || 'The file'} already exists; nothing was overwritten.`,
};

export function describeFsError(error: unknown): string | undefined {
  const e = error as { code?: unknown; path?: unknown; dest?: unknown };
  if (typeof e.code !== 'string') return undefined;
  const plain = PLAIN[e.code];
  if (!plain) return undefined;
  const path = typeof e.dest === 'string' ? e.dest : typeof e.path === 'string' ? e.path : '';
  return plain(path);
}
