/**
 * Public API of lawreport-lint.
 *
 *   import { lint, lintFiles } from 'lawreport-lint';
 *   const { diagnostics } = await lint(text, { filePath: 'draft.md' });
 *   const result = await lintFile('涂山镇.docx');                          // reads .md, .txt, .docx
 *   for await (const r of lintFiles(['乡镇报告/'], { jobs: 'auto' })) …   // path order
 */
import { resolve } from 'node:path';
import { formatOf } from './document/index.js';
import { readDraft, ReadError } from './io/read.js';
import { lintDraft, lintFailure } from './lint-draft.js';
import { LinterFactory, type LinterFactoryOptions, type LintOptions, type LintOutput } from './linter.js';
import type { FileResult } from './types.js';

export { Linter, LinterFactory, type LintOptions, type LintOutput, type FixOutput } from './linter.js';
export { resolveConfig, findConfigFile } from './config/load.js';
export { compileConfig } from './config/compile.js';
export { ConfigError, formatProblem } from './config/errors.js';
export { checkTypes } from './checks/index.js';
export { lintFiles, exitCodeOf, BatchError, type LintFilesOptions, type BatchRun, type BatchSummary, type BatchResult } from './batch/run.js';
export { readDraft, ReadError, type Draft } from './io/read.js';
export { lintDraft, type DraftLint, type DraftLintOptions } from './lint-draft.js';
// Word in, Word out: bytes in, bytes out, no file system (the offline page uses them as they are)
export { docxToText, type DocxText } from './io/docx.js';
export { annotateDocx, type AnnotateOptions, type AnnotateResult, type WordComment, type WordChange } from './word/annotate.js';
export { plainDocx } from './word/plain.js';
export { reviewDraft, type Review, type ReviewOptions } from './review-draft.js';
export type * from './types.js';

/** Lints one draft with the configuration found for its path (or the recommended preset). */
export async function lint(text: string, options: LintOptions & LinterFactoryOptions = {}): Promise<LintOutput> {
  const linter = await new LinterFactory(options).forFile(options.filePath, options.format);
  return linter.lint(text, options);
}

/**
 * Reads and lints one draft file (.md, .txt, .docx) exactly as the CLI does: a
 * file that cannot be read, or a draft the linter fails on, is a result with
 * `error`, never a throw (a broken configuration still throws ConfigError).
 */
export async function lintFile(path: string, options: LinterFactoryOptions & Pick<LintOptions, 'reportUnusedDirectives'> = {}): Promise<FileResult> {
  const abs = resolve(options.cwd ?? process.cwd(), path);
  let draft;
  try {
    draft = await readDraft(abs);
  } catch (err) {
    if (err instanceof ReadError) return { filePath: path, diagnostics: [], error: { code: err.code, message: err.message } };
    throw err;
  }
  const linter = await new LinterFactory(options).forFile(abs, formatOf(abs));
  try {
    const { diagnostics, summary } = lintDraft(linter, draft, { filePath: abs, reportUnusedDirectives: options.reportUnusedDirectives });
    return { filePath: path, diagnostics, summary };
  } catch (err) {
    return { filePath: path, diagnostics: [], error: lintFailure(err) };
  }
}

/**
 * For the segmenter benchmark: the best plan item and score of each shortcoming
 * of a draft under plan-answers-shortcomings, with another segmenter swapped in.
 */
export async function matchScoresWith(text: string, segment: (s: string) => string[]): Promise<{ best: number; to: number }[]> {
  const { matchTableFor } = await import('./present/explain-matches.js');
  const linter = await new LinterFactory({ noConfigLookup: true }).forFile(undefined, 'txt');
  const t = matchTableFor(linter, linter.config.builder.build(text, { format: 'txt' }), 'plan-answers-shortcomings', segment);
  return (t?.scores ?? []).map((row) => row.reduce((b, s, j) => (s.score > b.best ? { best: s.score, to: j } : b), { best: -1, to: 0 }));
}
