// "Embargoed until …" while an embargo holds: the time in the viewer's zone
// and, beside it, the instant in UTC. Nothing once it has lifted.
import { instantText, localText } from './format.ts';
import { useEmbargoHolds } from './useEmbargo.ts';
import './wire.css';

export interface EmbargoNoticeProps {
  until: string | null;
  /** One line for a result row instead of the preview's notice. */
  compact?: boolean;
}

export function EmbargoNotice({ until, compact = false }: EmbargoNoticeProps) {
  const holds = useEmbargoHolds(until);
  if (!holds || until === null) return null;
  const instant = instantText(until);
  if (compact)
    return (
      <span className="wire-embargo compact" data-testid="embargo-notice" title={`Embargoed until ${localText(until)} (${instant})`}>
        Embargoed until <time dateTime={until}>{localText(until)}</time>
      </span>
    );
  return (
    <p className="wire-embargo" role="note" data-testid="embargo-notice">
      <strong>Embargoed until</strong> <time dateTime={until}>{localText(until)}</time> <span className="wire-instant">({instant})</span>. Export is
      refused before then unless you confirm it.
    </p>
  );
}
