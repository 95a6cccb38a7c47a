// The CPU half of applying a pulled batch, done before its SQLite
// transaction: every check that can refuse content (snapshot hashes, body
// hashes) and each fetched body made ready to store exactly once (parsed,
// plain text, word count, Brotli), plus the content hashes of each article's
// newest revision (what a new article's row needs). Pure, no database: it
// runs before the write transaction opens, which then holds the write lock
// only for the writes.
import { withFieldDefaults, type ArticleFields } from '../../../shared/model/article.ts';
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import type { BodyState } from '../../../shared/editor/serialized.ts';
import { contentHashes } from '../articles/contentHash.ts';
import type { PreparedBody } from '../articles/preparedBody.ts';
import { compressText } from '../db/compress.ts';
import { canonicalJson, sha256Hex } from '../db/hash.ts';
import { ArchiveError } from '../errors.ts';
import type { PulledRevision } from './types.ts';

/** Check a pulled revision's hash against its content (a replica never stores a snapshot under a wrong name); answers its fields. */
export function verifySnapshotHash(rev: PulledRevision): Partial<ArticleFields> {
  let fields: unknown;
  try {
    fields = JSON.parse(rev.fields);
  } catch {
    throw new ArchiveError('corrupt', `Revision ${rev.rid} pulled from the shared archive has fields that are not JSON.`);
  }
  if (sha256Hex(`${canonicalJson(fields)}\n${rev.bodyHash}`) !== rev.hash)
    throw new ArchiveError('corrupt', `Revision ${rev.rid} pulled from the shared archive does not match its hash; nothing of it was stored.`);
  return fields as Partial<ArticleFields>;
}

/** A pulled body (the Lexical JSON's UTF-8 bytes), checked against its hash and made ready to store. */
export function preparePulledBody(hash: string, bytes: Uint8Array): PreparedBody {
  const json = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // The decoded text is what gets stored, so it is what must hash to the name (bytes that are not UTF-8 fail here).
  if (sha256Hex(json) !== hash) throw new ArchiveError('corrupt', `A body pulled from the shared archive does not match its hash ${hash}; nothing of it was stored.`);
  let body: BodyState;
  try {
    body = JSON.parse(json) as BodyState;
  } catch {
    throw new ArchiveError('corrupt', `A body pulled from the shared archive (${hash}) is not JSON; nothing of it was stored.`);
  }
  const text = bodyToPlainText(body);
  return { json, hash, text, wordCount: countWords(text), blob: compressText(json) };
}

export interface ContentHashes {
  contentHash: string;
  contentFoldHash: string;
}

export interface PreparedPull {
  /** Revisions that do not match their hash, by rid, with why: skipped, never stored. */
  rejected: Map<string, string>;
  /** Fetched bodies that revisions of the batch name, checked, by hash. */
  bodies: Map<string, PreparedBody>;
  /** By rid, for each article's newest revision whose body came with the batch: its working copy's content hashes. */
  contentHashes: Map<string, ContentHashes>;
}

/**
 * Check and prepare what a pull batch may store (its revisions not held
 * here yet, in arrival order). A revision that does not match its hash is
 * listed as rejected; a body that does not match throws, so nothing of the
 * batch is stored.
 */
export function preparePull(revisions: readonly PulledRevision[], fetched: ReadonlyMap<string, Uint8Array>): PreparedPull {
  const work = new PullPreparation(fetched);
  work.add(revisions);
  return work.done();
}

/**
 * The same, in steps of `step` revisions with a turn of the event loop
 * between them: a pull reads its next batch from the server meanwhile
 * (engine.ts), and those reads only move forward while this thread lets
 * the client see the server's answers.
 */
export async function preparePullInSteps(revisions: readonly PulledRevision[], fetched: ReadonlyMap<string, Uint8Array>, step = 100): Promise<PreparedPull> {
  const work = new PullPreparation(fetched);
  for (let start = 0; start < revisions.length; start += step) {
    if (start > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    work.add(revisions.slice(start, start + step));
  }
  return work.done();
}

class PullPreparation {
  private readonly rejected = new Map<string, string>();
  private readonly bodies = new Map<string, PreparedBody>();
  private readonly newest = new Map<string, { rev: PulledRevision; fields: Partial<ArticleFields> }>();

  constructor(private readonly fetched: ReadonlyMap<string, Uint8Array>) {}

  add(revisions: readonly PulledRevision[]): void {
    for (const rev of revisions) {
      let fields: Partial<ArticleFields>;
      try {
        fields = verifySnapshotHash(rev);
      } catch (error) {
        this.rejected.set(rev.rid, (error as Error).message);
        continue;
      }
      this.newest.set(rev.articleId, { rev, fields });
      const bytes = this.fetched.get(rev.bodyHash);
      if (bytes && !this.bodies.has(rev.bodyHash)) this.bodies.set(rev.bodyHash, preparePulledBody(rev.bodyHash, bytes));
    }
  }

  done(): PreparedPull {
    const hashes = new Map<string, ContentHashes>();
    for (const { rev, fields } of this.newest.values()) {
      const body = this.bodies.get(rev.bodyHash);
      if (body) hashes.set(rev.rid, contentHashes(withFieldDefaults(fields !== null && typeof fields === 'object' ? fields : {}).headline, body.text));
    }
    return { rejected: this.rejected, bodies: this.bodies, contentHashes: hashes };
  }
}
