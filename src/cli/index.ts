import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { discover, ignoredNotice } from '../batch/discover.js';
import { createProgress } from '../batch/progress.js';
import { BatchError, errorsOnly, exitCodeOf, lintFiles, type BatchResult } from '../batch/run.js';
import { stdoutWriter } from './stdout.js';
import { tuneV8ForBatch, TUNE_FROM_DRAFTS } from './v8-tuning.js';
import { checkTypes } from '../checks/index.js';
import { ConfigError, formatProblem } from '../config/errors.js';
import { formatOf } from '../document/index.js';
import { documentJson, printDocument } from '../formatters/document.js';
import { formatterNames, loadFormat, reportContext, whole, type FormatContext, type ReportSink, type ReportWriter } from '../formatters/index.js';
import { visibleLines } from '../formatters/terminal.js';
import { fixCommandFor } from './shell.js';
import { DEFAULT_MAX_DRAFT_BYTES } from '../io/limits.js';
import { fileSpool } from '../batch/spool.js';
import { decodeDraft, DRAFT_EXTENSIONS, readDraft, readDraftFile, ReadError, type Draft, type DraftFile } from '../io/read.js';
import { saveFixedDraft } from '../io/save-fix.js';
import { AtomicOutput, outputTarget, writeFileAtomic, WriteRefused } from '../io/write.js';
import { firstLine, lintDraft, type DraftLint } from '../lint-draft.js';
import { LinterFactory, type FixOutput, type Linter } from '../linter.js';
import type { FileResult, ReportDocument } from '../types.js';
import { byRule, changeList } from './changes.js';
import { painter } from '../formatters/context.js';
import { loadCompare } from './compare.js';
import { explainMatches } from '../present/explain-matches.js';
import { explainRule, explainType, listRules } from '../present/explain.js';
import { parseArgs, type CliOptions } from './program.js';
import { VERSION } from '../present/version.js';
// not loaded on demand: it needs only what every run loads, and a chunk of its own is one more file at start-up
import { webCommand } from './web.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input, at most `maxBytes` + 1 bytes of it (a larger input is refused, not read to its end). */
  stdin: (maxBytes: number) => Promise<Buffer>;
  cwd: string;
  /** Colour only when stdout is a terminal… */
  isTTY: boolean;
  /** …unless FORCE_COLOR or NO_COLOR says otherwise (true: colour, false: none). */
  colorEnv?: boolean;
  /** The progress line only when stderr is a terminal. */
  stderrIsTTY?: boolean;
  /** Terminal width, for the progress line. */
  columns?: number;
}

export function processIO(): CliIO {
  return {
    stdout: stdoutWriter(),
    stderr: (s) => process.stderr.write(s),
    stdin: async (maxBytes) => {
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const c of process.stdin) {
        chunks.push(c as Buffer);
        // /dev/zero on stdin would grow without end: stop just past the limit
        if ((total += (c as Buffer).length) > maxBytes) {
          process.stdin.destroy();
          break;
        }
      }
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    isTTY: !!process.stdout.isTTY,
    colorEnv: colorFromEnv(process.env),
    stderrIsTTY: !!process.stderr.isTTY,
    columns: process.stderr.columns,
  };
}

/** Runs the CLI; returns the exit code (0 clean, 1 errors, 2 usage/config/read failure). */
export async function main(argv: string[], given: CliIO = processIO()): Promise<number> {
  // every message on stderr quotes file names, paths, patterns or YAML: their control
  // characters are shown as escapes, never obeyed by the terminal (the progress line
  // writes its own escapes and makes the file name it shows visible itself)
  const io: CliIO = { ...given, stderr: (s) => given.stderr(visibleLines(s)) };
  const parsed = parseArgs(argv, { out: io.stdout, err: io.stderr }, VERSION);
  if (parsed.kind === 'exit') return parsed.code;
  if (parsed.kind === 'lsp') {
    const { startServer } = await import('../lsp/server.js');
    return startServer(parsed.args);
  }
  if (parsed.kind === 'web') return webCommand(parsed.args, io);
  try {
    return await run(parsed.options, io, given.stderr);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`${err.problems.map(formatProblem).join('\n\n')}\n\n配置有 ${err.problems.length} 个问题，未进行检查。\n`);
      return 2;
    }
    // a file system failure (a full disk, a folder without write permission) is one line, not a stack trace
    const sys = err as NodeJS.ErrnoException;
    if (sys && typeof sys.code === 'string' && typeof sys.syscall === 'string') {
      io.stderr(`lawreport-lint: 无法读写 ${sys.path ? dirname(sys.path) : '文件'}：${systemReason(sys.code)}\n`);
      return 2;
    }
    throw err;
  }
}

/**
 * FORCE_COLOR (any value but 0 or false) asks for colour, NO_COLOR (any value) for none
 * (https://no-color.org; FORCE_COLOR wins, as in Node and chalk); undefined: neither is set.
 */
export function colorFromEnv(env: NodeJS.ProcessEnv): boolean | undefined {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !/^(0|false)$/i.test(force.trim());
  if (env.NO_COLOR) return false;
  return undefined;
}

/** Colour for people at a terminal (not into -o), as the environment or --no-color decides. */
function colored(o: CliOptions, io: CliIO): boolean {
  return o.color && (io.colorEnv ?? (io.isTTY && !o.output));
}

/** What every report is written with: colour, paths, the fix command, and the rules and vocabulary of the configuration. */
function formatContext(o: CliOptions, io: CliIO, linter: Linter): FormatContext {
  return { color: colored(o, io), terminal: io.isTTY && !o.output, cwd: io.cwd, fixCommand: (files) => fixCommandFor(files), ...reportContext(linter.config.resolved) };
}

/**
 * Formats that write no colour (csv, html, junit…) printed to a terminal: their
 * text is the draft's, so control characters are shown as escapes there too. The
 * terminal formats make their own fields visible; JSON escapes them itself.
 */
function terminalFilter(o: CliOptions, io: CliIO): (s: string) => string {
  return io.isTTY && !o.output && !['stylish', 'compact', 'table', 'checklist', 'json', 'jsonl', 'sarif', 'xlsx'].includes(o.format) ? visibleLines : (s) => s;
}

async function run(o: CliOptions, io: CliIO, rawStderr: (s: string) => void): Promise<number> {
  const factory = new LinterFactory({
    cwd: io.cwd, configFile: o.config, preset: o.preset, ruleOverrides: o.rule, noConfigLookup: !o.configLookup,
  });
  const abs = (p: string) => resolve(io.cwd, p);

  if (o.output && !isFolder(dirname(abs(o.output)))) {
    io.stderr(`lawreport-lint: 无法写入 -o ${o.output}：文件夹 ${dirname(o.output)} 不存在；请先创建它，或换一个输出路径\n`);
    return 2;
  }
  if (!formatterNames.includes(o.format)) {
    io.stderr(`lawreport-lint: 没有 “${o.format}” 这种输出格式；可用：${formatterNames.join(', ')}\n`);
    return 2;
  }
  if (o.format === 'xlsx' && !o.output) {
    io.stderr('lawreport-lint: xlsx 是 Excel 文件，不能输出到终端；请用 -o 指定文件，如 -o 汇总.xlsx（或用 --output-dir 一并生成各单位的审核意见和汇总.xlsx）\n');
    return 2;
  }
  if (o.listRules || o.explain) {
    const linter = await factory.forFile(undefined, 'txt');
    if (o.listRules) io.stdout(listRules(linter.config));
    if (o.explain) {
      const def = linter.config.resolved.rules.get(o.explain);
      const text = def ? explainRule(def, linter.config.resolved.settings.get(def.id)?.severity ?? 'off') : explainType(o.explain);
      if (!text) {
        const { didYouMean } = await import('../config/errors.js');
        const guess = didYouMean(o.explain, [...linter.config.resolved.rules.keys(), ...Object.keys(checkTypes)]);
        io.stderr(`lawreport-lint: 没有 “${o.explain}” 这条规则或规则类型${guess ? `；是否想写 “${guess}”？` : ''}（用 --list-rules 查看全部规则）\n`);
        return 2;
      }
      io.stdout(text);
    }
    return 0;
  }
  if (o.testRules) return (await import('./test-rules.js')).testRules(o.testRules, io, factory, colored(o, io));
  if (o.init) return (await import('./init.js')).init(io);
  if (o.explainMatches) {
    const m = await modelOf(o.explainMatches, o, io, factory);
    if (typeof m === 'number') return m;
    io.stdout(explainMatches(m.linter, m.doc));
    if (o.previous) {
      // and why previous-plan-followed reports what it does: last year's plan against this year's achievements
      const { previousReportFor } = await import('./previous-for.js');
      const prev = await previousReportFor(o.explainMatches, m.doc, o.previous, io.cwd, factory);
      if ('problem' in prev) {
        io.stderr(`lawreport-lint: ${prev.problem}\n`);
        return 2;
      }
      io.stdout(`\n对照的上一年度报告：${prev.path}\n${explainMatches(m.linter, m.doc, 'previous-plan-followed', prev.doc)}`);
    }
    return 0;
  }
  if (o.printConfig) {
    const linter = await factory.forFile(abs(o.printConfig));
    const r = linter.config.resolved;
    // what linting this file applies: the config's `overrides` for its path included
    const { settings, overrides } = linter.config.settingsFor(abs(o.printConfig));
    const fromOverride = (id: string) => overrides.filter((i) => r.overrides[i].rules.has(id)).pop();
    const rules = Object.fromEntries(
      [...r.rules.keys()].sort().map((id) => {
        const s = settings.get(id);
        const i = fromOverride(id);
        const from = i === undefined ? r.origins.get(id) ?? '默认关闭' : `${r.configFile} overrides[${i}]（files: ${r.overrides[i].files.join(', ')}）`;
        return [id, { severity: s?.severity ?? 'off', ...(s && Object.keys(s.options).length ? { options: s.options } : {}), from }];
      }),
    );
    const reportKind = { value: r.reportKind, from: r.reportKindFrom ?? '默认（从标题中的发文机关判断）' };
    io.stdout(JSON.stringify({ configFile: r.configFile ?? null, files: r.files, ignore: r.ignore.patterns, reportKind, rules }, null, 2) + '\n');
    return 0;
  }
  if (o.printDocument) {
    const m = await modelOf(o.printDocument, o, io, factory);
    if (typeof m === 'number') return m;
    const labels = Object.fromEntries(m.linter.config.builder.vocabulary.parts.map((p) => [p.kind, p.short]));
    io.stdout(o.format === 'json' ? documentJson(m.doc) : printDocument(m.doc, labels));
    return 0;
  }

  if (!o.paths.length) {
    io.stderr('lawreport-lint: 请给出要检查的稿件或文件夹，例如：lawreport-lint 报告.md（用 --help 查看用法）\n');
    return 2;
  }
  if (o.paths.includes('-') && o.paths.length > 1) {
    io.stderr('lawreport-lint: 标准输入（-）不能和其他文件一起检查\n');
    return 2;
  }

  if (o.annotate) {
    const { annotateDrafts } = await import('./annotate.js');
    return annotateDrafts(o, io, factory);
  }

  // Checking goes through the batch pipeline (workers, cache, --previous); --fix
  // rewrites files one at a time below, and stdin is a single draft.
  const fixMode = o.fix || o.fixUnsafe || o.fixDryRun;
  if (!fixMode && o.paths[0] !== '-') return lintBatch(o, io, factory, rawStderr);
  if (o.outputDir || o.compare || o.format === 'xlsx') {
    io.stderr(`lawreport-lint: ${o.outputDir ? '--output-dir' : o.compare ? '--compare' : '-f xlsx'} 用于检查文件和文件夹，不能与 ${fixMode ? '--fix' : '标准输入（-）'} 一起使用\n`);
    return 2;
  }

  let failed = false;
  const baseLinter = await factory.forFile(undefined, 'txt');
  const found = o.paths[0] === '-'
    ? { files: ['-'], problems: [], ignored: [] }
    : discover(o.paths, DRAFT_EXTENSIONS, (p) => (o.ignore ? baseLinter.config.ignoredBy(abs(p)) : undefined), io.cwd);
  for (const p of found.problems) {
    io.stderr(`lawreport-lint: ${p.input}: ${p.message}\n`);
    failed = true;
  }
  const notice = ignoredNotice(found.ignored);
  if (notice) io.stderr(`lawreport-lint: ${notice}\n`);
  if (!found.files.length) return 2;
  // -o onto a draft being fixed would replace it with the report: refused before anything is written
  let output: string | undefined;
  if (o.output) {
    try {
      output = outputTarget(abs(o.output), [...found.files.filter((f) => f !== '-').map(abs), ...baseLinter.config.resolved.files], o.output);
    } catch (err) {
      if (!(err instanceof WriteRefused)) throw err;
      io.stderr(`lawreport-lint: ${err.message}\n`);
      return 2;
    }
  }

  const format = (await loadFormat(o.format))!;
  const results: FileResult[] = [];
  let warningsSeen = 0;
  for (const file of found.files) {
    const display = file === '-' ? o.stdinFilename ?? '<stdin>' : file;
    try {
      // a draft to rewrite is read with the bytes and identity its fixed version is written against
      const rewrite = fixMode && !o.fixDryRun && file !== '-' && formatOf(file) !== 'docx';
      const read = rewrite ? await readFixInput(abs(file), o.maxDraftBytes) : await readInput(file, o, io);
      if (read instanceof ReadError) {
        results.push({ filePath: display, diagnostics: [], error: { code: read.code, message: read.message } });
        failed = true;
        continue;
      }
      const draft = 'draft' in read ? read.draft : read;
      // A .docx is never rewritten (its formatting would be lost): it is linted as without --fix.
      if (fixMode && formatOf(draft.path) === 'docx') io.stderr(`lawreport-lint: ${display}：Word 文档（.docx）不会被改写，只做检查；用 --annotate 文件夹 可得到一份审核意见稿，安全的修改在其中标为修订，在 Word 或 WPS 中接受即可。\n`);
      const lintPath = file === '-' ? (o.stdinFilename ? abs(o.stdinFilename) : undefined) : abs(file);
      const linter: Linter = await factory.forFile(lintPath, formatOf(draft.path));
      const linted: DraftLint = lintDraft(linter, draft, {
        filePath: lintPath, reportUnusedDirectives: o.reportUnusedDisableDirectives, fix: fixMode ? { unsafe: o.fixUnsafe } : undefined, ruleLinks: false,
      });
      const { fixed } = linted;
      let diagnostics = linted.diagnostics;
      let summary = linted.summary;
      let output: string | undefined;
      const changed = fixed && fixed.text !== draft.text;
      if (fixed && o.fixDryRun) {
        // the changes beside a report for people; a program's report carries the text instead (ESLint's `output`)
        if (!changed) {
          // nothing to preview
        } else if (format.forTerminal) {
          const paint = painter(colored(o, io));
          io.stdout(`${paint('underline', display)}（预览，文件未改动）\n${changeList(draft.text, fixed.text, paint).join('\n')}\n  将修复 ${fixed.applied.length} 处（${byRule(fixed.applied)}）\n\n`);
        } else output = fixed.text;
      } else if (fixed && file === '-') {
        io.stdout(changed ? fixed.text : draft.text);
      } else if (fixed && changed) {
        const refused = saveFix(read as DraftFile, fixed.edits);
        if (refused) {
          // the file is as it was: report what it holds, and why it was not fixed
          io.stderr(`lawreport-lint: ${display}：${refused}\n`);
          ({ diagnostics, summary } = lintDraft(linter, draft, { filePath: lintPath, reportUnusedDirectives: o.reportUnusedDisableDirectives, ruleLinks: false }));
          failed = true;
        } else io.stderr(`lawreport-lint: ${display}：已修复 ${fixed.applied.length} 处（${byRule(fixed.applied)}）\n`);
      }
      if (changed && file === '-' && !o.fixDryRun) io.stderr(`lawreport-lint: ${display}：已修复 ${fixed!.applied.length} 处（${byRule(fixed!.applied)}）\n`);
      // the summary too, so table, html and checklist read the same here as in a batch
      const result: FileResult = { filePath: display, diagnostics, summary, ...(output === undefined ? {} : { output }) };
      warningsSeen += result.diagnostics.filter((d) => d.severity === 2).length;
      results.push(o.quiet ? errorsOnly(result) : result);
    } catch (err) {
      // a defect met on one draft (reading, the model, a rule) is that draft's: the others are still fixed
      if (err instanceof ConfigError) throw err;
      results.push({ filePath: display, diagnostics: [], error: { code: 'internal-error', message: `检查这份稿件时出错，已跳过：${firstLine(err)}；这是 lawreport-lint 的缺陷，请附上稿件报告问题` } });
      failed = true;
    }
  }

  const count = (severity: number) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
  // --fix of standard input writes the fixed text to stdout: the report would mix with it, so what
  // is left is said on stderr, and the exit code still counts it
  const stdinFix = fixMode && o.paths[0] === '-' && !o.fixDryRun && formatOf(o.stdinFilename) !== 'docx';
  if (!stdinFix) {
    const report = whole(format)(results, formatContext(o, io, baseLinter));
    if (output) writeFileAtomic(output, report);
    else if (!(o.fixDryRun && o.format === 'stylish' && !results.some((r) => r.diagnostics.length || r.error))) io.stdout(terminalFilter(o, io)(report));
    if (o.format !== 'stylish') for (const r of results) if (r.error) io.stderr(`lawreport-lint: ${r.filePath}: ${r.error.message}\n`);
  } else {
    const left = results.reduce((n, r) => n + r.diagnostics.length, 0);
    if (left) io.stderr(`lawreport-lint: 还有 ${left} 个问题不能自动修复（${count(1)} 个错误）；不加 --fix 再运行一次即可看到它们\n`);
  }

  return exitWith({ unreadable: failed ? 1 : 0, problems: [], errors: count(1), warnings: warningsSeen }, o, io);
}

/**
 * Checks files and folders with lintFiles: results in path order, each written
 * into the report as it arrives, a progress line when stderr is a terminal.
 */
async function lintBatch(o: CliOptions, io: CliIO, factory: LinterFactory, rawStderr: (s: string) => void): Promise<number> {
  const abs = (p: string) => resolve(io.cwd, p);
  const base = await factory.forFile(undefined, 'txt');
  const ctx = formatContext(o, io, base);
  const format = (await loadFormat(o.format))!;
  if (o.compare) {
    const compare = await loadCompare(o.compare, io.cwd, base);
    if ('problem' in compare) {
      io.stderr(`lawreport-lint: ${compare.problem}\n`);
      return 2;
    }
    ctx.compare = compare;
  }
  // --output-dir writes the returns; the terminal gets the chosen report only when -f or -o says so
  const dir = o.outputDir
    ? (await import('./output-dir.js')).outputDir(abs(o.outputDir), { ...ctx, color: false }, {
      cwd: io.cwd, factory, trackChanges: o.trackChanges, reportUnusedDirectives: o.reportUnusedDisableDirectives,
    })
    : undefined;
  const mainReport = !dir || o.formatGiven || !!o.output;
  const toTerminal = terminalFilter(o, io);
  const progress = io.stderrIsTTY ? createProgress(rawStderr, io.columns) : undefined;
  let output: string | undefined; // -o's file (a symlink's target), once the inputs are known
  const batch = lintFiles(o.paths, {
    cwd: io.cwd, configFile: o.config, preset: o.preset, ruleOverrides: o.rule, noConfigLookup: !o.configLookup,
    jobs: o.jobs === undefined || o.jobs === 'auto' ? 'auto' : Number(o.jobs),
    cache: o.cache, cacheLocation: o.cacheLocation, previous: o.previous,
    // the reports leave this machine: no links to its rule files (the help and reference are in each finding)
    ruleLinks: false,
    reportUnusedDirectives: o.reportUnusedDisableDirectives, quiet: o.quiet, summary: dir ? true : format.summary, quotes: format.quotes || !!dir, maxDraftBytes: o.maxDraftBytes,
    noIgnore: !o.ignore,
    onStart: (s, files, configFiles) => {
      for (const p of s.problems) io.stderr(`lawreport-lint: ${p.input}: ${p.message}\n`);
      const notice = ignoredNotice(s.ignored);
      if (notice) io.stderr(`lawreport-lint: ${notice}\n`);
      // the report never replaces a draft or a configuration file it read
      if (o.output) output = outputTarget(abs(o.output), [...files, ...configFiles], o.output);
      if (s.files >= TUNE_FROM_DRAFTS) tuneV8ForBatch();
    },
    onProgress: progress && ((done, total, current) => progress.update(done, total, current)),
  });
  let out: AtomicOutput | undefined;
  // every format writes each draft as it arrives: memory stays flat however many drafts there are
  const sink: ReportSink = {
    write: (s) => {
      progress?.clear();
      if (o.output) (out ??= new AtomicOutput(output ?? abs(o.output))).write(s);
      else io.stdout(toTerminal(s));
    },
    spool: () => fileSpool(),
    ...(o.output ? { bytes: (chunk: Uint8Array) => (out ??= new AtomicOutput(abs(o.output!))).write(chunk) } : {}),
  };
  let report: ReportWriter | undefined;
  const unreadable: BatchResult[] = [];
  try {
    for await (const r of batch) {
      if (r.error) unreadable.push(r);
      // started with the first draft: no files, no report (csv writes its header at once)
      if (mainReport) (report ??= format(ctx, sink)).add(r);
      await dir?.add(r);
    }
    progress?.end();
    if (!batch.summary.files) {
      out?.abort();
      dir?.abort();
      return 2;
    }
    await report?.end();
    out?.commit();
    await dir?.end();
  } catch (err) {
    progress?.end();
    out?.abort();
    dir?.abort();
    if (err instanceof BatchError || err instanceof WriteRefused) {
      io.stderr(`lawreport-lint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (o.format !== 'stylish') for (const r of unreadable) io.stderr(`lawreport-lint: ${r.filePath}: ${r.error!.message}\n`);
  if (dir) (mainReport ? io.stderr : io.stdout)(`已写入 ${o.outputDir}：${dir.written.returns} 份审核意见（每份稿件一份可打印的 .html，能检查的另有一份 Word 批注版 .docx）、${dir.written.files.slice(-2).join('、')}\n`);
  const s = batch.summary;
  for (const p of s.previousProblems) io.stderr(`lawreport-lint: --previous ${p.input}: ${p.message}（这份报告未参与对照）\n`);
  if (s.unpaired.length) {
    io.stderr(`lawreport-lint: 以下 ${s.unpaired.length} 份稿件没有找到同一单位上一年度的报告，未对照上年的工作安排（不算失败；可按单位名称命名文件，或检查标题中的机关名称）：\n${s.unpaired.map((f) => `  ${f}\n`).join('')}`);
  }
  return exitWith(s, o, io);
}

/** The exit code, and why when it is 1 only because of --max-warnings (ESLint says so too). */
function exitWith(s: Parameters<typeof exitCodeOf>[0], o: CliOptions, io: CliIO): number {
  const code = exitCodeOf(s, o.maxWarnings);
  if (code === 1 && !s.errors) io.stderr(`lawreport-lint: 警告共 ${s.warnings} 个，超过了 --max-warnings ${o.maxWarnings} 的上限，因此退出码为 1\n`);
  return code;
}

/** The report model of one draft with the linter of its config, for the introspection flags; an exit code when unreadable. */
async function modelOf(file: string, o: CliOptions, io: CliIO, factory: LinterFactory): Promise<{ linter: Linter; doc: ReportDocument } | number> {
  const draft = await readInput(file, o, io);
  if (draft instanceof ReadError) {
    io.stderr(`${file}: ${draft.message}\n`);
    return 2;
  }
  const linter = await factory.forFile(resolve(io.cwd, draft.path));
  return { linter, doc: linter.config.builder.build(draft.text, { path: draft.path, format: formatOf(draft.path) }) };
}

/** A draft to fix: its text, and the bytes and identity its fixed version is written against. */
async function readFixInput(path: string, maxBytes?: number): Promise<DraftFile | ReadError> {
  try {
    return await readDraftFile(path, maxBytes);
  } catch (err) {
    if (err instanceof ReadError) return err;
    throw err;
  }
}

/**
 * Writes a fixed draft; the reason in one line when it was not written (the file
 * changed meanwhile, is read-only, its folder cannot be written…), so one draft
 * that cannot be fixed does not stop the others.
 */
function saveFix(read: DraftFile, edits: FixOutput['edits']): string | undefined {
  try {
    saveFixedDraft(read, edits);
    return undefined;
  } catch (err) {
    if (err instanceof WriteRefused) return err.message;
    const sys = err as NodeJS.ErrnoException;
    if (sys && typeof sys.code === 'string' && typeof sys.syscall === 'string') return `无法写入修复：${systemReason(sys.code)}`;
    throw err;
  }
}

const systemReason = (code: string): string =>
  ({ ENOENT: '文件夹不存在', EACCES: '没有权限', EPERM: '没有权限', EISDIR: '这是一个文件夹', ENOSPC: '磁盘空间不足', EROFS: '只读的文件系统' })[code] ?? code;

async function readInput(file: string, o: CliOptions, io: CliIO): Promise<Draft | ReadError> {
  try {
    const max = o.maxDraftBytes ?? DEFAULT_MAX_DRAFT_BYTES;
    if (file === '-') return await decodeDraft(o.stdinFilename ?? '<stdin>', await io.stdin(max), max);
    return await readDraft(resolve(io.cwd, file), max);
  } catch (err) {
    if (err instanceof ReadError) return err;
    throw err;
  }
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
