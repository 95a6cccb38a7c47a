// The typing bench page: `#mode=full|bare&words=N`. `full` is Copydesk's
// ArticleEditor (all plugins, fields, counts, checklist, autosave); `bare` is
// Lexical with the rich-text plugin only. Both load the same document with
// the same node registry.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { createRoot } from 'react-dom/client';
import { EDITOR_NODES } from '../../../shared/editor/nodes.ts';
import { bodyToPlainText, countWords } from '../../../shared/editor/plainText.ts';
import type { ArticleForEditValue } from '../../../shared/contract/editor.ts';
import { syntheticBody } from '../document.ts';
import { recordTypingLatency } from './latency.tsx';
import { installStubBridge } from './stubBridge.tsx';

const params = new URLSearchParams(location.hash.slice(1));
const mode = params.get('mode') === 'bare' ? 'bare' : 'full';
const words = Number(params.get('words') ?? 10_000);
const body = syntheticBody(words);
const root = createRoot(document.getElementById('root')!);

function Bare() {
  const config = { namespace: 'bare', nodes: [...EDITOR_NODES], editorState: JSON.stringify(body), onError: (e: Error) => { throw e; } };
  return (
    <LexicalComposer initialConfig={config}>
      <RichTextPlugin contentEditable={<ContentEditable data-testid="editor-body" />} ErrorBoundary={LexicalErrorBoundary} />
    </LexicalComposer>
  );
}

async function main() {
  if (mode === 'bare') {
    root.render(<Bare />);
  } else {
    const bodyText = bodyToPlainText(body);
    const initial: ArticleForEditValue = {
      article: {
        id: 'bench', headline: 'Benchmark story', dek: '', byline: '', dateline: '', section: '', tags: [], status: 'draft', language: 'en',
        slug: 'benchmark-story', targetLength: words, postedAt: null, updatedAt: null, createdAt: new Date().toISOString(),
        modifiedAt: new Date().toISOString(), version: 1, body, bodyText, wordCount: countWords(bodyText),
        source: { path: null, sha256: null, encoding: null, encodingConfidence: null, format: null, importedAt: null, timezoneAssumed: null },
      },
      latestRevisionId: 1,
      unrecorded: false,
      checklist: { ready: true, items: [] },
    };
    installStubBridge(initial);
    // The editor's api module reads window.copydesk when it loads, so it is imported after the stub exists.
    await import('../../../renderer/src/features/editor/editor.css');
    const { ArticleEditor } = await import('../../../renderer/src/features/editor/ArticleEditor.tsx');
    root.render(<ArticleEditor initial={initial} onClose={() => undefined} />);
  }
  recordTypingLatency();
  window.__ready = true;
}

void main();
