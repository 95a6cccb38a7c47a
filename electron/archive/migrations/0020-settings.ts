import type { Migration } from './types.ts';

// Per-archive settings (the backup schedule first), as JSON values under a
// key. They live in the archive so they travel with it and with its backups.
export const settings: Migration = {
  version: 2,
  name: 'settings',
  up: `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;
`,
};
