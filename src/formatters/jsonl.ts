import type { FileResult } from '../types.js';
import type { FormatContext } from './context.js';

const SEPARATORS = /[\u2028\u2029]/;
const SEPARATORS_G = /[\u2028\u2029]/g;

/**
 * One draft as one line of JSON: exactly an element of the json contract
 * (`{filePath, diagnostics, error?}`), so a consumer parses both formats alike.
 * The batch pipeline calls this as each draft finishes (in path order) to stream.
 */
export function line(result: FileResult): string {
  const entry = result.error
    ? { filePath: result.filePath, diagnostics: [], error: result.error }
    : { filePath: result.filePath, diagnostics: result.diagnostics };
  // JSON allows U+2028/2029 raw, but some line readers split on them; escaping keeps one
  // draft per line. One scan to find out: they are rare, and the line is ~16 KB a draft.
  const json = JSON.stringify(entry);
  return (SEPARATORS.test(json) ? json.replace(SEPARATORS_G, (c) => (c === '\u2028' ? '\\u2028' : '\\u2029')) : json) + '\n';
}

/** `--format jsonl`: one line per draft, in path order, clean and unreadable drafts included. */
export function jsonl(results: FileResult[], _ctx: FormatContext): string {
  return results.map(line).join('');
}
