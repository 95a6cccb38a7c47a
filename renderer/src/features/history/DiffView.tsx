// A comparison of two revisions, field by field, inline or side by side.
// Rendered from data (text runs), never from HTML.
import { useState } from 'react';
import { type DiffFieldName, type DiffPart, type FieldDiff, type RevisionDiff, sideBySide } from '../../../../shared/editing/diff.ts';

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'added' ? <ins key={i}>{p.text}</ins> : p.op === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
      )}
    </>
  );
}

function FieldBlock({ field, mode, from, onRestore }: { field: FieldDiff; mode: 'inline' | 'side'; from: RevisionDiff['from']; onRestore(field: DiffFieldName): void }) {
  const { left, right } = sideBySide(field.parts);
  return (
    <section className="cd-diff-field" data-field={field.field} aria-label={`Changes in ${field.field}`}>
      {/* h3: under the panel's h2 (heading levels go one step at a time). */}
      <h3>
        {field.field} <span className="cd-delta">+{field.added} −{field.removed} words</span>
        {typeof from === 'number' && (
          <button type="button" onClick={() => onRestore(field.field)} aria-label={`Restore ${field.field} from A (revision ${from})`}>
            Restore {field.field} from A
          </button>
        )}
      </h3>
      {mode === 'inline' ? (
        <div className="cd-diff-inline"><Parts parts={field.parts} /></div>
      ) : (
        <div className="cd-diff-side">
          <div aria-label="A"><Parts parts={left} /></div>
          <div aria-label="B"><Parts parts={right} /></div>
        </div>
      )}
    </section>
  );
}

export function DiffView({ diff, onRestoreField }: { diff: RevisionDiff; onRestoreField(field: DiffFieldName): void }) {
  const [mode, setMode] = useState<'inline' | 'side'>('inline');
  const changed = diff.fields.filter((f) => f.changed);
  return (
    <div className="cd-diff" data-testid="diff">
      <div role="group" aria-label="Diff layout">
        <button type="button" aria-pressed={mode === 'inline'} onClick={() => setMode('inline')}>Inline</button>
        <button type="button" aria-pressed={mode === 'side'} onClick={() => setMode('side')}>Side by side</button>
      </div>
      <p>
        Revision {diff.from} → {diff.to === 'current' ? 'current text' : `revision ${diff.to}`}: {changed.length === 0 ? 'no differences' : `${changed.length} field${changed.length === 1 ? '' : 's'} changed`}
        {diff.coarse && ' (a large change is shown as a whole replacement)'}
      </p>
      {changed.map((f) => (
        <FieldBlock key={f.field} field={f} mode={mode} from={diff.from} onRestore={onRestoreField} />
      ))}
    </div>
  );
}
