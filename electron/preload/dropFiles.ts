// The page hands the preload the File objects of a drop; the preload reads
// their paths (Electron's webUtils in the app, a stand-in in the Chromium
// tests) and asks main for an import grant. The page never holds or sends a
// path, and a File the page made itself has none (webUtils answers ''), so a
// script in the page cannot get a grant for a file the user did not drop.
import { MAX_GRANT_PATHS, type PathGrantValue } from '../../shared/contract/grants.ts';
import { ok, type Result } from '../../shared/result.ts';
import type { PreloadApi } from './buildApi.ts';

export function dropFiles(pathOf: (file: unknown) => string, preload: PreloadApi) {
  return async (...files: unknown[]): Promise<Result<{ grant: PathGrantValue | null }>> => {
    const paths: string[] = [];
    for (const file of files.slice(0, MAX_GRANT_PATHS)) {
      let path = '';
      try {
        path = pathOf(file);
      } catch {
        // not a File, or one with no backing file
      }
      if (typeof path === 'string' && path !== '') paths.push(path);
    }
    if (paths.length === 0) return ok({ grant: null });
    return preload.app.grantDropped({ paths });
  };
}
