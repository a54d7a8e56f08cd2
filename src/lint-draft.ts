/**
 * Linting one draft, the same way for every caller: the batch (in workers or
 * not), `--fix` and `--fix-dry-run`, standard input, the language server and the
 * API. The caller reads (a file, stdin, an editor's buffer); from the draft on,
 * this is the one pipeline: model → lint (and fix) → summary → positions in the
 * draft's own terms (Word paragraphs for a .docx whose paragraphs hold line breaks).
 */
import { clip } from './document/clip.js';
import { formatOf } from './document/index.js';
import { summarize } from './document/summary.js';
import type { FixPolicy, OffsetEdit } from './engine/fix.js';
import type { ParagraphRef } from './io/docx.js';
import { readNotes, type Draft } from './io/decode.js';
import type { Linter, LintOutput } from './linter.js';
import type { Diagnostic, DocumentFormat, DraftSummary, Position, ReportDocument, SummaryUse } from './types.js';

/**
 * What one draft is, for linting: its text and, for a .docx, where each line sits in
 * the Word file and the `lawreport-lint-disable` directives of its Word comments.
 */
export type DraftText = Pick<Draft, 'path' | 'text' | 'paragraphs' | 'directives'>
  & Partial<Pick<Draft, 'encoding' | 'undecodable' | 'guessed'>>;

export interface DraftLintOptions {
  /** The draft's path for configuration overrides and related locations (absolute in the CLI); default draft.path. */
  filePath?: string;
  /** Markdown or plain text whatever the path says (an editor's untitled buffer); default: by draft.path. */
  format?: DocumentFormat;
  /** The model, when the caller built it already with this linter's builder (the batch pairs last year's report with it). */
  document?: ReportDocument;
  previous?: ReportDocument;
  reportUnusedDirectives?: boolean;
  /** Link diagnostics to their rule files (default true; the CLI's reports leave the machine: false). */
  ruleLinks?: boolean;
  /** How a safe fix is applied where the findings are read (an editor's quick fix, the page's button); default the CLI's. */
  fixHint?: string;
  /** Make the summary (table, html, checklist… read it), or only its verdicts (jsonl's review); default true. */
  summary?: SummaryUse;
  /**
   * The summary's quotes of each finding: default as `summary` (none for its verdicts alone); a record such as jsonl's reads
   * none; with `summary: false` and `quotes: true`, a summary of quotes without the evidence.
   */
  quotes?: boolean;
  /** Apply fixes, re-linting until nothing changes; a Word draft is never rewritten, so it is only linted. */
  fix?: FixPolicy;
}

export interface DraftLint {
  /** In the draft's own positions: lines of the text, or Word paragraphs. */
  diagnostics: Diagnostic[];
  summary?: DraftSummary;
  /** The engine's output on the model's text (what is left after fixing, when fixing). */
  output: LintOutput;
  /**
   * With `fix`, for a text draft: the fixed text (equal to the input when nothing applied), the fixes
   * applied, and the same change as edits of the text read (what --fix splices into the file's bytes).
   */
  fixed?: { text: string; applied: Diagnostic[]; edits: OffsetEdit[] };
}

export function lintDraft(linter: Linter, draft: DraftText, o: DraftLintOptions = {}): DraftLint {
  const filePath = o.filePath ?? draft.path;
  const format = o.format ?? formatOf(draft.path);
  const options = {
    filePath, format, previous: o.previous, reportUnusedDirectives: o.reportUnusedDirectives, evidence: o.summary === 'verdicts' ? 'presence' as const : o.summary !== false, directives: draft.directives,
    ruleLinks: o.ruleLinks, fixHint: o.fixHint,
    // bytes that did not decode are reported where they stand, beside the findings
    notes: draft.undecodable?.length && draft.encoding ? readNotes({ ...draft, encoding: draft.encoding }) : undefined,
  };
  let output: LintOutput;
  let fixed: DraftLint['fixed'];
  if (o.fix && format !== 'docx') {
    const linted = o.document && linter.lintDocument(o.document, options);
    // bytes that did not decode (U+FFFD in the text) are never fixed away: --fix leaves them as they are
    const f = linter.fix(draft.text, { ...options, ...o.fix, keepReplacementCharacters: !!draft.undecodable?.length }, linted);
    output = f.result;
    fixed = { text: f.output, applied: f.applied, edits: f.edits };
  } else {
    output = o.document ? linter.lintDocument(o.document, options) : linter.lint(draft.text, options);
  }
  let diagnostics = output.diagnostics;
  // a summary for the formats that read one, or only its quotes (stylish quotes each finding in its sentence)
  const quotes = o.quotes ?? (o.summary ?? true) === true;
  let summary = o.summary === false && !quotes ? undefined : summarize(output.document, diagnostics, output.evidence, quotes);
  if (draft.paragraphs) {
    const toParagraph = paragraphPosition(draft.paragraphs);
    const line = (l: number) => toParagraph({ line: l, character: 0 }).line;
    diagnostics = diagnostics.map((d) => onParagraphs(d, toParagraph, output.uri));
    summary &&= {
      ...summary,
      parts: summary.parts.map((p) => ({ ...p, line: line(p.line) })),
      passes: summary.passes.map((p) => ({ ...p, evidence: p.evidence.map((e) => (e.line === undefined ? e : { ...e, line: line(e.line) })) })),
    };
  }
  return { diagnostics, summary, output, fixed };
}

/**
 * A defect of lawreport-lint met while linting one draft, as that draft's
 * result: the other 59 townships of a run are still checked.
 */
export function lintFailure(err: unknown): { code: string; message: string } {
  return { code: 'parse-failed', message: `无法分析这份稿件（${firstLine(err)}）；这是 lawreport-lint 的缺陷，请附上稿件报告问题` };
}

/** An error's first line, at most 200 characters: a message quotes, it does not dump. */
export function firstLine(err: unknown): string {
  return clip(String((err as Error)?.message ?? err).split('\n')[0], 200);
}

/** Model line → Word paragraph (and the offset inside it) for a .docx whose paragraphs hold line breaks. */
function paragraphPosition(lines: readonly ParagraphRef[]): (p: Position) => Position {
  return (p) => {
    const ref = lines[p.line];
    return ref ? { line: ref.paragraph, character: ref.column + p.character } : p;
  };
}

function onParagraphs(d: Diagnostic, map: (p: Position) => Position, uri: string): Diagnostic {
  const range = (r: Diagnostic['range']) => ({ start: map(r.start), end: map(r.end) });
  const out: Diagnostic = { ...d, range: range(d.range) };
  if (d.relatedInformation) {
    out.relatedInformation = d.relatedInformation.map((ri) => (ri.location.uri === uri ? { ...ri, location: { uri, range: range(ri.location.range) } } : ri));
  }
  if (d.data?.fix) out.data = { ...d.data, fix: { ...d.data.fix, edits: d.data.fix.edits.map((e) => ({ ...e, range: range(e.range) })) } };
  return out;
}
