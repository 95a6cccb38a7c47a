// The pull's read-ahead: batches come back in order, at most `depth` unread
// ones are held, only one read runs at a time (one connection), reading
// stops after the last batch or a failure, and close waits for a running read.
import { describe, expect, it } from 'vitest';
import { ReadAhead } from './readAhead.ts';

/** A fake server: batch k starts after cursor k*10 and holds cursors up to k*10+10; `last` is the final batch. */
function server(last: number, failAt?: number) {
  const log = { started: [] as number[], running: 0, maxRunning: 0 };
  const pending: Array<() => void> = [];
  const read = (after: number) => {
    log.started.push(after);
    log.running += 1;
    log.maxRunning = Math.max(log.maxRunning, log.running);
    return new Promise<{ after: number; end: number }>((resolve, reject) =>
      pending.push(() => {
        log.running -= 1;
        if (after === failAt) reject(new Error(`read after ${after} failed`));
        else resolve({ after, end: after + 10 });
      }),
    );
  };
  const cursorAfter = (batch: { end: number }) => (batch.end / 10 > last ? null : batch.end);
  /** Answer the oldest running read, then let its continuation run. */
  const answer = async () => {
    pending.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { read, cursorAfter, answer, log };
}

describe('ReadAhead', () => {
  it('returns every batch in order, holding at most `depth` unread and running one read at a time', async () => {
    const s = server(4);
    const reader = new ReadAhead(s.read, s.cursorAfter, 0, 2);
    await s.answer();
    await s.answer();
    await s.answer(); // a third read must not start while two wait unread
    expect(s.log.started).toEqual([0, 10]);
    const got: number[] = [];
    for (let next = reader.take(); next; next = reader.take()) {
      const batch = await next;
      got.push(batch.after);
      await s.answer();
      await s.answer();
    }
    expect(got).toEqual([0, 10, 20, 30, 40]);
    expect(s.log.started).toEqual([0, 10, 20, 30, 40]);
    expect(s.log.maxRunning).toBe(1);
    await reader.close();
  });

  it('stops reading after a failed read, and the failure reaches whoever takes that batch', async () => {
    const s = server(9, 10);
    const reader = new ReadAhead(s.read, s.cursorAfter, 0, 3);
    await s.answer();
    await s.answer();
    await s.answer();
    expect(await reader.take()).toMatchObject({ after: 0 });
    await expect(reader.take()).rejects.toThrow(/read after 10 failed/);
    expect(reader.take()).toBeNull();
    expect(s.log.started).toEqual([0, 10]);
  });

  it('close waits for the read that is running, and starts no other', async () => {
    const s = server(9);
    const reader = new ReadAhead(s.read, s.cursorAfter, 0, 2);
    let closed = false;
    const closing = reader.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(closed).toBe(false);
    await s.answer();
    await closing;
    expect(closed).toBe(true);
    expect(s.log.started).toEqual([0]);
  });
});
