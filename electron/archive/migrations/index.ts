// Append-only: never edit a shipped migration, add the next one.
import { init } from './0010-init.ts';
import type { Migration } from './types.ts';

export const MIGRATIONS: readonly Migration[] = [init];

export const LATEST_VERSION = MIGRATIONS.length === 0 ? 0 : (MIGRATIONS[MIGRATIONS.length - 1] as Migration).version;
