/**
 * The pool with a stand-in worker script: results come back in task order
 * whatever the finishing order, and a worker that dies costs only the task
 * that killed it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { FileTask } from '../../src/batch/lint-file.js';
import { availableParallelism } from 'node:os';
import { resolveJobs, runTasks } from '../../src/batch/pool.js';
import { tempDir } from './helpers.js';

// replies after a delay that makes later tasks finish first; dies on “crash”, throws on “throw”
const WORKER = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.init) return;
  const t = m.task;
  if (t.display.includes('crash')) process.exit(3);
  if (t.display.includes('throw')) setTimeout(() => { throw new Error('boom'); }, 1);
  else setTimeout(() => parentPort.postMessage({ index: t.index, result: { filePath: t.display, diagnostics: [] } }), (7 - (t.index % 7)) * 4);
});
`;

function fakeWorker(): string {
  const file = join(tempDir('lrl-pool-'), 'worker.mjs');
  writeFileSync(file, WORKER);
  return file;
}

const tasks = (names: string[]): FileTask[] => names.map((display, index) => ({ index, path: `/x/${display}`, display }));

test('results in task order on several workers, however the workers finish', async () => {
  const names = Array.from({ length: 40 }, (_, i) => `d${String(i).padStart(2, '0')}.txt`);
  const out: string[] = [];
  for await (const r of runTasks(tasks(names), { jobs: 3, init: { factory: {} }, workerFile: fakeWorker() })) out.push(r.filePath);
  expect(out).toEqual(names);
});

test('a worker that dies or throws fails only its own draft; the batch goes on', async () => {
  const names = Array.from({ length: 30 }, (_, i) => (i === 5 ? 'crash.txt' : i === 17 ? 'throw.txt' : `d${i}.txt`));
  const results = [];
  for await (const r of runTasks(tasks(names), { jobs: 2, init: { factory: {} }, workerFile: fakeWorker() })) results.push(r);
  expect(results.map((r) => r.filePath)).toEqual(names);
  const failed = results.filter((r) => r.error).map((r) => r.filePath);
  expect(failed).toEqual(['crash.txt', 'throw.txt']);
  expect(results[5].error?.message).toContain('工作线程意外退出');
});

test('jobs: auto uses the cores for big batches and one thread for a handful of drafts', () => {
  expect(resolveJobs('auto', 3)).toBe(1);
  // auto leaves one core to the thread that reads, formats and writes
  expect(resolveJobs(undefined, 10_000)).toBe(Math.max(1, availableParallelism() - 1));
  expect(resolveJobs(8, 3)).toBe(3);
  expect(resolveJobs(2, 100)).toBe(2);
});
