// An export's mark (an `export` revision of the current version) must keep the
// text `history:` searches exact, without refolding the article's versions
// when the mark adds no version the history did not already hold.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import type { Archive } from '../archive.ts';
import { tempArchive, type TempArchive } from '../testing/tempArchive.ts';
import { exportArticles } from './exporter.ts';

let t: TempArchive | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

function corrected(archive: Archive): { id: string; seq: number } {
  const a = archive.createArticle({ headline: 'Army plans change', body: bodyFromParagraphs(['The minister announced a troop withdrawal on Monday.']) });
  archive.save({ id: a.id, baseVersion: 1, body: bodyFromParagraphs(['The minister announced a troop drawdown on Monday.']) });
  return { id: a.id, seq: archive.requireRow(a.id).seq };
}

/** A corrected story in a new archive, and a way to export it. */
function correctedStory() {
  t = tempArchive();
  const { archive, dir } = t;
  const story = corrected(archive);
  const exportAs = (format: 'html' | 'nitf' | 'ninjs' | 'newsml-g2') => exportArticles(archive, [story.id], { outDir: join(dir, `out-${format}`), format });
  return { archive, story, exportAs };
}

const historyRow = (archive: Archive, seq: number) => archive.db.prepare('SELECT headline, dek, byline, body FROM history_text WHERE article_seq = ?').get(seq);
const pending = (archive: Archive, seq: number) => archive.db.prepare('SELECT 1 FROM history_pending WHERE article_seq = ?').get(seq) !== undefined;

describe('export marks and history: search', () => {
  it('an export of a version the history holds leaves the history text and its pending mark as they were', () => {
    const { archive, story, exportAs } = correctedStory();
    const before = historyRow(archive, story.seq);
    expect(before).toMatchObject({ body: 'The minister announced a troop withdrawal on Monday.' });

    const report = exportAs('nitf');
    expect(report.files[0]?.revisionId).toBeGreaterThan(0);
    expect(archive.listRevisions(story.id).map((r) => r.reason)).toEqual(['save', 'save', 'export']);
    expect(pending(archive, story.seq)).toBe(false);
    expect(historyRow(archive, story.seq)).toEqual(before);
    expect(archive.search('history:"troop withdrawal"').hits.map((h) => h.id)).toEqual([story.id]);
  });

  it('does not refold the article for such a mark (the cost an export of many articles would pay)', () => {
    const { archive, story, exportAs } = correctedStory();
    // A sentinel a refold would overwrite with the computed text.
    archive.db.prepare("UPDATE history_text SET dek = 'sentinel' WHERE article_seq = ?").run(story.seq);
    exportAs('html');
    expect(historyRow(archive, story.seq)).toMatchObject({ dek: 'sentinel' });
    // A real new version does refold it.
    archive.save({ id: story.id, baseVersion: 2, fields: { dek: 'Officials confirm' } });
    expect(historyRow(archive, story.seq)).toMatchObject({ dek: '' });
  });

  it('keeps a mark some other write left, so that write is still folded', () => {
    const { archive, story, exportAs } = correctedStory();
    archive.db.prepare('INSERT INTO history_pending (article_seq) VALUES (?)').run(story.seq);
    exportAs('ninjs');
    // Folded, as any other revision's mark would be: the mark was not dropped unread.
    expect(pending(archive, story.seq)).toBe(false);
    expect(historyRow(archive, story.seq)).toMatchObject({ body: 'The minister announced a troop withdrawal on Monday.' });
  });

  it('an export of a version no revision holds yet is folded like any new version', () => {
    t = tempArchive();
    const { archive, dir } = t;
    const a = archive.createArticle({ headline: 'Army plans change', body: bodyFromParagraphs(['The minister spoke.']) });
    const seq = archive.requireRow(a.id).seq;
    expect(historyRow(archive, seq)).toBeUndefined();
    // An archive whose working copy moved on without a revision (as old archives could): the export snapshots a new version.
    archive.db.prepare("UPDATE articles SET headline = 'Army plans a drawdown' WHERE seq = ?").run(seq);
    exportArticles(archive, [a.id], { outDir: join(dir, 'out'), format: 'newsml-g2' });
    expect(pending(archive, seq)).toBe(false);
    expect(historyRow(archive, seq)).toMatchObject({ headline: 'Army plans change' });
  });
});
