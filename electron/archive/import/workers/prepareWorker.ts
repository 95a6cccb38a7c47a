// Entry of an import prepare worker thread: answers batches of files with
// their prepared form (see prepareFile.ts). No database connection here.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { type PrepareMessage, type PrepareReply, prepareSafely } from './preparer.ts';

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

port.on('message', (message: PrepareMessage) => {
  let reply: PrepareReply;
  try {
    reply = { id: message.id, prepared: message.requests.map((r) => prepareSafely(r, message.options)) };
  } catch (error) {
    reply = { id: message.id, error: (error as Error).message };
  }
  port.postMessage(reply);
});
