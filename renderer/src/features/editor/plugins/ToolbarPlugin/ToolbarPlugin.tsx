// The body's toolbar: block type, emphasis, link, rule, undo/redo. Buttons
// show the state at the caret (aria-pressed) and every one has a label.
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/extension';
import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  type TextFormatType,
  UNDO_COMMAND,
} from 'lexical';
import { useEffect, useState } from 'react';
import { normalizeUrl } from '../../links.ts';
import { $readToolbarState, type BlockType, EMPTY_TOOLBAR, sameToolbar, type ToolbarState } from './toolbarState.ts';

const BLOCKS: Array<[BlockType, string]> = [
  ['paragraph', 'Paragraph'],
  ['h2', 'Heading 2'],
  ['h3', 'Heading 3'],
  ['h4', 'Heading 4'],
  ['quote', 'Quote'],
  ['bullet', 'Bulleted list'],
  ['number', 'Numbered list'],
];

const FORMATS: Array<[TextFormatType & keyof ToolbarState, string, string]> = [
  ['bold', 'B', 'Bold (Ctrl+B)'],
  ['italic', 'I', 'Italic (Ctrl+I)'],
  ['underline', 'U', 'Underline (Ctrl+U)'],
  ['strikethrough', 'S', 'Strikethrough'],
];

export function ToolbarPlugin({ readOnly = false }: { readOnly?: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(EMPTY_TOOLBAR);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkDraft, setLinkDraft] = useState<string | null>(null);
  const [linkError, setLinkError] = useState('');

  useEffect(() => {
    // Keep the previous object when nothing changed, so typing does not re-render the toolbar.
    const apply = (next: ToolbarState) => setState((prev) => (sameToolbar(prev, next) ? prev : next));
    const update = () => apply(editor.getEditorState().read($readToolbarState));
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => apply(editorState.read($readToolbarState))),
      editor.registerCommand(SELECTION_CHANGE_COMMAND, () => (update(), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
    );
  }, [editor]);

  const setBlock = (block: BlockType) => {
    if (block === 'bullet' || block === 'number') {
      const same = state.block === block;
      editor.dispatchCommand(same ? REMOVE_LIST_COMMAND : block === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
      return;
    }
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      if (block === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
      else if (block === 'quote') $setBlocksType(selection, () => $createQuoteNode());
      else $setBlocksType(selection, () => $createHeadingNode(block));
    });
  };

  const applyLink = () => {
    if (linkDraft === null) return;
    if (linkDraft.trim() === '') {
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
      setLinkDraft(null);
      return;
    }
    const url = normalizeUrl(linkDraft);
    if (!url) {
      setLinkError('Links must be http, https or mailto.');
      return;
    }
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    setLinkDraft(null);
    setLinkError('');
  };

  return (
    <div className="cd-toolbar" role="toolbar" aria-label="Formatting">
      {/* aria-disabled, not disabled: undoing the last step would otherwise drop the keyboard focus to <body>. */}
      <button type="button" onClick={() => canUndo && !readOnly && editor.dispatchCommand(UNDO_COMMAND, undefined)} aria-disabled={!canUndo || readOnly || undefined} aria-label="Undo (Ctrl+Z)">↶</button>
      <button type="button" onClick={() => canRedo && !readOnly && editor.dispatchCommand(REDO_COMMAND, undefined)} aria-disabled={!canRedo || readOnly || undefined} aria-label="Redo (Ctrl+Shift+Z)">↷</button>
      <select aria-label="Block type" value={state.block} disabled={readOnly} onChange={(e) => setBlock(e.target.value as BlockType)}>
        {BLOCKS.map(([value, label]) => (
          <option key={value} value={value}>{label}</option>
        ))}
      </select>
      {FORMATS.map(([format, text, label]) => (
        <button
          key={format}
          type="button"
          className={`cd-fmt cd-fmt-${format}`}
          aria-label={label}
          aria-pressed={state[format]}
          disabled={readOnly}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
        >
          {text}
        </button>
      ))}
      <button type="button" aria-label={state.link ? 'Edit link' : 'Add link'} aria-pressed={state.link !== null} disabled={readOnly} onClick={() => setLinkDraft(state.link ?? 'https://')}>
        Link
      </button>
      <button type="button" aria-label="Insert horizontal rule" disabled={readOnly} onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}>
        ―
      </button>
      {linkDraft !== null && (
        <span className="cd-link-editor">
          <input
            aria-label="Link URL"
            value={linkDraft}
            autoFocus
            onChange={(e) => setLinkDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyLink();
              } else if (e.key === 'Escape') setLinkDraft(null);
            }}
          />
          <button type="button" onClick={applyLink}>Apply</button>
          {state.link && (
            <button type="button" onClick={() => (editor.dispatchCommand(TOGGLE_LINK_COMMAND, null), setLinkDraft(null))}>Remove link</button>
          )}
          {linkError && <span role="alert">{linkError}</span>}
        </span>
      )}
    </div>
  );
}
