// Append-only: never edit a shipped step, add the next one.
import { schema } from './0010-schema.ts';
import { policyCost } from './0020-policy-cost.ts';
import type { ServerMigration } from './types.ts';

export const SERVER_MIGRATIONS: readonly ServerMigration[] = [schema, policyCost];
export const SERVER_LATEST = (SERVER_MIGRATIONS[SERVER_MIGRATIONS.length - 1] as ServerMigration).version;
