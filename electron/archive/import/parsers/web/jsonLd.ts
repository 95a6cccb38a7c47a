// schema.org JSON-LD as pages embed it (`<script type="application/ld+json">`):
// one object, an array, or a `@graph`, with nodes that refer to each other by
// `@id`. Finds the page's article node (NewsArticle and its kinds first) and
// reads its people and texts. Blocks that are not valid JSON (a CMS that
// HTML-escaped the quotes) are skipped: the page's other metadata still counts.

export type LdNode = Record<string, unknown>;

/** The JSON text of a script element, without the comment or CDATA wrappers some CMSs put around it. */
function unwrap(text: string): string {
  return text
    .trim()
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>$/gu, '')
    .replace(/^<!--|-->$/gu, '')
    .trim();
}

/** Every node of the blocks (top level, arrays, `@graph`, `mainEntity`), in document order, plus an `@id` index. */
export function readJsonLd(blocks: readonly string[]): { nodes: LdNode[]; byId: Map<string, LdNode> } {
  const nodes: LdNode[] = [];
  const byId = new Map<string, LdNode>();
  const visit = (value: unknown, depth: number) => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const node = value as LdNode;
    if (node['@type'] !== undefined || node['@graph'] === undefined) nodes.push(node);
    if (typeof node['@id'] === 'string' && Object.keys(node).length > 1 && !byId.has(node['@id'])) byId.set(node['@id'], node);
    visit(node['@graph'], depth + 1);
    visit(node.mainEntity, depth + 1);
  };
  for (const block of blocks) {
    try {
      visit(JSON.parse(unwrap(block)), 0);
    } catch {
      // Not JSON: skipped (see above).
    }
  }
  return { nodes, byId };
}

export function types(node: LdNode): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/u, ''));
}

/** How article-like a node is: 3 for NewsArticle and its kinds, 2 for other articles, 1 for blog and report posts. */
function articleRank(node: LdNode): number {
  let rank = 0;
  for (const t of types(node)) {
    if (/NewsArticle$/u.test(t)) rank = Math.max(rank, 3);
    else if (/Article$/u.test(t)) rank = Math.max(rank, 2);
    else if (/^(?:BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$/u.test(t)) rank = Math.max(rank, 1);
  }
  return rank;
}

/** The page's article: the most article-like node, a node with a headline first among equals. */
export function articleNode(nodes: readonly LdNode[]): LdNode | null {
  let best: LdNode | null = null;
  let bestScore = 0;
  for (const node of nodes) {
    const rank = articleRank(node);
    if (rank === 0) continue;
    const score = rank * 2 + (typeof node.headline === 'string' ? 1 : 0);
    if (score > bestScore) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}

/** A node that only points at another (`{"@id": "#author"}`) replaced by the node it points at. */
export function resolve(value: unknown, byId: ReadonlyMap<string, LdNode>): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as LdNode)['@id'];
    if (typeof id === 'string' && Object.keys(value).every((k) => k === '@id' || k === '@type')) return byId.get(id) ?? value;
  }
  return value;
}

/** Strings of a value: a string, a number, an object's `name` (or `@value`), or arrays of those. */
export function ldStrings(value: unknown, byId: ReadonlyMap<string, LdNode>): string[] {
  const v = resolve(value, byId);
  if (typeof v === 'string') return [v];
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.flatMap((x) => ldStrings(x, byId));
  if (v && typeof v === 'object') {
    const o = v as LdNode;
    for (const key of ['name', '@value', 'alternateName']) if (typeof o[key] === 'string') return [o[key] as string];
  }
  return [];
}

export function ldString(value: unknown, byId: ReadonlyMap<string, LdNode>): string | null {
  return ldStrings(value, byId).find((s) => s.trim() !== '') ?? null;
}

/** An author as JSON-LD names one: a Person, or an Organization credited as author (a wire service, a desk). */
export interface LdPerson {
  name: string;
  role: string;
}

/** People of `author` (or `creator`): strings, Person/Organization nodes, schema.org Role wrappers, arrays, `@id` references. */
export function ldPeople(value: unknown, byId: ReadonlyMap<string, LdNode>, role = '', depth = 0): LdPerson[] {
  const v = resolve(value, byId);
  if (depth > 4 || v === null || v === undefined) return [];
  if (typeof v === 'string') return [{ name: v, role }];
  if (Array.isArray(v)) return v.flatMap((x) => ldPeople(x, byId, role, depth + 1));
  if (typeof v !== 'object') return [];
  const o = v as LdNode;
  if (types(o).includes('Role')) {
    const roleName = ldString(o.roleName, byId) ?? role;
    return ldPeople(o.author ?? o.creator ?? o.contributor, byId, roleName, depth + 1);
  }
  const given = [ldString(o.givenName, byId), ldString(o.familyName, byId)].filter((s): s is string => s !== null).join(' ');
  const name = ldString(o.name, byId) ?? given;
  if (name.trim() === '') return [];
  return [{ name, role: ldString(o.jobTitle, byId) ?? role }];
}
