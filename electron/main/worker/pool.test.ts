// The read pool hands a reader one message at a time and lets a new
// first-page search replace searches still waiting, so typing on a large
// archive cannot build a backlog of stale queries.
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { methodChannel } from '../../../shared/contract/define.ts';
import { ArchiveWorkers } from './pool.ts';
import type { ToWorker, WorkerSetup } from './protocol.ts';

class FakeWorker extends EventEmitter {
  readonly received: ToWorker[] = [];
  constructor(readonly setup: WorkerSetup) {
    super();
    queueMicrotask(() => this.emit('message', { type: 'ready', error: null }));
  }
  postMessage(message: ToWorker): void {
    this.received.push(message);
  }
  reply(id: number, value: unknown): void {
    this.emit('message', { type: 'reply', id, result: { ok: true, value } });
  }
  terminate(): Promise<number> {
    return Promise.resolve(0);
  }
}

const SEARCH = methodChannel('archive', 'search');
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function pool(readers: number) {
  const workers: FakeWorker[] = [];
  const p = await ArchiveWorkers.start({
    archivePath: '/nowhere.sqlite',
    readers,
    log: silent,
    spawn: (setup) => {
      const w = new FakeWorker(setup);
      workers.push(w);
      return w as unknown as Worker;
    },
  });
  return { p, reader: workers.find((w) => w.setup.role === 'read') as FakeWorker, writer: workers.find((w) => w.setup.role === 'write') as FakeWorker };
}

const callId = (m: ToWorker | undefined) => (m && m.type === 'call' ? m.id : -1);
const callQuery = (m: ToWorker | undefined) => (m && m.type === 'call' ? (m.input as { query: string }).query : null);

describe('the read pool', () => {
  it('gives a reader one message at a time and the next when it answers', async () => {
    const { p, reader } = await pool(1);
    const a = p.call('read', methodChannel('archive', 'getArticle'), { id: 'a' });
    const b = p.call('read', methodChannel('archive', 'getArticle'), { id: 'b' });
    expect(reader.received).toHaveLength(1);
    reader.reply(callId(reader.received[0]), 'A');
    expect(await a).toEqual({ ok: true, value: 'A' });
    expect(reader.received).toHaveLength(2);
    reader.reply(callId(reader.received[1]), 'B');
    expect(await b).toEqual({ ok: true, value: 'B' });
  });

  it('a newer first-page search replaces queued searches, never the running one nor page requests', async () => {
    const { p, reader } = await pool(1);
    const running = p.call('read', SEARCH, { query: 't', offset: 0 });
    const page2 = p.call('read', SEARCH, { query: 't', offset: 100 });
    const stale = p.call('read', SEARCH, { query: 'th', offset: 0 });
    const latest = p.call('read', SEARCH, { query: 'the', offset: 0 });
    expect(await stale).toMatchObject({ ok: false, error: { code: 'superseded' } });
    expect(reader.received.map(callQuery)).toEqual(['t']);
    reader.reply(callId(reader.received[0]), 'first');
    expect(await running).toEqual({ ok: true, value: 'first' });
    reader.reply(callId(reader.received[1]), 'page 2');
    expect(await page2).toEqual({ ok: true, value: 'page 2' });
    expect(callQuery(reader.received[2])).toBe('the');
    reader.reply(callId(reader.received[2]), 'newest');
    expect(await latest).toEqual({ ok: true, value: 'newest' });
    expect(reader.received).toHaveLength(3);
  });

  it("counts the window's calls a reader is answering for the writer (an import gives way to them), not queued calls or ops", async () => {
    const { p, reader, writer } = await pool(1);
    const shared = writer.setup.readsInFlight;
    expect(shared).toBeInstanceOf(SharedArrayBuffer);
    expect(reader.setup.readsInFlight).toBeUndefined();
    const reads = new Int32Array(shared as SharedArrayBuffer);
    const a = p.call('read', methodChannel('archive', 'getArticle'), { id: 'a' });
    const b = p.call('read', methodChannel('archive', 'getArticle'), { id: 'b' });
    expect(Atomics.load(reads, 0)).toBe(1);
    reader.reply(callId(reader.received[0]), 'A');
    await a;
    expect(Atomics.load(reads, 0)).toBe(1);
    reader.reply(callId(reader.received[1]), 'B');
    await b;
    expect(Atomics.load(reads, 0)).toBe(0);
    // A background op on a reader (a batch export) is not the user waiting.
    const op = p.op('read', 'export', {});
    expect(Atomics.load(reads, 0)).toBe(0);
    const last = reader.received.at(-1);
    reader.emit('message', { type: 'reply', id: last && last.type === 'op' ? last.id : -1, result: { ok: true, value: null } });
    await op;
    // A reader that dies mid-call does not leave the writer waiting for it.
    const lost = p.call('read', SEARCH, { query: 'x', offset: 0 });
    expect(Atomics.load(reads, 0)).toBe(1);
    reader.emit('exit', 1);
    expect(await lost).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(Atomics.load(reads, 0)).toBe(0);
  });
});
