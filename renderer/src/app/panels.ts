// Slots other features fill in. The editor feature replaces `editorPanel`
// with its component, e.g.
//   import { EditorView } from '../features/editor/EditorView.tsx';
//   export const editorPanel: EditorPanel | null = EditorView;
// App then opens articles in it (Enter on a result, "Open for editing",
// File › New Article with articleId null). Until then the app only previews.
import type { ComponentType } from 'react';
import type { CompareRequest } from './tabs/tabsState.ts';
import { EditorView } from '../features/editor/EditorView.tsx';
import { openExport } from '../features/export/openExport.tsx';

export interface EditorPanelProps {
  /** The article to edit; null for a new article. */
  articleId: string | null;
  onClose(): void;
  /**
   * False while another tab is in front: the editor stays mounted but hidden, and writes what is
   * pending when it goes to the back. Default true (a single editor).
   */
  active?: boolean;
  /** What the tab strip shows; reported when the article loads and when its headline or save state changes. */
  onStatus?(status: EditorTabStatus): void;
  /** The editor's Export… button (the same dialog as File › Export…); absent in builds without export. */
  onExport?(articleId: string): void;
  /**
   * Show this revision against the current text in the history panel (a `history:` search's "Compare … with
   * current"); a new `seq` asks again, also for an editor already open.
   */
  compare?: CompareRequest | null;
}

export type { CompareRequest } from './tabs/tabsState.ts';

export interface EditorTabStatus {
  articleId: string;
  headline: string;
  save: 'saved' | 'dirty' | 'saving' | 'error';
}

export type EditorPanel = ComponentType<EditorPanelProps>;

export const editorPanel: EditorPanel | null = EditorView;

/**
 * Filled in by the export feature: what File › Export… does, given the article being edited or
 * previewed (null when none): the export dialog (features/export).
 */
export type ExportCommand = (articleId: string | null) => void;

export const exportCommand: ExportCommand | null = openExport;
