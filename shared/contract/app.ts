// The application shell: where the archive is, native dialogs, external links, menu commands.
import { z } from 'zod';
import { domain, event, local, method } from './define.ts';

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
    /** Native open dialog; an empty list when the user cancelled. */
    choosePaths: method<{ paths: string[] }>()(z.strictObject({ kind: z.enum(['files', 'folder']) })),
    /** Opens http(s) and mailto links in the system's browser or mail client; anything else is refused. */
    openExternal: method<{ opened: boolean }>()(z.strictObject({ url: z.string().min(1).max(2048) })),
  },
  events: {
    menu: event<{ command: MenuCommand }>(),
  },
  local: {
    /** The file-system path of a file dropped on the window (Electron's webUtils); '' when it has none. */
    pathForFile: local<(file: unknown) => string>(),
  },
});
