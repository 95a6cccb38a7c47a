// Paste: HTML is sanitized (sanitizeHtml.ts) and imported with the registry's
// nodes only; plain text is inserted as text. Lexical's own clipboard format
// is ignored on purpose: its JSON could name node types we do not register.
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { sanitizePastedHtml } from './sanitizeHtml.ts';

function clipboardOf(event: ClipboardEvent | InputEvent | KeyboardEvent): DataTransfer | null {
  if ('clipboardData' in event && event.clipboardData) return event.clipboardData;
  if ('dataTransfer' in event && event.dataTransfer) return event.dataTransfer;
  return null;
}

export function PastePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = clipboardOf(event);
          if (!data) return false;
          const html = data.getData('text/html');
          const text = data.getData('text/plain');
          if (!html && !text) return false;
          event.preventDefault();
          editor.update(
            () => {
              const selection = $getSelection();
              if (!$isRangeSelection(selection)) return;
              if (html) $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, sanitizePastedHtml(html)), selection);
              else selection.insertRawText(text);
            },
            { tag: 'paste' },
          );
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );
  return null;
}
