import { dirname, resolve } from 'node:path';
import { compileConfig, type CompiledConfig } from './config/compile.js';
import { findConfigFile, resolveConfig, type ResolveOptions } from './config/load.js';
import { formatOf, prepareFormat } from './document/index.js';
import { applyFixesOnce, composeEdits, offsetMapper, type FixPolicy, type OffsetEdit } from './engine/fix.js';
import { documentUri, runRules } from './engine/run.js';
import type { Diagnostic, Directive, DocumentFormat, Note, PassEvidence, ReportDocument } from './types.js';

export interface LintOptions {
  filePath?: string;
  format?: DocumentFormat;
  previous?: ReportDocument;
  reportUnusedDirectives?: boolean;
  /** Throw on rule failures instead of reporting internal-error (tests). */
  strict?: boolean;
  /** Collect the checks' evidence (LintOutput.evidence, for summaries); default true; 'presence' without its words. */
  evidence?: boolean | 'presence';
  /** Directives from outside the text: a Word draft's `lawreport-lint-disable` comments (Draft.directives). */
  directives?: readonly Directive[];
  /** What reading the draft found (readNotes in src/io/read.ts), reported with the findings. */
  notes?: readonly Note[];
  /** Link diagnostics to their rule files (codeDescription.href); default true (engine/run.ts says when not). */
  ruleLinks?: boolean;
  /** How a safe fix is applied where the findings are read (engine/run.ts); default the CLI's. */
  fixHint?: string;
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
  /**
   * `output` as edits of the text given (ascending, non-overlapping): what --fix
   * writes into the file's bytes, leaving every other byte as it was.
   */
  edits: OffsetEdit[];
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
      notes: options.notes,
      ruleLinks: options.ruleLinks,
      fixHint: options.fixHint,
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
    const passes: OffsetEdit[][] = [];
    // notes stand at offsets of the text given: the passes lint without them
    const again = { ...options, notes: undefined };
    while (passes.length < 10) {
      const r = applyFixesOnce(current, result.diagnostics, options);
      if (!r.applied.length || r.text === current) break;
      passes.push(r.edits);
      for (const d of r.applied) applied.push(d);
      current = r.text;
      // a rule that stopped at its most findings (a generated draft) would take ten
      // passes over a long text to get nowhere: one pass, and the report says so
      const capped = result.diagnostics.some((d) => d.code === 'too-many-findings');
      result = this.lint(current, again);
      if (capped) break;
    }
    const edits = composeEdits(text.length, passes);
    if (passes.length && options.notes?.length) {
      const to = offsetMapper(edits);
      const notes = options.notes.map((n) => ({ ...n, span: [to(n.span[0]), to(n.span[1])] as const }));
      result = this.lintDocument(result.document, { ...options, notes });
    }
    return { output: current, edits, applied, result, passes: passes.length };
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
