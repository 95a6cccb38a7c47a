// The application shell: where the archive is, native dialogs and drops
// (turned into path grants, see grants.ts), menu commands.
import { z } from 'zod';
import type { Result } from '../result.ts';
import { domain, event, local, method } from './define.ts';
import { MAX_GRANT_PATHS, type PathGrantValue } from './grants.ts';

export interface AppInfoValue {
  archivePath: string;
  version: string;
  platform: string;
  /** True while the archive holds no article: the window shows the first-run page. */
  firstRun: boolean;
}

export const MENU_COMMANDS = ['new-article', 'import-files', 'import-folder', 'export', 'backup', 'find', 'help', 'check', 'about', 'close-tab'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const appContract = domain({
  methods: {
    info: method<AppInfoValue>()(z.strictObject({})),
    /** Native open dialog in main; what the user chose comes back as an import grant, null when cancelled. */
    choosePaths: method<{ grant: PathGrantValue | null }>()(z.strictObject({ kind: z.enum(['files', 'folder']) })),
  },
  preload: {
    /**
     * The paths of files dropped on the window, read by the preload from the dropped
     * File objects (Electron's webUtils): an import grant. Never on window.copydesk;
     * the page reaches it only through `dropFiles`, which cannot make up a path.
     */
    grantDropped: method<{ grant: PathGrantValue }>()(z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(MAX_GRANT_PATHS) })),
  },
  events: {
    menu: event<{ command: MenuCommand }>(),
  },
  local: {
    /** Files dropped on the window → an import grant; null when none is a file on disk (a File the page made has no path). */
    dropFiles: local<(...files: unknown[]) => Promise<Result<{ grant: PathGrantValue | null }>>>(),
  },
});
