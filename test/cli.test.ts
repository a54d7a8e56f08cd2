/**
 * The CLI, through `main(argv, io)` with a capturing io (and twice for real,
 * spawning bin/lawreport-lint.js): formats, the json contract, exit codes, flags,
 * stdin, the reserved `lsp` word, help and version, bad input (one clear line,
 * exit 2, never a stack trace), encodings, a 5 MB draft, and that reading never
 * modifies a file.
 *
 * Lint runs use `--preset core.yaml`, a preset of the six issue-2 rules, so these
 * tests hold whatever content rules land next to them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { colorFromEnv, main, type CliIO } from '../src/cli/index.js';
import { encode } from '../src/io/encoding.js';
import type { Diagnostic } from '../src/types.js';
import { CORPUS, ROOT } from './helpers.js';

const CORE = [
  'rules:',
  '  required-parts: error',
  '  other-matters: warning',
  '  part-order: warning',
  '  placeholder: error',
  '  conversion-artifact: error',
  '  stray-whitespace: info',
].join('\n');

/** A draft with one finding of each severity: a placeholder (error), no “other” part (warning), trailing spaces (info, fixable). */
const FINDINGS = [
  '关于2023年法治政府建设情况的报告',
  '一、主要举措和成效',
  '（一）强化学习。组织XX名干部参加考试。  ',
  '二、存在的不足和原因',
  '一是认识不到位。原因是重视不够。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '书记带头学法4次。',
  '四、2024年工作安排',
  '加强学习。',
].join('\n');

/** Clean under the core preset. */
const CLEAN = `${FINDINGS.replace('XX', '78').replace('考试。  ', '考试。')}\n五、其他需要报告的情况\n无。`;

/** Only a warning: no “other” part. */
const WARN_ONLY = FINDINGS.replace('XX', '78').replace('考试。  ', '考试。');

let dir: string;
let core: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lrl-cli-'));
  core = join(dir, 'core.yaml');
  writeFileSync(core, CORE);
  mkdirSync(join(dir, 'drafts', 'b'), { recursive: true });
  writeFileSync(join(dir, 'drafts', 'b', 'findings.txt'), FINDINGS);
  writeFileSync(join(dir, 'drafts', 'a-clean.md'), CLEAN);
  writeFileSync(join(dir, 'drafts', 'c-warn.txt'), WARN_ONLY);
  writeFileSync(join(dir, 'drafts', 'notes.docx.bak'), 'not a draft');
});

interface Run { code: number; out: string; err: string }

function capture(cwd: string, stdin = '', tty = false): CliIO & { out: string; err: string } {
  const io = {
    out: '', err: '', cwd, isTTY: tty,
    stdout: (s: string) => { io.out += s; },
    stderr: (s: string) => { io.err += s; },
    stdin: async () => Buffer.from(stdin),
  };
  return io;
}

async function cli(args: string[], options: { cwd?: string; stdin?: string; tty?: boolean; preset?: boolean } = {}): Promise<Run> {
  const io = capture(options.cwd ?? dir, options.stdin, options.tty);
  const argv = options.preset === false ? args : ['--preset', core, ...args];
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

type Entry = { filePath: string; diagnostics: Diagnostic[]; error?: { code: string; message: string } };
const json = (r: Run): Entry[] => JSON.parse(r.out);

/** No stack trace and no JavaScript error name anywhere in what the user sees. */
function noStack(r: Run): void {
  expect(`${r.out}${r.err}`).not.toMatch(/\n\s+at |TypeError|ReferenceError|Error:/);
}

describe('json: the contract other tools depend on', () => {
  it('an array, one entry per file in path order, clean files included, paths as expanded from the folder', async () => {
    const r = await cli(['-f', 'json', 'drafts']);
    const entries = json(r);
    expect(entries.map((e) => e.filePath)).toEqual(['drafts/a-clean.md', 'drafts/b/findings.txt', 'drafts/c-warn.txt']);
    for (const e of entries) expect(Object.keys(e)).toEqual(['filePath', 'diagnostics']);
    expect(entries[0].diagnostics).toEqual([]);
    expect(r.code).toBe(1);
  });

  it('diagnostics are LSP-shaped: 0-based lines, UTF-16 characters, severity numbers, rule id as code', async () => {
    const [e] = json(await cli(['-f', 'json', 'drafts/b/findings.txt']));
    expect(e.filePath).toBe('drafts/b/findings.txt');
    const byCode = Object.fromEntries(e.diagnostics.map((d) => [d.code, d]));
    expect(byCode.placeholder).toMatchObject({
      range: { start: { line: 2, character: 10 }, end: { line: 2, character: 12 } },
      severity: 1, code: 'placeholder', source: 'lawreport-lint', message: '稿件中留有占位符“XX”',
      data: { help: '填入实际内容，或删去这一句。' },
    });
    // a report leaves this machine: no link to a rule file on it (the language server and the API link them)
    expect(byCode.placeholder.codeDescription).toBeUndefined();
    expect(byCode['stray-whitespace']).toMatchObject({
      range: { start: { line: 2, character: 20 }, end: { line: 2, character: 22 } }, severity: 3,
      data: { fix: { title: '删除行尾空格', safe: true, edits: [{ range: { start: { line: 2, character: 20 }, end: { line: 2, character: 22 } }, newText: '' }] } },
    });
    expect(byCode['other-matters']).toMatchObject({ severity: 2, range: { start: { line: 7, character: 0 } }, data: { reference: '《法治政府建设与责任落实督察工作规定》 年度报告内容第（五）项' } });
    expect(e.diagnostics.map((d) => d.code)).toEqual(['placeholder', 'stray-whitespace', 'other-matters']);
    // the id each finding was reported with, as the json contract in the README says
    expect(e.diagnostics.map((d) => d.data?.messageId)).toEqual(['default', 'trailing', 'missing']);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/### json 输出[^#]*`data: \{ messageId, ruleType,/);
  });

  it('a file that cannot be read has diagnostics: [] and an error; the others are still linted; exit 2', async () => {
    const r = await cli(['-f', 'json', 'drafts/a-clean.md', 'missing.txt', 'drafts/c-warn.txt']);
    expect(json(r)).toEqual([
      { filePath: 'drafts/a-clean.md', diagnostics: [] },
      { filePath: 'missing.txt', diagnostics: [], error: { code: 'not-found', message: '找不到这个文件，请检查路径和文件名' } },
      { filePath: 'drafts/c-warn.txt', diagnostics: [expect.objectContaining({ code: 'other-matters' })] },
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing.txt: 找不到这个文件');
  });

  it('stdin is named by --stdin-filename, which also decides Markdown or text', async () => {
    const md = '# 关于2023年法治政府建设情况的报告\n\n<!-- lawreport-lint-disable-next-line placeholder -->\n组织XX名干部。\n\n组织XX名干部。\n';
    const r = await cli(['-f', 'json', '-', '--stdin-filename', '稿件/青石镇.md'], { stdin: md });
    const [e] = json(r);
    expect(e.filePath).toBe('稿件/青石镇.md');
    expect(e.diagnostics.filter((d) => d.code === 'placeholder').map((d) => d.range.start.line)).toEqual([5]);
    const t = json(await cli(['-f', 'json', '-', '--stdin-filename', '青石镇.txt'], { stdin: md }))[0];
    expect(t.diagnostics.filter((d) => d.code === 'placeholder').map((d) => d.range.start.line)).toEqual([3, 5]);
  });

  it('a draft on stdin, or one being fixed, gets the same table and checklist as in a batch', async () => {
    const text = readFileSync(join(CORPUS, 'tushan-2023.txt'), 'utf8');
    const table = (await cli(['-f', 'table', '-', '--stdin-filename', '涂山镇.txt'], { stdin: text })).out;
    // the part columns from parts.yaml, the unit from the title, every part ticked
    expect(table).toContain('举措成效');
    expect(table).toContain('重庆市南岸区涂山镇人民政府');
    expect(table.split('\n')[1]).toMatch(/(✓\s+){5}/);
    const checklist = (await cli(['-f', 'checklist', '--fix-dry-run', '-', '--stdin-filename', '涂山镇.txt'], { stdin: text })).out;
    // the requirements of checklist.yaml, decided with evidence, not one line per reported rule
    expect(checklist).toContain('五个部分齐全');
    expect(checklist).toMatch(/✓/);
  });
});

describe('stylish', () => {
  it('grouped per file: line:col, severity, message, rule id, the reference and help beneath, a summary with the fixable count', async () => {
    const r = await cli(['drafts/b/findings.txt', 'drafts/a-clean.md']);
    expect(r.out).toBe([
      'drafts/b/findings.txt',
      `  3:11  错误  稿件中留有占位符“XX”${' '.repeat(48)}  placeholder`,
      '              原文：“组织【XX】名干部参加考试。”',
      '              建议：填入实际内容，或删去这一句。',
      `  3:21 ✓提示  行尾有多余的空格${' '.repeat(54)}  stray-whitespace`,
      '              建议：删除多余的空格（lawreport-lint --fix 可自动修复）。',
      // a message wider than 70 columns is not padded
      '  8:1   警告  缺少“其他需要报告的情况”部分；没有需要报告的其他情况时，也应保留该标题并写“无。”  other-matters',
      '              依据：《法治政府建设与责任落实督察工作规定》 年度报告内容第（五）项',
      '              建议：在文末加上“五、其他需要报告的情况”，正文写“无。”（编辑器中可一键插入）。',
      '',
      '✖ 3 个问题（1 个错误，1 个警告，1 个提示），其中 1 个可自动修复（标 ✓）：lawreport-lint --fix drafts/b/findings.txt',
      '',
    ].join('\n'));
  });

  it('messages are aligned by display width (a Chinese character is two columns)', async () => {
    const r = await cli(['drafts/b/findings.txt']);
    // the two rows whose messages fit in 70 columns; their messages differ in length and in wide characters
    const rows = r.out.split('\n').filter((l) => / (placeholder|stray-whitespace)$/.test(l));
    expect(rows).toHaveLength(2);
    const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60“”]/.test(ch) ? 2 : 1), 0);
    const ruleColumns = rows.map((l) => width(l.slice(0, l.lastIndexOf('  ') + 2)));
    expect(new Set(ruleColumns).size).toBe(1);
  });

  it('a clean run says so; colour only on a terminal', async () => {
    const clean = await cli(['drafts/a-clean.md']);
    expect(clean.out).toBe('✔ 没有发现问题（检查了 1 份稿件）\n');
    expect(clean.code).toBe(0);
    expect((await cli(['drafts/b/findings.txt'])).out).not.toContain('\u001b[');
    expect((await cli(['drafts/b/findings.txt'], { tty: true })).out).toContain('\u001b[31m');
    expect((await cli(['--no-color', 'drafts/b/findings.txt'], { tty: true })).out).not.toContain('\u001b[');
  });

  it('FORCE_COLOR and NO_COLOR decide colour as other tools do; --no-color still wins', async () => {
    const withEnv = async (colorEnv: boolean | undefined, args: string[], tty = false) => {
      const io = capture(dir, undefined, tty);
      io.colorEnv = colorEnv;
      await main(['--preset', core, ...args], io);
      return io.out;
    };
    expect(colorFromEnv({ FORCE_COLOR: '1' })).toBe(true);
    expect(colorFromEnv({ FORCE_COLOR: '' })).toBe(true);
    expect(colorFromEnv({ FORCE_COLOR: '0' })).toBe(false);
    expect(colorFromEnv({ FORCE_COLOR: 'false', NO_COLOR: '' })).toBe(false);
    expect(colorFromEnv({ NO_COLOR: '1' })).toBe(false);
    expect(colorFromEnv({ NO_COLOR: '' })).toBeUndefined();
    expect(colorFromEnv({})).toBeUndefined();
    expect(await withEnv(true, ['drafts/b/findings.txt'])).toContain('\u001b[31m'); // piped, forced
    expect(await withEnv(false, ['drafts/b/findings.txt'], true)).not.toContain('\u001b[');
    expect(await withEnv(true, ['--no-color', 'drafts/b/findings.txt'])).not.toContain('\u001b[');
  });
});

describe('exit codes', () => {
  it('0 clean, 1 with an error, 0 with warnings only', async () => {
    expect((await cli(['drafts/a-clean.md'])).code).toBe(0);
    expect((await cli(['drafts/b/findings.txt'])).code).toBe(1);
    expect((await cli(['drafts/c-warn.txt'])).code).toBe(0);
  });

  it('--max-warnings N: 1 when warnings exceed N', async () => {
    const within = await cli(['--max-warnings', '1', 'drafts/c-warn.txt']);
    expect(within.code).toBe(0);
    expect(within.err).toBe('');
    const over = await cli(['--max-warnings', '0', 'drafts/c-warn.txt']);
    expect(over.code).toBe(1);
    expect(over.err).toBe('lawreport-lint: 警告共 1 个，超过了 --max-warnings 0 的上限，因此退出码为 1\n');
    // --quiet hides warnings from the report, not from the count
    const quiet = await cli(['--max-warnings', '0', '--quiet', 'drafts/c-warn.txt']);
    expect(quiet.code).toBe(1);
    expect(quiet.err).toContain('超过了 --max-warnings 0 的上限');
    // the same through --fix-dry-run, which lints one file at a time
    expect((await cli(['--max-warnings', '0', '--fix-dry-run', 'drafts/c-warn.txt'])).err).toContain('警告共 1 个');
    const bad = await cli(['--max-warnings', 'x', 'drafts/c-warn.txt']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('“x” 不是非负整数');
  });

  it('--quiet reports errors only', async () => {
    const [e] = json(await cli(['-f', 'json', '--quiet', 'drafts/b/findings.txt']));
    expect(e.diagnostics.map((d) => d.code)).toEqual(['placeholder']);
    // what was left out is said, not passed over as “no problems”
    expect((await cli(['--quiet', 'drafts/c-warn.txt'])).out).toBe('✔ 没有错误（检查了 1 份稿件）；1 个警告和提示未显示（--quiet）\n');
    expect((await cli(['--quiet', 'drafts/b/findings.txt'])).out).toMatch(/✖ 1 个问题（1 个错误，0 个警告）；另有 2 个警告和提示未显示（--quiet）\n$/);
    expect((await cli(['--quiet', 'drafts/a-clean.md'])).out).toBe('✔ 没有发现问题（检查了 1 份稿件）\n');
  });

  it('2 wins over 1', async () => {
    expect((await cli(['drafts/b/findings.txt', 'missing.txt'])).code).toBe(2);
  });
});

describe('choosing rules', () => {
  it('--rule ID=SEVERITY, repeatable', async () => {
    const [e] = json(await cli(['-f', 'json', '--rule', 'placeholder=off', '--rule', 'other-matters=error', 'drafts/b/findings.txt']));
    expect(e.diagnostics.map((d) => [d.code, d.severity])).toEqual([['stray-whitespace', 3], ['other-matters', 1]]);
  });

  it('--preset strict raises severities', async () => {
    const strict = json(await cli(['-f', 'json', '--preset', 'strict', 'drafts/c-warn.txt'], { preset: false }))[0];
    expect(strict.diagnostics.find((d) => d.code === 'other-matters')?.severity).toBe(1);
    const recommended = json(await cli(['-f', 'json', '--preset', 'recommended', 'drafts/c-warn.txt'], { preset: false }))[0];
    expect(recommended.diagnostics.find((d) => d.code === 'other-matters')?.severity).toBe(2);
  });
});

describe('-o, --output', () => {
  it('writes the report to the file, and nothing to stdout', async () => {
    const expected = (await cli(['-f', 'json', 'drafts'])).out;
    const out = join(dir, 'reports', 'r.json');
    mkdirSync(join(dir, 'reports'), { recursive: true });
    writeFileSync(out, 'old report');
    const r = await cli(['-f', 'json', '-o', 'reports/r.json', 'drafts']);
    expect(r.out).toBe('');
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(expected);
    // atomic: written through a temporary file in the same folder, which is gone afterwards
    expect(readdirSync(join(dir, 'reports'))).toEqual(['r.json']);
  });

  it('an output folder that does not exist: one clear line, exit 2, no stack trace', async () => {
    const r = await cli(['-f', 'json', '-o', 'nowhere/r.json', 'drafts/a-clean.md']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('lawreport-lint: 无法写入 -o nowhere/r.json：文件夹 nowhere 不存在；请先创建它，或换一个输出路径\n');
    expect(r.out).toBe('');
    noStack(r);
  });
});

describe('looking at rules, configuration and the model', () => {
  it('--list-rules lists every rule with its type and current severity', async () => {
    const r = await cli(['--list-rules']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^规则\s+类型\s+当前\s+说明$/);
    expect(lines.find((l) => l.startsWith('placeholder '))).toMatch(/^placeholder\s+existence\s+错误\s+稿件中不应留有占位符$/);
    expect(lines.find((l) => l.startsWith('stray-whitespace '))).toMatch(/\s提示\s/);
    for (const f of readdirSync(join(ROOT, 'rules')).filter((n) => n.endsWith('.yaml'))) {
      expect(lines.some((l) => l.startsWith(`${f.slice(0, -5)} `)), f).toBe(true);
    }
  });

  it('--explain RULE renders the rule from its YAML', async () => {
    const r = await cli(['--explain', 'required-parts']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('required-parts — 报告须包含督察工作规定要求的四个必备部分');
    expect(r.out).toContain('类型：sections');
    expect(r.out).toContain('依据：《法治政府建设与责任落实督察工作规定》 年度报告内容第（一）至（四）项');
    expect(r.out).toContain('怎样改：按规定的顺序补写该部分');
    expect(r.out).toContain('符合要求的写法：');
    expect(r.out).toContain('会被报告的写法：');
    expect(r.out).toContain('  require: ["achievements", "shortcomings", "duties", "plan"]    # 必须出现的部分');
  });

  it('--explain TYPE lists the type’s options', async () => {
    const r = await cli(['--explain', 'existence']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('规则类型 existence');
    expect(r.out).toContain('patterns（必填）');
  });

  it('--explain TYPE lists every message id with what it says and its placeholders', async () => {
    const r = await cli(['--explain', 'title']);
    const lines = r.out.slice(r.out.indexOf('\n消息')).split('\n');
    const at = (id: string) => lines.findIndex((l) => l.startsWith(`  ${id}`));
    for (const id of ['missing', 'organ', 'spaces', 'fix', 'atStart', 'atEnd', 'passOrgan', 'passYear']) expect(at(id), id).toBeGreaterThan(0);
    expect(lines[at('spaces')]).toBe('  spaces: 标题行首尾有空格（{{where}} 是开头或末尾）');
    expect(lines[at('spaces') + 1]).toBe('      占位符：{{where}}');
    expect(lines[at('fix')]).toBe('  fix（修复标题）: 删除标题首尾空格的修复的标题');
    expect(lines[at('atStart') + 1]).toBe('      占位符：（无）');
    const existence = (await cli(['--explain', 'existence'])).out;
    expect(existence).toContain('  patterns 各项的 messageId 指定的消息，和 fix.title 修复的标题\n      占位符：{{found}}');
  });

  it('--explain with an unknown name: did you mean, exit 2', async () => {
    const r = await cli(['--explain', 'placeholdr']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('lawreport-lint: 没有 “placeholdr” 这条规则或规则类型；是否想写 “placeholder”？（用 --list-rules 查看全部规则）\n');
    const t = await cli(['--explain', 'existance']);
    expect(t.code).toBe(2);
    expect(t.err).toContain('是否想写 “existence”？');
  });

  it('--print-config shows the effective settings and where each came from', async () => {
    mkdirSync(join(dir, 'pc'), { recursive: true });
    writeFileSync(join(dir, 'pc', '.lawreport-lint.yaml'), 'rules:\n  placeholder: warning\n');
    writeFileSync(join(dir, 'pc', 'd.txt'), CLEAN);
    const r = await cli(['--print-config', 'pc/d.txt'], { preset: false });
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.configFile).toBe(join(dir, 'pc', '.lawreport-lint.yaml'));
    expect(c.rules.placeholder).toEqual({ severity: 'warning', from: join(dir, 'pc', '.lawreport-lint.yaml') });
    expect(c.rules['other-matters']).toEqual({ severity: 'warning', from: '预设 recommended' });
  });

  it('--print-config applies the config’s overrides for the file, as linting does', async () => {
    mkdirSync(join(dir, 'po', '街道'), { recursive: true });
    const config = join(dir, 'po', '.lawreport-lint.yaml');
    writeFileSync(config, "rules:\n  placeholder: warning\noverrides:\n  - files: ['街道/**']\n    rules: { placeholder: info, part-order: off }\n");
    writeFileSync(join(dir, 'po', '街道', 'd.txt'), FINDINGS);
    writeFileSync(join(dir, 'po', 'd.txt'), FINDINGS);
    const street = JSON.parse((await cli(['--print-config', 'po/街道/d.txt'], { preset: false })).out);
    expect(street.rules.placeholder).toEqual({ severity: 'info', from: `${config} overrides[0]（files: 街道/**）` });
    expect(street.rules['part-order'].severity).toBe('off');
    const town = JSON.parse((await cli(['--print-config', 'po/d.txt'], { preset: false })).out);
    expect(town.rules.placeholder).toEqual({ severity: 'warning', from: config });
    // and linting the street's draft applies the same
    const linted = JSON.parse((await cli(['po/街道/d.txt', '-f', 'json'], { preset: false })).out);
    expect(linted[0].diagnostics.find((d: Diagnostic) => d.code === 'placeholder').severity).toBe(3);
  });

  it('--print-document shows the model: title, organ, year, parts, items, figures', async () => {
    const r = await cli(['--print-document', join(CORPUS, 'tushan-2023.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('标题：L2 “关于2023年法治政府建设情况的报告”  类型：report');
    expect(r.out).toContain('发文机关：L1 “重庆市南岸区涂山镇人民政府”  报告年度：2023');
    expect(r.out).toContain('  L25 plan（下年安排） 依据“2024年” 年份 2024：2024年推进法治政府建设的工作思路目标举措');
    expect(r.out).toContain('    · L6 标题项：基层智治有力有效');
    expect(r.out).toContain('    · L24 一是…：一是运用法治思维和法治方式解决问题、推动工作的能力还需持续增强');
    expect(r.out).toMatch(/数字（15）：22条@L9 /);
    const j = await cli(['-f', 'json', '--print-document', join(CORPUS, 'tushan-2023.txt')]);
    const model = JSON.parse(j.out);
    expect(model.parts.map((p: { kind: string; line: number }) => `${p.kind}@${p.line}`)).toEqual(['achievements@5', 'duties@18', 'shortcomings@23', 'plan@25', 'other@27']);
  });
});

describe('the word lsp, help, version', () => {
  it('a folder named lsp is reachable as ./lsp', async () => {
    const cwd = mkdtempSync(join(dir, 'lsp-'));
    mkdirSync(join(cwd, 'lsp'));
    writeFileSync(join(cwd, 'lsp', 'd.txt'), CLEAN);
    const r = await cli(['-f', 'json', './lsp'], { cwd });
    expect(r.code).toBe(0);
    expect(json(r).map((e) => e.filePath)).toEqual(['lsp/d.txt']);
  });

  it('--help is in Chinese and English and exits 0', async () => {
    const r = await cli(['--help'], { preset: false });
    expect(r.code).toBe(0);
    for (const s of ['用法 / Usage:', '选项 / Options:', '输出格式 / output format', '（默认 stylish）', '--stdin-filename', '--report-unused-disable-directives', '--print-document', '退出码 / exit codes']) {
      expect(r.out, s).toContain(s);
    }
    expect(r.out).not.toMatch(/\(default: |\nOptions:/);
    // what --jobs auto means is what resolveJobs does: cores minus one
    expect(r.out.replace(/\s+/g, ' ')).toContain('auto（默认）为 CPU 核心数减一');
  });

  it('--version prints the package version', async () => {
    const r = await cli(['--version'], { preset: false });
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('an unknown flag is a usage error', async () => {
    const r = await cli(['--bogus', 'drafts'], { preset: false });
    expect(r.code).toBe(2);
    expect(r.err).toBe('lawreport-lint: 没有 “--bogus” 这个选项\n用 lawreport-lint --help 查看用法\n');
    // Commander's English never reaches the user; its suggestion does, in Chinese
    expect((await cli(['--fiks', 'drafts'], { preset: false })).err).toBe('lawreport-lint: 没有 “--fiks” 这个选项；是否想写 “--fix”？\n用 lawreport-lint --help 查看用法\n');
    expect((await cli(['drafts', '--format'], { preset: false })).err).toBe('lawreport-lint: 选项 “-f, --format <name>” 后面缺少取值\n用 lawreport-lint --help 查看用法\n');
    expect((await cli(['--jobs', 'x', 'drafts'], { preset: false })).err).toMatch(/^lawreport-lint: --jobs 应为正整数或 auto，而不是 “x”/);
  });
});

describe('bad input: one clear line (what, where, how), exit 2, never a stack trace', () => {
  const one = async (args: string[], what: RegExp, options: { preset?: boolean } = {}) => {
    const r = await cli(args, options);
    expect(r.code).toBe(2);
    noStack(r);
    expect(`${r.out}${r.err}`).toMatch(what);
    return r;
  };

  it('a missing file', async () => {
    const r = await one(['missing.txt'], /missing\.txt[\s\S]*找不到这个文件，请检查路径和文件名/);
    expect(r.out.trim().split('\n')).toEqual(['missing.txt', '  无法检查  找不到这个文件，请检查路径和文件名']);
  });

  it('a folder with no drafts', async () => {
    mkdirSync(join(dir, 'empty-folder'), { recursive: true });
    const r = await one(['empty-folder'], /empty-folder: 文件夹中没有稿件/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('an empty file', async () => {
    writeFileSync(join(dir, 'empty.txt'), '');
    await one(['empty.txt'], /empty\.txt[\s\S]*文件是空的（0 字节），没有可检查的内容/);
  });

  it('a file of blanks only', async () => {
    writeFileSync(join(dir, 'blank.txt'), ' \n\u3000\n');
    await one(['blank.txt'], /blank\.txt[\s\S]*文件只有空白/);
  });

  it('a binary file', async () => {
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe, 0x00]));
    await one(['binary.txt'], /binary\.txt[\s\S]*这不是文本文件/);
  });

  it('a malformed YAML config', async () => {
    writeFileSync(join(dir, 'broken.yaml'), 'rules:\n  placeholder: [error\n');
    const r = await one(['-c', 'broken.yaml', 'drafts/a-clean.md'], /broken\.yaml:\d+:\d+  错误  YAML 语法错误/, { preset: false });
    expect(r.err).toContain('配置有 1 个问题，未进行检查。');
    expect(r.out).toBe('');
  });

  it('an unknown preset', async () => {
    const r = await one(['--preset', 'strikt', 'drafts/a-clean.md'], /--preset  错误  没有 “strikt” 这个预设/, { preset: false });
    expect(r.err).toContain('是否想写 “strict”？');
  });

  it('an unknown rule id', async () => {
    await one(['--rule', 'placehodler=error', 'drafts/a-clean.md'], /--rule  错误  没有 “placehodler” 这条规则\n  提示：是否想写 “placeholder”？/);
  });

  it('a regex that does not compile', async () => {
    writeFileSync(join(dir, 'badre.yaml'), "rules:\n  placeholder:\n    patterns:\n      - regex: '(待补充'\n");
    await one(['-c', 'badre.yaml', 'drafts/a-clean.md'], /badre\.yaml:4:16  错误  规则 placeholder：正则表达式 “\(待补充” 无法编译/, { preset: false });
  });

  it('no paths at all', async () => {
    await one([], /请给出要检查的稿件或文件夹/);
  });
});

describe('read normally', () => {
  it('a GB18030/GBK file is detected and gives the same findings as UTF-8', async () => {
    writeFileSync(join(dir, 'gbk.txt'), encode(FINDINGS, 'gb18030', false));
    expect(readFileSync(join(dir, 'gbk.txt')).includes(Buffer.from('关于', 'utf8'))).toBe(false);
    const gbk = json(await cli(['-f', 'json', 'gbk.txt']))[0];
    const utf8 = json(await cli(['-f', 'json', 'drafts/b/findings.txt']))[0];
    expect(gbk.diagnostics).toEqual(utf8.diagnostics);
  });

  it('a BOM and CRLF line ends keep the positions of the LF, no-BOM file', async () => {
    writeFileSync(join(dir, 'bom-crlf.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FINDINGS.replace(/\n/g, '\r\n'))]));
    const a = json(await cli(['-f', 'json', 'bom-crlf.txt']))[0];
    const b = json(await cli(['-f', 'json', 'drafts/b/findings.txt']))[0];
    expect(a.diagnostics.map((d) => [d.code, d.range])).toEqual(b.diagnostics.map((d) => [d.code, d.range]));
  });

  it('a 5 MB draft is linted with a sane result (with --max-draft-size raised)', async () => {
    const one = readFileSync(join(CORPUS, 'tushan-2023.txt'), 'utf8').replace(/ +$/gm, '');
    let text = '';
    while (Buffer.byteLength(text) < 5 * 1024 * 1024) text += `${one}\n`;
    writeFileSync(join(dir, 'big.txt'), text);
    const r = await cli(['-f', 'json', '--max-draft-size', '8MB', 'big.txt']);
    const [e] = json(r);
    expect(e.error).toBeUndefined();
    const codes = new Set(e.diagnostics.map((d) => d.code));
    // every copy's [bookmark: _GoBack] is found; the part model is the first copy's title with many parts
    const bookmarks = e.diagnostics.filter((d) => d.code === 'conversion-artifact');
    expect(bookmarks.length).toBe(text.split('[bookmark: _GoBack]').length - 1);
    expect(codes.has('placeholder')).toBe(false);
    const lines = text.split('\n').length;
    for (const d of e.diagnostics) expect(d.range.end.line).toBeLessThan(lines);
  });

  it('reading never modifies a file (bytes and mtime)', async () => {
    const files = ['drafts/b/findings.txt', 'gbk.txt', 'bom-crlf.txt'].map((f) => join(dir, f)).filter(existsSync);
    writeFileSync(join(dir, 'xinji.txt'), readFileSync(join(CORPUS, 'xinji-2023.txt'))); // not copyFileSync: the corpus is read-only, and --fix leaves a 0444 draft alone
    files.push(join(dir, 'xinji.txt'));
    const before = files.map((f) => ({ bytes: readFileSync(f), mtime: statSync(f).mtimeMs }));
    await cli(['-f', 'json', ...files]);
    await cli(['--print-document', files[0]]);
    await cli(['--print-config', files[0]]);
    files.forEach((f, i) => {
      expect(readFileSync(f).equals(before[i].bytes), f).toBe(true);
      expect(statSync(f).mtimeMs, f).toBe(before[i].mtime);
    });
  });
});

describe('the real binary', () => {
  const bin = join(ROOT, 'bin', 'lawreport-lint.js');

  it('lints the corpus through node bin/lawreport-lint.js, exit 1, json on stdout', () => {
    const p = spawnSync(process.execPath, [bin, '-f', 'json', '--preset', core, join(CORPUS, 'tushan-2023.txt')], { encoding: 'utf8', cwd: dir });
    expect(p.status).toBe(1);
    const [e] = JSON.parse(p.stdout) as Entry[];
    expect(e.filePath).toBe(join(CORPUS, 'tushan-2023.txt'));
    expect(e.diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`)).toEqual([
      '4 conversion-artifact', '11 stray-whitespace', '18 part-order', '29 stray-whitespace',
    ]);
  });

  it('bad input from a real process: one line on stderr, exit 2, no stack trace', () => {
    const p = spawnSync(process.execPath, [bin, join(dir, 'nope', 'missing.txt'), '-f', 'json'], { encoding: 'utf8', cwd: dir });
    expect(p.status).toBe(2);
    expect(p.stderr).toBe(`lawreport-lint: ${join(dir, 'nope', 'missing.txt')}: 找不到这个文件，请检查路径和文件名\n`);
    expect(JSON.parse(p.stdout)[0].error.code).toBe('not-found');
  });
});
