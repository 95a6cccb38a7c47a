import { describe, expect, it } from 'vitest';
import { describeFsError } from './fsErrors.ts';

describe('file-system errors in plain words', () => {
  it('names the file and the remedy instead of the errno text', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/out/story.html' });
    expect(describeFsError(full)).toBe('The disk is full (writing /out/story.html); free some space and run the command again. Nothing already written was lost.');
    const missing = Object.assign(new Error("ENOENT: no such file or directory, mkdir '/ro/x'"), { code: 'ENOENT', path: '/ro/x' });
    expect(describeFsError(missing)).toBe('No such file or folder: /ro/x.');
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EROFS', path: '/mnt/ro' }))).toMatch(/read-only disk/);
  });

  it('leaves errors it does not know to their own message', () => {
    expect(describeFsError(Object.assign(new Error('odd'), { code: 'EWEIRD' }))).toBeUndefined();
    expect(describeFsError(new Error('no code'))).toBeUndefined();
  });
});
