// The embargo as a desk sets it: a date and time in a zone the editor picks
// (this computer's, UTC, an offset, or a named zone), stored as one UTC
// instant; below it the instant in the viewer's zone and in UTC, and a
// "Release" button that lifts the hold (clears it).
import { useId, useMemo, useState } from 'react';
import { embargoHolds, instantText, localText } from './format.ts';
import { instantFromWall, localZone, wallTimeIn, zoneChoices } from './zonedTime.ts';

export interface EmbargoInputProps {
  value: string | null;
  readOnly: boolean;
  onChange(value: string | null): void;
}

export function EmbargoInput({ value, readOnly, onChange }: EmbargoInputProps) {
  const id = useId();
  const [zone, setZone] = useState(localZone);
  const choices = useMemo(() => zoneChoices(), []);
  const wall = value === null ? '' : wallTimeIn(value, zone);
  const lifted = value !== null && !embargoHolds(value, Date.now());

  const changeZone = (next: string) => {
    setZone(next);
    // The editor picked the zone the typed time is in: keep the wall time, move the instant.
    if (wall !== '') {
      const instant = instantFromWall(wall, next);
      if (instant !== null) onChange(instant);
    }
  };

  return (
    <fieldset className="wire-embargo-input" data-testid="embargo-input">
      <legend>Embargo</legend>
      <div className="wire-embargo-row">
        <label className="cd-field">
          <span>Not before</span>
          <input
            type="datetime-local"
            name="embargo"
            value={wall}
            readOnly={readOnly}
            onChange={(e) => onChange(e.target.value === '' ? null : instantFromWall(e.target.value, zone))}
            aria-describedby={`${id}-when`}
          />
        </label>
        <label className="cd-field">
          <span>Time zone</span>
          <select name="embargoZone" value={zone} disabled={readOnly} onChange={(e) => changeZone(e.target.value)}>
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p id={`${id}-when`} className="wire-embargo-when" data-testid="embargo-when" aria-live="polite">
        {value === null ? (
          'No embargo.'
        ) : (
          <>
            Local: {localText(value)} · UTC: <span data-testid="embargo-utc">{instantText(value)}</span>
            {lifted && <strong> — passed</strong>}
          </>
        )}
      </p>
      {value !== null && !readOnly && (
        <button type="button" onClick={() => onChange(null)}>
          Release embargo
        </button>
      )}
    </fieldset>
  );
}
