// Subjects as coded concepts: the chosen ones as a list (each removable), and a
// combobox (WAI-ARIA 1.2 pattern: input + listbox, aria-activedescendant) that
// offers the subjects already used in the archive as the desk types, most used
// first. Enter takes the highlighted suggestion, or the typed text as a label
// when none is highlighted. The parent fetches suggestions (this folder never
// touches window.copydesk); a stale answer never replaces a newer one.
import { useEffect, useId, useRef, useState } from 'react';
import { type Subject, type SubjectSuggestion, subjectText } from '../../../../shared/model/newsroom.ts';

export interface SubjectPickerProps {
  subjects: Subject[];
  readOnly: boolean;
  onChange(subjects: Subject[]): void;
  suggest(prefix: string): Promise<SubjectSuggestion[]>;
}

const SUGGEST_DELAY_MS = 120;
const same = (a: Subject, b: Subject) => a.scheme === b.scheme && a.code === b.code && a.label === b.label;

export function SubjectPicker({ subjects, readOnly, onChange, suggest }: SubjectPickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<SubjectSuggestion[]>([]);
  const [active, setActive] = useState(-1);
  const asked = useRef(0);

  useEffect(() => {
    if (!open) return;
    const ask = ++asked.current;
    const timer = setTimeout(() => {
      void suggest(text).then((found) => {
        if (ask !== asked.current) return;
        setOptions(found.filter((s) => !subjects.some((c) => same(c, s))));
        setActive(-1);
      });
    }, SUGGEST_DELAY_MS);
    return () => clearTimeout(timer);
  }, [open, text, suggest, subjects]);

  const add = (s: Subject) => {
    if (!subjects.some((c) => same(c, s))) onChange([...subjects, s]);
    setText('');
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(options.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(-1, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = open && active >= 0 ? options[active] : undefined;
      if (chosen) add({ scheme: chosen.scheme, code: chosen.code, label: chosen.label });
      else if (text.trim() !== '') add({ scheme: '', code: '', label: text.trim() });
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  const expanded = open && options.length > 0;
  return (
    <div className="wire-subjects" data-testid="subject-picker">
      <span className="wire-subjects-title" id={`${id}-title`}>
        Subjects
      </span>
      {subjects.length > 0 && (
        <ul className="wire-chosen" aria-labelledby={`${id}-title`}>
          {subjects.map((s, i) => (
            <li key={`${subjectText(s)}-${i}`}>
              {subjectText(s)}
              {!readOnly && (
                <button type="button" className="wire-remove" aria-label={`Remove subject ${subjectText(s)}`} onClick={() => onChange(subjects.filter((_, j) => j !== i))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="wire-combo">
          <label htmlFor={`${id}-input`} className="wire-sublabel">
            Add a subject (type to see the subjects already in use)
          </label>
          <input
            id={`${id}-input`}
            name="subject"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
            autoComplete="off"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <ul id={listId} role="listbox" aria-label="Subjects used in the archive" className="wire-options" hidden={!expanded}>
            {options.map((s, i) => (
              <li
                key={`${s.scheme}:${s.code}:${s.label}`}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === active}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  add({ scheme: s.scheme, code: s.code, label: s.label });
                }}
              >
                {s.label || s.code}
                {s.code !== '' && s.label !== '' && <span className="wire-code"> {s.scheme === '' ? s.code : `${s.scheme}:${s.code}`}</span>}
                <span className="wire-uses"> · {s.uses === 1 ? '1 article' : `${s.uses} articles`}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
