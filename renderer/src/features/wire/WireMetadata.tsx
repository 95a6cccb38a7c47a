// The newsroom metadata a wire item carried, read-only: the preview's "Wire"
// section, and in the editor the fields the desk does not edit (provider,
// priority, pub status, signals, credit…; WireFieldsEditor edits the rest). Empty fields are left out; nothing at all when the
// article carries none.
import type { ReactNode } from 'react';
import type { ArticleFields } from '../../../../shared/model/article.ts';
import { type Author, locatedText, type Subject } from '../../../../shared/model/newsroom.ts';
import { embargoHolds, instantText, localText } from './format.ts';
import './wire.css';

export type WireFields = Pick<
  ArticleFields,
  | 'slugline'
  | 'urgency'
  | 'priority'
  | 'embargoedUntil'
  | 'expiresAt'
  | 'editorNote'
  | 'pubStatus'
  | 'provider'
  | 'signals'
  | 'subjects'
  | 'genre'
  | 'keywords'
  | 'located'
  | 'authors'
  | 'copyrightHolder'
  | 'creditLine'
  | 'usageTerms'
>;

export interface WireMetadataProps {
  fields: WireFields;
  /** Heading level of the section title (the preview uses h3, the editor's sidebar h2). */
  headingLevel?: 2 | 3;
  id: string;
  /** Fields left out (the editor shows the ones it edits in its own controls). */
  hide?: ReadonlyArray<keyof WireFields>;
}

export function WireMetadata({ fields: f, headingLevel = 3, id, hide = [] }: WireMetadataProps) {
  const when = (iso: string | null) => (iso === null ? '' : `${localText(iso)} (${instantText(iso)})`);
  const rows: Array<[keyof WireFields, string, ReactNode]> = [
    ['slugline', 'Slugline', f.slugline],
    ['urgency', 'Urgency', f.urgency === null ? '' : `${f.urgency}${f.urgency === 1 ? ' (flash)' : ''}`],
    ['priority', 'Priority', f.priority === null ? '' : String(f.priority)],
    ['provider', 'Provider', f.provider],
    ['embargoedUntil', 'Embargo', f.embargoedUntil === null ? '' : `${when(f.embargoedUntil)}${embargoHolds(f.embargoedUntil, Date.now()) ? '' : ' — lifted'}`],
    ['expiresAt', 'Expires', when(f.expiresAt)],
    ['pubStatus', 'Pub status', f.pubStatus],
    ['signals', 'Signals', f.signals.join(', ')],
    ['genre', 'Genre', f.genre],
    ['subjects', 'Subjects', f.subjects.length === 0 ? '' : <SubjectList subjects={f.subjects} />],
    ['keywords', 'Keywords', f.keywords.join(', ')],
    ['located', 'Located', locatedText(f.located)],
    ['authors', 'Authors', f.authors.length === 0 ? '' : <AuthorList authors={f.authors} />],
    ['creditLine', 'Credit', f.creditLine],
    ['copyrightHolder', 'Copyright', f.copyrightHolder],
    ['usageTerms', 'Usage terms', f.usageTerms],
    ['editorNote', 'Editor’s note', f.editorNote],
  ];
  const shown = rows.filter(([field, , value]) => value !== '' && !hide.includes(field)).map(([, name, value]) => [name, value] as const);
  if (shown.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="wire-metadata" aria-labelledby={id} data-testid="wire-metadata">
      <Heading id={id}>Wire</Heading>
      <dl className="fields wire-fields">
        {shown.map(([name, value]) => (
          <div key={name} className="wire-row">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function SubjectList({ subjects }: { subjects: Subject[] }) {
  return (
    <ul className="wire-list">
      {subjects.map((s, i) => (
        <li key={i}>
          {s.label || s.code}
          {s.code !== '' && s.label !== '' && <span className="wire-code"> {s.scheme !== '' ? `${shortScheme(s.scheme)}:${s.code}` : s.code}</span>}
        </li>
      ))}
    </ul>
  );
}

function AuthorList({ authors }: { authors: Author[] }) {
  return (
    <ul className="wire-list">
      {authors.map((a, i) => (
        <li key={i}>
          {a.name}
          {a.role !== '' && <span className="wire-role"> — {a.role}</span>}
        </li>
      ))}
    </ul>
  );
}

/** IPTC scheme URIs by the alias desks know (`medtop`); other schemes as given. */
function shortScheme(scheme: string): string {
  if (/^https?:\/\/cv\.iptc\.org\/newscodes\/mediatopic\/?$/u.test(scheme)) return 'medtop';
  if (/^https?:\/\/cv\.iptc\.org\/newscodes\/subjectcode\/?$/u.test(scheme)) return 'subj';
  return scheme;
}
