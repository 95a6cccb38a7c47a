// What a result row must say at a glance about a wire item: killed or
// withheld, and "Embargoed until …" while an embargo holds.
import type { SearchHit } from '../../../../shared/model/search.ts';
import { EmbargoNotice } from './EmbargoNotice.tsx';
import './wire.css';

export function ResultBadges({ hit }: { hit: SearchHit }) {
  return (
    <>
      {(hit.status === 'killed' || hit.status === 'withheld') && (
        <span className="wire-badge" data-status={hit.status}>
          {hit.status}
        </span>
      )}
      <EmbargoNotice until={hit.embargoedUntil ?? null} compact />
    </>
  );
}
