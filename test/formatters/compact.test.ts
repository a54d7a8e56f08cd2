import { describe, expect, it } from 'vitest';
import { compact } from '../../src/formatters/compact.js';
import type { Diagnostic } from '../../src/types.js';

const d = (line: number, character: number, severity: 1 | 2 | 3, code: string, message: string): Diagnostic => ({
  range: { start: { line, character }, end: { line, character: character + 2 } }, severity, code, source: 'lawreport-lint', message,
});

describe('compact', () => {
  it('one line per finding, file:line:col, a .docx by paragraph, unreadable drafts, then the count', () => {
    const out = compact([
      { filePath: 'a.txt', diagnostics: [d(4, 36, 2, 'fullwidth-punctuation', '中文语句中使用了半角标点“,”，应为全角“，”'), d(13, 0, 1, 'causes-stated', '没有分析原因')] },
      { filePath: 'b.docx', diagnostics: [d(2, 5, 1, 'placeholder', '稿件中留有占位符“XX”')] },
      { filePath: 'c.txt', diagnostics: [], error: { code: 'binary', message: '这不是文本文件' } },
      { filePath: 'd.txt', diagnostics: [] },
    ], { color: false, cwd: '/' });
    expect(out).toBe([
      'a.txt:5:37: 警告 中文语句中使用了半角标点“,”，应为全角“，” [fullwidth-punctuation]',
      'a.txt:14:1: 错误 没有分析原因 [causes-stated]',
      'b.docx 第3段: 错误 稿件中留有占位符“XX” [placeholder]',
      'c.txt: 无法检查 这不是文本文件',
      '3 个问题',
      '',
    ].join('\n'));
  });
});
