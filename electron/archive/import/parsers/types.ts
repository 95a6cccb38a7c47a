// What a format parser receives and returns. Parsers are pure functions of the
// decoded text: no I/O, no database, so each can be tested on a string.
import type { ArticleFields } from '../../../../shared/model/article.ts';
import type { BodyState } from '../../../../shared/editor/serialized.ts';
import type { Zone } from '../../time/zone.ts';

export interface ParseInput {
  text: string;
  /** Lower-case extension without the dot ('' when none). */
  ext: string;
  path: string;
  /** The zone for times that name none. */
  zone: Zone;
}

export interface ParsedArticle {
  /** Identifies a record inside a container file (Reuters NEWID); absent for one-article files. */
  key?: string;
  fields: Partial<ArticleFields>;
  body: BodyState;
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
   * How sure this parser is that it should read the file, 0..1, from the
   * extension and the first part of the text. The highest score wins.
   */
  sniff(input: ParseInput, head: string): number;
  /** One article for most formats; several for containers. Throwing fails the file with the message. */
  parse(input: ParseInput): ParsedArticle[];
}
