/** One step of the shared archive's schema; `up` runs in one transaction. */
export interface ServerMigration {
  /** Row of copydesk.schema_version after this step; steps are numbered 1, 2, 3… */
  version: number;
  name: string;
  up: string;
}
