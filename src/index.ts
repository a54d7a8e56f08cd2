/**
 * Public API of lawreport-lint.
 *
 *   import { lint } from 'lawreport-lint';
 *   const { diagnostics } = await lint(text, { filePath: 'draft.md' });
 */
import { LinterFactory, type LinterFactoryOptions, type LintOptions, type LintOutput } from './linter.js';

export { Linter, LinterFactory, type LintOptions, type LintOutput, type FixOutput } from './linter.js';
export { resolveConfig, findConfigFile } from './config/load.js';
export { compileConfig } from './config/compile.js';
export { ConfigError, formatProblem } from './config/errors.js';
export { checkTypes } from './checks/index.js';
export type * from './types.js';

/** Lints one draft with the configuration found for its path (or the recommended preset). */
export async function lint(text: string, options: LintOptions & LinterFactoryOptions = {}): Promise<LintOutput> {
  const linter = await new LinterFactory(options).forFile(options.filePath, options.format);
  return linter.lint(text, options);
}
