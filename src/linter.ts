import { dirname, resolve } from 'node:path';
import { compileConfig, type CompiledConfig } from './config/compile.js';
import { findConfigFile, resolveConfig, type ResolveOptions } from './config/load.js';
import { formatOf, prepareFormat } from './document/index.js';
import { applyFixesOnce, type FixPolicy } from './engine/fix.js';
import { documentUri, runRules } from './engine/run.js';
import type { Diagnostic, Directive, DocumentFormat, PassEvidence, ReportDocument } from './types.js';

export interface LintOptions {
  filePath?: string;
  format?: DocumentFormat;
  previous?: ReportDocument;
  reportUnusedDirectives?: boolean;
  /** Throw on rule failures instead of reporting internal-error (tests). */
  strict?: boolean;
  /** Collect the checks' evidence (LintOutput.evidence, for summaries); default true. */
  evidence?: boolean;
  /** Directives from outside the text: a Word draft's `lawreport-lint-disable` comments (Draft.directives). */
  directives?: readonly Directive[];
}

export interface LintOutput {
  diagnostics: Diagnostic[];
  document: ReportDocument;
  /** The draft's URI, as its findings' related locations name it. */
  uri: string;
  evidence: { rule: string; evidence: PassEvidence[] }[];
}

export interface FixOutput {
  output: string;
  /** The fixes applied, across all passes. */
  applied: Diagnostic[];
  /** What remains after fixing. */
  result: LintOutput;
  passes: number;
}

/** A compiled configuration ready to lint any number of drafts. Synchronous once prepared. */
export class Linter {
  constructor(readonly config: CompiledConfig) {}

  lint(text: string, options: LintOptions = {}): LintOutput {
    const format = options.format ?? formatOf(options.filePath);
    return this.lintDocument(this.config.builder.build(text, { path: options.filePath, format, directives: options.directives }), options);
  }

  /** Runs the rules over a model already built with this linter's builder (one parse per draft). */
  lintDocument(document: ReportDocument, options: LintOptions = {}): LintOutput {
    const { fileUrl } = this.config.resolved.host;
    const { diagnostics, evidence } = runRules(document, this.config.rulesFor(options.filePath), {
      previous: options.previous,
      reportUnusedDirectives: options.reportUnusedDirectives,
      strict: options.strict,
      evidence: options.evidence,
      fileUrl,
    });
    return { diagnostics, document, uri: documentUri(document, fileUrl), evidence };
  }

  /**
   * Applies fixes, re-linting after each pass until nothing changes (at most 10
   * passes). `linted`: the lint of `text` with these options, when the caller has it.
   */
  fix(text: string, options: LintOptions & FixPolicy = {}, linted?: LintOutput): FixOutput {
    let current = text;
    const applied: Diagnostic[] = [];
    let result = linted ?? this.lint(current, options);
    let passes = 0;
    while (passes < 10) {
      const r = applyFixesOnce(current, result.diagnostics, options);
      if (!r.applied.length || r.text === current) break;
      passes++;
      applied.push(...r.applied);
      current = r.text;
      result = this.lint(current, options);
    }
    return { output: current, applied, result, passes };
  }
}

export interface LinterFactoryOptions extends ResolveOptions {
  /** Do not look for .lawreport-lint.yaml (e.g. --no-config-lookup). */
  noConfigLookup?: boolean;
}

/**
 * Finds and caches one Linter per configuration file: drafts in different
 * folders may have different .lawreport-lint.yaml files.
 */
export class LinterFactory {
  private readonly cache = new Map<string, Promise<Linter>>();
  constructor(readonly options: LinterFactoryOptions = {}) {}

  configFileFor(filePath?: string): string | undefined {
    if (this.options.configFile) return resolve(this.options.cwd ?? process.cwd(), this.options.configFile);
    if (this.options.noConfigLookup) return undefined;
    return findConfigFile(filePath ? dirname(resolve(this.options.cwd ?? process.cwd(), filePath)) : this.options.cwd ?? process.cwd());
  }

  async forFile(filePath?: string, format?: DocumentFormat): Promise<Linter> {
    await prepareFormat(format ?? formatOf(filePath));
    const configFile = this.configFileFor(filePath);
    const key = configFile ?? '';
    let p = this.cache.get(key);
    if (!p) {
      p = resolveConfig({ ...this.options, configFile }).then(compileConfig).then((c) => new Linter(c));
      this.cache.set(key, p);
      p.catch(() => this.cache.delete(key));
    }
    return p;
  }

  /** Forget cached configurations (the LSP calls this when a config file changes). */
  invalidate(): void {
    this.cache.clear();
  }
}
