// Newsroom metadata: what wire and interchange formats (NITF, NewsML-G2,
// NewsML 1.2, ninjs, ANPA-1312, IPTC 7901, feeds) carry and desks work with.
// Part of every article's fields, so it is revisioned, diffed, restored,
// searched and exported like the headline.

/** A coded subject: IPTC Media Topics (`medtop`), subject codes, an agency's own scheme, or free text (scheme ''). */
export interface Subject {
  /** Scheme alias or URI as the file gave it: `medtop`, `subj`, `dpasubject`, `http://cv.iptc.org/newscodes/mediatopic/`; '' when none. */
  scheme: string;
  /** The code within the scheme (`20000106`, `04000000`); '' when only a label is known. */
  code: string;
  /** Human label as given (`crime`, `economy, business and finance`); '' when only a code is known. */
  label: string;
}

/** One author, with the role or job title the file gives (`writer`, `Business Writer`, `photographer`). */
export interface Author {
  name: string;
  role: string;
}

/** Where the story happened (G2 `located`, ninjs `located`, NITF `location`). */
export interface Located {
  name: string;
  /** ISO 3166-1 alpha-2 when known, upper case; '' otherwise. */
  countryCode: string;
}

/** The publishing status the provider gave: usable, withheld (do not use for now) or canceled (killed). '' when not stated. */
export const PUB_STATUSES = ['', 'usable', 'withheld', 'canceled'] as const;
export type PubStatus = (typeof PUB_STATUSES)[number];

export interface NewsroomFields {
  /** The wire slug / keyword line (ANPA keyword, NITF `du-key`, G2 `slugline`); not the URL slug (`slug`). */
  slugline: string;
  /** 1 (flash) … 9 (lowest); null when not stated. */
  urgency: number | null;
  /** Provider priority, 1 … 9; null when not stated. */
  priority: number | null;
  /** Not to be published before this instant (ISO 8601 with offset); null when not embargoed. */
  embargoedUntil: string | null;
  /** The item should not be used after this instant; null when open-ended. */
  expiresAt: string | null;
  /** Editor's note to the desk (G2 `edNote`, NITF `ed-msg`, ninjs `ednote`); not part of the copy. */
  editorNote: string;
  pubStatus: PubStatus;
  /** The agency or provider (`dpa`, `AP`, `Reuters`), as a name; '' for copy written here. */
  provider: string;
  /** Lower-case signals on this version: `update`, `correction`, `writethru`, `kill`, `advisory`, `withhold`, … */
  signals: string[];
  subjects: Subject[];
  /** Genre as given (`Current`, `Analysis`, `Feature`); '' when none. */
  genre: string;
  /** Keywords the file carries (distinct from the desk's own `tags`). */
  keywords: string[];
  located: Located | null;
  /** Every author with role or title; `byline` stays the display line. */
  authors: Author[];
  copyrightHolder: string;
  creditLine: string;
  usageTerms: string;
  /** The desk that owns the article in a shared archive; '' when none. */
  desk: string;
}

export function emptyNewsroomFields(): NewsroomFields {
  return {
    slugline: '',
    urgency: null,
    priority: null,
    embargoedUntil: null,
    expiresAt: null,
    editorNote: '',
    pubStatus: '',
    provider: '',
    signals: [],
    subjects: [],
    genre: '',
    keywords: [],
    located: null,
    authors: [],
    copyrightHolder: '',
    creditLine: '',
    usageTerms: '',
    desk: '',
  };
}

/** Newsroom field names, in the order the fields panel and the diff view show them. */
export const NEWSROOM_FIELD_NAMES = [
  'slugline',
  'urgency',
  'priority',
  'embargoedUntil',
  'expiresAt',
  'editorNote',
  'pubStatus',
  'provider',
  'signals',
  'subjects',
  'genre',
  'keywords',
  'located',
  'authors',
  'copyrightHolder',
  'creditLine',
  'usageTerms',
  'desk',
] as const satisfies ReadonlyArray<keyof NewsroomFields>;

/** A subject as one line of text (diffs, exports to text): `label (scheme:code)`. */
export function subjectText(s: Subject): string {
  const coded = s.code === '' ? '' : s.scheme === '' ? s.code : `${s.scheme}:${s.code}`;
  if (s.label === '') return coded;
  return coded === '' ? s.label : `${s.label} (${coded})`;
}

/** An author as one line of text: `Name (role)`. */
export function authorText(a: Author): string {
  return a.role === '' ? a.name : `${a.name} (${a.role})`;
}

/** A place as one line of text: `Name, CC`. */
export function locatedText(l: Located | null): string {
  if (!l) return '';
  return [l.name, l.countryCode].filter((p) => p !== '').join(', ');
}

/** A subject already used in the archive, offered while the desk types one: how many articles carry it. */
export interface SubjectSuggestion extends Subject {
  uses: number;
}
