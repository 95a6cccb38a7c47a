// Entry of the pull's prepare worker thread: answers a fetched batch with its
// CPU work done (prepare.ts `prepareParts`: hashes checked, bodies parsed,
// counted and Brotli-compressed). No database connection here; planning
// against the replica stays on the writing thread.
import { parentPort } from 'node:worker_threads';
import type { ExitControl } from '../../workerExit.ts';
import { prepareParts } from '../prepare.ts';
import type { PullPrepareMessage, PullPrepareReply } from './preparer.ts';

const port = parentPort;
if (!port) throw new Error('the pull prepare worker must run in a worker thread');

// Unlike the import's preparers this thread keeps its normal priority: the
// writing thread waits for its answers, so lowering it only slows the pull.
port.on('message', (message: PullPrepareMessage | ExitControl) => {
  if ('control' in message) {
    port.close(); // exit between batches, never in the middle of one (workerExit.ts)
    return;
  }
  let reply: PullPrepareReply;
  try {
    reply = { id: message.id, parts: prepareParts(message.revisions, message.bodies) };
  } catch (error) {
    reply = { id: message.id, error: (error as Error).message };
  }
  port.postMessage(reply);
});
