import type { FileResult } from '../types.js';
import { defineFormat, jsonArray, whole } from './report.js';
import { escapedJson } from './terminal.js';

/** A draft as the json contract has it: clean and unreadable drafts included, summary left out. */
export function entry(r: FileResult): Pick<FileResult, 'filePath' | 'diagnostics' | 'error' | 'output'> {
  if (r.error) return { filePath: r.filePath, diagnostics: [], error: r.error };
  return r.output === undefined ? { filePath: r.filePath, diagnostics: r.diagnostics } : { filePath: r.filePath, diagnostics: r.diagnostics, output: r.output };
}

/** The json contract: one entry per input file, in path order, as `JSON.stringify(entries, null, 2)` writes it. */
export const jsonReport = escapedJson(defineFormat({ summary: false }, (_ctx, sink) => {
  const array = jsonArray((text) => sink.write(text), 0);
  return {
    add: (r) => array.item(entry(r)),
    end() {
      array.end();
      sink.write('\n');
    },
  };
}));

export const json = whole(jsonReport);
