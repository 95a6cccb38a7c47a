// The identity an interchange export carries (NITF doc-id, G2 guid + version,
// ninjs uri + version): the article's stable guid, and a version that grows
// with each export whose copy differs from every earlier export's. The
// article's own history is the record: every export leaves an `export`
// revision (revision.ts), so re-exporting the same copy gives the same
// version, and a re-export after an edit gives the next one, signalled as an
// update, or as a correction when the desk marked the article so.
import type { Article, ArticleFields } from '../../../shared/model/article.ts';
import { withFieldDefaults } from '../../../shared/model/article.ts';
import type { ExportIdentity } from '../../../shared/export/types.ts';
import type { Archive } from '../archive.ts';
import { pickFields } from '../archive.ts';
import { canonicalJson, sha256Hex } from '../db/hash.ts';
import { stmt } from '../db/statements.ts';

export const DEFAULT_PROVIDER = 'Copydesk';

// Workflow state is not copy: moving an article to `published` or to another
// desk must not make its next export a new version.
const NOT_COPY: ReadonlySet<keyof ArticleFields> = new Set(['status', 'desk', 'targetLength', 'tags']);
// Signals that describe a provider's notice about the item, not this version of our copy.
const NOTICES: ReadonlySet<string> = new Set(['kill', 'withhold', 'update', 'correction']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The article's guid: `urn:uuid:…` for Copydesk's UUID ids, a `urn:copydesk:` URN otherwise. */
export function articleGuid(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:copydesk:article:${encodeURIComponent(id)}`;
}

/** The copy an export version is about: fields (minus workflow state) and the body. */
export function copyHash(fields: Partial<ArticleFields>, bodyHash: string): string {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(withFieldDefaults(fields))) if (!NOT_COPY.has(key as keyof ArticleFields)) copy[key] = value;
  return sha256Hex(`${canonicalJson(copy)}\n${bodyHash}`);
}

export function bodyHashOf(article: Pick<Article, 'body'>): string {
  return sha256Hex(JSON.stringify(article.body));
}

export interface IdentityOptions {
  provider?: string;
}

/** Where the article is stored, when the caller already read its row (saves reading it again). */
export interface StoredArticleKeys {
  seq: number;
  /** The stored body's hash: sha256 of the body's JSON, as `bodyHashOf` computes it. */
  bodyHash: string;
  /** `snapshotHash` of the article as it is now (its export mark's snapshot), when the caller made it. */
  snapshotHash?: string;
}

/** The identity of exporting `article` now, from the exports its history records. */
export function exportIdentity(archive: Archive, article: Article, options: IdentityOptions = {}, stored?: StoredArticleKeys): ExportIdentity {
  const seq = stored?.seq ?? archive.requireRow(article.id).seq;
  // One row per distinct snapshot, in the order each was first exported: an
  // article exported many times unchanged costs one row, not one per export.
  const earlier = stmt(
    archive.db,
    `SELECT s.hash, s.fields, b.hash AS body_hash FROM (SELECT snapshot_id, min(id) AS first FROM revisions WHERE article_seq = ? AND reason = 'export' GROUP BY snapshot_id) e
     JOIN snapshots s ON s.id = e.snapshot_id JOIN bodies b ON b.id = s.body_id ORDER BY e.first`,
  ).all(seq) as Array<{ hash: string; fields: string; body_hash: string }>;
  const copyOf = (row: (typeof earlier)[number]) => copyHash(JSON.parse(row.fields) as Partial<ArticleFields>, row.body_hash);
  // The usual re-export: this exact snapshot was exported before, so its copy
  // is one of the versions already numbered, and only the snapshots up to it
  // need hashing (none when it was the first: version 1).
  const same = stored?.snapshotHash === undefined ? -1 : earlier.findIndex((row) => row.hash === stored.snapshotHash);
  let version = 1;
  if (same !== 0) {
    const copies = (same > 0 ? earlier.slice(0, same + 1) : earlier).map(copyOf);
    const current = same > 0 ? (copies[same] as string) : copyHash(pickFields(article), stored?.bodyHash ?? bodyHashOf(article));
    const versions = [...new Set(copies)];
    const known = versions.indexOf(current);
    version = known >= 0 ? known + 1 : versions.length + 1;
  }
  return {
    guid: articleGuid(article.id),
    version,
    signals: signalsFor(article.signals, version),
    provider: options.provider ?? DEFAULT_PROVIDER,
    exportedAt: archive.now(),
  };
}

/** The article's own signals (advisory, …) plus update or correction on any version after the first. */
export function signalsFor(own: readonly string[], version: number): string[] {
  const out = own.filter((s) => !NOTICES.has(s));
  if (version > 1) out.push(own.includes('correction') ? 'correction' : 'update');
  return out;
}
