import type { Diagnostic, Directive, ReportDocument } from '../types.js';

/**
 * Applies `<!-- lawreport-lint-disable/enable/disable-next-line … -->` comments,
 * and Word comments (`range`) on the text they are anchored to.
 * Returns the kept diagnostics and the directives that suppressed nothing.
 */
export function applyDirectives(
  doc: ReportDocument,
  diagnostics: Diagnostic[],
): { kept: Diagnostic[]; unused: Directive[] } {
  if (!doc.directives.length) return { kept: diagnostics, unused: [] };
  const used = new Set<Directive>();
  const nextContentLine = (line: number): number => {
    for (let l = line + 1; l < doc.lines.length; l++) {
      const { start, end } = doc.lines[l];
      if (doc.text.slice(start, end).trim()) return l;
    }
    return line + 1;
  };
  const matches = (d: Directive, code: string) => d.rules.length === 0 || d.rules.includes(code);
  const ranges = doc.directives.filter((d) => d.kind === 'range');
  const kept = diagnostics.filter((diag) => {
    const line = diag.range.start.line;
    const offset = doc.offsetAt(diag.range.start);
    const end = doc.offsetAt(diag.range.end);
    // a Word comment silences what touches the text it is anchored to
    for (const d of ranges) {
      if (matches(d, diag.code) && offset <= d.span[1] && end >= d.span[0]) {
        used.add(d);
        return false;
      }
    }
    let disabledBy: Directive | undefined;
    for (const d of doc.directives) {
      if (d.kind === 'range' || !matches(d, diag.code)) continue;
      if (d.kind === 'disable-next-line') {
        if (nextContentLine(d.line) === line) disabledBy = d;
        continue;
      }
      if (d.span[1] > offset) break;
      disabledBy = d.kind === 'disable' ? d : undefined;
    }
    if (disabledBy) used.add(disabledBy);
    return !disabledBy;
  });
  const unused = doc.directives.filter((d) => d.kind !== 'enable' && !used.has(d));
  return { kept, unused };
}
