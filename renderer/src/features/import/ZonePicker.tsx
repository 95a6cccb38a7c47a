// Which time zone to assume for source files whose dates name none (a Seoul
// paper's "2019-01-09 07:31" is Seoul time, not this computer's).
const ZONES = ['UTC', 'Asia/Seoul', 'Asia/Tokyo', 'Asia/Shanghai', 'Asia/Kolkata', 'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Australia/Sydney'];

export function ZonePicker({ zone, onZone }: { zone: string; onZone(zone: string): void }) {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const options = zone && !ZONES.includes(zone) ? [zone, ...ZONES] : ZONES;
  return (
    <label className="zone-picker" title="Time zone assumed for imported files whose dates name none">
      <span>Import zone</span>
      <select aria-label="Time zone for undated imports" value={zone} onChange={(e) => onZone(e.target.value)}>
        <option value="">This computer ({local})</option>
        {options.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
    </label>
  );
}
