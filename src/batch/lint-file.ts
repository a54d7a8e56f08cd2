/**
 * Lints one file of a batch: read, (cache), decode, pair with last year's
 * report, lint, summarise. The same code runs in each worker thread and, for
 * one job, in the main thread, so both give identical results.
 */
import { dirname } from 'node:path';
import { compileConfig } from '../config/compile.js';
import { ConfigError } from '../config/errors.js';
import type { ResolvedConfig } from '../config/load.js';
import { nodeHost } from '../config/node-host.js';
import { formatOf, prepareFormat } from '../document/index.js';
import { registerRawPaths } from '../io/raw-paths.js';
import { readDraft, ReadError } from '../io/read.js';
import { firstLine, lintDraft, lintFailure, type DraftLint } from '../lint-draft.js';
import { Linter, LinterFactory, type LinterFactoryOptions } from '../linter.js';
import type { DocumentFormat, FileResult, ReportDocument, SummaryUse } from '../types.js';
import { configKey, ResultCache } from './cache.js';
import { readOutcome, type ReadOutcome } from './read-ahead.js';
import { pairPrevious, unitInfo, unitVocabulary, type UnitInfo } from './previous.js';

/** A resolved configuration as it crosses to a worker: without its host (functions do not clone); a worker reads the disk. */
export type PortableConfig = Omit<ResolvedConfig, 'host'>;

/** What a worker needs to start: plain data (structured-cloned into each worker). */
export interface FileLinterInit {
  factory: LinterFactoryOptions;
  /**
   * Configurations the main thread already resolved and checked, by config file
   * ('' = none found): a worker compiles them without reading YAML or running
   * the schema validator again, which would cost more than a hundred drafts.
   */
  configs?: [configFile: string, resolved: PortableConfig][];
  reportUnusedDirectives?: boolean;
  /** Link diagnostics to their rule files (default true). */
  ruleLinks?: boolean;
  /** Make each result's summary (what table, html, checklist… read), or only its verdicts; default true. */
  summary?: SummaryUse;
  /** With the summary, the quotes of each finding (default: lintDraft's, as the summary). */
  quotes?: boolean;
  /** Drafts larger than this are refused (src/io/file.ts has the default). */
  maxDraftBytes?: number;
  /** File names that are not UTF-8, with the bytes to open them by (src/io/raw-paths.ts). */
  rawPaths?: [string, Uint8Array][];
  /** Folder of the --cache store; no caching when absent. */
  cacheDir?: string;
  /** --previous: last year's reports, and a key of their contents for the cache. */
  previous?: { units: UnitInfo[]; key: string };
}

export interface FileTask {
  index: number;
  /** Absolute path, for reading and config lookup. */
  path: string;
  /** The path as the user sees it (as given or discovered): the result's filePath. */
  display: string;
}

/** A file's result plus what the batch needs to know about how it was made. */
export interface BatchResult extends FileResult {
  cached?: boolean;
}

export class FileLinter {
  private readonly factory: LinterFactory;
  private readonly cache?: ResultCache;
  private readonly configKeys = new WeakMap<Linter, string>();
  private readonly resolved: Map<string, PortableConfig>;
  private readonly linters = new Map<string, Promise<Linter>>();
  private readonly configFiles = new Map<string, string>();

  constructor(readonly init: FileLinterInit) {
    this.factory = new LinterFactory(init.factory);
    registerRawPaths(init.rawPaths);
    this.resolved = new Map(init.configs ?? []);
    if (init.cacheDir) this.cache = new ResultCache(init.cacheDir);
  }

  /** The linter for a file: from a configuration resolved by the main thread when there is one. */
  private async linterFor(path: string, format: DocumentFormat): Promise<Linter> {
    const dir = dirname(path);
    let key = this.configFiles.get(dir);
    if (key === undefined) this.configFiles.set(dir, (key = this.factory.configFileFor(path) ?? ''));
    const resolved = this.resolved.get(key);
    if (!resolved) return this.factory.forFile(path, format);
    await prepareFormat(format);
    let linter = this.linters.get(key);
    if (!linter) {
      linter = compileConfig({ ...resolved, host: nodeHost }).then((c) => new Linter(c));
      this.linters.set(key, linter);
    }
    return linter;
  }

  /** Whether a draft must be read with its bytes (the cache key hashes them). */
  get needsBytes(): boolean {
    return !!this.cache;
  }

  /**
   * Never throws for a bad file (the batch goes on); throws ConfigError for a
   * broken configuration. `read`: the draft as a reading thread already read it.
   */
  async lint(task: FileTask, read?: ReadOutcome): Promise<BatchResult> {
    // messages name the file as the user wrote it (a conversion command to copy must work from their folder)
    const failed = (code: string, message: string): BatchResult => ({
      filePath: task.display, diagnostics: [], error: { code, message: message.split(task.path).join(task.display) },
    });
    let outcome: ReadOutcome;
    try {
      outcome = read ?? (await readOutcome(task.index, task.path, this.needsBytes, this.init.maxDraftBytes));
    } catch (err) {
      // a defect in reading one draft (a .docx the converter chokes on) is that draft's, not the batch's
      return failed('read-failed', `无法读取这份稿件（${firstLine(err)}）；这是 lawreport-lint 的缺陷，请附上稿件报告问题`);
    }
    if ('error' in outcome) return failed(outcome.error.code, outcome.error.message);
    const { draft, bytes } = outcome;
    const format = formatOf(task.path);
    const linter = await this.linterFor(task.path, format);

    let key: string | undefined;
    if (this.cache && bytes) {
      let ck = this.configKeys.get(linter);
      if (!ck) this.configKeys.set(linter, (ck = configKey(linter.config)));
      key = ResultCache.key({
        config: ck, bytes, path: task.path,
        options: { unused: !!this.init.reportUnusedDirectives, previous: this.init.previous?.key ?? null, links: this.init.ruleLinks !== false },
      });
      const hit = this.cache.get(task.path, key);
      if (hit) return { filePath: task.display, ...hit, cached: true };
    }

    let linted: DraftLint;
    let previous: string | null | undefined;
    try {
      // built once: pairing with last year's report reads its title, then the rules run on it
      const document = linter.config.builder.build(draft.text, { path: task.path, format, directives: draft.directives });
      let previousDoc: ReportDocument | undefined;
      if (this.init.previous) {
        const match = pairPrevious(unitInfo(task.path, document, unitVocabulary(linter.config.resolved.lexicons)), this.init.previous.units);
        previousDoc = match && (await this.readPrevious(match.path));
        previous = previousDoc ? match!.path : null;
      }
      linted = lintDraft(linter, draft, {
        filePath: task.path, document, previous: previousDoc,
        reportUnusedDirectives: this.init.reportUnusedDirectives, ruleLinks: this.init.ruleLinks, summary: this.init.summary ?? true, quotes: this.init.quotes,
      });
    } catch (err) {
      if (err instanceof ConfigError) throw err;
      // a defect in the model builder must not stop the other 59 townships
      const f = lintFailure(err);
      return failed(f.code, f.message);
    }
    const { diagnostics, summary } = linted;

    const result = { diagnostics, ...(summary ? { summary } : {}), ...(previous !== undefined ? { previous } : {}) };
    if (this.cache && key) this.cache.set(task.path, key, result);
    return { filePath: task.display, ...result };
  }

  private async readPrevious(path: string): Promise<ReportDocument | undefined> {
    try {
      const draft = await readDraft(path, this.init.maxDraftBytes);
      const format = formatOf(path);
      const linter = await this.linterFor(path, format);
      return linter.config.builder.build(draft.text, { path, format });
    } catch (err) {
      if (err instanceof ReadError) return undefined; // listed as unpaired; the index read it once already
      throw err;
    }
  }
}
