// The pull's prepare worker must change speed, never results: the same
// archive pulled with the worker and on one thread stores the same rows
// (ids, hashes, bodies, articles' content hashes), also when the worker dies.
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../../shared/editor/build.ts';
import type { Archive } from '../../archive.ts';
import { EditorService } from '../../history/service.ts';
import { startDesk, type TestDesk } from '../../testing/syncDesk.ts';
import { sync } from '../engine.ts';
import { sourcePullWorker, type PullWorkerSpec } from './preparer.ts';

let desk: TestDesk;
beforeAll(async () => {
  desk = await startDesk();
  const a = desk.replica('kim');
  const editor = new EditorService(a.archive);
  for (let i = 0; i < 40; i += 1) {
    // Bodies shared between articles and recurring across batches; some articles edited twice in a row (same batch).
    const article = a.archive.createArticle({ headline: `Worker story ${i}`, body: bodyFromParagraphs([`Opening ${i % 7}.`, `Café crème ${i}, naïve façade.`]) });
    if (i % 3 === 0) editor.save({ id: article.id, baseVersion: article.version, fields: { dek: `Dek ${i}` }, body: bodyFromParagraphs([`Opening ${i % 7}.`]) });
  }
  await a.sync();
}, 120_000);
afterAll(() => desk?.stop());

function stored(archive: Archive): unknown {
  const all = (sql: string) => archive.db.prepare(sql).all();
  return {
    revisions: all('SELECT r.rid, r.hash, r.word_count, s.fields, b.hash AS body FROM revisions r JOIN snapshots s ON s.id = r.snapshot_id JOIN bodies b ON b.id = s.body_id ORDER BY r.rid'),
    bodies: all('SELECT hash, data FROM bodies ORDER BY hash'),
    articles: all('SELECT id, headline, content_hash, content_fold_hash, word_count, version, conflict FROM articles ORDER BY id'),
    search: archive.search('naïve').total,
  };
}

async function pullFresh(pullWorker?: PullWorkerSpec): Promise<unknown> {
  const fresh = desk.replica('lee');
  const r = await sync(fresh.archive, 'desk', { password: fresh.person.password, batchSize: 8, only: 'pull', ...(pullWorker ? { pullWorker } : {}) });
  expect(r).toMatchObject({ pulled: 54, rejected: 0, conflicts: 0 });
  expect(fresh.archive.check().ok).toBe(true);
  return stored(fresh.archive);
}

describe('the pull prepare worker', () => {
  it('stores the same rows as preparing on the writing thread', async () => {
    const inline = await pullFresh();
    // Count the worker's answers, so a silent fallback to this thread cannot pass as the worker path.
    let replies = 0;
    const base = sourcePullWorker();
    const counted: PullWorkerSpec = { minBatch: 1, spawn: () => base.spawn().on('message', () => (replies += 1)) };
    const viaWorker = await pullFresh(counted);
    // 54 revisions in batches of 8: 7 batches; the first is prepared here while the worker starts.
    expect(replies).toBe(6);
    expect(viaWorker).toEqual(inline);
    expect((inline as { revisions: unknown[] }).revisions).toHaveLength(54);
  }, 120_000);

  it('falls back to the writing thread when the worker dies, losing nothing', async () => {
    const inline = await pullFresh();
    const dying: PullWorkerSpec = { minBatch: 1, spawn: () => new Worker('process.exit(3)', { eval: true }) };
    expect(await pullFresh(dying)).toEqual(inline);
  }, 120_000);
});
