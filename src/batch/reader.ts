/**
 * The reading thread of a batch linted in one thread (src/batch/read-ahead.ts):
 * reads and decodes the files it is asked for, in order, and replies in small
 * batches — each message costs the linting thread about as much as reading a
 * small draft — or at once after a slow file (a .docx conversion).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { registerRawPaths } from '../io/raw-paths.js';
import { readOutcome, type ReadReply, type ReadRequest } from './read-ahead.js';

const port = (workerData as { port: MessagePort }).port;
const BATCH = 8;
const SLOW_MS = 2;

let queue = Promise.resolve();
parentPort!.on('message', (req: ReadRequest) => {
  registerRawPaths(req.rawPaths);
  queue = queue.then(async () => {
    let out: ReadReply = [];
    for (const [index, path] of req.files) {
      const t = performance.now();
      // a failure that is not the file's: the linting thread reads it again and reports it
      out.push(await readOutcome(index, path, req.bytes, req.maxBytes).catch(() => ({ index, retry: true as const })));
      if (out.length >= BATCH || performance.now() - t > SLOW_MS) {
        port.postMessage(out);
        out = [];
      }
    }
    if (out.length) port.postMessage(out);
  });
});
