// What a format parser receives and returns. Parsers are pure functions of the
// file's bytes and decoded text: no I/O, no database, so each can be tested on
// a string.
import type { ArticleFields } from '../../../../shared/model/article.ts';
import type { BodyState } from '../../../../shared/editor/serialized.ts';
import type { Zone } from '../../time/zone.ts';

export interface ParseInput {
  /** Decoded text, cleaned (NFC, LF line ends, no control characters): what most formats read. */
  text: string;
  /**
   * Decoded text before the clean-up: CR, SOH/STX/ETX/EOT and other controls
   * still in place, for formats framed by them (ANPA-1312, IPTC 7901).
   */
  rawText: string;
  /** The file's bytes as read (a record of a container shares its file's bytes). */
  bytes: Uint8Array;
  /** The first part of `text` (HEAD_CHARS): cheap to scan for a root element or a header. */
  head: string;
  /** Lower-case extension without the dot ('' when none). Never decides a format alone. */
  ext: string;
  path: string;
  /** The zone for times that name none. */
  zone: Zone;
}

/**
 * An item's identity in its file, scoped by provider: a later version of the
 * same identity is a revision of the same article, never a new one.
 */
export interface ItemIdentity {
  /** Lower-case provider the id belongs to (`dpa`, `ap`, `reuters`, a feed's host); '' when the file names none. */
  provider: string;
  /** G2 guid, NewsML 1.2 PublicIdentifier (without its revision), ninjs uri, NITF doc-id, ANPA keyword, RSS guid, Atom id, WXR post id. */
  id: string;
  /** The item's version (G2/ninjs version, NewsML 1.2 RevisionId, ANPA take/writethru number); null when not stated. */
  version: number | null;
}

/** One news item, in the shape every format parser returns. */
export interface ParsedArticle {
  /** Identifies a record inside a container file (Reuters NEWID, a feed item's index); absent for one-article files. */
  key?: string;
  /** Headline, dek, byline, dates, language and the newsroom metadata (shared/model/newsroom.ts) the file carries. */
  fields: Partial<ArticleFields>;
  body: BodyState;
  /** The item's identity in its file; absent when the format has none (plain text, a web page). */
  identity?: ItemIdentity;
  /** Report notes such as `no-body`. */
  flags: string[];
  /** A human note for the report (e.g. "title only: the record has no body"). */
  note?: string;
  /** True when a time in the source named no zone and `zone` was assumed. */
  zoneAssumed: boolean;
}

export interface Parser {
  /** Stored as source.format: 'newsroom', 'text', 'markdown', 'html', 'nitf', 'reuters-sgml', … */
  name: string;
  /**
   * How sure this parser is that the file is its format, 0..1, from the bytes
   * and the decoded text (root element, namespace, header framing, JSON keys);
   * the extension may only break ties. The highest confidence wins.
   */
  detect(input: ParseInput): number;
  /**
   * One item for most formats; several for containers (feeds, G2 newsMessage,
   * WXR). Throwing fails the file with the message, which must say what was
   * found (`unrecognized XML: root <foo> in namespace …`).
   */
  parse(input: ParseInput): ParsedArticle[];
}
