// Files and folders dropped anywhere on the window start an import. The page
// never navigates to a dropped file (main blocks that too), and never sees a
// path: it hands the dropped File objects to the preload, which asks main for
// an import grant (see electron/preload/dropFiles.ts).
import { useEffect, useState } from 'react';
import type { PathGrantValue } from '../../../shared/contract/grants.ts';
import type { ErrorValue } from '../../../shared/result.ts';
import { api } from '../api/client.ts';

export function useDropImport(onGrant: (grant: PathGrantValue) => void, onError: (error: ErrorValue) => void): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overHandler = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setOver(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      void api.app.dropFiles(...files).then((r) => {
        if (!r.ok) onError(r.error);
        else if (r.value.grant) onGrant(r.value.grant);
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('drop', drop);
    };
  }, [onGrant, onError]);
  return over;
}
