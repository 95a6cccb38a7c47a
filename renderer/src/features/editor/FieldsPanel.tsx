// The structured fields beside the body, each labelled, with live counts.
import type { RefObject } from 'react';
import type { ArticleFields, ArticleStatus } from '../../../../shared/model/article.ts';
import { ARTICLE_STATUSES } from '../../../../shared/model/article.ts';
import { canMove } from '../../../../shared/editing/workflow.ts';
import { countCharacters, countWords } from '../../../../shared/editor/plainText.ts';
import { CommaListInput } from './CommaListInput.tsx';

export interface FieldsPanelProps {
  fields: ArticleFields;
  slugAuto: boolean;
  readOnly: boolean;
  setField<K extends keyof ArticleFields>(name: K, value: ArticleFields[K]): void;
  onStatus(status: ArticleStatus): void;
  /** The headline input, which takes the focus when the editor opens. */
  headlineRef?: RefObject<HTMLInputElement | null>;
}

function Count({ text, testId }: { text: string; testId: string }) {
  return (
    <span className="cd-count" data-testid={testId}>
      {countWords(text)} words · {countCharacters(text)} chars
    </span>
  );
}

export function FieldsPanel({ fields, slugAuto, readOnly, setField, onStatus, headlineRef }: FieldsPanelProps) {
  const text = (name: 'headline' | 'byline' | 'dateline' | 'section', label: string) => (
    <label className="cd-field">
      <span>{label}</span>
      <input name={name} ref={name === 'headline' ? headlineRef : undefined} value={fields[name]} readOnly={readOnly} onChange={(e) => setField(name, e.target.value)} />
    </label>
  );
  return (
    <div className="cd-fields">
      {text('headline', 'Headline')}
      <Count text={fields.headline} testId="count-headline" />
      <label className="cd-field">
        <span>Dek</span>
        <textarea name="dek" rows={2} value={fields.dek} readOnly={readOnly} onChange={(e) => setField('dek', e.target.value)} />
      </label>
      <Count text={fields.dek} testId="count-dek" />
      {text('byline', 'Byline')}
      {text('dateline', 'Dateline')}
      {text('section', 'Section')}
      <CommaListInput name="tags" label="Tags" items={fields.tags} readOnly={readOnly} onChange={(tags) => setField('tags', tags)} />
      <label className="cd-field">
        <span>Slug {slugAuto ? '(from headline)' : '(edited)'}</span>
        <input name="slug" value={fields.slug} readOnly={readOnly} onChange={(e) => setField('slug', e.target.value)} />
      </label>
      <label className="cd-field">
        <span>Status</span>
        <select name="status" value={fields.status} disabled={readOnly} onChange={(e) => onStatus(e.target.value as ArticleStatus)}>
          {ARTICLE_STATUSES.map((s) => (
            <option key={s} value={s} disabled={!canMove(fields.status, s)}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="cd-field">
        <span>Target length (words)</span>
        <input
          name="targetLength"
          type="number"
          min={1}
          value={fields.targetLength ?? ''}
          readOnly={readOnly}
          onChange={(e) => {
            const n = Number.parseInt(e.target.value, 10);
            setField('targetLength', Number.isFinite(n) && n > 0 ? n : null);
          }}
        />
      </label>
    </div>
  );
}
