import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { discover } from '../batch/discover.js';
import { createProgress } from '../batch/progress.js';
import { BatchError, errorsOnly, exitCodeOf, lintFiles, type BatchResult } from '../batch/run.js';
import { firstLine } from '../batch/lint-file.js';
import { stdoutWriter } from './stdout.js';
import { tuneV8ForBatch, TUNE_FROM_DRAFTS } from './v8-tuning.js';
import { checkTypes } from '../checks/index.js';
import { ConfigError, formatProblem } from '../config/errors.js';
import { formatOf } from '../document/index.js';
import { summarize } from '../document/summary.js';
import { documentJson, printDocument } from '../formatters/document.js';
import { formatterNames, loadFormat, loadFormatter, reportContext, type FormatContext, type ReportSink, type ReportWriter } from '../formatters/index.js';
import { visibleLines } from '../formatters/terminal.js';
import { fixCommandFor } from './shell.js';
import { DEFAULT_MAX_DRAFT_BYTES } from '../io/file.js';
import { fileSpool } from '../io/spool.js';
import { decodeDraft, DRAFT_EXTENSIONS, readDraft, readDraftFile, ReadError, readNotes, type Draft, type DraftFile } from '../io/read.js';
import { saveFixedDraft } from '../io/save-fix.js';
import { AtomicOutput, outputTarget, writeFileAtomic, WriteRefused } from '../io/write.js';
import { LinterFactory, type FixOutput, type Linter, type LintOutput } from '../linter.js';
import type { FileResult, ReportDocument } from '../types.js';
import { unifiedDiff } from './diff.js';
import { explainMatches } from './explain-matches.js';
import { explainRule, explainType, listRules } from './explain.js';
import { parseArgs, type CliOptions } from './program.js';
import { VERSION } from './version.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input, at most `maxBytes` + 1 bytes of it (a larger input is refused, not read to its end). */
  stdin: (maxBytes: number) => Promise<Buffer>;
  cwd: string;
  /** Colour only when stdout is a terminal. */
  isTTY: boolean;
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

/** What every report is written with: colour, paths, the fix command, and the rules and vocabulary of the configuration. */
function formatContext(o: CliOptions, io: CliIO, linter: Linter): FormatContext {
  return { color: o.color && io.isTTY && !o.output, cwd: io.cwd, fixCommand: (files) => fixCommandFor(files), ...reportContext(linter.config.resolved) };
}

/**
 * Formats that write no colour (csv, html, junit…) printed to a terminal: their
 * text is the draft's, so control characters are shown as escapes there too. The
 * terminal formats make their own fields visible; JSON escapes them itself.
 */
function terminalFilter(o: CliOptions, io: CliIO): (s: string) => string {
  return io.isTTY && !o.output && !['stylish', 'table', 'checklist', 'json', 'jsonl', 'sarif'].includes(o.format) ? visibleLines : (s) => s;
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
  if (o.explainMatches) {
    const m = await modelOf(o.explainMatches, o, io, factory);
    if (typeof m === 'number') return m;
    io.stdout(explainMatches(m.linter, m.doc));
    return 0;
  }
  if (o.printConfig) {
    const linter = await factory.forFile(abs(o.printConfig));
    const r = linter.config.resolved;
    const rules = Object.fromEntries(
      [...r.rules.keys()].sort().map((id) => {
        const s = r.settings.get(id);
        return [id, { severity: s?.severity ?? 'off', ...(s && Object.keys(s.options).length ? { options: s.options } : {}), from: r.origins.get(id) ?? '默认关闭' }];
      }),
    );
    io.stdout(JSON.stringify({ configFile: r.configFile ?? null, files: r.files, ignore: r.ignore.patterns, rules }, null, 2) + '\n');
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

  // Checking goes through the batch pipeline (workers, cache, --previous); --fix
  // rewrites files one at a time below, and stdin is a single draft.
  const fixMode = o.fix || o.fixUnsafe || o.fixDryRun;
  if (!fixMode && o.paths[0] !== '-') return lintBatch(o, io, factory, rawStderr);

  let failed = false;
  const baseLinter = await factory.forFile(undefined, 'txt');
  const found = o.paths[0] === '-' ? { files: ['-'], problems: [] } : discover(o.paths, DRAFT_EXTENSIONS, (p) => baseLinter.config.isIgnored(abs(p)), io.cwd);
  for (const p of found.problems) {
    io.stderr(`lawreport-lint: ${p.input}: ${p.message}\n`);
    failed = true;
  }
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

  const results: FileResult[] = [];
  for (const file of found.files) {
    const display = file === '-' ? o.stdinFilename ?? '<stdin>' : file;
    try {
      // A .docx is never rewritten (its formatting would be lost): it is linted as without --fix.
      const fixThis = fixMode && formatOf(file === '-' ? o.stdinFilename : file) !== 'docx';
      if (fixMode && !fixThis) io.stderr(`lawreport-lint: ${display}：Word 文档（.docx）不会被自动修复，只做检查；请在 Word 或 WPS 中按提示修改，或另存为 .txt 后再用 --fix。\n`);
      const read = fixThis && file !== '-' ? await readFixInput(abs(file), o.maxDraftBytes) : await readInput(file, o, io);
      if (read instanceof ReadError) {
        results.push({ filePath: display, diagnostics: [], error: { code: read.code, message: read.message } });
        failed = true;
        continue;
      }
      const draft = 'draft' in read ? read.draft : read;
      const lintPath = file === '-' ? (o.stdinFilename ? abs(o.stdinFilename) : undefined) : abs(file);
      const linter: Linter = await factory.forFile(lintPath, formatOf(draft.path));
      const opts = { filePath: lintPath, format: formatOf(draft.path), reportUnusedDirectives: o.reportUnusedDisableDirectives, notes: readNotes(draft) };
      let out: LintOutput;
      if (fixThis) {
        const linted = linter.lint(draft.text, opts);
        const fixed = linter.fix(draft.text, { ...opts, unsafe: o.fixUnsafe, keepReplacementCharacters: !!draft.undecodable }, linted);
        out = fixed.result;
        if (fixed.output !== draft.text) {
          if (o.fixDryRun) io.stdout(unifiedDiff(display, draft.text, fixed.output));
          else if (file === '-') {
            io.stdout(fixed.output);
            continue;
          } else {
            const refused = saveFix(read as DraftFile, fixed.edits);
            if (refused) {
              // the file is as it was: report what it holds, and why it was not fixed
              io.stderr(`lawreport-lint: ${display}：${refused}\n`);
              out = linted;
              failed = true;
            }
          }
        } else if (file === '-' && !o.fixDryRun) {
          io.stdout(draft.text);
          continue;
        }
      } else {
        out = linter.lint(draft.text, opts);
      }
      // the summary too, so table, html and checklist read the same here as in a batch
      const result: FileResult = { filePath: display, diagnostics: out.diagnostics, summary: summarize(out.document, out.diagnostics, out.evidence) };
      results.push(o.quiet ? errorsOnly(result) : result);
    } catch (err) {
      // a defect met on one draft (reading, the model, a rule) is that draft's: the others are still fixed
      if (err instanceof ConfigError) throw err;
      results.push({ filePath: display, diagnostics: [], error: { code: 'internal-error', message: `检查这份稿件时出错，已跳过：${firstLine(err)}；这是 lawreport-lint 的缺陷，请附上稿件报告问题` } });
      failed = true;
    }
  }

  if (!(fixMode && o.paths[0] === '-' && !o.fixDryRun && formatOf(o.stdinFilename) !== 'docx')) {
    const report = (await loadFormatter(o.format))!(results, formatContext(o, io, baseLinter));
    if (output) writeFileAtomic(output, report);
    else if (!(o.fixDryRun && o.format === 'stylish' && !results.some((r) => r.diagnostics.length || r.error))) io.stdout(terminalFilter(o, io)(report));
    if (o.format !== 'stylish') for (const r of results) if (r.error) io.stderr(`lawreport-lint: ${r.filePath}: ${r.error.message}\n`);
  }

  const count = (severity: number) => results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
  return exitCodeOf({ unreadable: failed ? 1 : 0, problems: [], errors: count(1), warnings: count(2) }, o.maxWarnings);
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
  const toTerminal = terminalFilter(o, io);
  const progress = io.stderrIsTTY ? createProgress(rawStderr, io.columns) : undefined;
  let output: string | undefined; // -o's file (a symlink's target), once the inputs are known
  const batch = lintFiles(o.paths, {
    cwd: io.cwd, configFile: o.config, preset: o.preset, ruleOverrides: o.rule, noConfigLookup: !o.configLookup,
    jobs: o.jobs === undefined || o.jobs === 'auto' ? 'auto' : Number(o.jobs),
    cache: o.cache, cacheLocation: o.cacheLocation, previous: o.previous,
    reportUnusedDirectives: o.reportUnusedDisableDirectives, quiet: o.quiet, summary: format.summary, maxDraftBytes: o.maxDraftBytes,
    onStart: (s, files, configFiles) => {
      for (const p of s.problems) io.stderr(`lawreport-lint: ${p.input}: ${p.message}\n`);
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
  };
  let report: ReportWriter | undefined;
  const unreadable: BatchResult[] = [];
  try {
    for await (const r of batch) {
      if (r.error) unreadable.push(r);
      // started with the first draft: no files, no report (csv writes its header at once)
      (report ??= format(ctx, sink)).add(r);
    }
    progress?.end();
    if (!batch.summary.files) {
      out?.abort();
      return 2;
    }
    report?.end();
    out?.commit();
  } catch (err) {
    progress?.end();
    out?.abort();
    if (err instanceof BatchError || err instanceof WriteRefused) {
      io.stderr(`lawreport-lint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (o.format !== 'stylish') for (const r of unreadable) io.stderr(`lawreport-lint: ${r.filePath}: ${r.error!.message}\n`);
  const s = batch.summary;
  for (const p of s.previousProblems) io.stderr(`lawreport-lint: --previous ${p.input}: ${p.message}（这份报告未参与对照）\n`);
  if (s.unpaired.length) {
    io.stderr(`lawreport-lint: 以下 ${s.unpaired.length} 份稿件没有找到同一单位上一年度的报告，未对照上年的工作安排（不算失败；可按单位名称命名文件，或检查标题中的机关名称）：\n${s.unpaired.map((f) => `  ${f}\n`).join('')}`);
  }
  return exitCodeOf(s, o.maxWarnings);
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
