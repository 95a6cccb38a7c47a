// The newsroom metadata a wire item carried, read-only: the preview's "Wire"
// section and the editor's. Editing these fields is issue 12's; this is the
// display it builds on. Empty fields are left out; nothing at all when the
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
}

export function WireMetadata({ fields: f, headingLevel = 3, id }: WireMetadataProps) {
  const when = (iso: string | null) => (iso === null ? '' : `${localText(iso)} (${instantText(iso)})`);
  const rows: Array<[string, ReactNode]> = [
    ['Slugline', f.slugline],
    ['Urgency', f.urgency === null ? '' : `${f.urgency}${f.urgency === 1 ? ' (flash)' : ''}`],
    ['Priority', f.priority === null ? '' : String(f.priority)],
    ['Provider', f.provider],
    ['Embargo', f.embargoedUntil === null ? '' : `${when(f.embargoedUntil)}${embargoHolds(f.embargoedUntil, Date.now()) ? '' : ' — lifted'}`],
    ['Expires', when(f.expiresAt)],
    ['Pub status', f.pubStatus],
    ['Signals', f.signals.join(', ')],
    ['Genre', f.genre],
    ['Subjects', f.subjects.length === 0 ? '' : <SubjectList subjects={f.subjects} />],
    ['Keywords', f.keywords.join(', ')],
    ['Located', locatedText(f.located)],
    ['Authors', f.authors.length === 0 ? '' : <AuthorList authors={f.authors} />],
    ['Credit', f.creditLine],
    ['Copyright', f.copyrightHolder],
    ['Usage terms', f.usageTerms],
    ['Editor’s note', f.editorNote],
  ];
  const shown = rows.filter(([, value]) => value !== '');
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
