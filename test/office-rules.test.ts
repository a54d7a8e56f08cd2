/**
 * An office writes and tests its own rules with the installed tool:
 * `--init` writes a config and an example rule whose $schema lines resolve for
 * this installation; `--test-rules DIR` runs every rule's examples (the same
 * RuleTester as the project's own rule test) and points at each failing example.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { RULES_FOLDER } from '../src/cli/init.js';
import { runCli, tempDir } from './batch/helpers.js';
import { ROOT } from './helpers.js';

const schemaOf = (file: string) => /\$schema=(\S+)/.exec(readFileSync(file, 'utf8'))![1];

describe('--init', () => {
  test('writes a config and an example office rule whose $schema lines resolve here; never overwrites', async () => {
    const dir = tempDir('lrl-init-');
    const first = await runCli(['--init'], dir);
    expect(first.code).toBe(0);
    const config = join(dir, '.lawreport-lint.yaml');
    const rule = join(dir, RULES_FOLDER, 'agency-old-name.yaml');
    expect(resolve(dirname(config), schemaOf(config))).toBe(join(ROOT, 'schema', 'config.schema.json'));
    expect(resolve(dirname(rule), schemaOf(rule))).toBe(join(ROOT, 'schema', 'rule.schema.json'));
    expect(existsSync(resolve(dirname(rule), schemaOf(rule)))).toBe(true);

    writeFileSync(config, '# edited\n');
    const again = await runCli(['--init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有 .lawreport-lint.yaml');
    expect(readFileSync(config, 'utf8')).toBe('# edited\n');
  });

  test('the example rule passes --test-rules and is on when a draft is linted', async () => {
    const dir = tempDir('lrl-init-');
    await runCli(['--init'], dir);
    const tested = await runCli(['--test-rules', RULES_FOLDER], dir);
    expect(tested.stdout).toContain('✔ 全部通过：1 条规则，2 个示例');
    expect(tested.code).toBe(0);
    writeFileSync(join(dir, '草稿.txt'), '关于2023年法治政府建设情况的报告\n规范性文件报县法制办进行合法性审核。\n');
    const linted = await runCli(['草稿.txt', '-f', 'json'], dir);
    expect(JSON.parse(linted.stdout)[0].diagnostics.map((d: { code: string }) => d.code)).toContain('agency-old-name');
  });
});

const BROKEN = `id: office-phrases
type: existence
summary: 不用“高度重视”这类套话
severity: warning
reference: 本县公文写作要求
patterns:
  - words: [高度重视]
    fix: { replace: 重视, safe: false, title: 删去“高度” }
message: 套话“{{found}}”
help: 写出具体做了什么。
examples:
  valid:
    - "镇党委高度重视法治建设。"
  invalid:
    - "镇党委重视法治建设。"
    - text: "镇党委高度重视法治建设。"
      at: 高度
    - text: "镇党委高度重视法治建设。"
      output: "镇党委很重视法治建设。"
    - text: "镇党委高度重视法治建设。"
      at: 高度重视
`;

describe('--test-rules', () => {
  test('each failing example is named at its place in the rule file, with what went wrong; exit 1', async () => {
    const dir = tempDir('lrl-test-rules-');
    const folder = join(dir, RULES_FOLDER);
    await runCli(['--init'], dir); // a config and a folder with one good rule
    writeFileSync(join(folder, 'office-phrases.yaml'), BROKEN);
    const r = await runCli(['--test-rules', RULES_FOLDER, '--no-color'], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const at = (needle: string) => lines.find((l) => l.includes(needle));
    expect(at('正确示例 #1')).toMatch(/^\s+13:7\s+错误\s+正确示例 #1：正确示例不应报告问题，却报告了：“套话“高度重视””\s+office-phrases$/);
    expect(at('错误示例 #1')).toMatch(/^\s+15:7 .*错误示例应至少报告一个问题，却没有报告/);
    expect(at('错误示例 #2')).toContain('at 应恰好是报告的范围：期望 “高度”，实际 “高度重视”');
    expect(at('错误示例 #3')).toContain('修复后的全文与 output 不同：期望 “镇党委很重视法治建设。”，实际 “镇党委重视法治建设。”');
    expect(at('错误示例 #4')).toContain('这条规则提供修复：错误示例须写 output');
    expect(lines[0]).toBe(join(RULES_FOLDER, 'office-phrases.yaml'));
    expect(r.stdout).not.toContain('agency-old-name'); // the good rule is not listed
    expect(r.stdout).toContain('✖ 6 处不通过（2 条规则，7 个示例）');
  });

  test('a rule file that does not load is a config error (exit 2); an empty folder says what is missing', async () => {
    const dir = tempDir('lrl-test-rules-');
    await runCli(['--init'], dir);
    writeFileSync(join(dir, RULES_FOLDER, 'agency-old-name.yaml'), readFileSync(join(dir, RULES_FOLDER, 'agency-old-name.yaml'), 'utf8').replace('patterns:', 'patterns_:'));
    const bad = await runCli(['--test-rules', RULES_FOLDER, '--no-config-lookup'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/agency-old-name\.yaml:\d+:1 {2}错误 .*patterns_/);
    mkdirSync(join(dir, '空文件夹'));
    const empty = await runCli(['--test-rules', '空文件夹', '--no-config-lookup'], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('空文件夹 中没有规则文件（*.yaml）');
    const missing = await runCli(['--test-rules', '没有这个文件夹', '--no-config-lookup'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取规则文件夹');
  });

  test('the installed command runs without the source tree’s test tools', async () => {
    const dir = tempDir('lrl-test-rules-');
    await runCli(['--init'], dir);
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'lawreport-lint.js'), '--test-rules', RULES_FOLDER], { cwd: dir });
    expect(stdout).toContain('✔ 全部通过：1 条规则，2 个示例');
  });
});
