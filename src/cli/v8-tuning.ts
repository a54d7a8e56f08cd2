import { createRequire } from 'node:module';

/** Batches at least this big are tuned; a draft or two never are (loading node:v8 alone costs ~2 ms of a cold start). */
export const TUNE_FROM_DRAFTS = 48;

/**
 * A batch runs the same few hundred functions on every draft, and V8's default
 * eagerness to optimize (and re-optimize) them competed with the linting for
 * the cores: with an interrupt budget 4× the default, 1,000 drafts lint ~20%
 * faster (2× and 8× were both slower; `npm run bench batch`). Called by the CLI
 * before the first draft is linted, so the linting code starts with the new
 * budget; the library never changes its host's V8 flags. Worker threads share it.
 */
export function tuneV8ForBatch(): void {
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString('--interrupt-budget=270336');
}
