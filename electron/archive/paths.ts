// Where the archive lives when nobody says otherwise. The CLI and the desktop
// app must agree, so both use this (it mirrors Electron's userData folder for
// an app named "Copydesk", without importing Electron).
import { homedir } from 'node:os';
import { join } from 'node:path';

export const ARCHIVE_FILE_NAME = 'archive.copydesk.sqlite';

export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Copydesk');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Copydesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Copydesk');
}

/** `$COPYDESK_DB`, else the desktop app's archive in its user-data folder. */
export function defaultArchivePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.COPYDESK_DB && env.COPYDESK_DB.trim() !== '' ? env.COPYDESK_DB : join(userDataDir(process.platform, env), ARCHIVE_FILE_NAME);
}
