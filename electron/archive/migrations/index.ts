// Append-only: never edit a shipped migration, add the next one.
import { init } from './0010-init.ts';
import { settings } from './0020-settings.ts';
import { importSkipped } from './0030-import-skipped.ts';
import { batchedIndex } from './0040-batched-index.ts';
import { newsroomMetadata } from './0050-newsroom-metadata.ts';
import { sync } from './0060-sync.ts';
import { itemVersions } from './0070-item-versions.ts';
import { historyIndex } from './0080-history-index.ts';
import { subjectUses } from './0090-subject-uses.ts';
import type { Migration } from './types.ts';

export const MIGRATIONS: readonly Migration[] = [init, settings, importSkipped, batchedIndex, newsroomMetadata, sync, itemVersions, historyIndex, subjectUses];

export const LATEST_VERSION = MIGRATIONS.length === 0 ? 0 : (MIGRATIONS[MIGRATIONS.length - 1] as Migration).version;
