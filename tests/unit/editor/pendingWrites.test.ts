// Reopening an article waits for the write its closing editor started.
import { describe, expect, it } from 'vitest';
import { closingWriteSettled, trackClosingWrite } from '../../../renderer/src/features/editor/pendingWrites.ts';

describe('pendingWrites', () => {
  it('resolves only after the closing write, even when that write fails', async () => {
    let finish!: (ok: boolean) => void;
    const write = new Promise<void>((resolve, reject) => (finish = (ok) => (ok ? resolve() : reject(new Error('disk full')))));
    trackClosingWrite('a', write);
    let settled = false;
    const waiting = closingWriteSettled('a').then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    finish(false);
    await waiting;
    expect(settled).toBe(true);
  });

  it('does not wait for other articles', async () => {
    trackClosingWrite('b', new Promise(() => undefined));
    await expect(closingWriteSettled('c')).resolves.toBeUndefined();
  });
});
