// Live counts of the body. The text is read and counted shortly after edits
// stop: on a 100k-word story counting on every keystroke would be felt.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';

export interface BodyStats {
  text: string;
}

const DELAY_MS = 150;

export function TextStatsPlugin({ onStats }: { onStats(stats: BodyStats): void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = () => onStats({ text: editor.getEditorState().read(() => $getRoot().getTextContent()) });
    read();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(read, DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unregister();
    };
  }, [editor, onStats]);
  return null;
}
