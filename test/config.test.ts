/**
 * Configuration: .lawreport-lint.yaml found upward or given with --config,
 * extends (preset name or path), rules (severity, or severity plus options),
 * rulesDir, ignore, overrides — and every problem in a config or rule file
 * reported with file:line:col, what is wrong, the allowed values and “did you
 * mean”, all of them in one run.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema, ruleSchema } from '../src/config/schema.js';
import { ConfigError, didYouMean, formatProblem } from '../src/config/errors.js';
import { findConfigFile, resolveConfig } from '../src/config/load.js';
import { compileConfig } from '../src/config/compile.js';
import { compileRegex } from '../src/config/regex.js';
import { unsafeRegexReason } from '../src/config/regex-safety.js';
import { prepareFormat } from '../src/document/index.js';
import { LinterFactory } from '../src/linter.js';
import { main, type CliIO } from '../src/cli/index.js';
import { ROOT } from './helpers.js';

const DRAFT = [
  '关于2023年法治政府建设情况的报告',
  '一、主要举措和成效',
  '（一）强化学习。组织XX名干部参加考试，开展本县旧称宣传3次。',
  '二、存在的不足和原因',
  '一是认识不到位。原因是重视不够。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '书记带头学法4次。',
  '四、2024年工作安排',
  '（一）加强学习。',
].join('\n');

let base: string;
beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'lrl-config-'));
  await prepareFormat('md');
});

/** Writes files (path → content) under a fresh folder and returns it. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(base, 't-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  return dir;
}

async function lintFile(dir: string, rel: string, options: ConstructorParameters<typeof LinterFactory>[0] = {}) {
  const file = join(dir, rel);
  const linter = await new LinterFactory({ cwd: dir, ...options }).forFile(file);
  return linter.lint(readFileSync(file, 'utf8'), { filePath: file }).diagnostics;
}

/** The rendered problems of a configuration that must fail. */
async function problems(dir: string, options: ConstructorParameters<typeof LinterFactory>[0] = {}, draft = 'd.txt'): Promise<{ text: string; count: number }> {
  try {
    await new LinterFactory({ cwd: dir, ...options }).forFile(join(dir, draft));
  } catch (err) {
    if (err instanceof ConfigError) return { text: err.problems.map(formatProblem).join('\n\n'), count: err.problems.length };
    throw err;
  }
  throw new Error('expected a configuration error');
}

function capture(cwd: string): CliIO & { out: string; err: string } {
  const io = {
    out: '', err: '', cwd, isTTY: false,
    stdout: (s: string) => { io.out += s; },
    stderr: (s: string) => { io.err += s; },
    stdin: async () => Buffer.alloc(0),
  };
  return io;
}

const sev = (ds: { code: string; severity: number }[], code: string) => ds.filter((d) => d.code === code).map((d) => d.severity);

describe('finding the configuration', () => {
  it('is found from the draft’s folder upward, the nearest one winning', async () => {
    const dir = tree({
      '.lawreport-lint.yaml': 'rules:\n  placeholder: off\n',
      'a/b/d.txt': DRAFT,
      'c/.lawreport-lint.yaml': 'rules:\n  placeholder: warning\n',
      'c/d.txt': DRAFT,
    });
    expect(findConfigFile(join(dir, 'a', 'b'))).toBe(join(dir, '.lawreport-lint.yaml'));
    expect(sev(await lintFile(dir, 'a/b/d.txt'), 'placeholder')).toEqual([]);
    expect(sev(await lintFile(dir, 'c/d.txt'), 'placeholder')).toEqual([2]);
  });

  it('without any config file, the recommended preset applies', async () => {
    const dir = tree({ 'd.txt': DRAFT });
    const ds = await lintFile(dir, 'd.txt', { noConfigLookup: true });
    expect(sev(ds, 'placeholder')).toEqual([1]);
    expect(sev(ds, 'other-matters')).toEqual([2]);
  });

  it('--config is used instead of looking upward', async () => {
    const dir = tree({
      '.lawreport-lint.yaml': 'rules:\n  placeholder: off\n',
      'conf/mine.yaml': 'rules:\n  placeholder: info\n',
      'd.txt': DRAFT,
    });
    expect(sev(await lintFile(dir, 'd.txt', { configFile: 'conf/mine.yaml' }), 'placeholder')).toEqual([3]);
  });
});

describe('config messages a new user meets', () => {
  it('a number for a severity says numbers are not accepted and lists the words; warn means warning', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'rules:\n  placeholder: 2\n  part-order: warn\n', 'd.txt': DRAFT });
    const { text, count } = await problems(dir);
    expect(count).toBe(1);
    expect(text).toContain('.lawreport-lint.yaml:2:16  错误  “rules.placeholder” 的值 2 不对：应为 error, warning, info, off, warn 之一，或 {severity, …该规则类型的选项}');
    expect(text).toContain('提示：严重程度只能写成词语，不接受数字（ESLint 的 0、1、2 在这里不用）');
    writeFileSync(join(dir, '.lawreport-lint.yaml'), 'rules:\n  part-order: warn\n');
    const resolved = await resolveConfig({ cwd: dir, configFile: '.lawreport-lint.yaml' });
    expect(resolved.settings.get('part-order')?.severity).toBe('warning');
    const io = capture(dir);
    await main(['--rule', 'placeholder=warn', '-f', 'json', 'd.txt'], io);
    expect(io.err).toBe('');
  });

  it('problems are listed in line order; a missing rulesDir is pointed at, without a raw ENOENT', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'rules:\n  part-order: offf\nrulesDir: 本县规则\nrules2: x\n', 'd.txt': DRAFT });
    const { text, count } = await problems(dir);
    expect(count).toBe(3);
    const lines = text.split('\n').filter((l) => /\.yaml:\d+:\d+ /.test(l)).map((l) => Number(/\.yaml:(\d+):/.exec(l)![1]));
    expect(lines).toEqual([2, 3, 4]);
    expect(text).toContain(`.lawreport-lint.yaml:3:11  错误  找不到 rulesDir 指定的文件夹 “本县规则”：${join(dir, '本县规则')}`);
    expect(text).not.toContain('ENOENT');
  });

  it('a full-width colon after a key is named, with the fix', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'rules：\n  part-order: off\n', 'd.txt': DRAFT });
    const { text } = await problems(dir);
    expect(text).toContain('.lawreport-lint.yaml:1:6  错误  YAML 语法错误：键 “rules” 后面用了全角冒号“：”');
    expect(text).toContain('提示：改成半角冒号“:”，冒号后留一个空格');
    expect(text).not.toMatch(/[A-Z][a-z]+ [a-z]+ [a-z]+/); // no English sentence from the YAML parser
  });

  it('an invalid rule id gets a valid one to rename to, never an invalid file name', async () => {
    const rule = (id: string) => `id: ${id}\ntype: existence\nsummary: 不用某个词语\nseverity: warning\npatterns:\n  - words: [甲]\nmessage: x\nexamples:\n  valid: [乙]\n  invalid: [甲]\n`;
    const dir = tree({ '.lawreport-lint.yaml': 'rulesDir: r\n', 'r/my_rule.yaml': rule('my_rule'), 'r/我的规则.yaml': rule('my-words'), 'd.txt': DRAFT });
    const { text } = await problems(dir);
    expect(text).toContain('提示：规则 id 只用小写字母、数字和连字符，以字母开头：可改为 “my-rule”，并把文件改名为 “my-rule.yaml”');
    expect(text).toContain('规则 id “my-words” 与文件名 “我的规则.yaml” 不一致');
    expect(text).toContain('提示：把文件改名为 “my-words.yaml”');
    expect(text).not.toContain('改为 “我的规则”');
    expect(text).not.toContain('“my_rule.yaml”');
  });
});

describe('extends, rules, rulesDir, ignore, overrides', () => {
  it('extends a preset by name: strict raises other-matters to error', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'extends: strict\n', 'd.txt': DRAFT });
    expect(sev(await lintFile(dir, 'd.txt'), 'other-matters')).toEqual([1]);
  });

  it('extends a YAML file by path, relative to the config file, and that file may extend a preset', async () => {
    const dir = tree({
      'shared/base.yaml': 'extends: strict\nrules:\n  part-order: off\n  placeholder: warning\n',
      'county/.lawreport-lint.yaml': 'extends: ../shared/base.yaml\nrules:\n  placeholder: info\n',
      'county/d.txt': DRAFT,
    });
    const ds = await lintFile(dir, 'county/d.txt');
    expect(sev(ds, 'other-matters')).toEqual([1]); // from strict, through base.yaml
    expect(sev(ds, 'placeholder')).toEqual([3]); // the nearer file wins
  });

  it('--preset replaces the config’s extends', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'extends: strict\n', 'd.txt': DRAFT });
    expect(sev(await lintFile(dir, 'd.txt', { preset: 'recommended' }), 'other-matters')).toEqual([2]);
  });

  it('rules take a severity, or a severity plus the type’s options', async () => {
    const dir = tree({
      '.lawreport-lint.yaml': [
        'rules:',
        '  other-matters: off',
        '  placeholder:',
        '    severity: warning',
        '    patterns:',
        '      - words: [本县旧称]',
      ].join('\n'),
      'd.txt': DRAFT,
    });
    const file = join(dir, 'd.txt');
    const linter = await new LinterFactory({ cwd: dir }).forFile(file);
    const ds = linter.lint(DRAFT, { filePath: file }).diagnostics;
    expect(sev(ds, 'other-matters')).toEqual([]);
    // the options replaced the rule's own patterns: XX is no longer a placeholder, 本县旧称 is
    const hits = ds.filter((d) => d.code === 'placeholder').map((d) => DRAFT.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character));
    expect(hits).toEqual(['本县旧称']);
    expect(sev(ds, 'placeholder')).toEqual([2]);
  });

  it('rulesDir: an office’s own rules are on by default at their severity; experimental ones stay off', async () => {
    const rule = (id: string, extra = '') => [
      `id: ${id}`, 'type: existence', 'summary: 本县已更名的机构旧称', 'severity: warning', extra,
      'patterns:', '  - words: [本县旧称]', 'message: 机构旧称“{{found}}”应改为新称', 'help: 改用新称。',
      'examples:', '  valid: ["本县新称"]', '  invalid: ["本县旧称"]',
    ].join('\n');
    const dir = tree({
      '.lawreport-lint.yaml': 'rulesDir: 本县规则\n',
      '本县规则/county-old-name.yaml': rule('county-old-name'),
      '本县规则/county-trial.yaml': rule('county-trial', 'status: experimental'),
      'd.txt': DRAFT,
    });
    const ds = await lintFile(dir, 'd.txt');
    const mine = ds.filter((d) => d.code === 'county-old-name');
    expect(mine).toHaveLength(1);
    expect(mine[0].severity).toBe(2);
    expect(mine[0].message).toBe('机构旧称“本县旧称”应改为新称');
    expect(sev(ds, 'county-trial')).toEqual([]);
    expect(sev(ds, 'placeholder')).toEqual([1]); // built-in rules still run
  });

  it('rulesDir: a rule that reuses a built-in id is refused', async () => {
    const dir = tree({
      '.lawreport-lint.yaml': 'rulesDir: mine\n',
      'mine/placeholder.yaml': 'id: placeholder\ntype: existence\nsummary: 重名\nseverity: error\npatterns: [{ words: [甲] }]\nmessage: 甲\nhelp: 乙\nexamples: { valid: [乙], invalid: [甲] }\n',
      'd.txt': DRAFT,
    });
    const { text } = await problems(dir);
    expect(text).toContain('规则 id “placeholder” 与内置规则重名');
  });

  it('ignore: a folder run skips ignored drafts, whether the pattern has a slash or not', async () => {
    const dir = tree({
      '.lawreport-lint.yaml': "ignore: ['归档/**', '*.bak.md', 草稿]\n",
      'a.md': DRAFT,
      '归档/old.md': DRAFT,
      'b.bak.md': DRAFT,
      'x/草稿/c.md': DRAFT,
      'x/d.md': DRAFT,
    });
    const config = await compileConfig(await resolveConfig({ cwd: dir, configFile: '.lawreport-lint.yaml' }));
    expect(config.isIgnored(join(dir, '归档', 'old.md'))).toBe(true);
    expect(config.isIgnored(join(dir, 'b.bak.md'))).toBe(true);
    expect(config.isIgnored(join(dir, 'x', '草稿', 'c.md'))).toBe(true);
    expect(config.isIgnored(join(dir, 'a.md'))).toBe(false);
    expect(config.isIgnored(join(dir, 'x', 'd.md'))).toBe(false);

    const io = capture(dir);
    expect(await main(['-f', 'json', '.'], io)).toBe(1);
    expect(JSON.parse(io.out).map((r: { filePath: string }) => r.filePath)).toEqual(['a.md', 'x/d.md']);
    expect(config.ignoredBy(join(dir, 'x', '草稿', 'c.md'))).toBe('草稿');
    expect(io.err).toBe('lawreport-lint: 按配置的 ignore “*.bak.md”、“草稿”、“归档/**” 忽略了 3 份稿件，未检查：b.bak.md、x/草稿/c.md、归档/old.md；要检查它们，加 --no-ignore\n');
  });

  it('ignore: a folder whose drafts are all ignored says so and by which pattern, not “no drafts”; --fix too', async () => {
    const dir = tree({ '.lawreport-lint.yaml': "ignore: ['归档/**']\n", '归档/old.md': DRAFT, '归档/older.txt': DRAFT });
    for (const argv of [['归档'], ['--fix-dry-run', '归档']]) {
      const io = capture(dir);
      expect(await main(argv, io)).toBe(2);
      expect(io.err).toBe('lawreport-lint: 归档: 其中的 2 份稿件都被配置的 ignore “归档/**” 忽略了；要检查它们，加 --no-ignore\n');
      const all = capture(dir);
      await main([...argv, '--no-ignore', '-f', 'json'], all);
      expect(all.err).toBe('');
    }
  });

  it('overrides: globs choose rule settings per file', async () => {
    const dir = tree({
      '.lawreport-lint.yaml': [
        'overrides:',
        "  - files: ['街道/**', '*.draft.txt']",
        '    rules: { placeholder: warning }',
        "  - files: ['*.txt']",
        '    rules: { other-matters: off }',
      ].join('\n'),
      '街道/a.md': DRAFT,
      'b.draft.txt': DRAFT,
      'c.md': DRAFT,
    });
    const a = await lintFile(dir, '街道/a.md');
    expect(sev(a, 'placeholder')).toEqual([2]);
    expect(sev(a, 'other-matters')).toEqual([2]);
    const b = await lintFile(dir, 'b.draft.txt');
    expect(sev(b, 'placeholder')).toEqual([2]);
    expect(sev(b, 'other-matters')).toEqual([]);
    const c = await lintFile(dir, 'c.md');
    expect(sev(c, 'placeholder')).toEqual([1]);
    expect(sev(c, 'other-matters')).toEqual([2]);
  });
});

describe('configuration problems: file:line:col, what, allowed values, did you mean', () => {
  it('broken YAML', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'rules:\n  placeholder: [error\n  part-order: off\n', 'd.txt': DRAFT });
    const { text } = await problems(dir);
    const file = join(dir, '.lawreport-lint.yaml');
    expect(text.split('\n')[0]).toBe(`${file}:3:3  错误  YAML 语法错误：方括号 [ 没有闭合（缺少 “]”）`);
    expect(text).toContain('    2 |   placeholder: [error\n  > 3 |   part-order: off\n      |   ^');
    expect(text).toContain('提示：检查缩进（只能用空格，不能用 Tab）、冒号后的空格和引号是否成对');
  });

  it('an unknown key, with did you mean and the allowed keys', async () => {
    const dir = tree({ '.lawreport-lint.yaml': "extends: recommended\nignre: ['x/**']\n", 'd.txt': DRAFT });
    const { text, count } = await problems(dir);
    expect(count).toBe(1);
    expect(text).toBe([
      `${join(dir, '.lawreport-lint.yaml')}:2:1  错误  配置文件中没有 “ignre” 这个键`,
      '    1 | extends: recommended',
      "  > 2 | ignre: ['x/**']",
      '      | ^^^^^',
      '    3 | ',
      '  提示：是否想写 “ignore”？可用的键：description, extends, reportKind, rules, rulesDir, lexicons, ignore, overrides',
    ].join('\n'));
  });

  it('an unknown rule id, with did you mean, at its line', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'rules:\n  other-matters: off\n  placeholdr: error\n', 'd.txt': DRAFT });
    const { text } = await problems(dir);
    expect(text.split('\n')[0]).toBe(`${join(dir, '.lawreport-lint.yaml')}:3:3  错误  没有 “placeholdr” 这条规则`);
    expect(text).toContain('提示：是否想写 “placeholder”？用 --list-rules 查看全部规则');
  });

  it('an unknown rule id inside overrides', async () => {
    const dir = tree({ '.lawreport-lint.yaml': "overrides:\n  - files: ['*.txt']\n    rules:\n      part-ordr: off\n", 'd.txt': DRAFT });
    const { text } = await problems(dir);
    expect(text.split('\n')[0]).toBe(`${join(dir, '.lawreport-lint.yaml')}:4:7  错误  overrides 中没有 “part-ordr” 这条规则`);
    expect(text).toContain('是否想写 “part-order”？');
  });

  it('an unknown preset, with did you mean and the presets there are', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'extends: recomended\n', 'd.txt': DRAFT });
    const { text } = await problems(dir);
    expect(text.split('\n')[0]).toBe(`${join(dir, '.lawreport-lint.yaml')}:1:10  错误  没有 “recomended” 这个预设`);
    expect(text).toContain('提示：是否想写 “recommended”？可用的预设：county, department, recommended, strict；也可以写 YAML 文件的路径');
  });

  it('an extends path that does not exist is reported where it is written', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'extends: [strict, ./nope.yaml]\n', 'd.txt': DRAFT });
    const { text } = await problems(dir);
    expect(text.split('\n')[0]).toBe(`${join(dir, '.lawreport-lint.yaml')}:1:19  错误  找不到配置文件：${join(dir, 'nope.yaml')}`);
  });

  it('a bad severity: the allowed values, did you mean, and no second complaint about the other form', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'rules:\n  part-order: warnng\n', 'd.txt': DRAFT });
    const { text, count } = await problems(dir);
    expect(count).toBe(1);
    expect(text.split('\n')[0]).toBe(`${join(dir, '.lawreport-lint.yaml')}:2:15  错误  “rules.part-order” 的值 “warnng” 不允许`);
    expect(text).toContain('提示：是否想写 “warning”？可用的值：error, warning, info, off');
    expect(text).not.toContain('键值表');
  });

  it('a bad severity inside {severity, …options}', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'rules:\n  placeholder: { severity: fatal }\n', 'd.txt': DRAFT });
    const { text, count } = await problems(dir);
    expect(count).toBe(1);
    expect(text.split('\n')[0]).toBe(`${join(dir, '.lawreport-lint.yaml')}:2:28  错误  “rules.placeholder.severity” 的值 “fatal” 不允许`);
    expect(text).toContain('可用的值：error, warning, info, off');
  });

  it('an unknown option of a rule type, at its line, with the type’s keys', async () => {
    const dir = tree({ '.lawreport-lint.yaml': 'rules:\n  placeholder:\n    severity: error\n    patern: []\n', 'd.txt': DRAFT });
    const { text } = await problems(dir);
    expect(text.split('\n')[0]).toBe(`${join(dir, '.lawreport-lint.yaml')}:4:5  错误  规则 placeholder 的选项中没有 “patern” 这个键`);
    expect(text).toContain('提示：是否想写 “patterns”？可用的键：patterns, parts, skipMarkerGap');
  });

  it('an unsafe regex (ReDoS) in an office rule is refused at load time, at the pattern’s own node', async () => {
    const dir = tree({
      '.lawreport-lint.yaml': 'rulesDir: rules\n',
      'rules/county-term.yaml': [
        'id: county-term', 'type: existence', 'summary: 旧称', 'severity: warning',
        'patterns:', "  - regex: '(a+)+b'", 'message: 旧称', 'help: 改', 'examples: { valid: [甲], invalid: [aab] }',
      ].join('\n'),
      'd.txt': DRAFT,
    });
    const { text } = await problems(dir);
    expect(text.split('\n')[0]).toBe(
      `${join(dir, 'rules', 'county-term.yaml')}:6:12  错误  规则 county-term：正则表达式 “(a+)+b” 不安全：“(a+)”内外都有无上限的重复（如 (a+)+），可能导致回溯爆炸`,
    );
    expect(text).toContain("> 6 |   - regex: '(a+)+b'");
    expect(text).toContain('提示：去掉嵌套的重复，如把 (a+)+ 写成 a+');
  });

  it('a regex that does not compile, given as a rule option in the user’s config, points into that config', async () => {
    const dir = tree({ '.lawreport-lint.yaml': "rules:\n  placeholder:\n    patterns:\n      - regex: '[待补'\n", 'd.txt': DRAFT });
    const { text } = await problems(dir);
    expect(text.split('\n')[0]).toBe(
      `${join(dir, '.lawreport-lint.yaml')}:4:16  错误  规则 placeholder：正则表达式 “[待补” 无法编译：Unterminated character class`,
    );
    expect(text).toContain('提示：检查括号是否成对');
  });

  it('a rule file: an unknown key of its type, with did you mean', async () => {
    const dir = tree({
      '.lawreport-lint.yaml': 'rulesDir: rules\n',
      'rules/county-term.yaml': 'id: county-term\ntype: existence\nsummary: 旧称\nseverity: warning\npattern: []\nmessage: 旧称\nhelp: 改\nexamples: { valid: [甲], invalid: [乙] }\n',
      'd.txt': DRAFT,
    });
    const { text } = await problems(dir);
    expect(text).toContain(`${join(dir, 'rules', 'county-term.yaml')}:5:1  错误  existence 类型没有 “pattern” 这个键`);
    expect(text).toContain('是否想写 “patterns”？');
  });

  it('problems are collected: one run reports every one of them', async () => {
    const dir = tree({
      '.lawreport-lint.yaml': [
        'extends: recomended',
        'rules:',
        '  placeholdr: error',
        '  part-order: warnng',
        '  stray-whitespace: { severity: info, patternz: [] }',
        'rulesDir: mine',
        "ignre: ['x/**']",
      ].join('\n'),
      'mine/county-term.yaml': [
        'id: county-term', 'type: existence', 'summary: 旧称', 'severity: warning',
        'patterns:', "  - regex: '(a+)+'", "  - regex: '[abc'", 'message: 旧称', 'help: 改', 'examples: { valid: [甲], invalid: [aaa] }',
      ].join('\n'),
      'd.txt': DRAFT,
    });
    const { text, count } = await problems(dir);
    const heads = text.split('\n').filter((l) => /  错误  /.test(l)).map((l) => l.replace(dir, '<dir>'));
    expect(heads).toEqual([
      // in line order, as a reader goes through the file
      '<dir>/.lawreport-lint.yaml:1:10  错误  没有 “recomended” 这个预设',
      '<dir>/.lawreport-lint.yaml:3:3  错误  没有 “placeholdr” 这条规则',
      '<dir>/.lawreport-lint.yaml:4:15  错误  “rules.part-order” 的值 “warnng” 不允许',
      '<dir>/.lawreport-lint.yaml:5:39  错误  规则 stray-whitespace 的选项中没有 “patternz” 这个键',
      '<dir>/.lawreport-lint.yaml:7:1  错误  配置文件中没有 “ignre” 这个键',
      '<dir>/mine/county-term.yaml:6:12  错误  规则 county-term：正则表达式 “(a+)+” 不安全：“(a+)”内外都有无上限的重复（如 (a+)+），可能导致回溯爆炸',
      '<dir>/mine/county-term.yaml:7:12  错误  规则 county-term：正则表达式 “[abc” 无法编译：Unterminated character class',
    ]);
    expect(count).toBe(7);
  });

  it('--rule with a bad severity or an unknown id', async () => {
    const dir = tree({ 'd.txt': DRAFT });
    const { text } = await problems(dir, { noConfigLookup: true, ruleOverrides: ['placeholder=warnig', 'placeholdr=error'] });
    expect(text).toContain('--rule  错误  “placeholder=warnig” 的写法不对\n  提示：是否想写 “placeholder=warning”？应写作 规则id=严重程度，严重程度可用：error, warning, info, off');
    expect(text).toContain('--rule  错误  没有 “placeholdr” 这条规则\n  提示：是否想写 “placeholder”？');
  });
});

describe('the ReDoS guard', () => {
  it('refuses nested unbounded repetition and repeated identical alternatives', () => {
    for (const re of ['(a+)+', '(\\s*x)*', '(?:a|b+){2,}', '(a|a)*', '((ab)*c)+']) expect(unsafeRegexReason(re), re).toBeTruthy();
  });
  it('accepts the patterns real rules use', () => {
    for (const re of ['【[^】\\n]{0,40}】', '(?<![A-Za-z])(?:XX+|xx+)(?![A-Za-z])', '(?<=[\\p{Script=Han}”])[ \\u00a0]+(?=\\p{Script=Han})', '(?:ab){1,3}', '(a+)?b', '[(+]+']) {
      expect(unsafeRegexReason(re), re).toBeUndefined();
    }
  });
  it('compileRegex throws a RegexError with a hint for both kinds of bad pattern', () => {
    expect(() => compileRegex('(x+)+y')).toThrow(/不安全/);
    expect(() => compileRegex('(x')).toThrow(/无法编译/);
  });
});

describe('did you mean', () => {
  it('suggests near misses and words cut short, and nothing for strangers', () => {
    expect(didYouMean('placeholdr', ['placeholder', 'part-order'])).toBe('placeholder');
    expect(didYouMean('warn', ['error', 'warning', 'info', 'off'])).toBe('warning');
    expect(didYouMean('zzzzzz', ['error', 'warning', 'info', 'off'])).toBeUndefined();
  });
});

describe('the JSON Schemas shipped in schema/', () => {
  it('are the ones the validator uses (rebuild with node scripts/build.mjs when stale)', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'config.schema.json'), 'utf8'))).toEqual(configSchema());
    expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'rule.schema.json'), 'utf8'))).toEqual(ruleSchema());
  });
  it('every rule file and preset names its schema for editors', () => {
    for (const dir of ['rules', 'presets']) {
      for (const f of readdirYaml(join(ROOT, dir))) {
        expect(readFileSync(f, 'utf8').split('\n')[0], f).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/(rule|config)\.schema\.json$/);
      }
    }
  });
});

function readdirYaml(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.yaml')).map((n) => join(dir, n));
}
