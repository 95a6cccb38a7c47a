// Entry of an import prepare worker thread: answers batches of files with
// their prepared form (see prepareFile.ts). No database connection here.
import { parentPort } from 'node:worker_threads';
import { type PrepareMessage, type PrepareReply, prepareSafely } from './preparer.ts';

const port = parentPort;
if (!port) throw new Error('prepareWorker must run in a worker thread');

port.on('message', (message: PrepareMessage) => {
  let reply: PrepareReply;
  try {
    reply = { id: message.id, prepared: message.requests.map((r) => prepareSafely(r, message.options)) };
  } catch (error) {
    reply = { id: message.id, error: (error as Error).message };
  }
  port.postMessage(reply);
});
