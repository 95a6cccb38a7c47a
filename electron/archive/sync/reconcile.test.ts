// The pure protocol, with no database and no network: every shape of a
// revision graph a replica can meet, as a table; then the field and paragraph
// merge; then the push rules.
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { canonicalJson, sha256Hex } from '../db/hash.ts';
import { type DagNode, heads, mergeBase, byRid } from './dag.ts';
import { type Content, mergeContent } from './merge.ts';
import { planPull, planPush, refusal } from './protocol.ts';
import { reconcile, type ReconcileAction } from './reconcile.ts';
import type { Me, PendingRevision, PulledRevision } from './types.ts';

const FIELDS = ['headline', 'dek', 'status', 'desk'];
const content = (headline: string, dek: string, paragraphs: string[]): Content => ({
  fields: { headline, dek, status: 'draft', desk: 'metro' },
  body: bodyFromParagraphs(paragraphs),
});
const hash = (c: Content) => sha256Hex(canonicalJson(c));

interface Case {
  name: string;
  /** rid → parents */
  graph: Record<string, string[]>;
  contents: Record<string, Content>;
  shown: string | null;
  expect: { kinds: ReconcileAction['kind'][]; shown?: string; conflictParts?: string[]; mergedHeadline?: string; mergedBody?: string[] };
}

const base = content('Base', 'Dek', ['One.', 'Two.', 'Three.']);
const CASES: Case[] = [
  { name: 'one revision: settled, nothing to do', graph: { a: [] }, contents: { a: base }, shown: 'a', expect: { kinds: ['settled'] } },
  { name: 'new article (nothing shown yet): show its head', graph: { a: [] }, contents: { a: base }, shown: null, expect: { kinds: ['show', 'settled'], shown: 'a' } },
  {
    name: 'a descendant arrived: fast-forward',
    graph: { a: [], b: ['a'], c: ['b'] },
    contents: { a: base, b: content('B', 'Dek', ['One.']), c: content('C', 'Dek', ['One.']) },
    shown: 'a',
    expect: { kinds: ['show', 'settled'], shown: 'c' },
  },
  {
    name: 'an ancestor arrived late (the head is already a descendant): nothing to show',
    graph: { a: [], b: ['a'] },
    contents: { a: base, b: content('B', 'Dek', ['One.']) },
    shown: 'b',
    expect: { kinds: ['settled'] },
  },
  {
    name: 'different fields changed on both sides: merge',
    graph: { a: [], b: ['a'], c: ['a'] },
    contents: { a: base, b: content('Headline B', 'Dek', ['One.', 'Two.', 'Three.']), c: content('Base', 'Dek C', ['One.', 'Two.', 'Three.']) },
    shown: 'b',
    expect: { kinds: ['merge', 'show', 'settled'], mergedHeadline: 'Headline B' },
  },
  {
    name: 'different paragraphs changed on both sides: merge',
    graph: { a: [], b: ['a'], c: ['a'] },
    contents: { a: base, b: content('Base', 'Dek', ['One (b).', 'Two.', 'Three.']), c: content('Base', 'Dek', ['One.', 'Two.', 'Three (c).']) },
    shown: 'c',
    expect: { kinds: ['merge', 'show', 'settled'], mergedBody: ['One (b).', 'Two.', 'Three (c).'] },
  },
  {
    name: 'the same field changed differently: conflict, both kept, mine shown',
    graph: { a: [], b: ['a'], c: ['a'] },
    contents: { a: base, b: content('Mine', 'Dek', ['One.', 'Two.', 'Three.']), c: content('Theirs', 'Dek', ['One.', 'Two.', 'Three.']) },
    shown: 'b',
    expect: { kinds: ['conflict'], conflictParts: ['headline'] },
  },
  {
    name: 'the same paragraph changed differently: conflict on the body',
    graph: { a: [], b: ['a'], c: ['a'] },
    contents: { a: base, b: content('Base', 'Dek', ['One (b).', 'Two.', 'Three.']), c: content('Base', 'Dek', ['One (c).', 'Two.', 'Three.']) },
    shown: 'c',
    expect: { kinds: ['conflict'], conflictParts: ['body'] },
  },
  {
    name: 'both sides made the same change: merge without conflict',
    graph: { a: [], b: ['a'], c: ['a'] },
    contents: { a: base, b: content('Same', 'Dek', ['One.']), c: content('Same', 'Dek', ['One.']) },
    shown: 'b',
    expect: { kinds: ['merge', 'show', 'settled'], mergedHeadline: 'Same' },
  },
  {
    name: 'two roots (created apart) that differ: conflict',
    graph: { a: [], b: [] },
    contents: { a: base, b: content('Other', 'Dek', ['One.', 'Two.', 'Three.']) },
    shown: 'a',
    expect: { kinds: ['conflict'], conflictParts: ['headline'] },
  },
  {
    name: 'three heads, two merge and the third conflicts with the merge',
    graph: { a: [], b: ['a'], c: ['a'], d: ['a'] },
    contents: {
      a: base,
      b: content('Base', 'Dek B', ['One.', 'Two.', 'Three.']),
      c: content('Base', 'Dek', ['One.', 'Two.', 'Three (c).']),
      d: content('Base', 'Dek D', ['One.', 'Two.', 'Three.']),
    },
    shown: 'c',
    expect: { kinds: ['merge', 'show', 'conflict'], conflictParts: ['dek'] },
  },
  {
    name: 'a resolved conflict (a revision naming both heads): settled',
    graph: { a: [], b: ['a'], c: ['a'], m: ['b', 'c'] },
    contents: { a: base, b: content('Mine', 'Dek', ['One.']), c: content('Theirs', 'Dek', ['One.']), m: content('Mine', 'Dek', ['One.']) },
    shown: 'b',
    expect: { kinds: ['show', 'settled'], shown: 'm' },
  },
  {
    name: 'criss-cross: two resolutions of the same conflict that agree merge cleanly',
    graph: { a: [], b: ['a'], c: ['a'], m1: ['b', 'c'], m2: ['b', 'c'] },
    contents: { a: base, b: content('Mine', 'Dek', ['One.']), c: content('Theirs', 'Dek', ['One.']), m1: content('Mine', 'Dek', ['One.']), m2: content('Mine', 'Dek', ['One.']) },
    shown: 'm1',
    expect: { kinds: ['merge', 'show', 'settled'], mergedHeadline: 'Mine' },
  },
  {
    name: 'criss-cross: two resolutions that disagree stay a conflict',
    graph: { a: [], b: ['a'], c: ['a'], m1: ['b', 'c'], m2: ['b', 'c'] },
    contents: { a: base, b: content('Mine', 'Dek', ['One.']), c: content('Theirs', 'Dek', ['One.']), m1: content('Mine', 'Dek', ['One.']), m2: content('Theirs', 'Dek', ['One.']) },
    shown: 'm1',
    expect: { kinds: ['conflict'], conflictParts: ['headline'] },
  },
];

function nodes(c: Case): DagNode[] {
  return Object.entries(c.graph).map(([rid, parents], i) => ({ rid, parents, createdAt: `2026-01-0${i + 1}T00:00:00Z`, arrival: i + 1, hash: hash(c.contents[rid] as Content) }));
}

describe('reconcile: every shape of graph', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const actions = reconcile({ nodes: nodes(c), shown: c.shown }, { content: (rid) => c.contents[rid] as Content, hash, fieldOrder: FIELDS });
      expect(actions.map((a) => a.kind)).toEqual(c.expect.kinds);
      const show = actions.find((a) => a.kind === 'show');
      if (c.expect.shown) expect(show).toMatchObject({ rid: c.expect.shown });
      const conflict = actions.find((a) => a.kind === 'conflict');
      if (c.expect.conflictParts) expect(conflict).toMatchObject({ parts: c.expect.conflictParts });
      const merge = actions.find((a) => a.kind === 'merge');
      if (c.expect.mergedHeadline) expect(merge?.kind === 'merge' && merge.content.fields.headline).toBe(c.expect.mergedHeadline);
      if (c.expect.mergedBody)
        expect(merge?.kind === 'merge' && merge.content.body.root.children.map((p) => (p as { children: Array<{ text: string }> }).children[0]?.text)).toEqual(c.expect.mergedBody);
    });
  }

  it('computes the same merge id on every replica, whatever it shows or the order it received them', () => {
    const c = CASES.find((x) => x.name.startsWith('different fields')) as Case;
    const forward = reconcile({ nodes: nodes(c), shown: 'b' }, { content: (rid) => c.contents[rid] as Content, hash, fieldOrder: FIELDS });
    const reversed = reconcile({ nodes: nodes(c).reverse().map((n, i) => ({ ...n, arrival: i + 1 })), shown: 'c' }, { content: (rid) => c.contents[rid] as Content, hash, fieldOrder: FIELDS });
    const id = (acts: ReconcileAction[]) => acts.find((a) => a.kind === 'merge');
    expect(id(forward)).toMatchObject({ kind: 'merge' });
    expect(id(forward)).toEqual(id(reversed));
  });

  it('finds the nearest common ancestor', () => {
    const index = byRid(nodes(CASES[CASES.length - 1] as Case));
    expect(mergeBase(index, 'm1', 'm2')).toBe('c');
    expect(mergeBase(index, 'b', 'c')).toBe('a');
    expect(heads([...index.values()]).map((n) => n.rid)).toEqual(['m1', 'm2']);
  });
});

describe('mergeContent', () => {
  it('merges fields a newer Copydesk added, and keeps ones only one side has', () => {
    const o = { fields: { headline: 'h', extra: 1 }, body: bodyFromParagraphs(['x']) };
    const a = { fields: { headline: 'h', extra: 2 }, body: bodyFromParagraphs(['x']) };
    const b = { fields: { headline: 'h2', extra: 1, added: 'new' }, body: bodyFromParagraphs(['x']) };
    expect(mergeContent(o, a, b, ['headline'])).toEqual({ ok: true, merged: { fields: { headline: 'h2', added: 'new', extra: 2 }, body: bodyFromParagraphs(['x']) } });
  });

  it('refuses a paragraph deleted on one side and edited on the other', () => {
    const o = content('h', 'd', ['One.', 'Two.']);
    expect(mergeContent(o, content('h', 'd', ['Two.']), content('h', 'd', ['One (edited).', 'Two.']), FIELDS)).toEqual({ ok: false, conflicts: ['body'] });
  });

  it('merges insertions at different places', () => {
    const o = content('h', 'd', ['One.', 'Two.', 'Three.']);
    const r = mergeContent(o, content('h', 'd', ['Zero.', 'One.', 'Two.', 'Three.']), content('h', 'd', ['One.', 'Two.', 'Three.', 'Four.']), FIELDS);
    expect(r.ok && r.merged.body).toEqual(bodyFromParagraphs(['Zero.', 'One.', 'Two.', 'Three.', 'Four.']));
  });
});

const me = (role: Me['role'], desks = ['metro']): Me => ({ name: 'x', role, desks });
const pending = (over: Partial<PendingRevision>): PendingRevision => ({
  localId: 1, rid: 'r1', articleId: 'a1', parents: [], madeAt: '', author: '', reason: 'save', name: null, hash: 'h', fields: '{}', bodyHash: 'b',
  wordCount: 0, desk: 'metro', status: 'draft', parentStatus: null, source: '{}', ...over,
});

describe('push rules (mirror of the server policy)', () => {
  const table: Array<[string, Me, Partial<PendingRevision>, string | undefined, string | null]> = [
    ['an editor saves on their desk', me('editor'), {}, 'metro', null],
    ['an article with no desk stays local', me('editor'), { desk: '' }, undefined, 'no-desk'],
    ['not on that desk', me('editor'), { desk: 'sport' }, undefined, 'not-your-desk'],
    ['an archivist imports', me('archivist'), { reason: 'import' }, undefined, null],
    ['an archivist cannot edit', me('archivist'), { reason: 'save' }, 'metro', 'archivist-imports-only'],
    ['an editor cannot move desks', me('editor', ['metro', 'sport']), { desk: 'sport' }, 'metro', 'chief-moves-desks'],
    ['a chief moves desks', me('chief', ['metro', 'sport']), { desk: 'sport' }, 'metro', null],
    ['an editor cannot publish', me('editor'), { status: 'published', parentStatus: 'ready' }, 'metro', 'chief-publishes'],
    ['an editor may edit a published story', me('editor'), { status: 'published', parentStatus: 'published' }, 'metro', null],
    ['an editor cannot kill', me('editor'), { status: 'killed', parentStatus: 'published' }, 'metro', 'chief-publishes'],
    ['a chief publishes', me('chief'), { status: 'published', parentStatus: 'ready' }, 'metro', null],
    ['an admin is on every desk', me('admin', []), { desk: 'sport' }, 'sport', null],
  ];
  for (const [name, who, rev, serverDesk, expected] of table) it(name, () => expect(refusal(who, pending(rev), serverDesk)).toBe(expected));

  it('refuses what is built on a refused revision, creates new articles once, uploads only missing bodies', () => {
    const batch = [
      pending({ localId: 1, rid: 'r1', articleId: 'a1', desk: 'sport' }),
      pending({ localId: 2, rid: 'r2', articleId: 'a1', parents: ['r1'], desk: 'metro' }),
      pending({ localId: 3, rid: 'r3', articleId: 'a2', bodyHash: 'b2' }),
      pending({ localId: 4, rid: 'r4', articleId: 'a2', parents: ['r3'], bodyHash: 'b3' }),
    ];
    const plan = planPush(me('editor'), batch, { articleDesks: new Map(), missingBodies: new Set(['b3']) }, new Set());
    expect(plan.refused.map((r) => [r.rid, r.why])).toEqual([['r1', 'not-your-desk'], ['r2', 'parent-refused']]);
    expect(plan.send.map((r) => r.rid)).toEqual(['r3', 'r4']);
    expect(plan.createArticles).toEqual([{ id: 'a2', desk: 'metro', source: '{}' }]);
    expect(plan.uploadBodies).toEqual(['b3']);
  });
});

describe('pull planning', () => {
  const pulled = (seq: number, rid: string, bodyHash: string): PulledRevision => ({
    seq, rid, articleId: 'a', parents: [], madeAt: '', author: '', reason: 'save', name: null, hash: 'h', fields: '{}', bodyHash, wordCount: 0, desk: 'metro', status: 'draft', source: '{}',
  });
  it('applies what is new, marks what is held, fetches each missing body once, moves the cursor to the last seen', () => {
    const plan = planPull([pulled(5, 'x', 'b1'), pulled(6, 'y', 'b1'), pulled(9, 'z', 'b2')], new Set(['y']), new Set(['b2']), 4);
    expect(plan.apply.map((r) => r.rid)).toEqual(['x', 'z']);
    expect(plan.known.map((r) => r.rid)).toEqual(['y']);
    expect(plan.fetchBodies).toEqual(['b1']);
    expect(plan.cursor).toBe(9);
  });
});
