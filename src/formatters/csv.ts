import type { FileResult } from '../types.js';
import { SEVERITY_WORD, type FormatContext } from './context.js';
import { displayPath, quoteOf } from './overview.js';

const HEADER = ['文件', '单位', '年度', '行', '列', '严重程度', '规则', '问题', '原文', '建议', '依据'];

/**
 * `--format csv`: one row per finding, for a spreadsheet. UTF-8 with a BOM so
 * Excel shows Chinese; CRLF and RFC 4180 quoting. A file that could not be read
 * is one row whose 严重程度 is 无法检查 and whose 问题 is the reason. Lines and
 * columns are 1-based (for a .docx the line is the paragraph).
 */
export function csv(results: FileResult[], ctx: FormatContext): string {
  const rows: (string | number)[][] = [HEADER];
  for (const r of results) {
    const file = displayPath(r.filePath, ctx.cwd);
    const unit = r.summary?.organ ?? '';
    const year = r.summary?.year ?? '';
    if (r.error) {
      rows.push([file, '', '', '', '', '无法检查', r.error.code, r.error.message, '', '', '']);
      continue;
    }
    r.diagnostics.forEach((d, i) => {
      rows.push([
        file, unit, year, d.range.start.line + 1, d.range.start.character + 1, SEVERITY_WORD[d.severity], d.code, d.message,
        quoteOf(r, i) ?? '', d.data?.help ?? '', d.data?.reference ?? '',
      ]);
    });
  }
  return '\uFEFF' + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(v: string | number): string {
  if (typeof v === 'number') return String(v);
  // A cell starting with = + - @ is a formula to Excel: quoted text from a draft must never run.
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
