// The app's automatic-backup schedule under a fake clock: a check soon after
// opening, then hourly; never two at once; put off during an import; a failure
// is logged and the next check still runs. The worker op is exercised on a
// real archive: a backup when due, nothing when one is fresh.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../../shared/result.ts';
import { tempArchive, type TempArchive } from '../../archive/testing/tempArchive.ts';
import type { Logger } from '../ipc/types.ts';
import { workerOps } from '../worker/ops.ts';
import { AutoBackupScheduler, type AutoBackupOutcome } from './autoBackupScheduler.ts';

function fakeTimers() {
  let now = 0;
  let queue: Array<{ at: number; fn: () => void; live: boolean }> = [];
  return {
    schedule(fn: () => void, ms: number) {
      const entry = { at: now + ms, fn, live: true };
      queue.push(entry);
      return () => void (entry.live = false);
    },
    /** Move the clock on, firing due timers and letting their promises settle. */
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = queue.filter((e) => e.live && e.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        queue = queue.filter((e) => e !== due);
        now = due.at;
        due.fn();
        for (let i = 0; i < 10; i++) await Promise.resolve();
      }
      now = until;
    },
    pending: () => queue.filter((e) => e.live).length,
  };
}

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => void lines.push(`info ${m}`), warn: (m) => void lines.push(`warn ${m}`), error: (m) => void lines.push(`error ${m}`) };
}

const HOUR = 3_600_000;
const taken = (file: string | null): Result<AutoBackupOutcome> => ok({ taken: file, removed: 0 });

describe('AutoBackupScheduler', () => {
  it('checks 30 s after opening, then every hour, and stops cleanly', async () => {
    const timers = fakeTimers();
    const runs: number[] = [];
    let clock = 0;
    const scheduler = new AutoBackupScheduler({ run: async () => (runs.push(clock), taken(null)), busy: () => false, log: recorder(), schedule: timers.schedule });
    scheduler.start();
    await timers.advance(29_000);
    expect(runs).toEqual([]);
    clock = 30_000;
    await timers.advance(1_000);
    expect(runs).toEqual([30_000]);
    await timers.advance(3 * HOUR);
    expect(runs).toHaveLength(4);
    await scheduler.stop();
    expect(timers.pending()).toBe(0);
    await timers.advance(5 * HOUR);
    expect(runs).toHaveLength(4);
  });

  it('logs a failed backup (value or throw) and still checks again an hour later', async () => {
    const timers = fakeTimers();
    const log = recorder();
    const answers: Array<() => Promise<Result<AutoBackupOutcome>>> = [
      async () => err('disk-full', 'The disk is full.'),
      async () => {
        throw new Error('worker gone');
      },
      async () => taken('/backups/a.auto.sqlite'),
    ];
    let i = 0;
    const scheduler = new AutoBackupScheduler({ run: () => answers[i++]!(), busy: () => false, log, schedule: timers.schedule, firstAfterMs: 0 });
    scheduler.start();
    await timers.advance(2 * HOUR);
    expect(i).toBe(3);
    expect(log.lines).toEqual(['warn automatic backup failed (disk-full): The disk is full.', 'warn automatic backup failed', 'info automatic backup taken: /backups/a.auto.sqlite']);
    await scheduler.stop();
  });

  it('never runs two backups at once and puts a check off while an import runs', async () => {
    const log = recorder();
    let release: () => void = () => undefined;
    let runs = 0;
    let importing = false;
    const scheduler = new AutoBackupScheduler({
      run: () => (runs++, new Promise((r) => (release = () => r(taken(null))))),
      busy: () => importing,
      log,
      schedule: fakeTimers().schedule,
    });
    const first = scheduler.check();
    const second = scheduler.check();
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false); // quit waits for the backup in flight
    release();
    await Promise.all([first, second, stopping]);
    expect(stopped).toBe(true);
    importing = true;
    await scheduler.check();
    expect(runs).toBe(1);
    expect(log.lines).toContain('info automatic backup check put off: an import is running');
  });
});

describe('the autoBackup worker op', () => {
  let t: TempArchive | undefined;
  afterEach(() => t?.cleanup());

  it('takes a backup when none exists, and none while the newest is fresh', async () => {
    t = tempArchive();
    t.archive.createArticle({ headline: 'Something worth keeping' });
    const first = (await workerOps.autoBackup!(t.archive, {})) as AutoBackupOutcome;
    expect(first.taken).toMatch(/\.auto\.sqlite$/);
    const second = (await workerOps.autoBackup!(t.archive, {})) as AutoBackupOutcome;
    expect(second.taken).toBeNull();
    expect(readdirSync(join(dirname(first.taken!))).filter((f) => f.endsWith('.auto.sqlite'))).toHaveLength(1);
  });
});
