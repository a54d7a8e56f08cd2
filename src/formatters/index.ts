import type { Formatter, ReportFormat } from './context.js';
import { jsonReport } from './json.js';
import { jsonlReport } from './jsonl.js';
import { whole } from './report.js';
import { stylishReport } from './stylish.js';

export type { FormatContext, ReportSink, ReportWriter, Spool } from './context.js';
export { reportContext } from './report-context.js';
export { whole } from './report.js';

/** The formats every run may need at once: loaded with the CLI. */
const eager: Record<string, ReportFormat> = { stylish: stylishReport, json: jsonReport, jsonl: jsonlReport };

/**
 * The batch reports load on demand: a drafter's `lawreport-lint draft.txt` never
 * pays for the HTML report's page, styles and script on its cold start.
 * Adding a format = one module + one line here.
 */
const lazy: Record<string, () => Promise<ReportFormat>> = {
  compact: async () => (await import('./compact.js')).compactReport,
  table: async () => (await import('./table.js')).tableReport,
  html: async () => (await import('./html.js')).htmlReport,
  checklist: async () => (await import('./checklist.js')).checklistReport,
  csv: async () => (await import('./csv.js')).csvReport,
  sarif: async () => (await import('./sarif.js')).sarifReport,
  junit: async () => (await import('./junit.js')).junitReport,
  xlsx: async () => (await import('./xlsx.js')).xlsxReport,
};

export const formatterNames: readonly string[] = [...Object.keys(eager), ...Object.keys(lazy)];

/** A format by name, to write a report draft by draft. */
export async function loadFormat(name: string): Promise<ReportFormat | undefined> {
  return eager[name] ?? (await lazy[name]?.());
}

/** A format by name, as a whole-batch Formatter. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  const format = await loadFormat(name);
  return format && whole(format);
}
