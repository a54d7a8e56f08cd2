import { basename, extname } from 'node:path';
import type { FileResult } from '../types.js';
import type { DraftChange } from './change.js';
import { verdict, type ChecklistItem } from './checklist.js';
import type { FormatContext } from './context.js';
import { BASE_CSS, changeBlock, changesTable, checklistTable, esc, findingsList, previousLine, ruleExplanations, SIGN_OFF } from './html-parts.js';
import { byOrgan, headline, partColumns, topProblems, type DraftRow } from './overview.js';

/**
 * What --output-dir writes for a county office: one return (审核意见) per draft,
 * to send back to its township (with its reviewed Word copy, written by
 * src/cli/output-dir.ts through the Word writer), and an index of them all. Each page stands alone
 * on the recipient's machine: styles inline, no script, no link outside the
 * folder, every rule it names explained in it; printed, it is A4.
 */

/** A file name for a draft's return: 涂山镇人民政府-2023-审核意见.html, else the draft's own name; unique in `taken`. */
export function returnFileName(r: FileResult, taken: Set<string>, suffix = '审核意见.html'): string {
  const organ = r.summary?.organ && safeName(r.summary.organ);
  const stem = organ ? `${organ}${r.summary?.year !== undefined ? `-${r.summary.year}` : ''}` : safeName(basename(r.filePath, extname(r.filePath))) || '稿件';
  let name = `${stem}-${suffix}`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}（${n}）-${suffix}`;
  taken.add(name.toLowerCase());
  return name;
}

/** A name every system accepts: no path or reserved characters, no trailing dot or space, not too long. */
function safeName(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '').slice(0, 60);
}

export interface ReturnInput {
  r: FileResult;
  row: DraftRow;
  items: readonly ChecklistItem[];
  change?: DraftChange;
}

/** One township's return: the checklist with its evidence, every finding in its sentence with 依据 and 建议, the rules explained, a line to sign. */
export function returnPage({ r, row, items, change }: ReturnInput, ctx: FormatContext): string {
  const who = row.unit ?? row.file;
  const title = `${who}${row.year !== undefined ? ` ${row.year} 年度` : ''}法治政府建设年度报告审核意见`;
  const counts = `${row.errors} 个错误，${row.warnings} 个警告，${row.infos} 个提示`;
  const body = r.error
    ? `<p class="reason">这份稿件无法检查：${esc(r.error.message)}</p>`
    : `<p class="meta">稿件：<span class="file">${esc(row.file)}</span>${row.title ? `<br>标题：${esc(row.title)}` : ''}</p>
<p class="summary">审核结论：${esc(verdict(items))}；${counts}。</p>
${previousLine(r, ctx)}${ctx.compare ? changeBlock(change, ctx.compare.file) : ''}
<h2>一、审核清单</h2>
${checklistTable(items)}
<h2>二、问题及修改建议</h2>
<p class="hint">每个问题引用所在的句子，问题处以底色标出；“依据”是所依据的规定，“建议”是修改方法。</p>
${findingsList(r, ctx)}
${ruleExplanations(r.diagnostics.map((d) => d.code), ctx, '三、规则说明')}`;
  return page(title, `<h1>${esc(who)}</h1>
<p class="sub">${row.year !== undefined ? `${row.year} 年度` : ''}法治政府建设年度报告 · 审核意见</p>
${body}
<div class="signoff">${SIGN_OFF}<p class="sign">审核单位（盖章）：<span class="blank wide"></span></p></div>`);
}

export interface IndexEntry extends DraftRow {
  /** The return's file name in the folder. */
  href: string;
  /** The reviewed Word copy's file name, when one was written. */
  docx?: string;
  passed: number;
  failed: number;
  change?: DraftChange;
}

/** The index of the folder: one row per draft (by organ in pinyin order) linking its return, and what changed. */
export function indexPage(entries: readonly IndexEntry[], ctx: FormatContext, o: { workbook?: string; unpaired?: { organ?: string; file: string }[] }): string {
  const parts = partColumns(ctx);
  const sorted = byOrgan(entries);
  const rows = sorted.map((e) => {
    const link = `<a href="${esc(encodeURI(e.href))}">${esc(e.unit ?? e.file)}</a>${e.docx ? ` <small><a href="${esc(encodeURI(e.docx))}">Word 批注版</a></small>` : ''}`;
    if (e.error) return `<tr><td>${link}</td><td class="file">${esc(e.file)}</td><td colspan="${parts.length + 6}" class="reason">无法检查：${esc(e.error.message)}</td></tr>`;
    const ticks = parts.map((p) => (e.parts?.has(p.kind) ? '<td class="tick yes">✓</td>' : '<td class="tick no">✗</td>')).join('');
    const { shown, more } = topProblems(e);
    const top = [...shown.map((g) => `${esc(headline(g.message, 40))}${g.count > 1 ? `（${g.count} 处）` : ''}`), ...(more ? [`另有 ${more} 类`] : [])].join('<br>');
    return `<tr><td>${link}</td><td class="file">${esc(e.file)}</td><td class="num">${e.year ?? '—'}</td>${ticks}<td class="num">${e.passed}/${e.passed + e.failed}</td><td class="num${e.errors ? ' e' : ''}">${e.errors}</td><td class="num${e.warnings ? ' w' : ''}">${e.warnings}</td><td class="num">${e.infos}</td><td class="top">${top || '<span class="clean">无</span>'}</td></tr>`;
  }).join('\n');
  const total = entries.reduce((n, e) => n + e.errors + e.warnings + e.infos, 0);
  const changes = ctx.compare ? changesTable(sorted.filter((e) => e.change).map((row) => ({ row, change: row.change! })), o.unpaired ?? [], ctx.compare.file) : '';
  return page('法治政府建设年度报告审核意见汇总', `<h1>法治政府建设年度报告审核意见汇总</h1>
<p class="sub">${entries.length} 份稿件，${entries.filter((e) => e.error).length} 份无法检查，共 ${total} 个问题。点击单位名称打开该单位的审核意见，“Word 批注版”是带批注和修订的稿件。${o.workbook ? `汇总表：<a href="${esc(encodeURI(o.workbook))}">${esc(o.workbook)}</a>` : ''}</p>
<table class="index">
<thead><tr><th scope="col" class="c-unit">单位</th><th scope="col" class="c-file">稿件</th><th scope="col" class="c-year">年度</th>${parts.map((p) => `<th scope="col" class="part" title="${esc(p.name)}">${esc(p.short)}</th>`).join('')}<th scope="col" class="c-n">清单通过</th><th scope="col" class="c-n">错误</th><th scope="col" class="c-n">警告</th><th scope="col" class="c-n">提示</th><th scope="col" class="c-top">主要问题</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${changes}`);
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lawreport-lint">
<title>${esc(title)}</title>
<style>${BASE_CSS}${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const CSS = `
:root{background:#fff}
main{max-width:190mm;margin:0 auto;padding:16px 20px 40px}
.sub{color:var(--muted);margin:0 0 12px}
.meta{margin:4px 0}
.summary{font-weight:bold;margin:8px 0}
.reason{color:rgb(var(--e))}
.signoff{margin-top:28px;break-inside:avoid}
.sign .blank.wide{width:260px}
table.index{width:100%;table-layout:fixed;font-size:13px}
.index .c-unit{width:18%}.index .c-file{width:16%}.index .c-year{width:6%}
.index th.part{width:5%;font-size:11px;font-weight:normal}
.index .c-n{width:6%}.index .c-top{width:25%}
.index td{word-break:break-all}
@media print{
main{max-width:none;padding:0}
table.index{font-size:10px}
.hint{display:none}
}
`;
