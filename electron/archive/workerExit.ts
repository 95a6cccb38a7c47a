// Ending a helper thread (an import's prepare worker, a pull's) without
// terminate() in the middle of its work. Terminating a thread part way through
// a file can abort the whole process: Node then closes a Brotli stream it had
// not finished making ("close before init", node_zlib.cc), which took down a
// test run when an import was cancelled. So the thread is asked to exit: it
// closes its port after the message it is working on, and its event loop ends.
// Only a thread still busy after the grace period (stuck in one hostile file)
// is terminated.
import type { Worker } from 'node:worker_threads';

/** What a helper thread hears last: close the port, and so exit between messages. */
export interface ExitControl {
  control: 'exit';
}

export const EXIT_GRACE_MS = 10_000;

export function exitGracefully(worker: Worker, graceMs = EXIT_GRACE_MS): Promise<void> {
  if (worker.threadId === -1) return Promise.resolve(); // already gone
  return new Promise((resolve) => {
    const timer = setTimeout(() => void worker.terminate().then(() => resolve()), graceMs);
    worker.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    worker.postMessage({ control: 'exit' } satisfies ExitControl);
  });
}
