import type { CodeLens } from 'vscode-languageserver';
import type { DocumentVocabulary } from '../document/index.js';
import type { Diagnostic, Range, ReportDocument } from '../types.js';

/** Code of the information diagnostic that stands in for the lens where clients have no code lenses. */
const PARTS_SUMMARY_CODE = 'report-parts';

export interface PartsSummary {
  /** “必备部分 4/5 · 缺少：其他需要报告的情况” */
  text: string;
  range: Range;
  missing: string[];
}

/**
 * How many of the regulation's five content items the draft has, and which are
 * missing, in the regulation's order (rules/lexicon/parts.yaml).
 */
export function partsSummary(doc: ReportDocument, vocab: DocumentVocabulary): PartsSummary {
  const missing = vocab.parts.filter((p) => !doc.part(p.kind)).map((p) => p.name);
  const total = vocab.parts.length;
  const text = `必备部分 ${total - missing.length}/${total}${missing.length ? ` · 缺少：${missing.join('、')}` : ''}`;
  // on the title, else on the first line with text: the top of the outline
  const span = doc.title?.span ?? doc.paragraphs[0]?.span ?? [0, 0];
  return { text, missing, range: { start: doc.positionAt(span[0]), end: doc.positionAt(span[1]) } };
}

/** A lens that only shows text: a command without an id is displayed, never run. */
export function summaryLens(summary: PartsSummary): CodeLens {
  return { range: { start: summary.range.start, end: summary.range.start }, command: { title: summary.text, command: '' } };
}

export function summaryDiagnostic(summary: PartsSummary): Diagnostic {
  return {
    range: summary.range,
    severity: 3,
    code: PARTS_SUMMARY_CODE,
    source: 'lawreport-lint',
    message: summary.text,
  };
}
