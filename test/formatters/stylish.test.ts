import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/formatters/stylish.js';
import type { Diagnostic, FileResult } from '../../src/types.js';

const fixable: Diagnostic = {
  range: { start: { line: 3, character: 0 }, end: { line: 3, character: 19 } },
  severity: 1, code: 'conversion-artifact', source: 'lawreport-lint', message: 'Word 转换残留“[bookmark: _GoBack]”应删除',
  data: { fix: { title: '删除转换残留', safe: true, edits: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 19 } }, newText: '' }] } },
};

describe('stylish', () => {
  it('offers --fix for a text draft, with the ✓ mark and the command', () => {
    const out = stylish([{ filePath: 'drafts/a.txt', diagnostics: [fixable] }], { color: false, cwd: '/', fixCommand: (f) => `lawreport-lint --fix ${f.join(' ')}` });
    expect(out).toContain('4:1 ✓错误');
    expect(out).toContain('其中 1 个可自动修复（标 ✓）：lawreport-lint --fix drafts/a.txt');
  });

  it('offers no fix for a .docx, which --fix never rewrites, and shows 第N段', () => {
    const results: FileResult[] = [{ filePath: 'drafts/a.docx', diagnostics: [fixable] }];
    const out = stylish(results, { color: false, cwd: '/', fixCommand: (f) => `lawreport-lint --fix ${f.join(' ')}` });
    expect(out).toContain('第4段');
    expect(out).not.toContain('✓');
    expect(out).not.toContain('--fix');
    expect(out).toContain('✖ 1 个问题（1 个错误，0 个警告）');
  });
});

const comma = (line: number, character: number): Diagnostic => ({
  range: { start: { line, character }, end: { line, character: character + 1 } },
  severity: 2, code: 'fullwidth-punctuation', source: 'lawreport-lint', message: '中文语句中使用了半角标点“,”，应为全角“，”',
  data: { reference: 'GB/T 15834—2011《标点符号用法》', help: '改为全角标点', fix: { title: '改为“，”', safe: true, edits: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, newText: '，' }] } },
});
const causes: Diagnostic = {
  range: { start: { line: 20, character: 0 }, end: { line: 20, character: 12 } },
  severity: 1, code: 'causes-stated', source: 'lawreport-lint', message: '“存在的不足”部分只列举了问题，没有分析原因',
  data: { reference: '督察工作规定 年度报告内容第（二）项', help: '写明原因' },
};

describe('stylish: many findings of one rule do not bury the rest', () => {
  // 62 half-width commas over 6 lines and one error: 62 × 3 lines before
  const diagnostics = [
    ...Array.from({ length: 62 }, (_, i) => comma(4 + Math.floor(i / 11), 10 + (i % 11) * 7)),
    causes,
  ];
  const out = stylish([{ filePath: 'a.txt', diagnostics }], { color: false, cwd: '/' });

  it('one line per rule and line, with the count and the columns; why and how once per rule', () => {
    const lines = out.split('\n');
    expect(lines.length).toBeLessThan(20);
    expect(lines.filter((l) => l.includes('fullwidth-punctuation'))).toHaveLength(6);
    expect(out).toContain('5:11  ✓警告  中文语句中使用了半角标点“,”，应为全角“，”（本行共 11 处：第 11、18、25、32、39、46、53、60… 列）');
    expect(out.match(/依据：GB\/T 15834/g)).toHaveLength(1);
    expect(out.match(/建议：改为全角标点/g)).toHaveLength(1);
    expect(out).toContain('21:1   错误  “存在的不足”部分只列举了问题，没有分析原因');
    expect(out).toContain('依据：督察工作规定 年度报告内容第（二）项');
  });

  it('the counts still count every finding', () => {
    expect(out).toContain('✖ 63 个问题（1 个错误，62 个警告），其中 62 个可自动修复');
  });

  it('a place in another file (last year’s report) is named with its file; one in the draft is not', () => {
    const followed: Diagnostic = {
      ...causes, code: 'previous-plan-followed', severity: 3, message: '上年安排“加强执法培训”在本年报告中没有下文',
      relatedInformation: [
        { location: { uri: pathToFileURL('/work/2023/涂山镇.txt').href, range: { start: { line: 30, character: 2 }, end: { line: 30, character: 9 } } }, message: '上年安排' },
        { location: { uri: pathToFileURL('/work/2024/涂山镇.txt').href, range: { start: { line: 5, character: 0 }, end: { line: 5, character: 9 } } }, message: '本年成效' },
      ],
    };
    const text = stylish([{ filePath: '2024/涂山镇.txt', diagnostics: [followed] }], { color: false, cwd: '/work' });
    expect(text).toContain('参见 2023/涂山镇.txt 31:3：上年安排');
    expect(text).toContain('参见 6:1：本年成效');
  });
});

describe('stylish quotes a finding in its sentence', () => {
  it('the text marked 【】 with what comes before and after; none for a finding that is its whole sentence', () => {
    const r: FileResult = {
      filePath: 'a.txt',
      diagnostics: [comma(4, 11), causes],
      summary: { parts: [], passes: [], quotes: [',', '三、存在的不足和原因'], contexts: [['成立以乡党委书记为组长', '乡长为常务副组长'], ['', '']] },
    };
    const out = stylish([r], { color: false, cwd: '/' });
    expect(out).toMatch(/\n {14}原文：“成立以乡党委书记为组长【,】乡长为常务副组长”\n {14}依据：/);
    expect(out.match(/原文：/g)).toHaveLength(1);
  });
});
