// A list field typed as one line, items separated by commas (tags,
// keywords). It commits on blur, not on each keystroke: a half-typed
// "Ukraine, " must not save an empty item or re-render away the comma.
// Control characters (a pasted tab or newline) become spaces.

export function parseCommaList(text: string): string[] {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

export function CommaListInput({
  name,
  label,
  items,
  readOnly,
  onChange,
}: {
  name: string;
  label: string;
  items: readonly string[];
  readOnly: boolean;
  onChange(items: string[]): void;
}) {
  return (
    <label className="cd-field">
      <span>{label} (comma-separated)</span>
      <input
        name={name}
        defaultValue={items.join(', ')}
        // A new list from outside (a restore, a merge) replaces what the field shows.
        key={items.join('\u0000')}
        readOnly={readOnly}
        onBlur={(e) => {
          const next = parseCommaList(e.target.value);
          if (!sameList(next, items)) onChange(next);
        }}
      />
    </label>
  );
}
