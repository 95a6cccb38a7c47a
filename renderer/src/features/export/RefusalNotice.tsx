// Why this article may not be exported now, from the core's rule
// (electron/archive/export/refusal.ts): killed or withheld — no way round it
// here; under embargo — the user may confirm exporting before it lifts.
import type { ExportRefusalValue } from '../../../../shared/contract/export.ts';
import { EmbargoNotice } from '../wire/EmbargoNotice.tsx';

export interface RefusalNoticeProps {
  refusal: ExportRefusalValue | null;
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
}

export function RefusalNotice({ refusal, confirmed, onConfirm }: RefusalNoticeProps) {
  if (!refusal) return null;
  if (refusal.code !== 'embargoed')
    return (
      <p className="export-refused" role="alert" data-testid="export-refused">
        This article cannot be exported: it is {refusal.reason}.
      </p>
    );
  return (
    <div className="export-embargo" data-testid="export-embargo">
      <EmbargoNotice until={refusal.embargoedUntil} />
      <label>
        <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} /> Export it before the embargo lifts (I have checked that
        this is allowed)
      </label>
    </div>
  );
}

/** True when the buttons must stay disabled: refused, and not an embargo the user confirmed. */
export function blocked(refusal: ExportRefusalValue | null, confirmed: boolean): boolean {
  return refusal !== null && !(refusal.code === 'embargoed' && confirmed);
}
