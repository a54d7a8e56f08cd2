/**
 * A batch worker thread: compiles the configuration once (per config file)
 * and lints the files the pool sends, several at a time so reading one file
 * overlaps linting another.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError } from '../config/errors.js';
import { FileLinter, type FileLinterInit, type FileTask } from './lint-file.js';
import type { WorkerReply } from './pool.js';

const linter = new FileLinter(workerData as FileLinterInit);
const port = parentPort!;

port.on('message', (task: FileTask) => {
  linter.lint(task).then(
    (result) => port.postMessage({ index: task.index, result } satisfies WorkerReply),
    (err: unknown) => {
      const reply: WorkerReply = err instanceof ConfigError
        ? { index: task.index, configProblems: err.problems }
        : { index: task.index, crash: (err as Error)?.stack ?? String(err) };
      port.postMessage(reply);
    },
  );
});
