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
export function preparePull(revisions: readonly PulledRevision[], fetched: ReadonlyMap<string, Uint8Array>, parts?: PreparedParts): PreparedPull {
  const work = new PullPreparation(fetched, parts);
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

/**
 * The CPU work of a whole fetched batch, done ahead in a worker thread
 * (pullWorker.ts) before this replica is planned against: every revision's
 * verdict, every fetched body prepared (or why it does not match), and the
 * content hashes of each article's newest revision of the batch. A plain
 * structured-clone shape. `preparePull(plan.apply, bodies, parts)` then
 * assembles exactly what it would have computed, from these answers.
 */
export interface PreparedParts {
  /** By rid: true when the snapshot hash matches, else why not. */
  verdicts: Map<string, true | string>;
  /** By hash: the prepared body, or the error preparing it raised. */
  bodies: Map<string, PreparedBody | { error: string; corrupt: boolean }>;
  contentHashes: Map<string, ContentHashes>;
}

export function prepareParts(revisions: readonly PulledRevision[], fetched: ReadonlyMap<string, Uint8Array>): PreparedParts {
  const verdicts = new Map<string, true | string>();
  const bodies = new Map<string, PreparedBody | { error: string; corrupt: boolean }>();
  const newest = new Map<string, { rev: PulledRevision; fields: Partial<ArticleFields> }>();
  for (const rev of revisions) {
    let fields: Partial<ArticleFields>;
    try {
      fields = verifySnapshotHash(rev);
    } catch (error) {
      verdicts.set(rev.rid, (error as Error).message);
      continue;
    }
    verdicts.set(rev.rid, true);
    newest.set(rev.articleId, { rev, fields });
    const bytes = fetched.get(rev.bodyHash);
    if (!bytes || bodies.has(rev.bodyHash)) continue;
    try {
      bodies.set(rev.bodyHash, preparePulledBody(rev.bodyHash, bytes));
    } catch (error) {
      bodies.set(rev.bodyHash, { error: (error as Error).message, corrupt: error instanceof ArchiveError && error.code === 'corrupt' });
    }
  }
  const contentHashes = new Map<string, ContentHashes>();
  for (const { rev, fields } of newest.values()) {
    const body = bodies.get(rev.bodyHash);
    if (body && !('error' in body)) contentHashes.set(rev.rid, contentHashesOf(fields, body.text));
  }
  return { verdicts, bodies, contentHashes };
}

function contentHashesOf(fields: unknown, text: string): ContentHashes {
  return contentHashes(withFieldDefaults(fields !== null && typeof fields === 'object' ? (fields as Partial<ArticleFields>) : {}).headline, text);
}

class PullPreparation {
  private readonly rejected = new Map<string, string>();
  private readonly bodies = new Map<string, PreparedBody>();
  /** `fields` undefined: checked in the worker, parsed here only if its content hashes are still needed. */
  private readonly newest = new Map<string, { rev: PulledRevision; fields: Partial<ArticleFields> | undefined }>();

  constructor(
    private readonly fetched: ReadonlyMap<string, Uint8Array>,
    private readonly parts?: PreparedParts,
  ) {}

  add(revisions: readonly PulledRevision[]): void {
    for (const rev of revisions) {
      const verdict = this.parts?.verdicts.get(rev.rid);
      let fields: Partial<ArticleFields> | undefined;
      if (typeof verdict === 'string') {
        this.rejected.set(rev.rid, verdict);
        continue;
      }
      if (verdict === undefined) {
        try {
          fields = verifySnapshotHash(rev);
        } catch (error) {
          this.rejected.set(rev.rid, (error as Error).message);
          continue;
        }
      }
      this.newest.set(rev.articleId, { rev, fields });
      const bytes = this.fetched.get(rev.bodyHash);
      if (bytes && !this.bodies.has(rev.bodyHash)) this.bodies.set(rev.bodyHash, this.bodyOf(rev.bodyHash, bytes));
    }
  }

  private bodyOf(hash: string, bytes: Uint8Array): PreparedBody {
    const ready = this.parts?.bodies.get(hash);
    if (!ready) return preparePulledBody(hash, bytes);
    if ('error' in ready) throw ready.corrupt ? new ArchiveError('corrupt', ready.error) : new Error(ready.error);
    return ready;
  }

  done(): PreparedPull {
    const hashes = new Map<string, ContentHashes>();
    for (const { rev, fields } of this.newest.values()) {
      const body = this.bodies.get(rev.bodyHash);
      if (!body) continue;
      const ready = this.parts?.contentHashes.get(rev.rid);
      hashes.set(rev.rid, ready ?? contentHashesOf(fields ?? JSON.parse(rev.fields), body.text));
    }
    return { rejected: this.rejected, bodies: this.bodies, contentHashes: hashes };
  }
}
