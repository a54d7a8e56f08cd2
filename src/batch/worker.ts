/**
 * A batch worker thread: receives its configuration, compiles it once (per
 * config file) and lints the files the pool sends. The pool keeps a few files
 * queued here, so the worker never waits for the main thread between two.
 */
import { parentPort } from 'node:worker_threads';
import { ConfigError } from '../config/errors.js';
import { FileLinter } from './lint-file.js';
import type { WorkerMessage, WorkerReply } from './pool.js';

let linter: FileLinter | undefined;
const port = parentPort!;

port.on('message', (m: WorkerMessage) => {
  if ('init' in m) {
    linter = new FileLinter(m.init);
    return;
  }
  const { task } = m;
  linter!.lint(task).then(
    (result) => port.postMessage({ index: task.index, result } satisfies WorkerReply),
    (err: unknown) => {
      const reply: WorkerReply = err instanceof ConfigError
        ? { index: task.index, configProblems: err.problems }
        : { index: task.index, crash: (err as Error)?.stack ?? String(err) };
      port.postMessage(reply);
    },
  );
});
