import { SEVERITY_WORD } from './context.js';
import { displayPath, markedQuote, quoteInContext, quoteOf } from './overview.js';
import { defineFormat, whole } from './report.js';

const HEADER = ['文件', '单位', '年度', '行', '列', '严重程度', '规则', '问题', '原文', '所在句子', '建议', '依据'];

/**
 * `--format csv`: one row per finding, for a spreadsheet. UTF-8 with a BOM so
 * Excel shows Chinese; CRLF and RFC 4180 quoting. A file that could not be read
 * is one row whose 严重程度 is 无法检查 and whose 问题 is the reason. Lines and
 * columns are 1-based (for a .docx the line is the paragraph). 原文 is the text the
 * finding covers; 所在句子 quotes its sentence with that text in 「」, so a lone “,”
 * can be found.
 */
export const csvReport = defineFormat({ summary: true }, (ctx, sink) => {
  const put = (row: (string | number)[]) => sink.write(row.map(field).join(',') + '\r\n');
  sink.write('\uFEFF');
  put(HEADER);
  return {
    add(r) {
      const file = displayPath(r.filePath, ctx.cwd);
      if (r.error) {
        put([file, '', '', '', '', '无法检查', r.error.code, r.error.message, '', '', '', '']);
        return;
      }
      const unit = r.summary?.organ ?? '';
      const year = r.summary?.year ?? '';
      r.diagnostics.forEach((d, i) => {
        put([
          file, unit, year, d.range.start.line + 1, d.range.start.character + 1, SEVERITY_WORD[d.severity], d.code, d.message,
          quoteOf(r, i) ?? '', markedQuote(quoteInContext(r, i)), d.data?.help ?? '', d.data?.reference ?? '',
        ]);
      });
    },
    end: () => {},
  };
});

export const csv = whole(csvReport);

function field(v: string | number): string {
  if (typeof v === 'number') return String(v);
  // A cell starting with = + - @ is a formula to Excel: quoted text from a draft must never run.
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
