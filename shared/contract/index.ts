// The whole renderer ↔ main contract: one entry per domain. Adding a domain is
// this one line plus its contract file, its handler file in electron/main/ipc/
// and one line in electron/main/ipc/registry.ts (see README.md here).
import { appContract } from './app.ts';
import { archiveContract } from './archive.ts';
import type { DomainApi, DomainContract } from './define.ts';
import { editorContract } from './editor.ts';
import { exportContract } from './export.ts';
import { importContract } from './import.ts';
import { syncContract } from './sync.ts';

export const contract = {
  app: appContract,
  archive: archiveContract,
  editor: editorContract,
  export: exportContract,
  import: importContract,
  sync: syncContract,
} as const satisfies Record<string, DomainContract>;

export type Contract = typeof contract;
export type DomainName = keyof Contract;

/** The shape of `window.copydesk`. */
export type CopydeskApi = { readonly [D in DomainName]: DomainApi<Contract[D]> };

export * from './define.ts';
