// A banner for articles the provider (or a chief) killed or withheld: they
// stay in the archive, and export refuses them.
import type { ArticleStatus } from '../../../../shared/model/article.ts';
import type { PubStatus } from '../../../../shared/model/newsroom.ts';
import './wire.css';

export interface StatusBannerProps {
  status: ArticleStatus;
  pubStatus: PubStatus;
  editorNote?: string;
}

export function StatusBanner({ status, pubStatus, editorNote = '' }: StatusBannerProps) {
  const killed = status === 'killed' || pubStatus === 'canceled';
  if (!killed && status !== 'withheld') return null;
  return (
    <div className="wire-status-banner" role="note" data-status={killed ? 'killed' : 'withheld'} data-testid="status-banner">
      <strong>{killed ? 'Killed' : 'Withheld'}</strong>{' '}
      {killed
        ? 'This article was killed. It stays in the archive, but it must not be used and export refuses it.'
        : 'This article is withheld. Do not use it until it is released; export refuses it until then.'}
      {editorNote !== '' && <span className="wire-banner-note"> Editor’s note: {editorNote}</span>}
    </div>
  );
}
