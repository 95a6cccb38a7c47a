// The app's path to the shared archive, without Electron: the real archive
// workers (writer runs the background sync), the controller with a stand-in
// keychain, a real PostgreSQL. A revision saved on another replica shows up
// through LISTEN/NOTIFY; the lock and status calls answer through the workers.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatusValue } from '../../../shared/contract/sync.ts';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { methodChannel } from '../../../shared/contract/define.ts';
import { connectServer } from '../../archive/server/connect.ts';
import { lockState } from '../../archive/sync/locks.ts';
import { startDesk, type TestDesk } from '../../archive/testing/syncDesk.ts';
import type { Emit } from '../ipc/types.ts';
import { ArchiveWorkers } from '../worker/pool.ts';
import { SyncController } from './controller.ts';

const repo = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
let desk: TestDesk;
beforeAll(async () => {
  desk = await startDesk();
}, 120_000);
afterAll(() => desk?.stop());

describe('the app syncs in the background', () => {
  it('connects, keeps the password in the keychain, hears new revisions at once, locks', async () => {
    const events: SyncStatusValue[] = [];
    const emit: Emit = (_d, _e, payload) => events.push(payload as SyncStatusValue);
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const workers = await ArchiveWorkers.start({
      archivePath: join(desk.dir, 'app.sqlite'),
      readers: 1,
      spawn: (setup) => new Worker(join(repo, 'tests/e2e/support/workerBootstrap.mjs'), { workerData: { ...setup, entry: join(repo, 'electron/main/worker/archiveWorker.ts') } }),
      log,
    });
    const saved = new Map<string, string>();
    const controller = new SyncController(workers, { save: (n, p) => (saved.set(n, p), true), load: (n) => saved.get(n) ?? null }, emit, log);
    try {
      const wrong = controller.connect({ name: 'desk', url: desk.pg.url('kim'), desk: 'politics', password: 'not-it' });
      await expect(wrong).rejects.toThrow(/refused the login/);
      const status = await controller.connect({ name: 'desk', url: desk.pg.url('kim'), desk: 'politics', password: 'kim-password' });
      expect(status.remotes[0]).toMatchObject({ name: 'desk', desk: 'politics', user: 'kim' });
      expect(saved.get('desk')).toBe('kim-password');
      const online = async () => {
        for (let i = 0; i < 100 && !events.some((e) => e.remotes[0]?.online); i += 1) await new Promise((r) => setTimeout(r, 100));
        return events.some((e) => e.remotes[0]?.online);
      };
      expect(await online()).toBe(true);

      const lee = desk.replica('lee');
      const article = lee.archive.createArticle({ headline: 'Heard at once', body: bodyFromParagraphs(['Words.']) });
      const t = Date.now();
      await lee.sync();
      let seen = false;
      for (let i = 0; i < 100 && !seen; i += 1) {
        const r = await workers.call('read', methodChannel('archive', 'getArticle'), { id: article.id });
        seen = r.ok;
        if (!seen) await new Promise((res) => setTimeout(res, 50));
      }
      expect(seen).toBe(true);
      expect(Date.now() - t).toBeLessThan(5000);
      // The round that brought it says so, for the window to read its lists again.
      for (let i = 0; i < 50 && !events.some((e) => (e.received ?? 0) > 0); i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(events.some((e) => (e.received ?? 0) > 0)).toBe(true);

      const lock = await workers.call('write', methodChannel('sync', 'lock'), { id: article.id });
      expect(lock).toMatchObject({ ok: true, value: { holder: 'kim', mine: true, shared: true, canBreak: false } });
      const other = await connectServer(desk.pg.url('lee'), { password: 'lee-password' });
      expect(await lockState(other, article.id)).toMatchObject({ holder: 'kim' });
      await other.end();
      const state = await workers.call('write', methodChannel('sync', 'status'), {});
      expect(state).toMatchObject({ ok: true, value: { running: true, conflicts: 0, remotes: [expect.objectContaining({ pending: 0 })] } });
    } finally {
      await controller.stop();
      await workers.close();
    }
  });
});
