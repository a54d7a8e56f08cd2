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
