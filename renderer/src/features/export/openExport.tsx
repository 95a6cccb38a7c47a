// File › Export…: opens the export dialog in its own React root on top of the
// window, so App only needs the `exportCommand` slot in panels.ts to reach it.
import { createRoot, type Root } from 'react-dom/client';
import { ExportDialog } from './ExportDialog.tsx';
import { currentSearch } from './searchScope.ts';

let root: Root | null = null;
let opened = 0;

export function openExport(articleId: string | null): void {
  if (!root) {
    const host = document.createElement('div');
    host.className = 'export-host';
    document.body.append(host);
    root = createRoot(host);
  }
  const close = () => root?.render(null);
  // A fresh key each time: reopening starts from the current article and search, not the last dialog's state.
  root.render(<ExportDialog key={++opened} articleId={articleId} query={currentSearch()} onClose={close} />);
}
