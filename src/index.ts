/**
 * Public API of lawreport-lint.
 *
 *   import { lint, lintFiles } from 'lawreport-lint';
 *   const { diagnostics } = await lint(text, { filePath: 'draft.md' });
 *   for await (const r of lintFiles(['乡镇报告/'], { jobs: 'auto' })) …   // path order
 */
import { LinterFactory, type LinterFactoryOptions, type LintOptions, type LintOutput } from './linter.js';

export { Linter, LinterFactory, type LintOptions, type LintOutput, type FixOutput } from './linter.js';
export { resolveConfig, findConfigFile } from './config/load.js';
export { compileConfig } from './config/compile.js';
export { ConfigError, formatProblem } from './config/errors.js';
export { checkTypes } from './checks/index.js';
export { lintFiles, exitCodeOf, BatchError, type LintFilesOptions, type BatchRun, type BatchSummary, type BatchResult } from './batch/run.js';
export { readDraft, ReadError, type Draft } from './io/read.js';
// Word in, Word out: bytes in, bytes out, no file system (the offline page uses them as they are)
export { docxToText, type DocxText } from './io/docx.js';
export { annotateDocx, type AnnotateOptions, type AnnotateResult, type WordComment, type WordChange } from './word/annotate.js';
export { plainDocx } from './word/plain.js';
export type * from './types.js';

/** Lints one draft with the configuration found for its path (or the recommended preset). */
export async function lint(text: string, options: LintOptions & LinterFactoryOptions = {}): Promise<LintOutput> {
  const linter = await new LinterFactory(options).forFile(options.filePath, options.format);
  return linter.lint(text, options);
}

/**
 * For the segmenter benchmark: the best plan item and score of each shortcoming
 * of a draft under plan-answers-shortcomings, with another segmenter swapped in.
 */
export async function matchScoresWith(text: string, segment: (s: string) => string[]): Promise<{ best: number; to: number }[]> {
  const { matchTableFor } = await import('./cli/explain-matches.js');
  const linter = await new LinterFactory({ noConfigLookup: true }).forFile(undefined, 'txt');
  const t = matchTableFor(linter, linter.config.builder.build(text, { format: 'txt' }), 'plan-answers-shortcomings', segment);
  return (t?.scores ?? []).map((row) => row.reduce((b, s, j) => (s.score > b.best ? { best: s.score, to: j } : b), { best: -1, to: 0 }));
}
