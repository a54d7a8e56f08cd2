/**
 * Formats written draft by draft as results arrive, so memory stays flat however
 * many drafts a batch holds: jsonl (a line each) and json (the array, element by
 * element). Each piece comes from the registered formatter itself, so the
 * streamed output is byte for byte what the formatter writes for the whole batch.
 */
import type { FormatContext, Formatter } from '../formatters/context.js';
import type { FileResult } from '../types.js';

export interface StreamFormat {
  /** The text for one draft; `first` is true for the first draft of the batch. */
  item(result: FileResult, first: boolean): string;
  /** The closing text, after `count` drafts. */
  end(count: number): string;
}

/** A streaming writer for `name`, or undefined when the format needs the whole batch (stylish, table, html…). */
export function streamFormat(name: string, formatters: Readonly<Record<string, Formatter>>, ctx: FormatContext, jsonlLine?: (r: FileResult) => string): StreamFormat | undefined {
  if (name === 'jsonl' && jsonlLine) return { item: (r) => jsonlLine(r), end: () => '' };
  const json = formatters.json;
  if (name === 'json' && json) {
    // JSON.stringify(array, null, 2) indents each element by one level more than the
    // element stringified on its own: the array of one, minus its brackets, is the element
    const probe: FileResult = { filePath: 'x', diagnostics: [] };
    const one = json([probe], ctx);
    if (json([], ctx) !== '[]\n' || !one.startsWith('[\n') || !one.endsWith('\n]\n')) return undefined;
    return {
      item: (r, first) => `${first ? '[\n' : ',\n'}${json([r], ctx).slice(2, -3)}`,
      end: (count) => (count ? '\n]\n' : '[]\n'),
    };
  }
  return undefined;
}
