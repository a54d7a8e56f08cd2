import type { Diagnostic, FileResult } from '../types.js';
import { changeLine, countsText, type DraftChange } from './change.js';
import { STATUS_MARK, STATUS_WORD, verdict, type ChecklistItem } from './checklist.js';
import { SEVERITY_WORD, where, type FormatContext } from './context.js';
import { displayPath, quoteInContext, relatedPlaces, ruleName, type DraftRow, type QuoteInContext } from './overview.js';

/**
 * The pieces of HTML the report (html.ts), the returns to each township and
 * their index (county-return.ts) share: escaping, the findings with their
 * sentences, the checklist sheet, the rules explained in the page, the change
 * since the earlier run, and the styles. A page written here links nowhere on
 * the machine that made it: it is sent on and must read the same elsewhere.
 */

/** Escapes text for HTML content and attributes; drops control characters a draft may carry. */
export function esc(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The sentence around a finding, the finding's own text marked. */
export function quoteBlock(q: QuoteInContext | undefined): string {
  if (!q) return '';
  return `<blockquote>${esc(q.before)}<mark>${esc(q.text)}</mark>${esc(q.after)}</blockquote>`;
}

/** A rule named in Chinese, linking to its explanation in the same page, its id in the tooltip. */
export function ruleRef(id: string, ctx: FormatContext): string {
  return `<a class="rule" href="#rule-${esc(id)}" title="${esc(id)}">${esc(ruleName(id, ctx))}</a>`;
}

/** One finding: where, how serious, what; the sentence; related places (other files named); 依据 and 建议. */
function findingItem(r: FileResult, d: Diagnostic, i: number, ctx: FormatContext): string {
  const related = relatedPlaces(r, d, ctx).map((p) => `<p class="related">参见 ${p.file ? `<span class="file">${esc(p.file)}</span> ` : ''}<span class="loc">${esc(p.where)}</span>${esc(p.message)}</p>`).join('');
  return `<li class="sev-${d.severity}"><span class="loc">${esc(where(r, d.range.start.line, d.range.start.character))}</span><span class="sev">${SEVERITY_WORD[d.severity]}</span><span class="msg">${esc(d.message)}</span>${ruleRef(d.code, ctx)}
${quoteBlock(quoteInContext(r, i))}${related}${d.data?.reference ? `<p class="ref">依据：${esc(d.data.reference)}</p>` : ''}${d.data?.help ? `<p class="help">建议：${esc(d.data.help)}</p>` : ''}</li>`;
}

/** A draft's findings, or that it has none. */
export function findingsList(r: FileResult, ctx: FormatContext): string {
  if (!r.diagnostics.length) return '<p class="clean">没有发现问题。</p>';
  return `<ol class="findings">\n${r.diagnostics.map((d, i) => findingItem(r, d, i, ctx)).join('\n')}\n</ol>`;
}

/** The checklist of one draft: each requirement, its status and the evidence, then the verdict. */
export function checklistTable(items: readonly ChecklistItem[]): string {
  const lines = items.map((it) => {
    const evidence = it.evidence.map((e) => {
      const at = e.where ? `<span class="loc">${esc(e.where)}</span>` : '';
      if (e.kind === 'note') return `<li class="note">${esc(e.message)}</li>`;
      if (e.kind === 'pass') return `<li class="pass">${at}${esc(e.message)}</li>`;
      return `<li class="finding sev-${e.severity}">${at}<span class="sev">${SEVERITY_WORD[e.severity ?? 2]}</span>${esc(e.message)}${e.context ? quoteBlock(e.context) : e.quote ? `<blockquote>${esc(e.quote)}</blockquote>` : ''}</li>`;
    }).join('');
    return `<tr class="st-${it.status}"><td class="req">${esc(it.requirement.label)}${it.requirement.help ? `<small>${esc(it.requirement.help)}</small>` : ''}</td><td class="status"><span class="badge">${STATUS_MARK[it.status]} ${STATUS_WORD[it.status]}</span></td><td><ul>${evidence}</ul></td></tr>`;
  }).join('\n');
  return `<table class="reqs"><thead><tr><th scope="col" class="req">要求</th><th scope="col" class="status">结论</th><th scope="col">依据</th></tr></thead>
<tbody>
${lines}
</tbody></table>
<p class="verdict">${verdict(items)}。</p>`;
}

/** Where a reviewer signs. */
export const SIGN_OFF = '<p class="sign">审核人：<span class="blank"></span>日期：<span class="blank"></span></p>';

/** The rules a page names, explained in it (summary, why, 依据, 建议): no link to a file on the machine that made the page. */
export function ruleExplanations(ids: Iterable<string>, ctx: FormatContext, heading = '规则说明'): string {
  const items = [...new Set(ids)].sort().map((id) => {
    const info = ctx.rules?.get(id);
    const name = ruleName(id, ctx);
    const parts = [`<dt id="rule-${esc(id)}">${esc(name)}${name !== id ? ` <code>${esc(id)}</code>` : ''}</dt>`, `<dd><p>${esc(info?.summary ?? id)}</p>`];
    if (info?.docs) parts.push(`<p class="docs">${esc(info.docs.trim())}</p>`);
    if (info?.reference) parts.push(`<p class="ref">依据：${esc(info.reference)}</p>`);
    if (info?.help) parts.push(`<p class="help">建议：${esc(info.help)}</p>`);
    return `${parts.join('')}</dd>`;
  });
  return items.length ? `<h2>${esc(heading)}</h2>\n<dl class="explain">\n${items.join('\n')}\n</dl>` : '';
}

/** The earlier report --previous paired a draft with, or that none was found. */
export function previousLine(r: FileResult, ctx: FormatContext): string {
  if (r.previous === undefined) return '';
  return r.previous
    ? `<p class="previous">对照的上一年度报告：<span class="file">${esc(displayPath(r.previous, ctx.cwd))}</span></p>`
    : '<p class="previous missing">没有找到同一单位上一年度的报告，未对照上年的工作安排。</p>';
}

/** One draft's change since the earlier run, as a short block. */
export function changeBlock(c: DraftChange | undefined, source: string): string {
  if (!c) return '';
  const rows: string[] = [];
  if (c.then?.counts) rows.push(`<li>问题数：${c.words.then} ${countsText(c.then.counts)}；${c.words.now} ${countsText(c.countsNow)}</li>`);
  if (c.fixed.length) rows.push(`<li class="better">已改正：${c.fixed.map(esc).join('、')}</li>`);
  if (c.newFailures.length) rows.push(`<li class="worse">新出现：${c.newFailures.map(esc).join('、')}</li>`);
  return `<div class="change"><p><b>与${esc(c.words.then)}相比</b>（${esc(source)}）：${esc(changeLine(c).replace(/；.*$/, ''))}</p>${rows.length ? `<ul>${rows.join('')}</ul>` : ''}</div>`;
}

/** The changes of all drafts as a table, and the earlier drafts with no counterpart. */
export function changesTable(changes: readonly { row: DraftRow; change: DraftChange }[], unpaired: readonly { organ?: string; file: string }[], source: string): string {
  if (!changes.length && !unpaired.length) return '';
  const body = changes.map(({ row, change: c }) => `<tr><td>${esc(c.unit)}<small>${esc(row.file)}</small></td><td>${c.then ? esc(c.then.file) : '<span class="missing">（没有对应的记录）</span>'}</td><td class="num">${c.then && !c.then.error ? c.failedThen ?? 0 : '—'}</td><td class="num">${c.failedNow}</td><td class="better">${c.fixed.map(esc).join('、')}</td><td class="worse">${c.newFailures.map(esc).join('、')}</td><td class="num">${c.then?.counts ? sum(c.then.counts) : '—'} → ${sum(c.countsNow)}</td></tr>`).join('\n');
  const missing = unpaired.length
    ? `<p class="missing">以下单位在 ${esc(source)} 中有记录，本次没有收到稿件：${unpaired.map((u) => `${esc(u.organ ?? u.file)}（${esc(u.file)}）`).join('、')}</p>`
    : '';
  return `<h2>与上次检查相比 <small>${esc(source)}</small></h2>
<table class="changes"><thead><tr><th scope="col">单位</th><th scope="col">对照的记录</th><th scope="col">原未通过</th><th scope="col">现未通过</th><th scope="col">已改正</th><th scope="col">新出现</th><th scope="col">问题数</th></tr></thead>
<tbody>
${body}
</tbody></table>
${missing}`;
}

const sum = (c: { errors: number; warnings: number; infos: number }) => c.errors + c.warnings + c.infos;

/** What every page shares: fonts, colours, the findings, the checklist, the explanations; A4 when printed. */
export const BASE_CSS = `
:root{--e:200 30 30;--w:214 130 0;--i:40 110 190;--ok:20 130 60;--line:#d8dce3;--muted:#5f6670;font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1d2129;background:#f6f7f9}
body{margin:0}
h1{font-size:22px;margin:0 0 10px}
h2{font-size:18px;margin:28px 0 8px}
h3{font-size:17px;margin:0 0 6px}
small{color:var(--muted);font-weight:normal;font-size:12px;margin-left:6px}
.hint{color:var(--muted);font-size:13px;margin:4px 0 8px}
.clean,.better{color:rgb(var(--ok))}
.worse,.missing{color:rgb(var(--e))}
table{border-collapse:collapse;background:#fff}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
thead th{background:#eef0f3}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.e{color:rgb(var(--e));font-weight:bold}td.w{color:rgb(var(--w));font-weight:bold}td.i{color:rgb(var(--i))}
.tick{text-align:center;font-weight:bold}.tick.yes{color:rgb(var(--ok))}.tick.no{color:rgb(var(--e));background:rgb(var(--e) / .08)}
.sev-1{--c:var(--e)}.sev-2{--c:var(--w)}.sev-3,.sev-4{--c:var(--i)}
.findings li::marker,.top li::marker{color:rgb(var(--c))}
.findings{margin:0;padding-left:22px}
.findings li{margin:0 0 10px;break-inside:avoid}
.loc{font-family:ui-monospace,monospace;color:var(--muted);margin-right:8px;white-space:nowrap}
.file{font-family:ui-monospace,monospace;word-break:break-all}
.sev{display:inline-block;color:#fff;background:rgb(var(--c,var(--w)));border-radius:3px;padding:0 5px;margin-right:8px;font-size:12px}
a.rule,span.rule{font-size:12px;color:var(--muted);margin-left:10px}
blockquote{margin:4px 0;padding:4px 10px;border-left:3px solid rgb(var(--c,var(--w)));background:#fff;white-space:pre-wrap}
mark{background:rgb(var(--c,var(--w)) / .25);color:inherit;border-bottom:2px solid rgb(var(--c,var(--w)));padding:0 1px}
.help,.ref,.related,.docs{margin:2px 0;color:var(--muted);font-size:13px}
.docs{white-space:pre-wrap}
.reqs{width:100%}
.reqs .req{width:26%}.reqs td.req small{display:block;margin:2px 0 0}
.reqs .status{width:90px;white-space:nowrap}
.reqs ul{margin:0;padding-left:18px}
.reqs tr{break-inside:avoid}
.badge{font-weight:bold;border-radius:4px;padding:2px 8px}
.st-pass .badge{color:rgb(var(--ok));background:rgb(var(--ok) / .1)}
.st-fail .badge{color:rgb(var(--e));background:rgb(var(--e) / .1)}
.st-unchecked .badge{color:var(--muted);background:#eef0f3}
li.note{color:var(--muted);list-style:none;margin-left:-18px}
.verdict{font-weight:bold}
.sign{margin:18px 0 4px}.sign .blank{display:inline-block;width:160px;border-bottom:1px solid #1d2129;margin:0 24px 0 4px}
.explain dt{font-weight:bold;margin-top:10px}.explain dt code{font-weight:normal;color:var(--muted);font-size:12px;margin-left:6px}
.explain dd{margin:2px 0 0 18px}.explain dd p{margin:2px 0}
.explain dt,.explain dd{break-inside:avoid}
.change{background:#fff;border:1px solid var(--line);border-radius:6px;padding:6px 12px;margin:10px 0}
.change p{margin:2px 0}.change ul{margin:4px 0;padding-left:20px}
.changes td small{display:block;margin:0}
.previous{margin:4px 0}
@page{size:A4;margin:14mm 12mm}
@media print{
:root{background:#fff;font-size:12px}
th,td{padding:3px 5px}
thead{display:table-header-group}
tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
`;
