import type { FileResult, SummaryUse } from '../types.js';
import type { CompareSource } from './change.js';
import type { ReportVocabulary, RuleInfo } from './report-context.js';

export interface FormatContext {
  /**
   * The report is shown on a person's terminal (stdout a TTY, no -o): JSON formats then
   * write C1 controls and bidi overrides as \u escapes, which JSON for programs need not.
   */
  terminal?: boolean;
  color: boolean;
  cwd: string;
  /** The command to suggest for fixable findings. */
  fixCommand?: (files: string[]) => string;
  /**
   * Rule metadata (summary, short name, help, reference, docs, effective severity) by id, for
   * sarif, junit, table, html and checklist. The CLI fills this and `report` with
   * `reportContext(linter.config.resolved)`; formatters fall back to what the diagnostics carry.
   */
  rules?: ReadonlyMap<string, RuleInfo>;
  /** Part names and the review checklist, from rules/lexicon/parts.yaml and checklist.yaml. */
  report?: ReportVocabulary;
  /** --compare: an earlier run's record, to show per organ what changed (table, html, xlsx, --output-dir). */
  compare?: CompareSource;
}

/** A whole report at once: what a library caller or a single draft needs. */
export type Formatter = (results: FileResult[], ctx: FormatContext) => string;

/**
 * Where a report goes, piece by piece. A batch of thousands of drafts keeps
 * memory flat because every format writes each draft as it arrives and keeps only
 * what its closing summary needs.
 */
export interface ReportSink {
  write(text: string): void;
  /** Binary output (a binary format's only way out); absent where only text can go (a terminal). */
  bytes?(chunk: Uint8Array): void;
  /**
   * A holding area for text that belongs after something known only at the end
   * (the HTML page's per-draft sections follow its heat map; junit's suites follow
   * the totals). The CLI holds it in a temporary file, a whole-batch call in memory.
   */
  spool(): Spool;
}

export interface Spool {
  write(text: string): void;
  /**
   * Ends a piece: what was written since the previous cut is piece 0, 1, 2 …, so the
   * pieces can be drained in another order than they came (drafts sorted by organ).
   */
  cut(): void;
  /**
   * Writes everything held to the sink, and releases it: in the order written, or the
   * pieces in `order` (each piece once; text after the last cut follows them).
   */
  drainTo(sink: ReportSink, order?: readonly number[]): void;
  /**
   * The same text as drainTo writes, as an iterator the reader paces: a binary
   * format awaits its archive between pieces, so what it holds stays small.
   */
  read(order?: readonly number[]): Iterable<string>;
}

/** A report being written: drafts in path order, then the end. */
export interface ReportWriter {
  add(result: FileResult): void;
  /** A binary format (xlsx) ends asynchronously, once its archive is written. */
  end(): void | Promise<void>;
}

/** A format: starts a report on a sink. Each format module exports one of these and its whole-batch Formatter. */
export interface ReportFormat {
  (ctx: FormatContext, sink: ReportSink): ReportWriter;
  /** Whether it reads FileResult.summary (organ, year, parts, quotes), or only its verdicts: a batch makes summaries only for such formats. */
  readonly summary: SummaryUse;
  /** Whether it reads the summary's quotes (the text of each finding and its sentence); default: as `summary`. */
  readonly quotes: boolean;
  /**
   * Written for a person reading a terminal (stylish, table, checklist): other text,
   * such as --fix-dry-run's diff, may go beside it. The others are documents a program
   * parses (json, sarif…) or a page (html): their output is theirs alone.
   */
  readonly forTerminal: boolean;
  /** Writes bytes, not text (xlsx): only to a file, through ReportSink.bytes; never a whole-batch string. */
  readonly binary?: boolean;
}

export { SEVERITY_WORD, SEVERITY_STYLE } from '../present/severity.js';

const CODES = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4, green: 32, cyan: 36 };
export type Paint = (style: keyof typeof CODES, s: string) => string;
export function painter(color: boolean): Paint {
  return (style, s) => (color ? `\u001b[${CODES[style]}m${s}\u001b[0m` : s);
}

export { isWord, where } from '../present/position.js';
