/**
 * lintFiles: the batch API behind the CLI. Discovers drafts (folders, globs,
 * files), checks the configurations once, pairs drafts with last year's
 * reports, and lints on a worker pool; results arrive in path order, one at a
 * time, so a caller can stream them (jsonl) or collect them (json, tables).
 *
 *   for await (const r of lintFiles(['乡镇报告/'], { jobs: 'auto' })) …
 *   const results = await lintFiles(['乡镇报告/']).results();
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatOf } from '../document/index.js';
import { sha256 } from '../io/hash.js';
import { rawPathsFor } from '../io/raw-paths.js';
import { CONVERTIBLE_EXTENSIONS, DRAFT_EXTENSIONS, readDraftBytes, decodeDraft, ReadError } from '../io/read.js';
import type { ResolvedConfig } from '../config/load.js';
import type { FileResult, SummaryUse } from '../types.js';
import { LinterFactory, type Linter, type LinterFactoryOptions } from '../linter.js';
import { DEFAULT_CACHE_LOCATION, ResultCache } from './cache.js';
import { discover, type IgnoredFile } from './discover.js';
import type { BatchResult, FileLinterInit, FileTask } from './lint-file.js';
import { defaultWorkerFile, resolveJobs, runTasks, WorkerPool } from './pool.js';
import { unitInfo, unitVocabulary, type UnitInfo } from './previous.js';

export type { BatchResult } from './lint-file.js';

export interface LintFilesOptions extends LinterFactoryOptions {
  /** Worker threads: a number, or 'auto' (all cores, fewer for a handful of drafts). Default 'auto'. */
  jobs?: number | 'auto';
  /** Reuse results of unchanged drafts (same bytes, configuration and tool version). */
  cache?: boolean;
  /** The cache folder, relative to cwd (default .lawreport-lint-cache). */
  cacheLocation?: string;
  /** Last year's reports (a file or a folder), for rules that compare with them. */
  previous?: string;
  reportUnusedDirectives?: boolean;
  /** Link diagnostics to their rule files (codeDescription.href, default true): off for reports that leave the machine. */
  ruleLinks?: boolean;
  /** Errors only. */
  quiet?: boolean;
  /** Check drafts that an `ignore` pattern of a configuration leaves out (--no-ignore). */
  noIgnore?: boolean;
  /** Drafts larger than this many bytes are refused, each in one line (default 1 MB, src/io/file.ts). */
  maxDraftBytes?: number;
  /**
   * Whether results carry `summary` (organ, year, parts, quotes): default true.
   * json and stylish do not read it; leaving it out, and the checks' evidence
   * with it, saves ~4% of a batch; jsonl reads only the verdicts. With --cache it
   * is always made whole, so cached results serve every format.
   */
  summary?: SummaryUse;
  /** The quotes of each finding (default as `summary`: jsonl reads none, stylish only them). With --cache they are always made. */
  quotes?: boolean;
  /**
   * Once the drafts are found and the configurations checked, before any linting:
   * with the drafts' absolute paths, and the configuration files read. Throwing
   * stops the batch.
   */
  onStart?: (summary: Readonly<BatchSummary>, files: readonly string[], configFiles: readonly string[]) => void;
  /** After each result: drafts done, total, and the draft the batch waits for next. */
  onProgress?: (done: number, total: number, current: string) => void;
  /** The worker script (default dist/worker.js of this package). */
  workerFile?: string;
}

export interface BatchSummary {
  files: number;
  /** Files that could not be read or parsed (exit code 2). */
  unreadable: number;
  errors: number;
  warnings: number;
  cached: number;
  /** Inputs that named nothing to check, with the reason (exit code 2). */
  problems: { input: string; message: string }[];
  /** Drafts an `ignore` pattern left out (named ones, and those beside drafts that were checked). */
  ignored: IgnoredFile[];
  /** --previous: drafts for which no report of the year before was found (listed, not failed). */
  unpaired: string[];
  /** --previous: last year's reports that could not be read (they pair with nothing). */
  previousProblems: { input: string; message: string }[];
}

/** A usage problem found before linting (a cache folder that cannot be made, …): exit code 2. */
export class BatchError extends Error {}

export interface BatchRun extends AsyncIterable<BatchResult> {
  /** Totals so far; complete once the results have all been read. */
  readonly summary: BatchSummary;
  /** Reads every result (path order). */
  results(): Promise<BatchResult[]>;
}

export function lintFiles(paths: readonly string[], options: LintFilesOptions = {}): BatchRun {
  const summary: BatchSummary = { files: 0, unreadable: 0, errors: 0, warnings: 0, cached: 0, problems: [], ignored: [], unpaired: [], previousProblems: [] };
  let started = false;
  const iterate = (): AsyncGenerator<BatchResult> => {
    if (started) throw new Error('lintFiles: a batch can be read only once');
    started = true;
    return generate(paths, options, summary);
  };
  return {
    summary,
    [Symbol.asyncIterator]: iterate,
    async results() {
      const out: BatchResult[] = [];
      for await (const r of iterate()) out.push(r);
      return out;
    },
  };
}

/** 2 if any file could not be read or an input named nothing, else 1 for errors (or too many warnings), else 0. */
export function exitCodeOf(s: Pick<BatchSummary, 'unreadable' | 'errors' | 'warnings' | 'problems'>, maxWarnings?: number): 0 | 1 | 2 {
  if (s.unreadable || s.problems.length) return 2;
  if (s.errors) return 1;
  if (maxWarnings !== undefined && s.warnings > maxWarnings) return 1;
  return 0;
}

/** Finds the files named by `inputs`, each shown as the user wrote it (relative stays relative). */
function discoverFrom(cwd: string, inputs: readonly string[], extensions: string[], ignoredBy: (abs: string) => string | undefined) {
  const found = discover([...inputs], extensions, (p) => ignoredBy(resolve(cwd, p)), cwd, extensions.filter((x) => DRAFT_EXTENSIONS.includes(x)));
  return { files: found.files.map((display) => ({ abs: resolve(cwd, display), display })), problems: found.problems, ignored: found.ignored };
}

async function* generate(paths: readonly string[], options: LintFilesOptions, summary: BatchSummary): AsyncGenerator<BatchResult> {
  const cwd = options.cwd ?? process.cwd();
  const factoryOptions: LinterFactoryOptions = {
    cwd, configFile: options.configFile, preset: options.preset, ruleOverrides: options.ruleOverrides, noConfigLookup: options.noConfigLookup,
  };
  // Start the workers now, so they load while this thread reads the configuration;
  // how many depends on how many drafts there are (a quick count, before ignores),
  // counted only when it can change that (on 2 cores auto means one thread anyway).
  const workerFile = options.workerFile ?? defaultWorkerFile();
  const most = resolveJobs(options.jobs, Number.MAX_SAFE_INTEGER);
  const expected = workerFile && most > 1 ? resolveJobs(options.jobs, discoverFrom(cwd, paths, [...DRAFT_EXTENSIONS, ...CONVERTIBLE_EXTENSIONS], () => undefined).files.length) : 1;
  const pool = workerFile && expected > 1 ? new WorkerPool(workerFile, expected) : undefined;
  try {
    yield* lintAll(paths, options, summary, cwd, factoryOptions, pool);
  } finally {
    await pool?.close();
  }
}

async function* lintAll(
  paths: readonly string[], options: LintFilesOptions, summary: BatchSummary, cwd: string,
  factoryOptions: LinterFactoryOptions, pool: WorkerPool | undefined,
): AsyncGenerator<BatchResult> {
  const factory = new LinterFactory(factoryOptions);
  const base = await factory.forFile(undefined, 'txt');
  const ignoredBy = (linter: Linter, abs: string) => (options.noIgnore ? undefined : linter.config.ignoredBy(abs));
  const found = discoverFrom(cwd, paths, [...DRAFT_EXTENSIONS, ...CONVERTIBLE_EXTENSIONS], (abs) => ignoredBy(base, abs));
  summary.problems.push(...found.problems);
  summary.ignored.push(...found.ignored);
  summary.files = found.files.length;

  // Every configuration the drafts use is compiled here first, so a broken
  // .lawreport-lint.yaml in one township's folder is reported before any output.
  // The workers receive them resolved.
  const dirs = new Map<string, Linter>();
  const configs = new Map<string, ResolvedConfig>();
  for (const f of found.files) {
    const dir = dirname(f.abs);
    if (dirs.has(dir)) continue;
    const linter = await factory.forFile(f.abs, formatOf(f.abs));
    dirs.set(dir, linter);
    const key = factory.configFileFor(f.abs) ?? '';
    if (!configs.has(key)) configs.set(key, linter.config.resolved);
  }
  // A township folder's own .lawreport-lint.yaml may ignore files too, not only the
  // config of the folder the run starts from.
  found.files = found.files.filter((f) => {
    const pattern = ignoredBy(dirs.get(dirname(f.abs))!, f.abs);
    if (pattern !== undefined) summary.ignored.push({ path: f.display, pattern });
    return pattern === undefined;
  });
  summary.files = found.files.length;

  const init: FileLinterInit = {
    factory: factoryOptions, configs: [...configs].map(([key, { host: _disk, ...portable }]) => [key, portable]), reportUnusedDirectives: options.reportUnusedDirectives, ruleLinks: options.ruleLinks,
    maxDraftBytes: options.maxDraftBytes, rawPaths: rawPathsFor(found.files.map((f) => f.abs)),
    summary: options.cache ? true : options.summary ?? true,
    quotes: options.cache ? true : options.quotes,
  };
  if (options.cache) {
    const dir = resolve(cwd, options.cacheLocation ?? DEFAULT_CACHE_LOCATION);
    try {
      ResultCache.open(dir);
    } catch (err) {
      throw new BatchError((err as Error).message);
    }
    init.cacheDir = dir;
  }
  if (options.previous !== undefined) {
    init.previous = await indexPrevious(cwd, options.previous, factory, summary, options.maxDraftBytes);
  }

  const tasks: FileTask[] = found.files.map((f, index) => ({ index, path: f.abs, display: f.display }));
  const jobs = resolveJobs(options.jobs, tasks.length);
  let done = 0;
  options.onStart?.(summary, tasks.map((t) => t.path), [...configs.values()].flatMap((c) => c.files));
  options.onProgress?.(0, tasks.length, tasks[0]?.display ?? '');
  for await (const r of runTasks(tasks, { jobs, init, pool, workerFile: options.workerFile })) {
    const result = options.quiet ? errorsOnly(r) : r;
    if (result.error) summary.unreadable++;
    // counted before --quiet leaves them out: --max-warnings still holds
    for (const d of r.diagnostics) {
      if (d.severity === 1) summary.errors++;
      else if (d.severity === 2) summary.warnings++;
    }
    if (result.cached) summary.cached++;
    if (result.previous === null) summary.unpaired.push(result.filePath);
    done++;
    options.onProgress?.(done, tasks.length, tasks[done]?.display ?? result.filePath);
    yield result;
  }
}

/** --quiet: errors only (with how many others were left out), the summary's quotes and contexts kept parallel to the diagnostics. */
export function errorsOnly<R extends FileResult>(r: R): R {
  if (r.diagnostics.every((d) => d.severity === 1)) return r;
  const keep = r.diagnostics.map((d) => d.severity === 1);
  const diagnostics = r.diagnostics.filter((_, i) => keep[i]);
  return {
    ...r,
    diagnostics,
    hidden: r.diagnostics.length - diagnostics.length,
    ...(r.summary ? { summary: { ...r.summary, quotes: r.summary.quotes.filter((_, i) => keep[i]), contexts: r.summary.contexts?.filter((_, i) => keep[i]) } } : {}),
  };
}

/** Reads last year's reports once: who each is (organ, file name, year), and a key of their contents for the cache. */
async function indexPrevious(cwd: string, input: string, factory: LinterFactory, summary: BatchSummary, maxBytes?: number): Promise<{ units: UnitInfo[]; key: string }> {
  // a mistyped --previous is a usage error (exit 2), not a report that pairs with nothing
  if (!existsSync(resolve(cwd, input)) && !/[*?[{]/.test(input)) {
    summary.problems.push({ input: `--previous ${input}`, message: '找不到这个文件或文件夹，请检查上一年度报告的路径' });
    return { units: [], key: '' };
  }
  const found = discoverFrom(cwd, [input], DRAFT_EXTENSIONS, () => undefined);
  summary.problems.push(...found.problems.map((p) => ({ input: `--previous ${p.input}`, message: p.message })));
  const units: UnitInfo[] = [];
  const hash = sha256();
  for (const f of found.files) {
    try {
      const bytes = await readDraftBytes(f.abs, maxBytes);
      const draft = await decodeDraft(f.abs, bytes, maxBytes);
      const format = formatOf(f.abs);
      const linter = await factory.forFile(f.abs, format);
      units.push(unitInfo(f.abs, linter.config.builder.build(draft.text, { path: f.abs, format }), unitVocabulary(linter.config.resolved.lexicons)));
      hash.update(f.abs).update('\0').update(bytes).update('\0');
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      summary.previousProblems.push({ input: f.display, message: err.message });
    }
  }
  return { units, key: hash.digest('hex') };
}
