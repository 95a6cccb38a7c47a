// What a worker prepares ahead (prepareParts, over the whole fetched batch)
// and assembles for the plan's revisions must be exactly what preparing on
// the writing thread gives: same verdicts, bodies, content hashes, errors.
import { describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { canonicalJson, sha256Hex } from '../db/hash.ts';
import { prepareParts, preparePull } from './prepare.ts';
import type { PulledRevision } from './types.ts';

let seq = 0;
function revision(articleId: string, fields: Record<string, unknown>, body: string, tamper = false): PulledRevision {
  const bodyHash = sha256Hex(body);
  seq += 1;
  const hash = sha256Hex(`${canonicalJson(fields)}\n${bodyHash}`);
  return { rid: `r${seq}`, articleId, parents: [], madeAt: '2026-12-03T10:00:00Z', author: 'kim', reason: 'save', name: null, hash: tamper ? hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) : hash, fields: JSON.stringify(fields), bodyHash, wordCount: 2, desk: 'd', status: 'draft', seq, source: '{}' };
}

const bodyOf = (text: string) => JSON.stringify(bodyFromParagraphs([text]));
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('preparing a pulled batch ahead', () => {
  const one = bodyOf('First story, naïve café.');
  const two = bodyOf('Second story.');
  const three = bodyOf('Third story.');
  const revs = [
    revision('a', { headline: 'A one' }, one),
    revision('a', { headline: 'A two' }, two), // the article's newest of the batch
    revision('b', { headline: 'B' }, one), // a body shared with another article
    revision('c', { headline: 'C' }, three, true), // does not match its hash
    revision('d', { headline: 'D' }, three),
  ];
  const fetched = new Map([one, two, three].map((b) => [sha256Hex(b), bytes(b)]));

  it('gives the same result as preparing here, for the whole batch and for a plan that applies part of it', () => {
    const parts = prepareParts(revs, fetched);
    expect(parts.verdicts.get((revs[3] as PulledRevision).rid)).toMatch(/does not match its hash/);
    expect(preparePull(revs, fetched, parts)).toEqual(preparePull(revs, fetched));
    // A plan without a's newest revision (already held here): its older one's content hashes are made here, the same.
    const apply = [revs[0], revs[2], revs[3]] as PulledRevision[];
    const assembled = preparePull(apply, fetched, parts);
    expect(assembled).toEqual(preparePull(apply, fetched));
    expect(assembled.contentHashes.has((revs[0] as PulledRevision).rid)).toBe(true);
    expect(assembled.rejected.size).toBe(1);
  });

  it('throws the same error when a body the plan stores does not match its hash, and ignores it when none does', () => {
    const bad = new Map(fetched);
    bad.set(sha256Hex(two), bytes(bodyOf('Not what was hashed.')));
    const parts = prepareParts(revs, bad);
    expect(() => preparePull(revs, bad, parts)).toThrow(/does not match its hash/);
    expect(() => preparePull(revs, bad)).toThrow(/does not match its hash/);
    const apply = [revs[2], revs[4]] as PulledRevision[];
    expect(preparePull(apply, bad, parts)).toEqual(preparePull(apply, bad));
  });
});
