/**
 * The acceptance folder: corpus drafts as text and as Word, a GB18030
 * copy, and three files that cannot be checked.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { acceptanceFolder, DRAFTS, finding, runCli, type JsonEntry } from './helpers.js';

let dir: string;
let json: JsonEntry[];
let code: number;
let stderr: string;

beforeAll(async () => {
  dir = await acceptanceFolder();
  const r = await runCli(['乡镇报告', '-f', 'json'], dir);
  json = JSON.parse(r.stdout) as JsonEntry[];
  code = r.code;
  stderr = r.stderr;
});

const entry = (name: string) => {
  const e = json.find((x) => x.filePath === join('乡镇报告', name));
  if (!e) throw new Error(`no result for ${name}: ${json.map((x) => x.filePath).join(', ')}`);
  return e;
};

describe('a county office folder', () => {
  test('every draft and every bad file is listed once, in path order; lock files are not drafts', () => {
    const names = json.map((e) => e.filePath.slice('乡镇报告/'.length));
    expect(names).toEqual([
      'tianxingsi-2022.docx', 'tianxingsi-2022.txt', 'tushan-2023-gb18030.txt', 'tushan-2023.docx', 'tushan-2023.txt',
      'xinji-2023.docx', 'xinji-2023.txt', '扫描件.txt', '旧版.doc', '空白.txt',
    ].sort((a, b) => (a < b ? -1 : 1)));
  });

  test('the bad files are reported with their reasons and exit code 2 wins', () => {
    expect(code).toBe(2);
    expect(entry('空白.txt').error).toMatchObject({ code: 'empty' });
    expect(entry('扫描件.txt').error).toMatchObject({ code: 'binary' });
    expect(entry('旧版.doc').error?.code).toBe('unsupported-format');
    expect(entry('旧版.doc').error?.message).toContain(`libreoffice --headless --convert-to docx "${join('乡镇报告', '旧版.doc')}"`);
    // machine formats keep stdout parseable and name the bad files on stderr too
    for (const f of ['空白.txt', '扫描件.txt', '旧版.doc']) expect(stderr).toContain(join('乡镇报告', f));
  });

  for (const name of DRAFTS) {
    test(`${name}: the .docx and the .txt give the same findings`, () => {
      const txt = entry(`${name}.txt`).diagnostics;
      const docx = entry(`${name}.docx`).diagnostics;
      expect(txt.length).toBeGreaterThan(0);
      expect(docx.map(finding).sort()).toEqual(txt.map(finding).sort());
      // a .docx line is the Word paragraph index; here paragraphs are the text's lines
      expect(docx.map((d) => d.range.start.line)).toEqual(txt.map((d) => d.range.start.line));
    });
  }

  test('the GB18030 copy reads like the UTF-8 original', () => {
    expect(entry('tushan-2023-gb18030.txt').diagnostics).toEqual(entry('tushan-2023.txt').diagnostics.map((d) => ({
      ...d,
      ...(d.relatedInformation ? { relatedInformation: d.relatedInformation.map((r) => ({ ...r, location: { ...r.location, uri: r.location.uri.replace('tushan-2023.txt', 'tushan-2023-gb18030.txt') } })) } : {}),
    })));
  });

  test('the table shows each draft with its organ and each bad file with its reason', async () => {
    const r = await runCli(['乡镇报告', '-f', 'table'], dir);
    expect(r.code).toBe(2);
    const rows = r.stdout.split('\n');
    const row = (file: string) => rows.find((l) => l.startsWith(join('乡镇报告', file))) ?? '';
    expect(row('tushan-2023.docx')).toContain('涂山镇');
    expect(row('xinji-2023.txt')).toContain('辛集乡');
    expect(row('tianxingsi-2022.docx')).toContain('2022');
    expect(row('空白.txt')).toContain('文件是空的');
    expect(row('扫描件.txt')).toContain('不是文本文件');
    expect(row('旧版.doc')).toContain('libreoffice');
  });

  test('stylish shows a .docx finding at its paragraph (第N段) and quotes nothing from other files', async () => {
    const r = await runCli([join('乡镇报告', 'tushan-2023.docx')], dir);
    expect(r.code).toBe(1); // tushan has errors (causes-stated, conversion-artifact)
    expect(r.stdout).toMatch(/第4段 .*conversion-artifact/);
  });
});

describe('exit codes', () => {
  test('0 with warnings only, 1 over --max-warnings, 1 with errors', async () => {
    const d = await acceptanceFolder();
    const clean = await runCli([join('乡镇报告', 'tianxingsi-2022.txt'), '-f', 'json'], d);
    const parsed = JSON.parse(clean.stdout) as JsonEntry[];
    expect(parsed[0].diagnostics.some((x) => x.severity === 1)).toBe(false);
    expect(parsed[0].diagnostics.some((x) => x.severity === 2)).toBe(true);
    expect(clean.code).toBe(0);
    expect((await runCli([join('乡镇报告', 'tianxingsi-2022.txt'), '--max-warnings', '0'], d)).code).toBe(1);
    expect((await runCli([join('乡镇报告', 'tushan-2023.txt')], d)).code).toBe(1);
    expect((await runCli([join('乡镇报告', 'tushan-2023.txt'), join('乡镇报告', '空白.txt')], d)).code).toBe(2);
    expect((await runCli(['没有这个文件夹'], d)).code).toBe(2);
  });
});

describe('ignore in a township folder’s own config', () => {
  test('is honoured when the county folder above is linted and for a file named on the command line, which --no-ignore checks', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join: j } = await import('node:path');
    const { main } = await import('../../src/cli/index.js');
    const root = mkdtempSync(j(tmpdir(), 'lrl-ignore-'));
    try {
      mkdirSync(j(root, '涂山镇', '旧稿'), { recursive: true });
      writeFileSync(j(root, '涂山镇', '.lawreport-lint.yaml'), "ignore: ['旧稿/**']\n");
      writeFileSync(j(root, '涂山镇', '报告.txt'), '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n');
      writeFileSync(j(root, '涂山镇', '旧稿', '初稿.txt'), '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n');
      let out = '';
      let err = '';
      const io = { cwd: root, isTTY: false, stdout: (s: string) => { out += s; }, stderr: (s: string) => { err += s; }, stdin: async () => Buffer.alloc(0) };
      await main(['-f', 'json', '--jobs', '1', '.'], io);
      expect((JSON.parse(out) as { filePath: string }[]).map((r) => r.filePath)).toEqual([j('涂山镇', '报告.txt')]);
      expect(err).toBe(`lawreport-lint: 按配置的 ignore “旧稿/**” 忽略了 1 份稿件，未检查：${j('涂山镇', '旧稿', '初稿.txt')}；要检查它们，加 --no-ignore\n`);
      // named on the command line: still ignored, and said so (exit 2: nothing was checked)
      out = err = '';
      expect(await main(['-f', 'json', '--jobs', '1', j('涂山镇', '旧稿', '初稿.txt')], io)).toBe(2);
      expect(err).toContain('按配置的 ignore “旧稿/**” 忽略了 1 份稿件');
      out = err = '';
      await main(['-f', 'json', '--jobs', '1', '--no-ignore', '.'], io);
      expect((JSON.parse(out) as { filePath: string }[]).map((r) => r.filePath)).toEqual([j('涂山镇', '报告.txt'), j('涂山镇', '旧稿', '初稿.txt')]);
      expect(err).toBe('');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
