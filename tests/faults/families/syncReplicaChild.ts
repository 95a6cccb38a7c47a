// One replica of family 11, in its own process: seeded random edits, imports
// and offline spells, syncing (in small batches) between rounds. Prints
// `round N` when round N is done, `sync` and `batch` while syncing (the
// parent kills it there, with SIGKILL), `error …` for a failed sync (offline,
// the server restarting: the next round catches up).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { Archive } from '../../../electron/archive/archive.ts';
import { EditorService } from '../../../electron/archive/history/service.ts';
import { importPaths } from '../../../electron/archive/import/importer.ts';
import { listConflicts, resolveConflict } from '../../../electron/archive/sync/conflicts.ts';
import { sync } from '../../../electron/archive/sync/engine.ts';
import { sourcePullWorker } from '../../../electron/archive/sync/pullWorker/preparer.ts';
import { rng } from '../lib/util.ts';

interface Args {
  db: string;
  password: string;
  seed: number;
  from: number;
  rounds: number;
  batch: number;
  importDir: string;
}

const args = JSON.parse(process.argv[2] as string) as Args;
const say = (line: string) => process.stdout.write(`${line}\n`);
const WORDS = ['council', 'budget', 'river', 'harbour', 'school', 'vote', 'storm', 'market', 'bridge', 'court', 'mayor', 'rail', 'festival', 'strike'];
/** A shared pool: the same bytes imported on several replicas must become one article. */
const POOL = Array.from({ length: 6 }, (_, i) => `Wire story ${i}\n\nThe ${WORDS[i]} report, first paragraph ${i}.\n\nSecond paragraph of story ${i}.\n`);

const archive = Archive.open(args.db);
const editor = new EditorService(archive);
mkdirSync(args.importDir, { recursive: true });

function words(r: ReturnType<typeof rng>, n: number): string {
  return Array.from({ length: n }, () => r.pick(WORDS)).join(' ');
}

function ids(): string[] {
  return archive.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as string[];
}

async function act(r: ReturnType<typeof rng>, round: number): Promise<void> {
  const roll = r.next();
  if (roll < 0.25 || ids().length === 0) {
    archive.createArticle({ headline: `${words(r, 3)} ${args.seed}-${round}`, body: bodyFromParagraphs([words(r, 8), words(r, 8), words(r, 8)]) });
    return;
  }
  if (roll < 0.35) {
    const k = r.int(0, POOL.length - 1);
    const file = join(args.importDir, `pool-${k}.txt`);
    writeFileSync(file, POOL[k] as string);
    await importPaths(archive, [file], { timezone: 'UTC' });
    return;
  }
  if (roll < 0.42) {
    const conflict = listConflicts(archive)[0];
    if (conflict) resolveConflict(archive, conflict.id, r.next() < 0.5 ? 'mine' : 'theirs');
    return;
  }
  const all = ids();
  const id = r.pick(all);
  const current = archive.getArticle(id);
  const which = r.int(0, 4);
  if (which === 0) editor.save({ id, baseVersion: current.version, fields: { headline: `${words(r, 3)} (${args.seed})` } });
  else if (which === 1) editor.save({ id, baseVersion: current.version, fields: { dek: words(r, 5) } });
  else if (which === 2) editor.save({ id, baseVersion: current.version, fields: { tags: [r.pick(WORDS), r.pick(WORDS)] } });
  else {
    const paragraphs = current.bodyText.split('\n\n').filter((p) => p !== '');
    if (which === 3 && paragraphs.length > 0) paragraphs[r.int(0, paragraphs.length - 1)] = `${words(r, 6)} (${args.seed})`;
    else paragraphs.push(words(r, 7));
    editor.save({ id, baseVersion: current.version, body: bodyFromParagraphs(paragraphs) });
  }
}

// Every third replica prepares its pulled batches in a worker thread (even these small ones), so kills land mid-pull with a worker too.
const pullWorker = args.seed % 3 === 0 ? { ...sourcePullWorker(), minBatch: 1 } : undefined;
let offlineUntil = -1;
for (let round = args.from; round < args.rounds; round += 1) {
  const r = rng(args.seed * 1000 + round);
  const edits = r.int(1, 3);
  for (let i = 0; i < edits; i += 1) await act(r, round);
  if (r.next() < 0.2) offlineUntil = round + r.int(1, 3);
  if (round >= offlineUntil) {
    say('sync');
    try {
      await sync(archive, 'desk', { password: args.password, batchSize: args.batch, ...(pullWorker ? { pullWorker } : {}), onStep: () => {
        say('batch');
      } });
    } catch (error) {
      say(`error ${(error as Error).message.split('\n')[0]}`);
    }
  }
  say(`round ${round}`);
}
archive.close();
say('done');
