/**
 * Runs file tasks on worker threads and yields their results in task (path)
 * order, whatever order the workers finish in. Memory stays flat however many
 * drafts there are: at most `AHEAD` results wait for a slower predecessor, and
 * each result is handed on as soon as its turn comes.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConfigError, type ConfigProblem } from '../config/errors.js';
import { builtScript } from '../config/paths.js';
import { defaultReaderFile, ReadAhead, READ_AHEAD_MIN_FILES } from './read-ahead.js';
import { FileLinter, type BatchResult, type FileLinterInit, type FileTask } from './lint-file.js';

export type WorkerReply =
  | { index: number; result: BatchResult }
  | { index: number; configProblems: ConfigProblem[] }
  | { index: number; crash: string };

/** To a worker: its configuration first, then tasks. */
export type WorkerMessage = { init: FileLinterInit } | { task: FileTask };

export interface PoolOptions {
  /** Worker threads; 1 lints in this thread. */
  jobs: number;
  init: FileLinterInit;
  /** Called when a file is handed to a worker. */
  onStart?: (task: FileTask) => void;
  /** The worker script; defaults to dist/worker.js of this package. */
  workerFile?: string;
  /** Workers started earlier (they boot while the main thread reads the configuration). */
  pool?: WorkerPool;
  /** With one job, the reading thread's script (src/batch/read-ahead.ts); defaults to dist/reader.js, '' for none. */
  readerFile?: string;
}

/** Tasks queued on a worker: enough that it never idles between two, few enough to balance the load. */
const PER_WORKER = 4;
/** How far dispatch may run ahead of the oldest unfinished task. */
const AHEAD = 256;
/** Crashed workers are replaced; past this many crashes something is systematically wrong. */
const MAX_CRASHES = 16;

export function resolveJobs(jobs: number | 'auto' | undefined, files: number): number {
  const cores = availableParallelism();
  if (jobs === undefined || jobs === 'auto') {
    // One core stays with this thread, which formats and writes, with V8's background
    // compiler and collector, and with the reading thread of a one-job batch
    // (read-ahead.ts): on 2 cores, 2 lint workers ran 1,000 drafts in 1.25 s against
    // 0.95 s for one thread reading ahead — each worker warms V8 up on its own.
    // Starting a worker costs about as much as linting a few dozen drafts.
    return Math.max(1, Math.min(cores - 1, Math.floor(files / 24)));
  }
  return Math.max(1, Math.min(jobs, files));
}

/** dist/worker.js, which the build writes next to the CLI; undefined when not built (then one thread). */
export const defaultWorkerFile = (): string | undefined => builtScript('worker.js');

/**
 * Threads started ahead of their work: a worker takes ~0.1 s to load, which
 * overlaps the main thread's discovery and configuration checks.
 */
export class WorkerPool {
  readonly workers: Worker[] = [];
  /** Workers that stopped before being given work (their exit would otherwise go unseen). */
  readonly exited = new Set<Worker>();
  constructor(readonly workerFile: string, size: number) {
    for (let i = 0; i < size; i++) this.workers.push(this.spawn());
  }

  spawn(): Worker {
    // A draft's objects die young: a small young generation costs no measurable time
    // and keeps each worker's heap from growing with the batch (2 workers, 6,000
    // drafts: peak 178 MB instead of 227 MB).
    const w = new Worker(this.workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    w.on('error', () => { /* reported by the run that adopts it, through 'exit' */ });
    w.once('exit', () => this.exited.add(w));
    return w;
  }

  /** Keeps `size` workers, stopping the others. */
  async shrink(size: number): Promise<void> {
    await Promise.all(this.workers.splice(size).map((w) => w.terminate()));
  }

  async close(): Promise<void> {
    await this.shrink(0);
  }
}

/** Results in task order: on workers when jobs > 1 and there is a worker script, else in this thread. */
export async function* runTasks(tasks: readonly FileTask[], options: PoolOptions): AsyncGenerator<BatchResult> {
  const workerFile = options.pool?.workerFile ?? options.workerFile ?? defaultWorkerFile();
  if (options.jobs <= 1 || tasks.length <= 1 || !workerFile) {
    await options.pool?.close();
    const linter = new FileLinter(options.init);
    const readerFile = options.readerFile === undefined ? defaultReaderFile() : options.readerFile || undefined;
    const ahead = readerFile && tasks.length >= READ_AHEAD_MIN_FILES ? new ReadAhead(readerFile, tasks, linter.needsBytes, options.init.maxDraftBytes) : undefined;
    try {
      for (const t of tasks) {
        options.onStart?.(t);
        yield await linter.lint(t, await ahead?.take(t.index));
      }
    } finally {
      await ahead?.close();
    }
    return;
  }
  const size = Math.min(options.jobs, tasks.length);
  const pool = options.pool ?? new WorkerPool(workerFile, size);
  await pool.shrink(size);
  try {
    yield* runOnWorkers(tasks, options, pool);
  } finally {
    await pool.close();
  }
}

async function* runOnWorkers(tasks: readonly FileTask[], options: PoolOptions, pool: WorkerPool): AsyncGenerator<BatchResult> {
  const ready = new Map<number, BatchResult>();
  const assigned = new Map<Worker, Set<number>>();
  // A worker that dies takes its in-flight tasks with it, and any of them may be
  // the cause: each is retried alone on a worker, and fails only if that crashes too.
  const retry: number[] = [];
  const suspect = new Set<number>();
  const isolated = new Set<Worker>();
  let next = 0;          // the index to yield next
  let dispatched = 0;    // new tasks handed out so far
  let crashes = 0;
  let fatal: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const failTask = (index: number, message: string) => {
    ready.set(index, { filePath: tasks[index].display, diagnostics: [], error: { code: 'internal-error', message } });
  };

  const adopt = (w: Worker): void => {
    if (pool.exited.has(w)) {
      // died while loading: count it as a crash and take a fresh one
      if (++crashes > MAX_CRASHES) {
        fatal ??= new Error('工作线程无法启动；请用 --jobs 1 重试');
        return;
      }
      const fresh = pool.spawn();
      pool.workers[pool.workers.indexOf(w)] = fresh;
      adopt(fresh);
      return;
    }
    w.postMessage({ init: options.init } satisfies WorkerMessage);
    assigned.set(w, new Set());
    w.on('message', (m: WorkerReply) => {
      assigned.get(w)?.delete(m.index);
      isolated.delete(w);
      if ('result' in m) ready.set(m.index, m.result);
      else if ('configProblems' in m) fatal ??= new ConfigError(m.configProblems);
      else failTask(m.index, `检查这份稿件时出错，已跳过：${m.crash.split('\n')[0]}；这是 lawreport-lint 的缺陷，请附上稿件报告问题`);
      pump();
      notify();
    });
    const lost = (why: string) => {
      const held = assigned.get(w);
      if (!held) return;
      assigned.delete(w);
      isolated.delete(w);
      for (const i of held) {
        if (suspect.has(i)) failTask(i, `检查这份稿件时工作线程意外退出（${why}），已跳过；可用 --jobs 1 单独检查它`);
        else {
          suspect.add(i);
          retry.push(i);
        }
      }
      if (++crashes > MAX_CRASHES) fatal ??= new Error(`工作线程反复意外退出（${why}）；请用 --jobs 1 重试`);
      else {
        const fresh = pool.spawn();
        pool.workers[pool.workers.indexOf(w)] = fresh;
        adopt(fresh);
      }
      pump();
      notify();
    };
    w.on('error', (err) => lost(err.message));
    w.on('exit', (code) => { if (assigned.has(w)) lost(`退出码 ${code}`); });
  };

  const send = (w: Worker, task: FileTask) => {
    assigned.get(w)!.add(task.index);
    options.onStart?.(task);
    w.postMessage({ task } satisfies WorkerMessage);
  };

  const pump = () => {
    while (retry.length) {
      const idle = [...assigned].find(([w, held]) => !held.size && !isolated.has(w))?.[0];
      if (!idle) break;
      isolated.add(idle);
      send(idle, tasks[retry.shift()!]);
    }
    // with a retry waiting, workers drain until one is free for it
    if (retry.length) return;
    while (dispatched < tasks.length && dispatched < next + AHEAD) {
      let best: Worker | undefined;
      let load = PER_WORKER;
      for (const [w, held] of assigned) {
        if (!isolated.has(w) && held.size < load) {
          best = w;
          load = held.size;
        }
      }
      if (!best) return;
      send(best, tasks[dispatched++]);
    }
  };

  for (const w of pool.workers) adopt(w);
  try {
    pump();
    while (next < tasks.length) {
      if (fatal) throw fatal;
      const r = ready.get(next);
      if (r) {
        ready.delete(next);
        next++;
        pump();
        yield r;
      } else {
        await new Promise<void>((resolve) => { wake = resolve; });
      }
    }
    if (fatal) throw fatal;
  } finally {
    // stopping workers is the caller's (WorkerPool.close); their exits are not crashes
    assigned.clear();
  }
}
