// `copydesk show`: the newsroom metadata a wire item carries, as short text
// lines under the article's own (nothing printed for fields that are empty).
import type { Article } from '../../../shared/model/article.ts';
import { authorText, locatedText, subjectText } from '../../../shared/model/newsroom.ts';

export function wireLines(a: Article): string[] {
  const join = (parts: Array<string | false | null | undefined>) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
  const src = a.source;
  const item =
    src.itemId !== null &&
    `item ${src.itemProvider ? `${src.itemProvider} ` : ''}${src.itemId}${src.itemVersion !== null ? ` version ${src.itemVersion}` : ''}`;
  const lines = [
    join([
      a.slugline && `slug ${a.slugline}`,
      a.urgency !== null && `urgency ${a.urgency}`,
      a.priority !== null && `priority ${a.priority}`,
      a.provider && `provider ${a.provider}`,
      a.genre && `genre ${a.genre}`,
    ]),
    join([item, a.pubStatus && `pubStatus ${a.pubStatus}`, a.signals.length > 0 && `signals ${a.signals.join(', ')}`]),
    join([a.embargoedUntil && `embargoed until ${a.embargoedUntil}`, a.expiresAt && `expires ${a.expiresAt}`]),
    a.subjects.length > 0 ? `subjects: ${a.subjects.map(subjectText).join('; ')}` : '',
    a.keywords.length > 0 ? `keywords: ${a.keywords.join(', ')}` : '',
    a.located ? `located: ${locatedText(a.located)}` : '',
    a.authors.length > 0 ? `authors: ${a.authors.map(authorText).join('; ')}` : '',
    join([a.creditLine && `credit ${a.creditLine}`, a.copyrightHolder && `© ${a.copyrightHolder}`]),
    a.usageTerms ? `usage terms: ${a.usageTerms}` : '',
    a.editorNote ? `editor's note: ${a.editorNote}` : '',
  ];
  return lines.filter((l) => l !== '');
}
