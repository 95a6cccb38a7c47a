// Authors with their roles, one row each. Rows being typed stay here until
// they have a name (the archive refuses a nameless author), so an empty new
// row never makes autosave fail; a change from outside (restore, reload)
// replaces the rows.
import { useEffect, useRef, useState } from 'react';
import type { Author } from '../../../../shared/model/newsroom.ts';

export interface AuthorsEditorProps {
  authors: Author[];
  readOnly: boolean;
  onChange(authors: Author[]): void;
}

const ROLES = ['writer', 'editor', 'correspondent', 'photographer', 'contributor', 'translator'];
const key = (authors: Author[]) => JSON.stringify(authors);
const named = (rows: Author[]) => rows.filter((r) => r.name.trim() !== '').map((r) => ({ name: r.name.trim(), role: r.role.trim() }));

export function AuthorsEditor({ authors, readOnly, onChange }: AuthorsEditorProps) {
  const [rows, setRows] = useState<Author[]>(authors);
  const committed = useRef(key(authors));
  useEffect(() => {
    if (key(authors) !== committed.current) {
      committed.current = key(authors);
      setRows(authors);
    }
  }, [authors]);

  const update = (next: Author[]) => {
    setRows(next);
    const kept = named(next);
    if (key(kept) !== committed.current) {
      committed.current = key(kept);
      onChange(kept);
    }
  };

  return (
    <fieldset className="wire-authors" data-testid="authors-editor">
      <legend>Authors</legend>
      <datalist id="wire-author-roles">
        {ROLES.map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      {rows.map((a, i) => (
        <div className="wire-author-row" key={i}>
          <label className="cd-field">
            <span>Author {i + 1} name</span>
            <input name="authorName" value={a.name} readOnly={readOnly} onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))} />
          </label>
          <label className="cd-field">
            <span>Author {i + 1} role</span>
            <input name="authorRole" list="wire-author-roles" value={a.role} readOnly={readOnly} onChange={(e) => update(rows.map((r, j) => (j === i ? { ...r, role: e.target.value } : r)))} />
          </label>
          {!readOnly && (
            <button type="button" className="wire-remove" aria-label={`Remove author ${i + 1}${a.name ? ` (${a.name})` : ''}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
              ×
            </button>
          )}
        </div>
      ))}
      {!readOnly && (
        <button type="button" onClick={() => setRows([...rows, { name: '', role: '' }])}>
          Add author
        </button>
      )}
    </fieldset>
  );
}
