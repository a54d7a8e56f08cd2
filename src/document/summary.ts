import type { Diagnostic, DraftSummary, PassEvidence, ReportDocument } from '../types.js';

/** A serialisable digest of a linted draft for batch formatters. */
export function summarize(doc: ReportDocument, diagnostics: readonly Diagnostic[], evidence: readonly { rule: string; evidence: PassEvidence[] }[]): DraftSummary {
  const line = (offset: number) => doc.positionAt(offset).line;
  return {
    organ: doc.title?.organ?.text,
    year: doc.year,
    title: doc.title?.text,
    // parts written as items (duties as an achievements item) count as found: required-parts says where they are
    parts: [...doc.parts, ...doc.itemParts].sort((a, b) => a.span[0] - b.span[0]).map((p) => ({ kind: p.kind, title: p.heading.title, line: line(p.heading.span[0]) })),
    passes: evidence.map((e) => ({
      rule: e.rule,
      evidence: e.evidence.map((x) => ({ message: x.message, line: x.span ? line(x.span[0]) : undefined })),
    })),
    quotes: diagnostics.map((d) => {
      const t = doc.text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)).replace(/\s+/g, ' ');
      return t.length > 80 ? `${t.slice(0, 80)}…` : t;
    }),
  };
}
