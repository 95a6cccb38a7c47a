// The import report as the window reads it: the finished summary carries the
// first rows only, reportRows pages through the rest from the archive (bad
// payloads refused at the gate), and Save as CSV writes every row.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract/index.ts';
import { methodChannel } from '../../../shared/contract/define.ts';
import type { ImportReportSummaryValue, ImportRowsValue } from '../../../shared/contract/import.ts';
import { ok, type Result } from '../../../shared/result.ts';
import { importPaths } from '../../archive/import/importer.ts';
import { tempArchive, type TempArchive } from '../../archive/testing/tempArchive.ts';
import { workerOps } from '../worker/ops.ts';
import { createDispatcher } from './dispatch.ts';
import { silentLog, stubContext } from './fuzzing.ts';
import { handlers } from './registry.ts';
import type { WorkerAccess } from './types.ts';

const OWN = { url: 'app://copydesk/index.html', isMainFrame: true, contentsId: 1 };
const FILES = 12;

let t: TempArchive;
let summary: ImportReportSummaryValue;
let csvPath: string;

/** The worker pool, in process: calls run their handler and ops their operation on the temp archive. */
function inProcessWorkers(): WorkerAccess {
  const byChannel = new Map(Object.entries(handlers).flatMap(([d, hs]) => Object.entries(hs).map(([m, h]) => [methodChannel(d, m), h] as const)));
  return {
    call: async (_where, channel, input) => ok(await (byChannel.get(channel) as { run: (a: unknown, i: unknown) => unknown }).run(t.archive, input)),
    op: async (_where, name, args) => ok(await workerOps[name]?.(t.archive, args as Record<string, unknown>)),
  };
}

beforeEach(async () => {
  t = tempArchive();
  const dir = join(t.dir, 'in');
  mkdirSync(dir);
  for (let i = 0; i < FILES; i++) writeFileSync(join(dir, `story-${String(i).padStart(2, '0')}.txt`), `Story ${i}\n\nBody of story number ${i}.\n`);
  writeFileSync(join(dir, 'zz-empty.txt'), '');
  const report = await importPaths(t.archive, [dir], { timezone: 'UTC', reportFiles: 5 });
  summary = { ...report, filesTotal: report.filesTotal ?? -1 };
  csvPath = join(t.dir, 'report.csv');
});
afterEach(() => t.cleanup());

function dispatcher() {
  const context = stubContext({ workers: inProcessWorkers() });
  return createDispatcher({
    contract,
    handlers,
    trustedOrigin: 'app://copydesk',
    context: () => ({ ...context, imports: { ...context.imports, lastReport: () => summary }, dialogs: { ...context.dialogs, saveFile: async () => csvPath } }),
    log: silentLog,
  });
}

describe('import report paging', () => {
  it('the summary carries the counts, the first rows and how many there are', () => {
    expect(summary).toMatchObject({ imported: FILES, failed: 1, filesTotal: FILES + 1 });
    expect(summary.files.map((f) => f.path.split('/').pop())).toEqual(['story-00.txt', 'story-01.txt', 'story-02.txt', 'story-03.txt', 'story-04.txt']);
  });

  it('reportRows pages through every row, by outcome too', async () => {
    const d = dispatcher();
    const rows = async (payload: unknown) => {
      const r = (await d.dispatch(methodChannel('import', 'reportRows'), payload, OWN)) as Result<ImportRowsValue>;
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const page = await rows({ jobId: summary.jobId, offset: 10, limit: 1000 });
    expect(page.total).toBe(FILES + 1);
    expect(page.rows.map((f) => f.path.split('/').pop())).toEqual(['story-10.txt', 'story-11.txt', 'zz-empty.txt']);
    const failed = await rows({ jobId: summary.jobId, outcome: 'failed', offset: 0, limit: 10 });
    expect(failed).toMatchObject({ total: 1, rows: [{ outcome: 'failed', articleId: null }] });
    expect(await rows({ jobId: summary.jobId + 1, offset: 0, limit: 10 })).toEqual({ rows: [], total: 0 });
  });

  it('reportRows refuses bad payloads before any query', async () => {
    const d = dispatcher();
    const jobId = summary.jobId;
    const bad: unknown[] = [
      undefined,
      {},
      { jobId, offset: 0 },
      { jobId, offset: 0, limit: 0 },
      { jobId, offset: 0, limit: 1001 },
      { jobId, offset: -1, limit: 10 },
      { jobId, offset: 0.5, limit: 10 },
      { jobId: 0, offset: 0, limit: 10 },
      { jobId: String(jobId), offset: 0, limit: 10 },
      { jobId, outcome: 'bogus', offset: 0, limit: 10 },
      { jobId, offset: 0, limit: 10, path: '/etc/passwd' },
    ];
    for (const payload of bad) {
      const r = await d.dispatch(methodChannel('import', 'reportRows'), payload, OWN);
      expect(r.ok ? 'accepted' : r.error.code, JSON.stringify(payload)).toBe('invalid-payload');
    }
  });

  it('Save as CSV writes every row from the archive, not just the summary’s', async () => {
    const r = await dispatcher().dispatch(methodChannel('import', 'saveReport'), {}, OWN);
    expect(r).toEqual({ ok: true, value: { path: csvPath } });
    const lines = readFileSync(csvPath, 'utf8').split('\n');
    expect(lines[0]).toBe('path,outcome,articleId,encoding,confidence,reason');
    expect(lines).toHaveLength(FILES + 3); // header, every file, the final newline
    expect(lines.at(-2)).toMatch(/zz-empty\.txt,failed,/);
  });
});
