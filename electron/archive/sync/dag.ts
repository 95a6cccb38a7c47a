// The revision graph of one article, as pure functions. A revision names its
// parent(s); the heads are the revisions nobody names as a parent. One head:
// the article has a single current text. Several: offline edits from the
// same base met, and either merge (merge.ts) or stay as a visible conflict.

export interface DagNode {
  rid: string;
  parents: readonly string[];
  /** When the revision was made (ISO); merges take the latest of their parents'. */
  createdAt: string;
  /** Order of arrival in this archive (local revision id): later arrivals win ties of "which head is shown". */
  arrival: number;
  /** Snapshot hash: equal hashes, equal content. */
  hash: string;
}

export function byRid(nodes: readonly DagNode[]): Map<string, DagNode> {
  return new Map(nodes.map((n) => [n.rid, n]));
}

/** Revisions no other revision names as a parent, sorted by rid (the order every replica agrees on). */
export function heads(nodes: readonly DagNode[]): DagNode[] {
  const named = new Set<string>();
  for (const n of nodes) for (const p of n.parents) named.add(p);
  return nodes.filter((n) => !named.has(n.rid)).sort((a, b) => compareRid(a.rid, b.rid));
}

export function compareRid(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every revision reachable from `rid` through parents, itself included. Missing parents are skipped. */
export function ancestors(index: ReadonlyMap<string, DagNode>, rid: string): Set<string> {
  const seen = new Set<string>();
  const stack = [rid];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    const node = index.get(next);
    if (!node) continue;
    seen.add(next);
    for (const p of node.parents) stack.push(p);
  }
  return seen;
}

export function isAncestor(index: ReadonlyMap<string, DagNode>, ancestor: string, of: string): boolean {
  return ancestors(index, of).has(ancestor);
}

/**
 * The base of a three-way merge of `a` and `b`: a common ancestor that no
 * other common ancestor descends from. Criss-cross histories have several;
 * the greatest rid is taken so every replica picks the same. Null when the
 * two share no history (two replicas created the "same" article apart).
 */
export function mergeBase(index: ReadonlyMap<string, DagNode>, a: string, b: string): string | null {
  const best = mergeBases(index, a, b);
  return best[best.length - 1] ?? null;
}

/** Every best common ancestor of `a` and `b`, in rid order (several only in criss-cross histories). */
export function mergeBases(index: ReadonlyMap<string, DagNode>, a: string, b: string): string[] {
  const ofA = ancestors(index, a);
  const common = [...ancestors(index, b)].filter((rid) => ofA.has(rid));
  if (common.length === 0) return [];
  const shadowed = new Set<string>();
  for (const rid of common) {
    const node = index.get(rid) as DagNode;
    for (const p of node.parents) for (const up of ancestors(index, p)) shadowed.add(up);
  }
  return common.filter((rid) => !shadowed.has(rid)).sort(compareRid);
}
