import type { FileResult } from '../types.js';
import type { Counts } from './change.js';
import { statusesOf, type CheckStatus } from './checklist.js';
import type { Requirement } from './report-context.js';

/**
 * What a jsonl line carries besides the json contract, so that a run's jsonl
 * output is the record a later run compares with (--compare): who the draft is
 * from, how many findings, and each checklist requirement passed or failed.
 */
export interface ReviewRecord {
  organ?: string;
  year?: number;
  title?: string;
  counts: Counts;
  checklist: { id: string; label: string; status: CheckStatus }[];
}

export function countsOf(r: FileResult): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of r.diagnostics) {
    if (d.severity === 1) c.errors++;
    else if (d.severity === 2) c.warnings++;
    else c.infos++;
  }
  return c;
}

/** The review of a readable draft with a summary; undefined otherwise. */
export function reviewOf(r: FileResult, requirements: readonly Requirement[]): ReviewRecord | undefined {
  if (r.error || !r.summary) return undefined;
  return {
    ...(r.summary.organ ? { organ: r.summary.organ } : {}),
    ...(r.summary.year !== undefined ? { year: r.summary.year } : {}),
    ...(r.summary.title ? { title: r.summary.title } : {}),
    counts: countsOf(r),
    checklist: statusesOf(r, requirements).map((status, i) => ({ id: requirements[i].id, label: requirements[i].label, status })),
  };
}
