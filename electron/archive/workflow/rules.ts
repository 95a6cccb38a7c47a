// The desk's ready rules (shared/editing/readyRules.ts), stored in the
// archive's `settings` table under `workflow` so the app, the CLI and every
// backup of the archive apply the same ones. An archive without the table
// (opened read-only before migrating) gets the defaults.
import { DEFAULT_READY_RULES, READY_RULE_NAMES, type ReadyRules, readyRulesFrom } from '../../../shared/editing/readyRules.ts';
import type { Db } from '../db/open.ts';
import { ArchiveError } from '../errors.ts';

const KEY = 'workflow';

function hasSettingsTable(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").get() !== undefined;
}

export function readReadyRules(db: Db): ReadyRules {
  if (!hasSettingsTable(db)) return { ...DEFAULT_READY_RULES };
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return { ...DEFAULT_READY_RULES };
  const stored = JSON.parse(row.value) as { readyRules?: unknown };
  return readyRulesFrom(stored.readyRules);
}

/** Switches rules on or off; the others keep their stored value. Returns the rules now in force. */
export function writeReadyRules(db: Db, change: Partial<ReadyRules>): ReadyRules {
  if (!hasSettingsTable(db)) throw new ArchiveError('read-only', 'This archive cannot store settings (opened read-only or not yet upgraded).');
  for (const [name, value] of Object.entries(change)) {
    if (!(READY_RULE_NAMES as readonly string[]).includes(name)) throw new ArchiveError('invalid-input', `Unknown ready rule "${name}". Rules: ${READY_RULE_NAMES.join(', ')}.`);
    if (typeof value !== 'boolean') throw new ArchiveError('invalid-input', `The ready rule "${name}" is on or off (true or false).`);
  }
  return db
    .transaction(() => {
      const next = { ...readReadyRules(db), ...change };
      const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
      // Other workflow settings a newer version may keep under the same key survive.
      const stored = row ? (JSON.parse(row.value) as Record<string, unknown>) : {};
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
        KEY,
        JSON.stringify({ ...stored, readyRules: next }),
      );
      return next;
    })
    .immediate();
}
