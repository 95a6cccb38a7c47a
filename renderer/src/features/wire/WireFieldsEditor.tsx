// The wire metadata a desk edits (issue 12): slugline, urgency, embargo with
// its zone, editor's note, subjects, keywords, located and authors with roles.
// Every change goes through `setField`, so it autosaves, makes revisions and
// diffs like the headline. Values are kept to what the IPC contract accepts
// (one-line text, a two-letter country code): a half-typed value stays in the
// control until it is whole rather than making autosave fail.
import { useEffect, useId, useState } from 'react';
import type { ArticleFields } from '../../../../shared/model/article.ts';
import type { SubjectSuggestion } from '../../../../shared/model/newsroom.ts';
import { AuthorsEditor } from './AuthorsEditor.tsx';
import { EmbargoInput } from './EmbargoInput.tsx';
import { SubjectPicker } from './SubjectPicker.tsx';
import { CommaListInput } from '../editor/CommaListInput.tsx';
import './wire.css';

export type EditableWireField = 'slugline' | 'urgency' | 'embargoedUntil' | 'editorNote' | 'subjects' | 'keywords' | 'located' | 'authors';
export const EDITABLE_WIRE_FIELDS: readonly EditableWireField[] = ['slugline', 'urgency', 'embargoedUntil', 'editorNote', 'subjects', 'keywords', 'located', 'authors'];

export interface WireFieldsEditorProps {
  fields: Pick<ArticleFields, EditableWireField>;
  readOnly: boolean;
  setField<K extends EditableWireField>(name: K, value: ArticleFields[K]): void;
  suggestSubjects(prefix: string): Promise<SubjectSuggestion[]>;
}

/** Line breaks and control codes out of one-line fields (a paste can carry tabs). */
const oneLine = (s: string) => s.replace(/\p{Cc}+/gu, ' ');
const URGENCIES = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export function WireFieldsEditor({ fields, readOnly, setField, suggestSubjects }: WireFieldsEditorProps) {
  const titleId = useId();
  return (
    <section className="wire-editor" aria-labelledby={titleId} data-testid="wire-editor">
      <h2 id={titleId}>Wire metadata</h2>
      <label className="cd-field">
        <span>Slugline</span>
        <input name="slugline" value={fields.slugline} readOnly={readOnly} maxLength={200} onChange={(e) => setField('slugline', oneLine(e.target.value))} />
      </label>
      <label className="cd-field">
        <span>Urgency</span>
        <select
          name="urgency"
          value={fields.urgency === null ? '' : String(fields.urgency)}
          disabled={readOnly}
          onChange={(e) => setField('urgency', e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">not set</option>
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {u}
              {u === 1 ? ' (flash)' : u === 9 ? ' (lowest)' : ''}
            </option>
          ))}
        </select>
      </label>
      <EmbargoInput value={fields.embargoedUntil} readOnly={readOnly} onChange={(v) => setField('embargoedUntil', v)} />
      <label className="cd-field">
        <span>Editor’s note (to the desk, not part of the copy)</span>
        <textarea name="editorNote" rows={2} maxLength={5000} value={fields.editorNote} readOnly={readOnly} onChange={(e) => setField('editorNote', e.target.value)} />
      </label>
      <SubjectPicker subjects={fields.subjects} readOnly={readOnly} onChange={(s) => setField('subjects', s)} suggest={suggestSubjects} />
      <CommaListInput name="keywords" label="Keywords" items={fields.keywords} readOnly={readOnly} onChange={(keywords) => setField('keywords', keywords)} />
      <LocatedInput located={fields.located} readOnly={readOnly} onChange={(l) => setField('located', l)} />
      <AuthorsEditor authors={fields.authors} readOnly={readOnly} onChange={(a) => setField('authors', a)} />
    </section>
  );
}

function LocatedInput({ located, readOnly, onChange }: { located: ArticleFields['located']; readOnly: boolean; onChange(l: ArticleFields['located']): void }) {
  const errorId = useId();
  const [name, setName] = useState(located?.name ?? '');
  const [code, setCode] = useState(located?.countryCode ?? '');
  useEffect(() => {
    setName(located?.name ?? '');
    setCode(located?.countryCode ?? '');
  }, [located]);
  const codeOk = code === '' || /^[A-Z]{2,3}$/u.test(code);
  const commit = (n: string, c: string) => {
    if (c !== '' && !/^[A-Z]{2,3}$/u.test(c)) return;
    const next = n.trim() === '' && c === '' ? null : { name: n, countryCode: c };
    if (JSON.stringify(next) !== JSON.stringify(located)) onChange(next);
  };
  return (
    <fieldset className="wire-located">
      <legend>Located</legend>
      <label className="cd-field">
        <span>Place</span>
        <input
          name="locatedName"
          value={name}
          readOnly={readOnly}
          onChange={(e) => {
            const n = oneLine(e.target.value);
            setName(n);
            commit(n, code);
          }}
        />
      </label>
      <label className="cd-field">
        <span>Country code (ISO, e.g. KR)</span>
        <input
          name="locatedCountry"
          value={code}
          readOnly={readOnly}
          maxLength={3}
          aria-invalid={!codeOk}
          aria-describedby={codeOk ? undefined : errorId}
          onChange={(e) => {
            const c = e.target.value.toUpperCase().replace(/[^A-Z]/gu, '');
            setCode(c);
            commit(name, c);
          }}
        />
      </label>
      {!codeOk && (
        <p id={errorId} className="wire-error">
          A country code is two letters (ISO 3166-1), e.g. KR.
        </p>
      )}
    </fieldset>
  );
}
