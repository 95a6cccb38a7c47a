// Tells the view the body changed (content, not selection), so it can
// schedule an autosave. Loads done by the view itself carry LOAD_TAG and are
// skipped, and so are 'history-merge' updates: Lexical tags with it the pass
// that re-runs node transforms when a plugin registers one, which is not an
// edit (saving it would bump the version of every article merely opened).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HISTORY_MERGE_TAG } from 'lexical';
import { useEffect } from 'react';

export const LOAD_TAG = 'cd-load';

export function ChangePlugin({ onChange }: { onChange(): void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags, prevEditorState }) => {
        if (tags.has(LOAD_TAG) || tags.has(HISTORY_MERGE_TAG) || prevEditorState.isEmpty()) return;
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        onChange();
      }),
    [editor, onChange],
  );
  return null;
}
