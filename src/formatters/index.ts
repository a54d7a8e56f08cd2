import { checklist } from './checklist.js';
import type { Formatter } from './context.js';
import { csv } from './csv.js';
import { html } from './html.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import { table } from './table.js';

export type { FormatContext, Formatter } from './context.js';
export { reportContext } from './report-context.js';
export { line as jsonlLine } from './jsonl.js';

/** Every output format, by name. Adding one = one module + one line here. */
export const formatters: Record<string, Formatter> = {
  stylish,
  json,
  jsonl,
  table,
  html,
  checklist,
  csv,
  sarif,
  junit,
};
