// Three-way merge of two snapshots over their common base, as a pure function.
// Fields merge one by one (a field changed on one side only takes that side);
// the body merges paragraph by paragraph (top-level blocks of the Lexical
// root, compared as canonical JSON) with diff3, so two editors who changed
// different paragraphs both keep their words. Anything both sides changed
// differently is a conflict and nothing is merged: both texts stay as heads.
import { diff3Merge } from 'node-diff3';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { canonicalJson } from '../db/hash.ts';

export interface Content {
  /** The fields JSON of a snapshot: the unit that syncs, whatever fields it holds. */
  fields: Record<string, unknown>;
  body: BodyState;
}

export type MergeOutcome = { ok: true; merged: Content } | { ok: false; conflicts: string[] };

const same = (x: unknown, y: unknown) => canonicalJson(x ?? null) === canonicalJson(y ?? null);

/** One value of three: the side that changed, or `conflict` when both changed it differently. */
function pick<T>(base: T | undefined, a: T, b: T, hasBase: boolean): { value: T } | 'conflict' {
  if (same(a, b)) return { value: a };
  if (hasBase && same(a, base)) return { value: b };
  if (hasBase && same(b, base)) return { value: a };
  return 'conflict';
}

/**
 * `fieldOrder` is the model's field list (FIELD_NAMES at run time); fields a
 * newer Copydesk added and this one does not know still merge, after them.
 */
export function mergeContent(base: Content | null, a: Content, b: Content, fieldOrder: readonly string[]): MergeOutcome {
  const conflicts: string[] = [];
  const names = [...fieldOrder];
  const extra = new Set([...Object.keys(a.fields), ...Object.keys(b.fields), ...Object.keys(base?.fields ?? {})]);
  for (const n of names) extra.delete(n);
  names.push(...[...extra].sort());
  const fields: Record<string, unknown> = {};
  for (const name of names) {
    const inA = name in a.fields;
    const inB = name in b.fields;
    if (!inA && !inB) continue;
    const r = pick(base?.fields[name], a.fields[name], b.fields[name], base !== null);
    if (r === 'conflict') conflicts.push(name);
    else if (r.value !== undefined) fields[name] = r.value;
  }
  const body = mergeBody(base?.body ?? null, a.body, b.body);
  if (body === 'conflict') conflicts.push('body');
  if (conflicts.length > 0 || body === 'conflict') return { ok: false, conflicts };
  return { ok: true, merged: { fields, body } };
}

/** Stands for a value the several bases of a criss-cross history disagree on: neither side "kept" it. */
const UNKNOWN = Object.freeze({ '\u0000copydesk': 'bases disagree' });

/**
 * The base of a merge whose sides have several best common ancestors (two
 * resolutions of one conflict, merged again): where those bases agree, that
 * value; where they disagree, a value neither side can equal, so a change on
 * either side conflicts unless both made the same one. Never a silent pick.
 */
export function virtualBase(bases: readonly Content[]): Content {
  const first = bases[0] as Content;
  const names = new Set(bases.flatMap((b) => Object.keys(b.fields)));
  const fields: Record<string, unknown> = {};
  for (const name of names) fields[name] = bases.every((b) => same(b.fields[name], first.fields[name])) ? first.fields[name] : UNKNOWN;
  // Bodies that disagree: an empty base, so the sides merge only where they are equal.
  const body = bases.every((b) => same(b.body, first.body)) ? first.body : ({ root: { ...first.body.root, children: [] } } as BodyState);
  return { fields, body };
}

/** The fields and body that differ between two snapshots (for the conflict banner and `copydesk conflicts`). */
export function changedParts(a: Content, b: Content, fieldOrder: readonly string[]): string[] {
  const names = new Set([...fieldOrder, ...Object.keys(a.fields), ...Object.keys(b.fields)]);
  const out = [...names].filter((n) => !same(a.fields[n], b.fields[n]));
  if (!same(a.body, b.body)) out.push('body');
  return out;
}

type Root = BodyState['root'];
type Block = Root['children'][number];

function mergeBody(base: BodyState | null, a: BodyState, b: BodyState): BodyState | 'conflict' {
  const whole = pick(base ?? undefined, a, b, base !== null);
  if (whole !== 'conflict') return whole.value;
  if (!base) return 'conflict';
  const { children: _ac, ...aRoot } = a.root;
  const { children: _bc, ...bRoot } = b.root;
  const { children: _oc, ...oRoot } = base.root;
  const root = pick(oRoot, aRoot, bRoot, true);
  if (root === 'conflict') return 'conflict';
  const blocks = new Map<string, Block>();
  const keys = (body: BodyState) =>
    body.root.children.map((block) => {
      const key = canonicalJson(block);
      blocks.set(key, block);
      return key;
    });
  const regions = diff3Merge(keys(a), keys(base), keys(b), { excludeFalseConflicts: true });
  const merged: string[] = [];
  for (const region of regions) {
    if (region.conflict) return 'conflict';
    merged.push(...(region.ok ?? []));
  }
  return { root: { ...root.value, children: merged.map((k) => blocks.get(k) as Block) } as Root };
}
