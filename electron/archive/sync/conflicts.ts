// Articles in conflict, and resolving them: `copydesk conflicts`, `copydesk
// resolve ID --keep mine|theirs|REV`, and the editor's banner (keep mine /
// keep theirs / edit the merge). Resolving records a `resolve` revision whose
// parents are every head, so the conflict ends on every replica it reaches.
import { FIELD_NAMES, type ArticleFields } from '../../../shared/model/article.ts';
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import type { Archive } from '../archive.ts';
import { stmt } from '../db/statements.ts';
import { ArchiveError } from '../errors.ts';
import { appendRevision } from '../revisions/repository.ts';
import type { ConflictSideValue, ConflictValue } from '../../../shared/contract/sync.ts';
import { byRid, heads } from './dag.ts';
import type { Content } from './merge.ts';
import { conflictingParts } from './reconcile.ts';
import { loadGraph, revisionContent, showRevision } from './settle.ts';

// The shapes the window and the CLI show are the contract's; the core builds them.
export type ConflictSide = ConflictSideValue;
export type ConflictView = ConflictValue;

/** How many articles are marked `conflict` (the status bar's count). */
export function conflictCount(archive: Archive): number {
  return stmt(archive.db, 'SELECT count(*) FROM articles WHERE conflict = 1').pluck().get() as number;
}

export function listConflicts(archive: Archive): Array<{ id: string; headline: string; fields: string[] }> {
  const rows = stmt(archive.db, 'SELECT id FROM articles WHERE conflict = 1 ORDER BY modified_at DESC').pluck().all() as string[];
  return rows.map((id) => {
    const view = conflictView(archive, id);
    return { id, headline: view.headline, fields: view.fields };
  });
}

export function conflictView(archive: Archive, id: string): ConflictView {
  const row = archive.requireRow(id);
  const graph = loadGraph(archive, row.seq);
  const hs = heads(graph);
  if (hs.length < 2) throw new ArchiveError('invalid-input', `Article ${id} is not in conflict.`);
  const shown = row.head_rid && hs.some((h) => h.rid === row.head_rid) ? row.head_rid : (hs[hs.length - 1]?.rid as string);
  const side = (rid: string): ConflictSide => {
    const c = revisionContent(archive, rid);
    const meta = stmt(archive.db, 'SELECT author, created_at AS createdAt FROM revisions WHERE rid = ?').get(rid) as { author: string; createdAt: string };
    return { rid, ...meta, fields: c.fields, body: c.body, bodyText: bodyToPlainText(c.body) };
  };
  const mine = side(shown);
  const others = hs.filter((h) => h.rid !== shown).sort((a, b) => b.arrival - a.arrival).map((h) => side(h.rid));
  const parts = new Set<string>();
  const index = byRid(graph);
  for (const t of others) for (const p of conflictingParts(index, mine.rid, t.rid, (rid) => revisionContent(archive, rid), FIELD_NAMES)) parts.add(p);
  return { id, headline: String(mine.fields.headline ?? ''), fields: [...parts], mine, theirs: others };
}

export type Keep = 'mine' | 'theirs' | { rid: string } | { revisionId: number } | { content: Content };

export interface Resolved {
  id: string;
  version: number;
  revisionId: number;
  rid: string;
}

/** Record the resolution as a revision naming every head; the working copy shows it. */
export function resolveConflict(archive: Archive, id: string, keep: Keep): Resolved {
  return archive.db
    .transaction((): Resolved => {
      const view = conflictView(archive, id);
      const row = archive.requireRow(id);
      let content: Content;
      if (keep === 'mine') content = view.mine;
      else if (keep === 'theirs') content = view.theirs[0] as ConflictSide;
      else if ('content' in keep) content = keep.content;
      else {
        const rid = 'rid' in keep ? keep.rid : (stmt(archive.db, 'SELECT rid FROM revisions WHERE id = ? AND article_seq = ?').pluck().get(keep.revisionId, row.seq) as string | undefined);
        if (!rid || !stmt(archive.db, 'SELECT 1 FROM revisions WHERE rid = ? AND article_seq = ?').get(rid, row.seq))
          throw new ArchiveError('not-found', `Article ${id} has no such revision to keep.`);
        content = revisionContent(archive, rid);
      }
      const parents = [view.mine.rid, ...view.theirs.map((t) => t.rid)];
      const fields = content.fields as unknown as ArticleFields;
      const rev = appendRevision(archive.db, {
        articleSeq: row.seq,
        snapshot: { fields, body: content.body },
        reason: 'resolve',
        name: null,
        version: row.version + 1,
        wordCount: countWords(bodyToPlainText(content.body)),
        now: archive.now(),
        parents,
        moveHead: false,
      });
      showRevision(archive, row.seq, rev.rid, content);
      stmt(archive.db, 'UPDATE articles SET conflict = 0 WHERE seq = ?').run(row.seq);
      const after = archive.requireRow(id);
      return { id, version: after.version, revisionId: rev.id, rid: rev.rid };
    })
    .immediate();
}
