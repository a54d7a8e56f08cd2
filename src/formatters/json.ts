import type { FileResult } from '../types.js';
import type { FormatContext } from './context.js';

/** The json contract: one entry per input file, in path order, clean files included. */
export function json(results: FileResult[], _ctx: FormatContext): string {
  return JSON.stringify(
    results.map((r) => (r.error ? { filePath: r.filePath, diagnostics: [], error: r.error } : { filePath: r.filePath, diagnostics: r.diagnostics })),
    null,
    2,
  ) + '\n';
}
