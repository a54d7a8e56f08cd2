import type { FileResult } from '../types.js';
import type { FormatContext } from './context.js';

/**
 * One draft as one line of JSON: exactly an element of the json contract
 * (`{filePath, diagnostics, error?}`), so a consumer parses both formats alike.
 * The batch pipeline calls this as each draft finishes (in path order) to stream.
 */
export function line(result: FileResult): string {
  const entry = result.error
    ? { filePath: result.filePath, diagnostics: [], error: result.error }
    : { filePath: result.filePath, diagnostics: result.diagnostics };
  // JSON allows U+2028/2029 raw, but some line readers split on them; escaping keeps one draft per line.
  return JSON.stringify(entry).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') + '\n';
}

/** `--format jsonl`: one line per draft, in path order, clean and unreadable drafts included. */
export function jsonl(results: FileResult[], _ctx: FormatContext): string {
  return results.map(line).join('');
}
