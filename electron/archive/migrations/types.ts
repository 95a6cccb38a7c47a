import type { Database } from 'better-sqlite3';

/** One schema step. `up` is SQL or a function; it runs inside one transaction. */
export interface Migration {
  /** PRAGMA user_version after this step. Steps are numbered 1, 2, 3… */
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}
