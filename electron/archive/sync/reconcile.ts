// What an article's replica must do after revisions arrived: the pure half of
// pulling (rule 15 of the architecture: (local state, remote state) → actions).
// Given the revision graph and the revision the working copy shows, it says
// which automatic merges to record, which head to show, and whether the
// article is in conflict. Every replica holding the same graph computes the
// same merges with the same ids (ids.ts), so they converge without talking.
import { byRid, compareRid, type DagNode, heads, isAncestor, mergeBases } from './dag.ts';
import { changedParts, type Content, mergeContent, virtualBase } from './merge.ts';
import { mergeRevisionId } from './ids.ts';

export type ReconcileAction =
  /** Record an automatic merge revision of two heads. */
  | { kind: 'merge'; rid: string; parents: [string, string]; createdAt: string; hash: string; content: Content }
  /** Make the working copy this revision's text (fast-forward, or the merge just made). */
  | { kind: 'show'; rid: string }
  /** Several heads remain: the article is in conflict over these parts. */
  | { kind: 'conflict'; heads: string[]; shown: string; parts: string[] }
  /** One head: the article is not (or no longer) in conflict. */
  | { kind: 'settled'; head: string };

export interface ArticleGraph {
  nodes: readonly DagNode[];
  /** The revision the working copy shows (articles.head_rid); null for an article new to this replica. */
  shown: string | null;
}

export interface ReconcileDeps {
  /** The content of a revision of the graph. */
  content(rid: string): Content;
  /** The snapshot hash of merged content (revisions/repository.ts snapshotHash). */
  hash(content: Content): string;
  /** The model's field names, for merge order. */
  fieldOrder: readonly string[];
}

export function reconcile(graph: ArticleGraph, deps: ReconcileDeps): ReconcileAction[] {
  const nodes = [...graph.nodes];
  const index = byRid(nodes);
  const made = new Map<string, Content>();
  const content = (rid: string) => made.get(rid) ?? deps.content(rid);
  const actions: ReconcileAction[] = [];
  let arrival = Math.max(0, ...nodes.map((n) => n.arrival));
  for (;;) {
    const hs = heads(nodes);
    if (hs.length <= 1) break;
    const merge = firstMergeable(hs, index, content, deps);
    if (!merge) break;
    const node: DagNode = { rid: merge.rid, parents: merge.parents, createdAt: merge.createdAt, arrival: ++arrival, hash: merge.hash };
    nodes.push(node);
    index.set(node.rid, node);
    made.set(node.rid, merge.content);
    actions.push(merge);
  }
  const hs = heads(nodes);
  if (hs.length === 0) return actions;
  const shown = chooseShown(hs, index, graph.shown);
  if (shown !== graph.shown) actions.push({ kind: 'show', rid: shown });
  if (hs.length === 1) {
    actions.push({ kind: 'settled', head: shown });
    return actions;
  }
  const parts = new Set<string>();
  for (const h of hs) if (h.rid !== shown) for (const p of conflictingParts(index, shown, h.rid, content, deps.fieldOrder)) parts.add(p);
  actions.push({ kind: 'conflict', heads: hs.map((h) => h.rid), shown, parts: orderParts([...parts], deps.fieldOrder) });
  return actions;
}

/** The first pair of heads (in rid order) that merges cleanly, as a merge action. */
function firstMergeable(
  hs: readonly DagNode[],
  index: ReadonlyMap<string, DagNode>,
  content: (rid: string) => Content,
  deps: ReconcileDeps,
): Extract<ReconcileAction, { kind: 'merge' }> | null {
  for (let i = 0; i < hs.length; i += 1) {
    for (let j = i + 1; j < hs.length; j += 1) {
      const a = hs[i] as DagNode;
      const b = hs[j] as DagNode;
      const outcome = mergeContent(baseContent(index, a.rid, b.rid, content), content(a.rid), content(b.rid), deps.fieldOrder);
      if (!outcome.ok) continue;
      const hash = deps.hash(outcome.merged);
      const parents: [string, string] = [a.rid, b.rid];
      return {
        kind: 'merge',
        rid: mergeRevisionId(parents, hash),
        parents,
        createdAt: a.createdAt > b.createdAt ? a.createdAt : b.createdAt,
        hash,
        content: outcome.merged,
      };
    }
  }
  return null;
}

/** The content a three-way merge of `a` and `b` starts from (null: no shared history). */
export function baseContent(index: ReadonlyMap<string, DagNode>, a: string, b: string, content: (rid: string) => Content): Content | null {
  const bases = mergeBases(index, a, b);
  if (bases.length === 0) return null;
  if (bases.length === 1) return content(bases[0] as string);
  return virtualBase(bases.map(content));
}

/** What two heads disagree on: the parts a merge refused (or, should they merge, every part that differs). */
export function conflictingParts(index: ReadonlyMap<string, DagNode>, a: string, b: string, content: (rid: string) => Content, fieldOrder: readonly string[]): string[] {
  const outcome = mergeContent(baseContent(index, a, b, content), content(a), content(b), fieldOrder);
  return outcome.ok ? changedParts(content(a), content(b), fieldOrder) : outcome.conflicts;
}

/**
 * Which head the working copy shows: the one it already shows, else the
 * newest arrival that descends from it (the editor's own line of work),
 * else the newest arrival.
 */
function chooseShown(hs: readonly DagNode[], index: ReadonlyMap<string, DagNode>, shown: string | null): string {
  if (shown !== null && hs.some((h) => h.rid === shown)) return shown;
  const byArrival = [...hs].sort((a, b) => b.arrival - a.arrival || compareRid(b.rid, a.rid));
  const descendant = shown === null ? undefined : byArrival.find((h) => isAncestor(index, shown, h.rid));
  return (descendant ?? (byArrival[0] as DagNode)).rid;
}

function orderParts(parts: string[], fieldOrder: readonly string[]): string[] {
  const rank = (p: string) => (p === 'body' ? fieldOrder.length : fieldOrder.indexOf(p) === -1 ? fieldOrder.length + 1 : fieldOrder.indexOf(p));
  return parts.sort((a, b) => rank(a) - rank(b) || compareRid(a, b));
}
