import type { Diagnostic, FileResult } from '../types.js';
import { isWord, painter, SEVERITY_STYLE, SEVERITY_WORD, where } from './context.js';
import { quoteInContext, relatedLine, relatedPlaces, type QuoteInContext } from './overview.js';
import { defineFormat, whole } from './report.js';
import { displayWidth, padEnd } from '../present/width.js';
import { forTerminal } from './terminal.js';

/** Positions listed for a group of findings before “…”. */
const LISTED = 8;

/**
 * One line per problem: `line:col  severity  message  rule-id`, aligned by display
 * width; the rule's reference and help beneath its first finding in a draft;
 * then a summary that says how many problems --fix would fix. Findings of one rule
 * in one paragraph are one line with their count and positions: 62 half-width
 * commas are a handful of lines, and the one error still shows. Each draft is
 * written as it arrives.
 */
export const stylishReport = forTerminal(defineFormat({ summary: false, quotes: true }, (ctx, sink) => {
  const paint = painter(ctx.color);
  let errors = 0, warnings = 0, infos = 0, fixable = 0, checked = 0, hidden = 0, wrote = false;
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
      hidden += r.hidden ?? 0;
      if (!r.diagnostics.length) return;
      const out = [paint('underline', r.filePath)];
      // a .docx is never rewritten by --fix: offer no fix for it
      const rewritable = !isWord(r);
      const indexOf = new Map(r.diagnostics.map((d, i) => [d, i]));
      const rows = groups(r.diagnostics).map((g) => {
        const d = g[0];
        const more = g.length > 1 ? `（${isWord(r) ? '本段' : '本行'}共 ${g.length} 处：${positions(r, g)}）` : '';
        return { loc: where(r, d.range.start.line, d.range.start.character), sev: SEVERITY_WORD[d.severity], fix: rewritable && d.data?.fix?.safe ? '✓' : ' ', d, g, text: d.message + more };
      });
      // reduce, not Math.max(...): a draft's rows may be more than a call's arguments can be
      const locW = rows.reduce((w, x) => Math.max(w, displayWidth(x.loc)), 0);
      const msgW = Math.min(70, rows.reduce((w, x) => Math.max(w, displayWidth(x.text)), 0));
      const indent = ' '.repeat(2 + locW + 1 + 1 + 4 + 2);
      const explained = new Set<string>();
      let fixableHere = 0;
      for (const x of rows) {
        out.push(`  ${paint('gray', padEnd(x.loc, locW))} ${x.fix}${paint(SEVERITY_STYLE[x.d.severity], x.sev)}  ${padEnd(x.text, msgW)}  ${paint('gray', x.d.code)}`);
        // the finding's text in its sentence, where the message alone does not show it
        const quoted = quoteInContext(r, indexOf.get(x.d)!);
        if (quoted && (quoted.before || quoted.after)) out.push(`${indent}${paint('gray', `原文：${quoteMarks(quoted, paint)}`)}`);
        // why and how once per rule and draft: the same two lines under every comma buried the rest
        if (!explained.has(x.d.code)) {
          explained.add(x.d.code);
          if (x.d.data?.reference) out.push(`${indent}${paint('gray', `依据：${x.d.data.reference}`)}`);
          if (x.d.data?.help) out.push(`${indent}${paint('gray', `建议：${x.d.data.help}`)}`);
        }
        for (const d of x.g) for (const p of relatedPlaces(r, d, ctx)) out.push(`${indent}${paint('gray', `参见 ${relatedLine(p)}`)}`);
        for (const d of x.g) {
          if (d.severity === 1) errors++;
          else if (d.severity === 2) warnings++;
          else infos++;
        }
        if (x.fix === '✓') fixableHere += x.g.length;
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
        if (hidden) line += `；另有 ${hidden} 个警告和提示未显示（--quiet）`;
        put([paint(errors ? 'red' : 'yellow', line)]);
      } else if (hidden) {
        put([paint('green', `✔ 没有错误（检查了 ${checked} 份稿件）；${hidden} 个警告和提示未显示（--quiet）`)]);
      } else if (checked) {
        put([paint('green', `✔ 没有发现问题（检查了 ${checked} 份稿件）`)]);
      } else if (!wrote) {
        sink.write('\n');
      }
    },
  };
}));

/**
 * Findings in document order, those of one rule on one line (a Word paragraph)
 * with the same severity, fix kind and no related places gathered where the
 * first of them stands.
 */
function groups(diagnostics: readonly Diagnostic[]): Diagnostic[][] {
  const out: Diagnostic[][] = [];
  const open = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.code}|${d.range.start.line}|${d.severity}|${!!d.data?.fix?.safe}`;
    const g = d.relatedInformation?.length ? undefined : open.get(key);
    if (g) g.push(d);
    else {
      const fresh = [d];
      out.push(fresh);
      if (!d.relatedInformation?.length) open.set(key, fresh);
    }
  }
  return out;
}

/** The columns of a group's findings on their line: “第 37、59、82 列” (字 in a Word paragraph). */
function positions(r: FileResult, g: readonly Diagnostic[]): string {
  const cols = g.slice(0, LISTED).map((d) => d.range.start.character + 1).join('、');
  return `第 ${cols}${g.length > LISTED ? '…' : ''} ${isWord(r) ? '字' : '列'}`;
}

/** “…成立以乡党委书记为组长【,】乡长为常务副组长…”: the finding's own text marked, underlined in colour. */
function quoteMarks(q: QuoteInContext, paint: ReturnType<typeof painter>): string {
  return `“${q.before}【${paint('underline', q.text)}】${q.after}”`;
}

export const stylish = whole(stylishReport);
