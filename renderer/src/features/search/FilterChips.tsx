// Filters as chips. Every control edits the query text (see query.ts), so the
// search box, the chips and the archive's query language never disagree.
import { useLayoutEffect, useRef } from 'react';
import { ARTICLE_STATUSES } from '../../../../shared/model/article.ts';
import type { FacetsValue } from '../../../../shared/contract/archive.ts';
import { type ChipField, type Chip, rangeValue, readChips, removeChip, setChip, splitRange } from './query.ts';
import { WireFilters } from './WireFilters.tsx';

export interface FilterChipsProps {
  query: string;
  facets: FacetsValue | null;
  onQuery(query: string): void;
  /** Where the focus goes when the last chip is removed. */
  onFocusSearch?(): void;
}

const LABELS: Readonly<Record<ChipField, string>> = {
  section: 'Section',
  status: 'Status',
  tag: 'Tag',
  posted: 'Posted',
  updated: 'Updated',
  provider: 'Provider',
  urgency: 'Urgency',
  slug: 'Slug',
  subject: 'Subject',
  embargo: 'Embargo',
};

export function FilterChips({ query, facets, onQuery, onFocusSearch }: FilterChipsProps) {
  const chips = readChips(query);
  const list = useRef<HTMLUListElement>(null);
  // A removed chip takes its × button (and the focus) with it: the focus moves to the chip now in its place,
  // else the one before it, else the search box, and never drops to <body>.
  const refocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = refocus.current;
    if (at === null) return;
    refocus.current = null;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    const next = buttons[Math.min(at, buttons.length - 1)];
    if (next) next.focus();
    else onFocusSearch?.();
  });
  const remove = (chip: Chip, index: number) => {
    refocus.current = index;
    onQuery(removeChip(query, chip));
  };
  const current = (field: ChipField) => chips.find((c) => c.field === field)?.value ?? '';
  const set = (field: ChipField, value: string | null) => onQuery(setChip(query, field, value));
  return (
    <div className="filters" role="group" aria-label="Filters">
      <ul className="chips" aria-label="Active filters" ref={list}>
        {chips.map((chip: Chip, index) => (
          <li key={chip.raw} className="chip">
            <span>
              {LABELS[chip.field]}: {chip.value}
            </span>
            <button type="button" aria-label={`Remove filter ${LABELS[chip.field]} ${chip.value}`} onClick={() => remove(chip, index)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="filter-controls">
        <select aria-label="Filter by section" value={current('section')} onChange={(e) => set('section', e.target.value || null)}>
          <option value="">Section…</option>
          {withCurrent(facets?.sections ?? [], current('section')).map((f) => (
            <option key={f.value} value={f.value}>
              {f.value} {f.count ? `(${f.count})` : ''}
            </option>
          ))}
        </select>
        <select aria-label="Filter by status" value={current('status')} onChange={(e) => set('status', e.target.value || null)}>
          <option value="">Status…</option>
          {ARTICLE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <select aria-label="Filter by tag" value={current('tag')} onChange={(e) => set('tag', e.target.value || null)}>
          <option value="">Tag…</option>
          {withCurrent(facets?.tags ?? [], current('tag')).map((f) => (
            <option key={f.value} value={f.value}>
              {f.value} {f.count ? `(${f.count})` : ''}
            </option>
          ))}
        </select>
        <WireFilters facets={facets} provider={current('provider')} urgency={current('urgency')} onChange={set} />
        <DateRange field="posted" value={current('posted')} onChange={(v) => set('posted', v)} />
        <DateRange field="updated" value={current('updated')} onChange={(v) => set('updated', v)} />
      </div>
    </div>
  );
}

function withCurrent(list: FacetsValue['sections'], value: string): FacetsValue['sections'] {
  return value === '' || list.some((f) => f.value === value) ? list : [{ value, count: 0 }, ...list];
}

function DateRange({ field, value, onChange }: { field: 'posted' | 'updated'; value: string; onChange(value: string | null): void }) {
  const { from, until } = splitRange(value);
  const valid = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d : '');
  return (
    <fieldset className="date-range">
      <legend>{LABELS[field]}</legend>
      <input type="date" aria-label={`${LABELS[field]} from`} value={valid(from)} onChange={(e) => onChange(rangeValue(e.target.value, valid(until)))} />
      <span aria-hidden="true">–</span>
      <input type="date" aria-label={`${LABELS[field]} until`} value={valid(until)} onChange={(e) => onChange(rangeValue(valid(from), e.target.value))} />
    </fieldset>
  );
}
