import type { Diagnostic } from '../types.js';

const byPlace = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.line - b.range.start.line ||
  a.range.start.character - b.range.start.character ||
  (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

const same = (a: Diagnostic, b: Diagnostic) =>
  a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character && a.message === b.message;

/**
 * Document order, then rule id (the same draft always prints the same way),
 * without exact repeats (same rule, range and message; the first kept). Sorted
 * first, a repeat can only sit among the diagnostics of its own start and rule,
 * so no key string is built per diagnostic (a draft's key strings, messages
 * included, were 3 % of a batch's linting).
 */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  diagnostics.sort(byPlace); // stable: repeats keep their order
  const out: Diagnostic[] = [];
  let run = 0; // where the diagnostics of the current start and rule begin in `out`
  for (const d of diagnostics) {
    if (out.length && byPlace(out[run], d) !== 0) run = out.length;
    let repeat = false;
    for (let i = run; i < out.length && !repeat; i++) repeat = same(out[i], d);
    if (!repeat) out.push(d);
  }
  return out;
}
