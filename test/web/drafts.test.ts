/**
 * The web page's core without a browser: an office's files held in memory
 * (src/web/memory-host.ts) are read, validated and reported exactly as the CLI
 * reads them from disk, and a picked draft is read as the CLI reads the file.
 * The page in Chromium is tested in page.browser.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { loadBuiltins, type Builtins } from '../../src/config/builtin.js';
import { ConfigError } from '../../src/config/errors.js';
import { readDraft } from '../../src/io/read.js';
import { FIX_HINT, fixAll, lintPageDraft, officeLinter, officeProblems, readPageDraft } from '../../src/web/drafts.js';
import { CORPUS, unlinked } from '../helpers.js';

const DRAFT = '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n（一）规范性文件报县法制办审核3件。\n';

const RULE = (body: string) => [
  'id: county-agency-name', 'type: existence', 'summary: 不再使用旧称', 'severity: warning',
  body, 'message: 机构旧称“{{found}}”', 'help: 改为“县司法局”。',
  'examples: { valid: ["报县司法局审核。"], invalid: ["报县法制办审核。"] }',
].join('\n');

/** Office trees the CLI refuses, each with a different kind of problem. */
const BROKEN: Record<string, Record<string, string>> = {
  'a rule with an unknown key': { '.lawreport-lint.yaml': 'rulesDir: 本县规则\n', '本县规则/county-agency-name.yaml': RULE('pattern: [县法制办]') },
  'a rule file that is not YAML': { '.lawreport-lint.yaml': 'rulesDir: 本县规则\n', '本县规则/county-agency-name.yaml': RULE('patterns:\n\t- words: [县法制办]') },
  'an unsafe regex': { '.lawreport-lint.yaml': 'rulesDir: 本县规则\n', '本县规则/county-agency-name.yaml': RULE("patterns:\n  - regex: '(县+)+法制办'") },
  'a config with a typo and a missing folder': { '.lawreport-lint.yaml': 'extends: recomended\nrules:\n  part-order: warn\n  placeholder: { severity: error, patern: [] }\nrulesDir: 规则\n' },
};

let base: string;
let builtins: Builtins;
beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'lrl-web-'));
  builtins = await loadBuiltins();
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(base, 't-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** What the CLI prints about a broken configuration, with the folder's path left out. */
async function cliProblems(dir: string): Promise<string> {
  writeFileSync(join(dir, 'd.txt'), DRAFT);
  let stderr = '';
  const code = await main(['d.txt'], { cwd: dir, stdout: () => {}, stderr: (s) => void (stderr += s), stdin: async () => Buffer.alloc(0), isTTY: false });
  expect(code).toBe(2);
  return stderr.split(`${dir}/`).join('');
}

/** The same files as the page holds them: by path from the folder the drafter picked. */
async function pageProblems(files: Record<string, string>): Promise<string> {
  try {
    await officeLinter({ files: Object.fromEntries(Object.entries(files).map(([p, t]) => [`/${p}`, t])) }, builtins);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return `${officeProblems(err.problems)}\n\n配置有 ${err.problems.length} 个问题，未进行检查。\n`;
  }
  return '';
}

describe('an office’s rules in the page', () => {
  for (const [name, files] of Object.entries(BROKEN)) {
    it(`${name}: the CLI’s messages, file:line:col and all`, async () => {
      const cli = await cliProblems(tree(files));
      expect(cli).toMatch(/:\d+:\d+ {2}错误 {2}/);
      expect(await pageProblems(files)).toBe(cli);
    });
  }

  it('a valid office rule finds what the CLI finds, with the same fix', async () => {
    const files = { '.lawreport-lint.yaml': 'rulesDir: 本县规则\n', '本县规则/county-agency-name.yaml': RULE('patterns:\n  - words: [县法制办]\n    fix: { replace: 县司法局, safe: true, title: 改为“县司法局” }') };
    const dir = tree(files);
    writeFileSync(join(dir, 'd.txt'), DRAFT);
    let stdout = '';
    await main(['-f', 'json', 'd.txt'], { cwd: dir, stdout: (s) => void (stdout += s), stderr: () => {}, stdin: async () => Buffer.alloc(0), isTTY: false });
    const [cli] = JSON.parse(stdout);
    const linter = await officeLinter({ files: Object.fromEntries(Object.entries(files).map(([p, t]) => [`/${p}`, t])) }, builtins);
    const draft = await readPageDraft('d.txt', readFileSync(join(dir, 'd.txt')));
    const page = lintPageDraft(linter, draft).diagnostics;
    expect(page.map((d) => d.code)).toContain('county-agency-name');
    expect(unlinked(page, FIX_HINT)).toEqual(cli.diagnostics);

    await main(['--fix', 'd.txt'], { cwd: dir, stdout: () => {}, stderr: () => {}, stdin: async () => Buffer.alloc(0), isTTY: false });
    expect(fixAll(linter, draft, draft.text, { unsafe: false })).toBe(readFileSync(join(dir, 'd.txt'), 'utf8'));
  });

  it('a folder picked without a config file is switched on as rulesDir would', async () => {
    const linter = await officeLinter({ files: { '/本县规则/county-agency-name.yaml': RULE('patterns:\n  - words: [县法制办]') } }, builtins);
    const draft = await readPageDraft('d.txt', new TextEncoder().encode(DRAFT));
    expect(lintPageDraft(linter, draft).diagnostics.find((d) => d.code === 'county-agency-name')?.message).toBe('机构旧称“县法制办”');
  });

  it('a config file picked under another name is the config, as --config names it', async () => {
    const files = { '/本县配置.yaml': 'rules:\n  other-matters: error\n' };
    const linter = await officeLinter({ files, configFile: '/本县配置.yaml' }, builtins);
    expect(linter.config.resolved.settings.get('other-matters')?.severity).toBe('error');
    await expect(officeLinter({ files: { '/本县配置.yaml': 'rules:\n  other-maters: error\n' }, configFile: '/本县配置.yaml' }, builtins))
      .rejects.toThrow(/本县配置\.yaml:2:3 {2}错误 {2}没有 “other-maters” 这条规则/);
  });

  it('the preset chosen is the CLI’s --preset', async () => {
    const strict = await officeLinter({ files: {}, preset: 'strict' }, builtins);
    expect(strict.config.resolved.settings.get('other-matters')?.severity).toBe('error');
    const recommended = await officeLinter({ files: {} }, builtins);
    expect(recommended.config.resolved.settings.get('other-matters')?.severity).toBe('warning');
    await expect(officeLinter({ files: {}, preset: 'strikt' }, builtins)).rejects.toThrow(/没有 “strikt” 这个预设[\s\S]*是否想写 “strict”/);
  });
});

describe('a draft picked in the page', () => {
  it('is read as the CLI reads the file: the same text, GB18030 and BOMs included', async () => {
    for (const name of ['tushan-2023.txt', 'xinji-2023.txt']) {
      const file = join(CORPUS, name);
      expect((await readPageDraft(name, readFileSync(file))).text).toBe((await readDraft(file)).text);
    }
    const gb = Uint8Array.from([0xb9, 0xd8, 0xd3, 0xda, 0x32, 0x30, 0x32, 0x33, 0xc4, 0xea]); // 关于2023年 in GB18030
    expect((await readPageDraft('旧稿.txt', gb)).text).toBe('关于2023年');
    const crlf = await readPageDraft('crlf.txt', new TextEncoder().encode('甲\r\n乙\r\n'));
    expect(crlf.lineBreak).toBe('\r\n');
  });

  it('an unreadable file is a draft with the CLI’s reason, not a failure', async () => {
    expect((await readPageDraft('空.txt', new Uint8Array())).error?.message).toBe('文件是空的（0 字节），没有可检查的内容');
    expect((await readPageDraft('图.txt', Uint8Array.from([0, 1, 2, 0, 5, 0]))).error?.code).toBe('binary');
    expect((await readPageDraft('旧稿.doc', new Uint8Array(8))).error?.message).toMatch(/^不能检查 \.doc 文件：请在 Word 或 WPS 中另存为 \.docx/);
  });
});
