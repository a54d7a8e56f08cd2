import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';

/** Batches at least this big are tuned; a draft or two never are (loading node:v8 alone costs ~2 ms of a cold start). */
export const TUNE_FROM_DRAFTS = 48;

/**
 * Node's own threads as this module loads, before the CLI starts any of its
 * workers: V8's platform threads (optimizing compiler, GC helpers) and Node's
 * timer thread. Linux names threads in /proc; elsewhere there is nothing to list.
 */
const nodeThreads: number[] = (() => {
  if (process.platform !== 'linux') return [];
  try {
    return readdirSync('/proc/self/task').map(Number).filter((tid) => tid !== process.pid);
  } catch {
    return [];
  }
})();

/** The nice value V8's background threads get in a batch (0 normal, 19 lowest). */
export const BACKGROUND_NICE = 10;

/**
 * A batch runs the same few hundred functions on every draft, and V8's default
 * eagerness to optimize (and re-optimize) them competed with the linting for
 * the cores: with an interrupt budget 4× the default, 1,000 drafts lint ~20%
 * faster (2× and 8× were both slower; `npm run bench batch`). Called by the CLI
 * before the first draft is linted, so the linting code starts with the new
 * budget; the library never changes its host's V8 flags. Worker threads share it.
 *
 * V8 also optimizes on four background threads whatever the number of cores:
 * on two cores they took turns with the linting thread, which waits for nothing
 * they do (their code is installed when ready). At nice 10 they run on what the
 * linting thread leaves free: 1,000 drafts ~8% faster on 2 cores (Linux; other
 * systems keep their priorities). Lowering a thread's own priority needs no rights.
 */
export function tuneV8ForBatch(): void {
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString('--interrupt-budget=270336');
  for (const tid of nodeThreads) {
    try {
      setPriority(tid, BACKGROUND_NICE);
    } catch {
      // gone, or a system that will not say: the batch runs as before
    }
  }
}
