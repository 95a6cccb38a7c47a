// Which better-sqlite3 binary the app loads. node_modules holds the Node build
// (tests, CLI); `npm run native:electron` puts an Electron-ABI build beside it
// in native/electron/. A packaged app has its own rebuilt copy in node_modules.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_BINDING_RELATIVE = join('native', 'electron', 'better_sqlite3.node');

/**
 * undefined means "use the default better-sqlite3 binary". COPYDESK_SQLITE_BINDING names
 * another build (a binary built elsewhere, or the Node one when main runs under the test shim).
 */
export function resolveNativeBinding(appRoot: string, isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): { path: string | undefined; missing: boolean } {
  const override = env.COPYDESK_SQLITE_BINDING;
  if (override) return existsSync(override) ? { path: override, missing: false } : { path: undefined, missing: true };
  if (isPackaged) return { path: undefined, missing: false };
  const path = join(appRoot, ELECTRON_BINDING_RELATIVE);
  return existsSync(path) ? { path, missing: false } : { path: undefined, missing: true };
}
