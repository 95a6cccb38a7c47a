// Runs the real archive worker (electron/main/worker/archiveWorker.ts) from
// source under plain Node: register tsx in this thread, then load the entry.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

register();
await import(pathToFileURL(workerData.entry).href);
