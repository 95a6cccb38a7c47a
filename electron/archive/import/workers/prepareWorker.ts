// Entry of an import prepare worker thread: answers batches of files with
// their prepared form (see prepareFile.ts). No database connection here.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { PreparedFile } from '../prepareFile.ts';
import { type PrepareControl, type PrepareMessage, type PrepareReply, prepareSafely, STOPPED } from './preparer.ts';

/** Nice value of a prepare thread: well below the readers and the writer, not idle-only. */
const PREPARE_NICE = 10;

const port = parentPort;
if (!port) throw new Error('prepareWorker must run in a worker thread');

// Preparing is background work: searches and the window come first. On Linux a
// thread has its own nice value, so this lowers only this thread; elsewhere
// setPriority would lower the whole app, so it is left alone there.
if (process.platform === 'linux') {
  try {
    setPriority(0, PREPARE_NICE);
  } catch {
    // Not permitted here: run at normal priority.
  }
}

/** Set by the importer's side when it closes: stop between files (see WorkerPreparer.close). */
let stop: Int32Array | null = null;
const stopped = () => stop !== null && Atomics.load(stop, 0) === 1;

port.on('message', (message: PrepareMessage | PrepareControl) => {
  if ('control' in message) {
    if (message.control === 'init') stop = message.stop;
    else port.close(); // nothing else keeps this thread: it exits between files, never in the middle of one
    return;
  }
  let reply: PrepareReply;
  try {
    const prepared: PreparedFile[] = [];
    for (const request of message.requests) {
      if (stopped()) throw new Error(STOPPED);
      prepared.push(prepareSafely(request, message.options));
    }
    reply = { id: message.id, prepared };
  } catch (error) {
    reply = { id: message.id, error: (error as Error).message };
  }
  port.postMessage(reply);
});
