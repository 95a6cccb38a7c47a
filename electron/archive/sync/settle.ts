// After revisions arrived for an article: record unrecorded local typing,
// then carry out what reconcile.ts decides (merges, the head to show, the
// conflict mark). Runs inside the pull's transaction; the caller folds history text
// once per article after the batch (apply.ts).
import { FIELD_NAMES, type ArticleFields, withFieldDefaults } from '../../../shared/model/article.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import type { Archive } from '../archive.ts';
import { fieldsFromRow } from '../articles/mapper.ts';
import * as articles from '../articles/repository.ts';
import { decompressText } from '../db/compress.ts';
import { stmt } from '../db/statements.ts';
import { appendRevision, headRevision, snapshotHash } from '../revisions/repository.ts';
import { type DagNode, heads } from './dag.ts';
import type { Content } from './merge.ts';
import { reconcile } from './reconcile.ts';

export interface Settled {
  merged: number;
  /** True when the article is in conflict after this, and was not before. */
  newConflict: boolean;
  conflict: boolean;
}

interface NodeRow {
  id: number;
  rid: string;
  createdAt: string;
  hash: string;
  parents: string;
}

export function loadGraph(archive: Archive, articleSeq: number): DagNode[] {
  const rows = stmt(archive.db,
    `SELECT r.id, r.rid, r.created_at AS createdAt, r.hash,
       (SELECT json_group_array(parent_rid) FROM (SELECT parent_rid FROM revision_parents WHERE revision_id = r.id ORDER BY position)) AS parents
     FROM revisions r WHERE r.article_seq = ? ORDER BY r.id`,
  ).all(articleSeq) as NodeRow[];
  return rows.map((r) => ({ rid: r.rid, parents: JSON.parse(r.parents) as string[], createdAt: r.createdAt, arrival: r.id, hash: r.hash }));
}

export function revisionContent(archive: Archive, rid: string): Content {
  const row = stmt(archive.db,
    'SELECT s.fields, b.data FROM revisions r JOIN snapshots s ON s.id = r.snapshot_id JOIN bodies b ON b.id = s.body_id WHERE r.rid = ?',
  ).get(rid) as { fields: string; data: Buffer } | undefined;
  if (!row) throw new Error(`no revision ${rid}`);
  return { fields: JSON.parse(row.fields) as Record<string, unknown>, body: JSON.parse(decompressText(row.data)) as BodyState };
}

export const contentHash = (content: Content): string => snapshotHash({ fields: content.fields as unknown as ArticleFields, body: content.body });

/**
 * If the working copy holds typing no revision recorded yet, and other heads
 * arrived, record it first (as an autosave on the head it was typed on), so
 * merging or conflicting never overwrites a word.
 */
function recordUnrecorded(archive: Archive, articleSeq: number, graph: readonly DagNode[]): void {
  const row = articles.getArticleRowBySeq(archive.db, articleSeq);
  if (!row || row.head_rid == null) return;
  const shown = row.head_rid;
  const head = headRevision(archive.db, articleSeq);
  const working = snapshotHash({ fields: fieldsFromRow(row) }, row.body_hash);
  if (!head || head.hash === working) return;
  // Only when another head arrived (built on the shown one, or beside it): otherwise the typing simply continues.
  if (!heads(graph).some((h) => h.rid !== shown)) return;
  const fields = fieldsFromRow(row);
  appendRevision(archive.db, {
    articleSeq,
    snapshot: { fields },
    storedBody: { id: row.body_id, hash: row.body_hash, text: '', wordCount: row.word_count },
    reason: 'autosave',
    name: null,
    version: row.version,
    wordCount: row.word_count,
    now: archive.now(),
    foldHistory: false,
  });
}

export function settleArticle(archive: Archive, articleSeq: number): Settled {
  recordUnrecorded(archive, articleSeq, loadGraph(archive, articleSeq));
  const row = articles.getArticleRowBySeq(archive.db, articleSeq);
  if (!row) return { merged: 0, newConflict: false, conflict: false };
  const wasConflict = (stmt(archive.db, 'SELECT conflict FROM articles WHERE seq = ?').pluck().get(articleSeq) as number) === 1;
  const made = new Map<string, Content>();
  const content = (rid: string) => made.get(rid) ?? revisionContent(archive, rid);
  const actions = reconcile({ nodes: loadGraph(archive, articleSeq), shown: row.head_rid ?? null }, { content, hash: contentHash, fieldOrder: FIELD_NAMES });
  let merged = 0;
  let conflict = wasConflict;
  for (const action of actions) {
    if (action.kind === 'merge') {
      const fields = action.content.fields as unknown as ArticleFields;
      appendRevision(archive.db, {
        articleSeq,
        snapshot: { fields, body: action.content.body },
        reason: 'merge',
        name: null,
        version: row.version,
        wordCount: countWords(bodyToPlainText(action.content.body)),
        now: action.createdAt,
        rid: action.rid,
        parents: action.parents,
        author: '',
        moveHead: false,
        foldHistory: false,
      });
      made.set(action.rid, action.content);
      merged += 1;
    } else if (action.kind === 'show') showRevision(archive, articleSeq, action.rid, content(action.rid));
    else if (action.kind === 'conflict') conflict = true;
    else conflict = false;
  }
  stmt(archive.db, 'UPDATE articles SET conflict = ? WHERE seq = ?').run(conflict ? 1 : 0, articleSeq);
  return { merged, newConflict: conflict && !wasConflict, conflict };
}

/** Make the working copy a revision's text (a new version, so an editor holding the old one is told). */
export function showRevision(archive: Archive, articleSeq: number, rid: string, content: Content): void {
  const row = articles.getArticleRowBySeq(archive.db, articleSeq);
  if (!row) return;
  const fields = withFieldDefaults(content.fields as Partial<ArticleFields>);
  const stored = stmt(archive.db, 'SELECT b.id, b.hash FROM revisions r JOIN snapshots s ON s.id = r.snapshot_id JOIN bodies b ON b.id = s.body_id WHERE r.rid = ?')
    .get(rid) as { id: number; hash: string };
  const text = bodyToPlainText(content.body);
  const body = { id: stored.id, hash: stored.hash, text, wordCount: countWords(text) };
  articles.updateArticle(archive.db, { seq: articleSeq, fields, body, now: archive.now(), baseVersion: row.version });
  stmt(archive.db, 'UPDATE articles SET head_rid = ? WHERE seq = ?').run(rid, articleSeq);
}

export { FIELD_NAMES };
