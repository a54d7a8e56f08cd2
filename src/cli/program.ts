import { Command, CommanderError, Option } from 'commander';
import { parseBytes } from '../io/file.js';

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
  /** --max-draft-size, in bytes. */
  maxDraftBytes?: number;
}

function jobsArg(v: string): string {
  if (v === 'auto' || /^[1-9]\d*$/.test(v)) return v;
  throw new CommanderError(2, 'invalid-jobs', `--jobs 应为正整数或 auto，而不是 “${v}” / --jobs takes a positive integer or auto`);
}

export type Parsed =
  | { kind: 'lint'; options: CliOptions }
  | { kind: 'lsp'; args: string[] }
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
  const program = new Command('lawreport-lint')
    .description('法治政府建设年度报告合规检查 / lints annual reports on rule-of-law government construction')
    .argument('[paths...]', '稿件文件、文件夹或通配符（.md .txt .docx），- 表示标准输入 / files, folders or globs; - reads stdin')
    .addOption(new Option('-f, --format <name>', '输出格式 / output format: stylish, json, jsonl, table, html, checklist, csv, sarif, junit').default('stylish'))
    .option('-c, --config <file>', '配置文件（不再向上查找 .lawreport-lint.yaml）/ config file')
    .option('--no-config-lookup', '不查找 .lawreport-lint.yaml / do not look for config files')
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
    .option('-j, --jobs <n|auto>', '并行检查的线程数，auto 为全部核心（默认）/ worker threads, auto = all cores', jobsArg)
    .option('--cache', '跳过内容、配置和版本都没有变的稿件 / skip unchanged drafts', false)
    .option('--cache-location <dir>', '缓存文件夹（默认 .lawreport-lint-cache）/ cache folder')
    .option('--previous <file|folder>', '上一年度的报告：对照检查上年工作安排的落实 / last year\'s reports, to check last year\'s plan')
    .option('--report-unused-disable-directives', '报告没有屏蔽任何问题的禁用注释 / report unused disable comments', false)
    .option('--list-rules', '列出全部规则 / list all rules', false)
    .option('--explain <rule>', '说明一条规则或规则类型 / explain a rule or rule type')
    .option('--explain-matches <file>', '显示“不足 × 安排”的匹配分数表 / show the shortcoming × plan scores')
    .option('--print-config <file>', '显示对该文件生效的配置 / print the effective config')
    .option('--print-document <file>', '显示报告模型：标题、部分、条目、数字 / print the report model')
    .option('--no-color', '不使用颜色 / no colours')
    .version(version, '-v, --version', '显示版本 / print the version')
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpText('after', `
示例 / examples:
  lawreport-lint 报告.txt                  检查一份稿件
  lawreport-lint drafts/                   检查一个文件夹
  lawreport-lint 乡镇报告/ --previous 2023年报告/ --cache   对照上年安排，跳过没有改动的稿件
  lawreport-lint --fix draft.md            自动修复半角标点、转换残留等
  lawreport-lint --explain causes-stated   说明一条规则

退出码 / exit codes: 0 无错误；1 有错误（或警告超过 --max-warnings）；2 用法、配置或读取失败`)
    .exitOverride()
    .configureOutput({ writeOut: write.out, writeErr: write.err, outputError: (s, w) => w(s) })
    .showSuggestionAfterError(true);

  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return { kind: 'exit', code: 0 };
      if (!/commander\./.test(err.code)) write.err(`lawreport-lint: ${err.message}\n`);
      write.err('用 lawreport-lint --help 查看用法\n');
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
      maxDraftBytes: o.maxDraftSize,
    },
  };
}
