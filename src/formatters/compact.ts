import { isWord, SEVERITY_WORD, where } from './context.js';
import { defineFormat, whole } from './report.js';
import { forTerminal } from './terminal.js';

/**
 * `-f compact`: one line per finding, `file:line:col: 严重程度 message [rule-id]`
 * (ESLint's compact, and what editors' “problem matchers” read), a .docx at
 * `file:第N段`; a draft that cannot be read is one line too; then the count.
 */
export const compactReport = forTerminal(defineFormat({ summary: false }, (_ctx, sink) => {
  let problems = 0;
  return {
    add(r) {
      if (r.error) {
        sink.write(`${r.filePath}: 无法检查 ${r.error.message}\n`);
        return;
      }
      let out = '';
      for (const d of r.diagnostics) {
        const at = where(r, d.range.start.line, d.range.start.character);
        out += `${r.filePath}${isWord(r) ? ' ' : ':'}${at}: ${SEVERITY_WORD[d.severity]} ${d.message} [${d.code}]\n`;
      }
      problems += r.diagnostics.length;
      if (out) sink.write(out);
    },
    end() {
      sink.write(problems ? `${problems} 个问题\n` : '没有发现问题\n');
    },
  };
}));

export const compact = whole(compactReport);
