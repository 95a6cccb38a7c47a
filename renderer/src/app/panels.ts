// Slots other features fill in. The editor feature replaces `editorPanel`
// with its component, e.g.
//   import { EditorView } from '../features/editor/EditorView.tsx';
//   export const editorPanel: EditorPanel | null = EditorView;
// App then opens articles in it (Enter on a result, "Open for editing",
// File › New Article with articleId null). Until then the app only previews.
import type { ComponentType } from 'react';
import { EditorView } from '../features/editor/EditorView.tsx';

export interface EditorPanelProps {
  /** The article to edit; null for a new article. */
  articleId: string | null;
  onClose(): void;
}

export type EditorPanel = ComponentType<EditorPanelProps>;

export const editorPanel: EditorPanel | null = EditorView;

/**
 * Filled in by the export feature: what File › Export… does, given the article being edited or
 * previewed (null when none). Until then the menu item says export is not part of this build.
 */
export type ExportCommand = (articleId: string | null) => void;

export const exportCommand: ExportCommand | null = null;
