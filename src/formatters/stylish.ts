import { isWord, painter, SEVERITY_STYLE, SEVERITY_WORD, where } from './context.js';
import { defineFormat, whole } from './report.js';
import { displayWidth, padEnd } from './width.js';
import { forTerminal } from './terminal.js';

/**
 * One line per problem: `line:col  severity  message  rule-id`, the reference and
 * help indented beneath it, aligned by display width; then a summary that says
 * how many problems --fix would fix. Each draft is written as it arrives.
 */
export const stylishReport = forTerminal(defineFormat({ summary: false }, (ctx, sink) => {
  const paint = painter(ctx.color);
  let errors = 0, warnings = 0, infos = 0, fixable = 0, checked = 0, wrote = false;
  const fixableFiles: string[] = [];
  // every piece ends with a newline: the whole report is its lines joined by one
  const put = (lines: string[]) => {
    sink.write(lines.join('\n') + '\n');
    wrote = true;
  };
  return {
    add(r) {
      if (r.error) {
        put([`${paint('underline', r.filePath)}\n  ${paint('red', '无法检查')}  ${r.error.message}\n`]);
        return;
      }
      checked++;
      if (!r.diagnostics.length) return;
      const out = [paint('underline', r.filePath)];
      // a .docx is never rewritten by --fix: offer no fix for it
      const rewritable = !isWord(r);
      const rows = r.diagnostics.map((d) => ({
        loc: where(r, d.range.start.line, d.range.start.character),
        sev: SEVERITY_WORD[d.severity],
        fix: rewritable && d.data?.fix?.safe ? '✓' : ' ',
        d,
      }));
      // reduce, not Math.max(...): a draft's rows may be more than a call's arguments can be
      const locW = rows.reduce((w, x) => Math.max(w, displayWidth(x.loc)), 0);
      const msgW = Math.min(70, rows.reduce((w, x) => Math.max(w, displayWidth(x.d.message)), 0));
      const indent = ' '.repeat(2 + locW + 1 + 1 + 4 + 2);
      let fixableHere = 0;
      for (const x of rows) {
        out.push(`  ${paint('gray', padEnd(x.loc, locW))} ${x.fix}${paint(SEVERITY_STYLE[x.d.severity], x.sev)}  ${padEnd(x.d.message, msgW)}  ${paint('gray', x.d.code)}`);
        if (x.d.data?.reference) out.push(`${indent}${paint('gray', `依据：${x.d.data.reference}`)}`);
        if (x.d.data?.help) out.push(`${indent}${paint('gray', `建议：${x.d.data.help}`)}`);
        for (const rel of x.d.relatedInformation ?? []) {
          out.push(`${indent}${paint('gray', `参见 ${rel.location.range.start.line + 1}:${rel.location.range.start.character + 1}：${rel.message}`)}`);
        }
        if (x.d.severity === 1) errors++;
        else if (x.d.severity === 2) warnings++;
        else infos++;
        if (x.fix === '✓') fixableHere++;
      }
      if (fixableHere) {
        fixable += fixableHere;
        fixableFiles.push(r.filePath);
      }
      out.push('');
      put(out);
    },
    end() {
      const total = errors + warnings + infos;
      if (total) {
        const parts = [`${errors} 个错误`, `${warnings} 个警告`];
        if (infos) parts.push(`${infos} 个提示`);
        let line = `✖ ${total} 个问题（${parts.join('，')}）`;
        if (fixable) line += `，其中 ${fixable} 个可自动修复（标 ✓）：${ctx.fixCommand ? ctx.fixCommand(fixableFiles) : 'lawreport-lint --fix'}`;
        put([paint(errors ? 'red' : 'yellow', line)]);
      } else if (checked) {
        put([paint('green', `✔ 没有发现问题（检查了 ${checked} 份稿件）`)]);
      } else if (!wrote) {
        sink.write('\n');
      }
    },
  };
}));

export const stylish = whole(stylishReport);
