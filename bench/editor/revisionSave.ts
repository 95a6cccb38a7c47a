// Revision save of a 10k-word article, against a bare INSERT of the same
// compressed snapshot blob into a plain table of the same file (same pragmas:
// WAL, synchronous=FULL, so both pay one fsync per commit).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Archive } from '../../electron/archive/archive.ts';
import { compressText } from '../../electron/archive/db/compress.ts';
import { EditorService } from '../../electron/archive/history/service.ts';
import { pickFields } from '../../electron/archive/archive.ts';
import { paragraph } from '../../shared/editor/build.ts';
import type { BodyState } from '../../shared/editor/serialized.ts';
import { percentile, timeMs } from '../lib/metrics.ts';
import { syntheticBody } from './document.ts';

export interface SaveFigures {
  words: number;
  /** Ctrl+S with changed text: article row, search index and revision in one transaction. */
  saveP95: number;
  saveP50: number;
  /** Ctrl+S after the autosave already wrote the text (the editor's usual case): a revision row only. */
  recordP95: number;
  /** Autosave of changed text (row + search index, revision coalesced). */
  autosaveP95: number;
  bareInsertP95: number;
  bareInsertP50: number;
  /** The least any revision store does: JSON.stringify + Brotli + INSERT of the snapshot. */
  serializeInsertP95: number;
}

function edited(body: BodyState, i: number): BodyState {
  const children = [...body.root.children];
  children[children.length - 1] = paragraph(`Edit number ${i} at the end of the story.`);
  return { root: { ...body.root, children } };
}

export function measureRevisionSave(words = 10_000, reps = 60): SaveFigures {
  const dir = mkdtempSync(join(tmpdir(), 'copydesk-bench-editor-'));
  const archive = Archive.open(join(dir, 'bench.sqlite'));
  try {
    const service = new EditorService(archive);
    const body = syntheticBody(words);
    const article = service.create({ headline: 'Benchmark story', body });
    let version = article.version;
    const save: number[] = [];
    const record: number[] = [];
    const autosave: number[] = [];
    const bare: number[] = [];
    const serialize: number[] = [];
    archive.db.exec('CREATE TABLE bare_blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT');
    const insert = archive.db.prepare('INSERT INTO bare_blobs (data) VALUES (?)');
    for (let i = 0; i < reps; i++) {
      const next = edited(body, i);
      const s = timeMs(() => service.save({ id: article.id, baseVersion: version, body: next }));
      version = s.value.version;
      save.push(s.ms);
      const a = timeMs(() => service.autosave({ id: article.id, baseVersion: version, body: edited(body, i + 10_000) }));
      version = a.value.version;
      autosave.push(a.ms);
      record.push(timeMs(() => service.save({ id: article.id, baseVersion: version, name: `rev ${i}` })).ms);
      const snapshot = { fields: pickFields(archive.getArticle(article.id)), body: next };
      const blob = compressText(JSON.stringify(snapshot));
      bare.push(timeMs(() => insert.run(blob)).ms);
      serialize.push(timeMs(() => insert.run(compressText(JSON.stringify(snapshot)))).ms);
    }
    const warm = (xs: number[]) => xs.slice(5);
    return {
      words,
      saveP95: percentile(warm(save), 95),
      saveP50: percentile(warm(save), 50),
      recordP95: percentile(warm(record), 95),
      autosaveP95: percentile(warm(autosave), 95),
      bareInsertP95: percentile(warm(bare), 95),
      bareInsertP50: percentile(warm(bare), 50),
      serializeInsertP95: percentile(warm(serialize), 95),
    };
  } finally {
    archive.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(measureRevisionSave());
