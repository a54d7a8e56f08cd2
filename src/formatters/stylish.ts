import type { FileResult } from '../types.js';
import { isWord, painter, SEVERITY_STYLE, SEVERITY_WORD, where, type FormatContext } from './context.js';
import { displayWidth, padEnd } from './width.js';

/**
 * One line per problem: `line:col  severity  message  rule-id`, the reference and
 * help indented beneath it, aligned by display width; then a summary that says
 * how many problems --fix would fix.
 */
export function stylish(results: FileResult[], ctx: FormatContext): string {
  const paint = painter(ctx.color);
  const out: string[] = [];
  let errors = 0, warnings = 0, infos = 0, fixable = 0;
  const fixableFiles: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(`${paint('underline', r.filePath)}\n  ${paint('red', '无法检查')}  ${r.error.message}\n`);
      continue;
    }
    if (!r.diagnostics.length) continue;
    out.push(paint('underline', r.filePath));
    // a .docx is never rewritten by --fix: offer no fix for it
    const rewritable = !isWord(r);
    const rows = r.diagnostics.map((d) => ({
      loc: where(r, d.range.start.line, d.range.start.character),
      sev: SEVERITY_WORD[d.severity],
      fix: rewritable && d.data?.fix?.safe ? '✓' : ' ',
      d,
    }));
    const locW = Math.max(...rows.map((x) => displayWidth(x.loc)));
    const msgW = Math.min(70, Math.max(...rows.map((x) => displayWidth(x.d.message))));
    for (const x of rows) {
      const sevColor = SEVERITY_STYLE[x.d.severity];
      out.push(`  ${paint('gray', padEnd(x.loc, locW))} ${x.fix}${paint(sevColor, x.sev)}  ${padEnd(x.d.message, msgW)}  ${paint('gray', x.d.code)}`);
      const indent = ' '.repeat(2 + locW + 1 + 1 + 4 + 2);
      if (x.d.data?.reference) out.push(`${indent}${paint('gray', `依据：${x.d.data.reference}`)}`);
      if (x.d.data?.help) out.push(`${indent}${paint('gray', `建议：${x.d.data.help}`)}`);
      for (const rel of x.d.relatedInformation ?? []) {
        out.push(`${indent}${paint('gray', `参见 ${rel.location.range.start.line + 1}:${rel.location.range.start.character + 1}：${rel.message}`)}`);
      }
      if (x.d.severity === 1) errors++;
      else if (x.d.severity === 2) warnings++;
      else infos++;
      if (rewritable && x.d.data?.fix?.safe) fixable++;
    }
    if (rewritable && r.diagnostics.some((d) => d.data?.fix?.safe)) fixableFiles.push(r.filePath);
    out.push('');
  }
  const total = errors + warnings + infos;
  if (total) {
    const parts = [`${errors} 个错误`, `${warnings} 个警告`];
    if (infos) parts.push(`${infos} 个提示`);
    let line = `✖ ${total} 个问题（${parts.join('，')}）`;
    if (fixable) line += `，其中 ${fixable} 个可自动修复（标 ✓）：${ctx.fixCommand ? ctx.fixCommand(fixableFiles) : 'lawreport-lint --fix'}`;
    out.push(paint(errors ? 'red' : 'yellow', line));
  } else if (results.some((r) => !r.error)) {
    out.push(paint('green', `✔ 没有发现问题（检查了 ${results.filter((r) => !r.error).length} 份稿件）`));
  }
  return out.join('\n') + '\n';
}
