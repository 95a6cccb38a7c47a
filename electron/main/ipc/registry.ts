// Every domain's handlers, keyed like shared/contract/index.ts. Adding a
// domain: one line here (contract.test.ts checks nothing is missing or extra).
import { appHandlers } from './app.ts';
import { archiveHandlers } from './archive.ts';
import { editorHandlers } from './editor.ts';
import { exportHandlers } from './export.ts';
import { importHandlers } from './import.ts';
import { syncHandlers } from './sync.ts';
import type { Handlers } from './types.ts';

export const handlers = {
  app: appHandlers,
  archive: archiveHandlers,
  editor: editorHandlers,
  export: exportHandlers,
  import: importHandlers,
  sync: syncHandlers,
} satisfies Handlers;
