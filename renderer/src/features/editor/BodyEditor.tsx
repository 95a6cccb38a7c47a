// The body: Lexical with the ONE node registry and the editor's plugins.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { memo, type MutableRefObject, useState } from 'react';
import { EDITOR_NODES } from '../../../../shared/editor/nodes.ts';
import type { BodyState } from '../../../../shared/editor/serialized.ts';
import { isSafeUrl } from './links.ts';
import { ChangePlugin } from './plugins/ChangePlugin/ChangePlugin.tsx';
import { FindReplacePlugin } from './plugins/FindReplacePlugin/FindReplacePlugin.tsx';
import { HorizontalRulePlugin } from './plugins/HorizontalRulePlugin/HorizontalRulePlugin.tsx';
import { MarkdownPlugin } from './plugins/MarkdownPlugin/MarkdownPlugin.tsx';
import { PastePlugin } from './plugins/PastePlugin/PastePlugin.tsx';
import { SanitizePlugin } from './plugins/SanitizePlugin/SanitizePlugin.tsx';
import { type BodyStats, TextStatsPlugin } from './plugins/TextStatsPlugin/TextStatsPlugin.tsx';
import { TkMarkerPlugin } from './plugins/TkMarkerPlugin/TkMarkerPlugin.tsx';
import { ToolbarPlugin } from './plugins/ToolbarPlugin/ToolbarPlugin.tsx';
import { editorTheme } from './theme.ts';

export interface BodyEditorProps {
  articleId: string;
  body: BodyState;
  editorRef: MutableRefObject<LexicalEditor | null>;
  findOpen: boolean;
  onFindClose(): void;
  onChange(): void;
  onStats(stats: BodyStats): void;
  onTkCount(count: number): void;
}

// Memoized: the view re-renders on every save-state change, and the body
// (with its initial state, 1 MB of JSON for a 100k-word story) must not.
export const BodyEditor = memo(function BodyEditor(props: BodyEditorProps) {
  // The composer reads its config once; building it once keeps re-renders from re-serializing the body.
  const [initialConfig] = useState(() => ({
    namespace: `copydesk-body-${props.articleId}`,
    nodes: [...EDITOR_NODES],
    theme: editorTheme,
    editorState: JSON.stringify(props.body),
    onError: (error: Error) => {
      throw error;
    },
  }));
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ToolbarPlugin />
      <FindReplacePlugin open={props.findOpen} onClose={props.onFindClose} />
      <div className="cd-body-frame">
        <RichTextPlugin
          contentEditable={<ContentEditable className="cd-body" aria-label="Body" spellCheck data-testid="editor-body" />}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isSafeUrl} />
      <HorizontalRulePlugin />
      <MarkdownPlugin />
      <SanitizePlugin />
      <PastePlugin />
      <ChangePlugin onChange={props.onChange} />
      <TextStatsPlugin onStats={props.onStats} />
      <TkMarkerPlugin onCount={props.onTkCount} />
      <EditorRefPlugin editorRef={props.editorRef} />
    </LexicalComposer>
  );
});
