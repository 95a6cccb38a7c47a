// Filter controls for wire items: provider (the agencies in the archive, with
// counts) and urgency (1 = flash … 9). Like every chip they write the query
// text: `provider:dpa`, `urgency:<=3`.
import type { FacetsValue } from '../../../../shared/contract/archive.ts';

export interface WireFiltersProps {
  facets: FacetsValue | null;
  provider: string;
  urgency: string;
  onChange(field: 'provider' | 'urgency', value: string | null): void;
}

export function WireFilters({ facets, provider, urgency, onChange }: WireFiltersProps) {
  const providers = facets?.providers ?? [];
  const urgencies = facets?.urgencies ?? [];
  const providerOptions = provider === '' || providers.some((f) => f.value.toLowerCase() === provider.toLowerCase()) ? providers : [{ value: provider, count: 0 }, ...providers];
  // Exact values with their counts, then "this urgent or more" for each value in use.
  const urgencyOptions: Array<{ value: string; label: string }> = [
    ...urgencies.map((f) => ({ value: f.value, label: `${f.value}${f.value === '1' ? ' (flash)' : ''} (${f.count})` })),
    ...urgencies.filter((f) => f.value !== '1').map((f) => ({ value: `<=${f.value}`, label: `${f.value} or more urgent` })),
  ];
  if (urgency !== '' && !urgencyOptions.some((o) => o.value === urgency)) urgencyOptions.unshift({ value: urgency, label: urgency });
  if (providers.length === 0 && urgencies.length === 0 && provider === '' && urgency === '') return null;
  return (
    <>
      <select aria-label="Filter by provider" value={providerOptions.find((f) => f.value.toLowerCase() === provider.toLowerCase())?.value ?? ''} onChange={(e) => onChange('provider', e.target.value || null)}>
        <option value="">Provider…</option>
        {providerOptions.map((f) => (
          <option key={f.value} value={f.value}>
            {f.value} {f.count ? `(${f.count})` : ''}
          </option>
        ))}
      </select>
      <select aria-label="Filter by urgency" value={urgency} onChange={(e) => onChange('urgency', e.target.value || null)}>
        <option value="">Urgency…</option>
        {urgencyOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
