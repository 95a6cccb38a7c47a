// What a `history:` hit says about where its match was: only in earlier
// versions (a correction removed it) or also in the current text, and which
// revisions held it. Plain text, for the result row and the preview.
import type { RevisionMatch, SearchHit } from '../../../../shared/model/search.ts';

export type HistoryHit = SearchHit & { revisions: RevisionMatch[] };

/** A hit of a `history:` search (other hits carry no revisions). */
export function isHistoryHit(hit: SearchHit | null | undefined): hit is HistoryHit {
  return Array.isArray(hit?.revisions);
}

export function placeLabel(hit: HistoryHit): string {
  return hit.currentMatches === false ? 'Only in earlier versions' : 'Also in the current text';
}

/** "2 Dec 10:42" in this machine's zone (as the history panel shows times), with the year when it is not this one. */
export function revisionWhen(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const year = date.getFullYear() === now.getFullYear() ? '' : ` ${part('year')}`;
  return `${part('day')} ${part('month')}${year} ${part('hour')}:${part('minute')}`;
}

/** "rev 3 · 2 Dec 10:42 “Correction”" (the revision's name, else why it was made). */
export function revisionLabel(rev: RevisionMatch, now = new Date()): string {
  const why = rev.name ? `“${rev.name}”` : rev.reason;
  return `rev ${rev.id} · ${revisionWhen(rev.createdAt, now)} ${why}`;
}

/**
 * The result row's line after the place label: for a match only earlier versions held, the newest of
 * them (the one to compare with the current text) and how many more; else how many versions held it.
 */
export function rowDetail(hit: HistoryHit, now = new Date()): string {
  const revs = hit.revisions;
  if (revs.length === 0) return '';
  if (hit.currentMatches === false) {
    const newest = revs[revs.length - 1] as RevisionMatch;
    return `${revisionLabel(newest, now)}${revs.length > 1 ? ` (+${revs.length - 1} more)` : ''}`;
  }
  return `${revs.length} version${revs.length === 1 ? '' : 's'} held it`;
}
