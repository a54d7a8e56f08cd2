import { Command, CommanderError, Option } from 'commander';
import { parseBytes } from '../io/limits.js';

/** Parsed command line: flags only, no lint logic. */
export interface CliOptions {
  paths: string[];
  format: string;
  config?: string;
  preset?: string;
  rule: string[];
  maxWarnings?: number;
  quiet: boolean;
  output?: string;
  reportUnusedDisableDirectives: boolean;
  listRules: boolean;
  explain?: string;
  explainMatches?: string;
  printConfig?: string;
  printDocument?: string;
  color: boolean;
  stdinFilename?: string;
  fix: boolean;
  fixUnsafe: boolean;
  fixDryRun: boolean;
  jobs?: string;
  cache: boolean;
  cacheLocation?: string;
  previous?: string;
  configLookup: boolean;
  testRules?: string;
  init: boolean;
  ignore: boolean;
  /** --annotate DIR: write a reviewed .docx per draft there. */
  annotate?: string;
  /** --no-track-changes: --annotate writes comments only. */
  trackChanges: boolean;
  /** A county office's folder of returns: one page per draft, an index and 汇总.xlsx. */
  outputDir?: string;
  /** An earlier run's jsonl output, to show what changed. */
  compare?: string;
  /** Whether -f was given (with --output-dir, the terminal then gets that report too). */
  formatGiven: boolean;
  /** --max-draft-size, in bytes. */
  maxDraftBytes?: number;
}

function jobsArg(v: string): string {
  if (v === 'auto' || /^[1-9]\d*$/.test(v)) return v;
  throw new CommanderError(2, 'invalid-jobs', `--jobs 应为正整数或 auto，而不是 “${v}” / --jobs takes a positive integer or auto`);
}

const TITLES: Record<string, string> = { 'Usage:': '用法 / Usage:', 'Options:': '选项 / Options:', 'Arguments:': '参数 / Arguments:' };

/** A command-line error in Chinese: Commander's messages by their code, ours as written. */
export function inChinese(err: CommanderError): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  const guess = /Did you mean (\S+?)\?/.exec(err.message)?.[1];
  switch (err.code) {
    case 'commander.unknownOption':
      return `没有 “${quoted}” 这个选项${guess ? `；是否想写 “${guess}”？` : ''}`;
    case 'commander.optionMissingArgument':
      return `选项 “${quoted}” 后面缺少取值`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必需的选项 “${quoted}”`;
    case 'commander.unknownCommand':
      return `没有 “${quoted}” 这个命令${guess ? `；是否想写 “${guess}”？` : ''}`;
    case 'commander.excessArguments':
      return '参数太多';
    case 'commander.invalidArgument': {
      // “error: option '--jobs <n|auto>' argument 'x' is invalid. <our reason>”
      const reason = err.message.replace(/^error: .*? is invalid\.\s*/, '');
      return reason || `选项 “${quoted}” 的取值无效`;
    }
    default:
      return err.message.replace(/^error: /, '');
  }
}

export type Parsed =
  | { kind: 'lint'; options: CliOptions }
  | { kind: 'lsp'; args: string[] }
  | { kind: 'web'; args: string[] }
  | { kind: 'exit'; code: number };

function sizeArg(v: string): number {
  const n = parseBytes(v);
  if (n === undefined) throw new CommanderError(2, 'invalid-size', `--max-draft-size 应为大小，如 2MB、500KB，而不是 “${v}” / --max-draft-size takes a size such as 2MB or 500KB`);
  return n;
}

function intArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new CommanderError(2, 'invalid-number', `“${v}” 不是非负整数 / not a non-negative integer`);
  return n;
}

export function parseArgs(argv: string[], write: { out: (s: string) => void; err: (s: string) => void }, version: string): Parsed {
  if (argv[0] === 'lsp') return { kind: 'lsp', args: argv.slice(1) };
  if (argv[0] === 'web') return { kind: 'web', args: argv.slice(1) };
  const program = new Command('lawreport-lint')
    .description('法治政府建设年度报告合规检查 / lints annual reports on rule-of-law government construction')
    .argument('[paths...]', '稿件文件、文件夹或通配符（.md .txt .docx），- 表示标准输入 / files, folders or globs; - reads stdin')
    .addOption(new Option('-f, --format <name>', '输出格式 / output format: stylish, compact, json, jsonl, table, html, checklist, csv, sarif, junit, xlsx（须配合 -o）').default('stylish'))
    .option('-c, --config <file>', '配置文件（不再向上查找 .lawreport-lint.yaml）/ config file')
    .option('--no-config-lookup', '不查找 .lawreport-lint.yaml / do not look for config files')
    .option('--no-ignore', '连同配置 ignore 忽略的稿件一起检查 / check drafts that ignore patterns leave out')
    .option('--preset <name>', '预设：recommended、strict / preset to extend')
    .option('--rule <id=severity>', '覆盖规则严重程度，可重复 / override a rule, repeatable', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--max-warnings <n>', '警告数超过 n 时退出码为 1 / exit 1 above n warnings', intArg)
    .option('--quiet', '只报告错误 / errors only', false)
    .option('-o, --output <file>', '把报告写入文件（原子写入）/ write the report to a file')
    .option('--fix', '自动修复安全的问题（改写文件）/ apply safe fixes in place', false)
    .option('--fix-unsafe', '连同非安全修复一起应用 / apply unsafe fixes too', false)
    .option('--fix-dry-run', '以 diff 显示将要做的修复，不改文件 / show fixes as a diff', false)
    .option('--stdin-filename <name>', '标准输入的文件名（决定 .md/.txt 和配置）/ name for stdin input')
    .option('--max-draft-size <size>', '稿件大小上限，默认 1MB；更大的稿件不检查 / drafts larger than this are refused (default 1MB)', sizeArg)
    .option('-j, --jobs <n|auto>', '并行检查的线程数；auto（默认）为 CPU 核心数减一，稿件少时只用一个 / worker threads; auto (default) = cores minus one, fewer for few drafts', jobsArg)
    .option('--cache', '跳过内容、配置和版本都没有变的稿件 / skip unchanged drafts', false)
    .option('--cache-location <dir>', '缓存文件夹（默认 .lawreport-lint-cache）/ cache folder')
    .option('--previous <file|folder>', '上一年度的报告：对照检查上年工作安排的落实 / last year\'s reports, to check last year\'s plan')
    .option('--output-dir <dir>', '依法治县办：每份稿件一份审核意见（HTML，可打印），另写 index.html 和 汇总.xlsx / one return per draft, an index and a workbook')
    .option('--compare <last.jsonl>', '与上次用 -f jsonl 输出的记录对比：各单位哪些要求改正了、哪些新出现 / compare with an earlier run\'s jsonl output')
    .option('--report-unused-disable-directives', '报告没有屏蔽任何问题的禁用注释 / report unused disable comments', false)
    .option('--list-rules', '列出全部规则 / list all rules', false)
    .option('--explain <rule>', '说明一条规则或规则类型 / explain a rule or rule type')
    .option('--explain-matches <file>', '显示“不足 × 安排”的匹配分数表 / show the shortcoming × plan scores')
    .option('--print-config <file>', '显示对该文件生效的配置 / print the effective config')
    .option('--test-rules <dir>', '运行本单位规则文件夹中每条规则自带的示例 / run the examples of an office\'s rules')
    .option('--init', '在当前文件夹写入 .lawreport-lint.yaml 和一个本单位规则示例 / write a config and an example office rule', false)
    .option('--print-document <file>', '显示报告模型：标题、部分、条目、数字 / print the report model')
    .option('--annotate <dir>', '在该文件夹写出每份稿件的审核意见稿（Word 批注和修订）/ write a reviewed .docx per draft (comments, tracked changes)')
    .option('--no-track-changes', '--annotate 只写批注，不写修订 / --annotate writes comments only')
    .option('--no-color', '不使用颜色 / no colours')
    .version(version, '-v, --version', '显示版本 / print the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpText('after', `
示例 / examples:
  lawreport-lint 报告.txt                  检查一份稿件
  lawreport-lint drafts/                   检查一个文件夹
  lawreport-lint 乡镇报告/ --previous 2023年报告/ --cache   对照上年安排，跳过没有改动的稿件
  lawreport-lint 乡镇报告/ --output-dir 审核意见/ --compare 2023.jsonl   每个乡镇一份审核意见，汇总.xlsx，与去年对比
  lawreport-lint --fix draft.md            自动修复半角标点、转换残留等
  lawreport-lint 乡镇报告/ --annotate 审核意见/   每份稿件一份审核意见稿（Word 批注和修订）
  lawreport-lint --explain causes-stated   说明一条规则
  lawreport-lint web --out 报告检查.html   写出离线检查网页（浏览器打开即用，不需要联网）

退出码 / exit codes: 0 无错误；1 有错误（或警告超过 --max-warnings）；2 用法、配置或读取失败`)
    .exitOverride()
    // Commander's own error text is English: it is said again in Chinese in the catch below
    .configureOutput({ writeOut: write.out, writeErr: write.err, outputError: () => {} })
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      optionDescription: (option) => {
        const d = option.defaultValue;
        return d === undefined || typeof d === 'boolean' || (Array.isArray(d) && !d.length) ? option.description : `${option.description}（默认 ${d}）`;
      },
    })
    .showSuggestionAfterError(true);

  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return { kind: 'exit', code: 0 };
      write.err(`lawreport-lint: ${inChinese(err)}\n用 lawreport-lint --help 查看用法\n`);
      return { kind: 'exit', code: 2 };
    }
    throw err;
  }
  const o = program.opts();
  return {
    kind: 'lint',
    options: {
      paths: program.args,
      format: o.format,
      config: o.config,
      preset: o.preset,
      rule: o.rule,
      maxWarnings: o.maxWarnings,
      quiet: o.quiet,
      output: o.output,
      reportUnusedDisableDirectives: o.reportUnusedDisableDirectives,
      listRules: o.listRules,
      explain: o.explain,
      explainMatches: o.explainMatches,
      printConfig: o.printConfig,
      printDocument: o.printDocument,
      color: o.color,
      stdinFilename: o.stdinFilename,
      fix: o.fix,
      fixUnsafe: o.fixUnsafe,
      fixDryRun: o.fixDryRun,
      jobs: o.jobs,
      cache: o.cache,
      cacheLocation: o.cacheLocation,
      previous: o.previous,
      configLookup: o.configLookup,
      testRules: o.testRules,
      init: o.init,
      ignore: o.ignore,
      annotate: o.annotate,
      trackChanges: o.trackChanges,
      outputDir: o.outputDir,
      compare: o.compare,
      formatGiven: program.getOptionValueSource('format') !== 'default',
      maxDraftBytes: o.maxDraftSize,
    },
  };
}
