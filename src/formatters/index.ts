import type { Formatter } from './context.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { stylish } from './stylish.js';

export type { FormatContext, Formatter } from './context.js';
export { reportContext } from './report-context.js';
export { line as jsonlLine } from './jsonl.js';

/** The formats every run may need at once: loaded with the CLI. */
export const formatters: Record<string, Formatter> = { stylish, json, jsonl };

/**
 * The batch reports load on demand: a drafter's `lawreport-lint draft.txt` never
 * pays for the HTML report's page, styles and script on its cold start.
 * Adding a format = one module + one line here.
 */
const lazy: Record<string, () => Promise<Formatter>> = {
  table: async () => (await import('./table.js')).table,
  html: async () => (await import('./html.js')).html,
  checklist: async () => (await import('./checklist.js')).checklist,
  csv: async () => (await import('./csv.js')).csv,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
};

export const formatterNames: readonly string[] = [...Object.keys(formatters), ...Object.keys(lazy)];

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return formatters[name] ?? (await lazy[name]?.());
}
