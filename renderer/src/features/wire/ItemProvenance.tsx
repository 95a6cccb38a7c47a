// The item identity in the preview's provenance list: which provider's item,
// which id and which version the article's head holds.
import type { ArticleSource } from '../../../../shared/model/article.ts';

export function ItemProvenance({ source, provider }: { source: ArticleSource; provider: string }) {
  if (source.itemId === null) return null;
  return (
    <>
      <dt>Item</dt>
      <dd className="mono" data-testid="item-identity">
        {source.itemId}
      </dd>
      <dt>Provider</dt>
      <dd>{provider || source.itemProvider || '—'}</dd>
      <dt>Item version</dt>
      <dd data-testid="item-version">{source.itemVersion ?? 'not stated'}</dd>
    </>
  );
}
