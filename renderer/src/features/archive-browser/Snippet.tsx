// A snippet drawn from the core's segments: matches become <mark> elements,
// text stays text. Never innerHTML, so archive content cannot inject markup.
import type { SnippetSegment } from '../../../../shared/model/search.ts';

export function Snippet({ segments }: { segments: readonly SnippetSegment[] }) {
  return (
    <p className="snippet">
      {segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </p>
  );
}
