import type { FileResult } from '../types.js';
import type { DraftChange } from './change.js';
import { evaluate, requirementsOf } from './checklist.js';
import { SEVERITY_WORD, type FormatContext } from './context.js';
import { BASE_CSS, changeBlock, changesTable, checklistTable, esc, findingsList, previousLine, ruleExplanations, ruleRef, SIGN_OFF } from './html-parts.js';
import { byOrgan, displayPath, headline, draftRow, partColumns, ruleName, topProblems, ruleTotals, totals, type DraftRow, type PartColumn, type RuleTotal } from './overview.js';
import { defineFormat, whole } from './report.js';

export { esc } from './html-parts.js';

/**
 * `--format html`: one self-contained page (inline CSS and JS, no network, no
 * link to a file of the machine that made it: the rules are explained in the
 * page) for people: a heat map drafts × rules to see at a glance which townships
 * and which rules need attention, the sortable table with each draft expanding to
 * its findings quoted in their sentences, findings per rule, what --previous
 * paired and what changed since --compare's record, and a checklist tab to sign
 * off. Drafts are shown by organ in pinyin order. Printed, it is A4: the table fits
 * the width and every draft's checklist starts a page. Everything from a draft is
 * escaped; the script carries no data.
 */
export const htmlReport = defineFormat({ summary: true }, (ctx, sink) => {
  const parts = partColumns(ctx);
  const requirements = requirementsOf(ctx);
  const compare = ctx.compare?.start();
  // the rows (small) make the heat map and the totals at the end; each draft's
  // findings and checklist sheet go to spools, one piece per draft, to follow them
  // in the page in organ order
  const rows: (DraftRow & { index: number; previous?: string | null; change?: DraftChange })[] = [];
  const rules = new Set<string>();
  const bodies = sink.spool();
  const sheets = sink.spool();
  return {
    add(r) {
      const i = rows.length;
      const items = r.error ? [] : evaluate(r, requirements(r), ctx);
      const change = r.error ? undefined : compare?.change(r, items);
      const row = { ...draftRow(r, ctx), index: i, previous: r.previous, change };
      rows.push(row);
      for (const d of r.diagnostics) rules.add(d.code);
      bodies.write(`${draftBody(r, row, i, parts, ctx)}\n`);
      bodies.cut();
      sheets.write(`${checklistSheet(r, row, i, items, change, ctx)}\n`);
      sheets.cut();
    },
    end() {
      const byRule = ruleTotals(rows, ctx);
      const t = totals(rows);
      const order = byOrgan(rows).map((row) => row.index);
      const sorted = order.map((i) => rows[i]);
      const title = '法治政府建设年度报告检查结果';
      sink.write(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lawreport-lint">
<title>${esc(title)}（${t.drafts} 份稿件）</title>
<style>${BASE_CSS}${CSS}</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<ul class="stats">
<li><b>${t.drafts}</b> 份稿件</li>
<li class="${t.unreadable ? 'bad' : ''}"><b>${t.unreadable}</b> 份无法检查</li>
<li class="${t.errors ? 'e' : ''}"><b>${t.errors}</b> 个错误</li>
<li class="${t.warnings ? 'w' : ''}"><b>${t.warnings}</b> 个警告</li>
<li class="${t.infos ? 'i' : ''}"><b>${t.infos}</b> 个提示</li>
</ul>
<nav role="tablist" aria-label="视图">
<button type="button" role="tab" id="tab-overview" aria-controls="overview" aria-selected="true">总览</button>
<button type="button" role="tab" id="tab-checklist" aria-controls="checklist" aria-selected="false" tabindex="-1">审核清单</button>
</nav>
</header>
<main>
<section id="overview" role="tabpanel" aria-labelledby="tab-overview">
${heatMap(sorted, byRule, ctx)}
<h2>各稿件 <button type="button" class="expand-all" data-expand="1">全部展开</button> <button type="button" class="expand-all" data-expand="0">全部收起</button></h2>
<p class="hint">按单位名称的拼音排序。点击表头排序，点击一行查看该稿件的全部问题和原文。</p>
<div class="scroll"><table id="drafts" class="drafts">
<thead><tr>${draftHead(parts)}</tr></thead>
`);
      bodies.drainTo(sink, order);
      sink.write(`</table></div>
${previousTable(sorted, ctx)}
${compare ? changesTable(sorted.filter((r) => r.change).map((row) => ({ row, change: row.change! })), compare.unpaired(), ctx.compare!.file) : ''}
${ruleTable(byRule, ctx)}
${ruleExplanations(rules, ctx)}
</section>
<section id="checklist" role="tabpanel" aria-labelledby="tab-checklist" hidden>
<p class="hint">每份稿件逐项列出预设的要求：通过的附上满足要求的原文位置，未通过的附上问题所在，供审核人签字确认。</p>
`);
      sheets.drainTo(sink, order);
      sink.write(`</section>
</main>
<script>${JS}</script>
</body>
</html>
`);
    },
  };
});

export const html = whole(htmlReport);

function heatMap(rows: DraftRow[], byRule: RuleTotal[], ctx: FormatContext): string {
  if (!byRule.length) return '<h2>热力图</h2>\n<p class="clean">所有稿件都没有发现问题。</p>';
  // the rule's short Chinese name heads its column; its id and summary are the tooltip
  const head = byRule.map((r) => `<th scope="col" class="rule sev-${r.severity}" title="${esc(`${r.rule}：${r.summary ?? ''}`)}"><a href="#rule-${esc(r.rule)}">${esc(ruleName(r.rule, ctx))}</a></th>`).join('');
  const body = rows.map((row) => {
    const i = (row as DraftRow & { index: number }).index;
    const name = `<th scope="row"><a href="#d-${i}" data-open="d-${i}">${esc(row.unit ?? row.file)}</a>${row.unit ? `<small>${esc(row.file)}</small>` : ''}</th>`;
    if (row.error) return `<tr>${name}<td class="unreadable" colspan="${byRule.length + 1}">无法检查：${esc(row.error.message)}</td></tr>`;
    // the draft's findings already counted per rule, with the worst severity
    const byCode = new Map(row.problems.map((g) => [g.rule, g]));
    const cells = byRule.map((r) => {
      const g = byCode.get(r.rule);
      if (!g) return '<td class="zero"></td>';
      const alpha = Math.min(1, 0.3 + 0.175 * g.count);
      return `<td class="hot sev-${g.severity}${alpha >= 0.6 && g.severity !== 2 ? ' deep' : ''}" style="--a:${alpha.toFixed(2)}" title="${esc(`${row.unit ?? row.file} · ${ruleName(r.rule, ctx)}（${r.rule}）：${g.count} 处`)}">${g.count}</td>`;
    }).join('');
    const sum = row.errors + row.warnings + row.infos;
    return `<tr>${name}${cells}<td class="sum">${sum}</td></tr>`;
  }).join('\n');
  const foot = byRule.map((r) => `<td>${r.findings}</td>`).join('');
  return `<h2>热力图：稿件 × 规则</h2>
<p class="hint">颜色越深问题越多；红色为错误，橙色为警告，蓝色为提示。点击单位名称查看详情，点击规则名称查看说明。</p>
<div class="scroll"><table class="heat">
<thead><tr><th scope="col" class="corner">稿件 \\ 规则</th>${head}<th scope="col" class="sum">合计</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><th scope="row">合计</th>${foot}<td class="sum">${byRule.reduce((n, r) => n + r.findings, 0)}</td></tr></tfoot>
</table></div>`;
}

function draftHead(parts: PartColumn[]): string {
  const sortable = (key: string, label: string, num = false) => `<th scope="col" class="c-${key}" data-key="${key}"${num ? ' data-type="num"' : ''}><button type="button">${esc(label)}</button></th>`;
  return [
    '<th scope="col" class="toggle-col"><span class="sr">展开</span></th>',
    sortable('file', '稿件'), sortable('unit', '单位'), sortable('year', '年度', true),
    ...parts.map((p) => `<th scope="col" class="part" title="${esc(p.name)}">${esc(p.short)}</th>`),
    sortable('errors', '错误', true), sortable('warnings', '警告', true), sortable('infos', '提示', true),
    '<th scope="col" class="c-top">主要问题</th>',
  ].join('');
}

/** A draft's rows in the table: the summary row, and its findings with the quoted text, hidden until expanded. */
function draftBody(r: FileResult, row: DraftRow, i: number, parts: PartColumn[], ctx: FormatContext): string {
  const columns = 4 + parts.length + 4;
  const data = `data-index="${i}" data-file="${esc(row.file)}" data-unit="${esc(row.unit ?? '')}" data-year="${row.year ?? ''}"` +
    (r.error ? ' data-errors="" data-warnings="" data-infos=""' : ` data-errors="${row.errors}" data-warnings="${row.warnings}" data-infos="${row.infos}"`);
  if (r.error) {
    return `<tbody class="draft unreadable" id="d-${i}" ${data}>
<tr class="row"><td class="toggle-col"></td><td class="file">${esc(row.file)}</td><td colspan="${columns - 2}" class="reason">无法检查：${esc(r.error.message)}</td></tr>
</tbody>`;
  }
  const ticks = parts.map((p) => (row.parts?.has(p.kind)
    ? `<td class="tick yes" title="${esc(`有“${p.name}”部分`)}">✓</td>`
    : `<td class="tick no" title="${esc(`缺少“${p.name}”部分`)}">✗</td>`)).join('');
  const { shown, more: hidden } = topProblems(row);
  const top = shown.map((g) => `<li class="sev-${g.severity}">${esc(headline(g.message, 60))}${g.count > 1 ? `<span class="count">${g.count} 处</span>` : ''}</li>`).join('');
  const more = hidden ? `<li class="more">另有 ${hidden} 类问题</li>` : '';
  const title = row.title ? `<p class="doc-title">标题：${esc(row.title)}</p>` : '';
  return `<tbody class="draft" id="d-${i}" ${data}>
<tr class="row">
<td class="toggle-col"><button type="button" class="toggle" aria-expanded="false" aria-controls="d-${i}-detail" aria-label="${esc(`展开 ${row.file} 的问题`)}">▸</button></td>
<td class="file">${esc(row.file)}</td><td class="unit">${esc(row.unit ?? '—')}</td><td class="num">${row.year ?? '—'}</td>${ticks}
<td class="num${row.errors ? ' e' : ''}">${row.errors}</td><td class="num${row.warnings ? ' w' : ''}">${row.warnings}</td><td class="num${row.infos ? ' i' : ''}">${row.infos}</td>
<td class="top">${top || more ? `<ul>${top}${more}</ul>` : '<span class="clean">无</span>'}</td>
</tr>
<tr class="detail" id="d-${i}-detail" hidden><td colspan="${columns}">${title}${previousLine(r, ctx)}${findingsList(r, ctx)}</td></tr>
</tbody>`;
}

/** --previous: which earlier report each draft was paired with (before, only on stderr). */
function previousTable(rows: readonly (DraftRow & { previous?: string | null })[], ctx: FormatContext): string {
  const paired = rows.filter((r) => r.previous !== undefined);
  if (!paired.length) return '';
  const body = paired.map((r) => `<tr><td>${esc(r.unit ?? '—')}</td><td class="file">${esc(r.file)}</td><td class="file">${r.previous ? esc(displayPath(r.previous, ctx.cwd)) : '<span class="missing">没有找到，未对照上年的工作安排</span>'}</td></tr>`).join('\n');
  return `<h2>对照的上一年度报告（--previous）</h2>
<table class="pairs"><thead><tr><th scope="col">单位</th><th scope="col">稿件</th><th scope="col">上一年度的报告</th></tr></thead>
<tbody>
${body}
</tbody></table>`;
}

function ruleTable(byRule: RuleTotal[], ctx: FormatContext): string {
  if (!byRule.length) return '';
  const rows = byRule.map((t) => `<tr><td>${ruleRef(t.rule, ctx)}</td><td>${esc(t.summary ?? '')}</td><td class="sev-${t.severity}">${SEVERITY_WORD[t.severity]}</td><td class="num">${t.drafts}</td><td class="num">${t.findings}</td></tr>`).join('\n');
  return `<h2>按规则统计</h2>
<table class="rules"><thead><tr><th scope="col">规则</th><th scope="col">说明</th><th scope="col">级别</th><th scope="col">稿件数</th><th scope="col">问题数</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function checklistSheet(r: FileResult, row: DraftRow, i: number, items: Parameters<typeof checklistTable>[0], change: DraftChange | undefined, ctx: FormatContext): string {
  const head = `<h3>${esc(row.unit ?? row.file)}${row.unit ? ` <small>${esc(row.file)}</small>` : ''}</h3>`;
  if (row.error) return `<article class="sheet" id="c-${i}">${head}<p class="reason">无法检查：${esc(row.error.message)}</p></article>`;
  const meta = `<p class="meta">年度：${row.year ?? '（未写明）'}${row.title ? `　标题：${esc(row.title)}` : ''}</p>`;
  return `<article class="sheet" id="c-${i}">${head}${meta}${previousLine(r, ctx)}${ctx.compare ? changeBlock(change, ctx.compare.file) : ''}
${checklistTable(items)}
${SIGN_OFF}
</article>`;
}

/** The report's own styles, after BASE_CSS. */
const CSS = `
header{background:#fff;border-bottom:1px solid var(--line);padding:16px 24px 0}
main{padding:8px 24px 40px}
.stats{display:flex;gap:10px;flex-wrap:wrap;list-style:none;padding:0;margin:0 0 12px}
.stats li{background:#f0f2f5;border-radius:6px;padding:6px 12px}
.stats b{font-size:18px;margin-right:4px}
.stats .e b,.stats .bad b{color:rgb(var(--e))}.stats .w b{color:rgb(var(--w))}.stats .i b{color:rgb(var(--i))}
nav{display:flex;gap:4px}
nav button{font:inherit;font-size:15px;border:1px solid var(--line);border-bottom:none;background:#eef0f3;padding:8px 18px;border-radius:6px 6px 0 0;cursor:pointer}
nav button[aria-selected=true]{background:#f6f7f9;font-weight:bold;position:relative;top:1px}
.scroll{overflow-x:auto}
.heat th[scope=row] small{display:block;margin:0}
.heat th.rule{writing-mode:vertical-rl;white-space:nowrap;font-weight:normal;font-size:13px;padding:8px 4px;vertical-align:bottom;letter-spacing:1px}
.heat th.rule a{color:inherit;text-decoration:none}
.heat td{width:30px;text-align:center;font-weight:bold;font-variant-numeric:tabular-nums}
.heat td.hot.sev-1{background:rgb(var(--e) / var(--a))}
.heat td.hot.sev-2{background:rgb(var(--w) / var(--a))}
.heat td.hot.sev-3,.heat td.hot.sev-4{background:rgb(var(--i) / var(--a))}
.heat td.hot{color:#1d2129}.heat td.hot.deep{color:#fff}
.heat th.rule.sev-1{border-top:3px solid rgb(var(--e))}.heat th.rule.sev-2{border-top:3px solid rgb(var(--w))}.heat th.rule.sev-3,.heat th.rule.sev-4{border-top:3px solid rgb(var(--i))}
.heat td.sum,.heat th.sum{background:#f0f2f5}
.heat td.unreadable,.reason{color:rgb(var(--e));text-align:left;font-weight:normal}
.heat a{color:inherit}
.drafts th[data-key] button{font:inherit;font-weight:bold;border:none;background:none;padding:0;cursor:pointer;white-space:nowrap}
.drafts th[data-key] button::after{content:" ↕";color:#9aa0a8;font-weight:normal}
.drafts th[aria-sort=ascending] button::after{content:" ▲";color:inherit}
.drafts th[aria-sort=descending] button::after{content:" ▼";color:inherit}
.drafts th.part{font-size:12px;font-weight:normal;white-space:nowrap}
.drafts tr.row{cursor:pointer}
.drafts tr.row:hover{background:#f7f9fc}
.drafts td.file{white-space:nowrap}
.toggle{border:1px solid var(--line);background:#fff;border-radius:4px;width:26px;height:26px;cursor:pointer;font-size:13px}
.toggle[aria-expanded=true]{transform:rotate(90deg)}
.top ul{margin:0;padding-left:18px}.top li{margin:1px 0}
.count{color:var(--muted);margin-left:6px;font-size:12px}
tr.detail>td{background:#fafbfc;padding:10px 16px}
.doc-title{margin:0 0 6px;font-weight:bold}
.rules td.sev-1{color:rgb(var(--e))}.rules td.sev-2{color:rgb(var(--w))}.rules td.sev-3{color:rgb(var(--i))}
.expand-all{font:inherit;font-size:12px;font-weight:normal;margin-left:6px;cursor:pointer}
.sheet{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:14px 0}
.meta{color:var(--muted);margin:0 0 8px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media print{
nav,.toggle-col,.expand-all,.hint{display:none}
header{border:none;padding:0}
main{padding:0}
[role=tabpanel][hidden]{display:block}
.scroll{overflow:visible}
.heat,.drafts{width:100%;table-layout:fixed}
.heat th.corner{width:22%}
.heat th[scope=row]{word-break:break-all;font-size:10px}
.heat td,.heat th.rule{width:auto;padding:2px 1px;font-size:10px}
.heat th.sum{width:6%}
.drafts{font-size:10px}
.drafts .c-file{width:15%}.drafts .c-unit{width:13%}.drafts .c-year{width:6%}
.drafts th.part{width:5%;white-space:normal;font-size:9px}
.drafts .c-errors,.drafts .c-warnings,.drafts .c-infos{width:5%}
.drafts .c-top{width:26%}
.drafts th[data-key] button{white-space:normal}
.drafts th[data-key] button::after{content:none}
.drafts td.file{white-space:normal;word-break:break-all}
.drafts td.unit{word-break:break-all}
.drafts .top ul{padding-left:12px}
tr.detail{display:none}
.sheet{break-before:page;border:none;border-radius:0;padding:0;margin:0}
}
`;

/** Behaviour only — tabs, sorting, expanding; all data is already in the markup. */
const JS = `
(function(){
  var tabs=[].slice.call(document.querySelectorAll('[role=tab]'));
  function show(id){tabs.forEach(function(t){var on=t.getAttribute('aria-controls')===id;t.setAttribute('aria-selected',String(on));t.tabIndex=on?0:-1;document.getElementById(t.getAttribute('aria-controls')).hidden=!on;});}
  tabs.forEach(function(t){t.addEventListener('click',function(){show(t.getAttribute('aria-controls'));});});
  function expand(body,open){var b=body.querySelector('.toggle');var d=body.querySelector('tr.detail');if(!b||!d)return;b.setAttribute('aria-expanded',String(open));d.hidden=!open;}
  var table=document.getElementById('drafts');
  if(table){
    [].forEach.call(table.tBodies,function(body){
      var row=body.querySelector('tr.row');
      row.addEventListener('click',function(ev){if(ev.target.closest('a'))return;var b=body.querySelector('.toggle');if(b)expand(body,b.getAttribute('aria-expanded')!=='true');});
    });
    [].forEach.call(table.querySelectorAll('th[data-key] button'),function(btn){
      btn.addEventListener('click',function(){
        var th=btn.parentNode,key=th.getAttribute('data-key'),num=th.getAttribute('data-type')==='num';
        var dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';
        [].forEach.call(table.querySelectorAll('th[aria-sort]'),function(h){h.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',dir);
        var sign=dir==='ascending'?1:-1;
        var bodies=[].slice.call(table.tBodies);
        bodies.sort(function(a,b){
          var x=a.getAttribute('data-'+key),y=b.getAttribute('data-'+key);
          var ix=+a.getAttribute('data-index'),iy=+b.getAttribute('data-index');
          if(x===''||y===''){if(x===y)return ix-iy;return x===''?1:-1;}
          var c=num?Number(x)-Number(y):x.localeCompare(y,'zh-CN');
          return c?sign*c:ix-iy;
        });
        bodies.forEach(function(b){table.appendChild(b);});
      });
    });
    [].forEach.call(document.querySelectorAll('.expand-all'),function(btn){
      btn.addEventListener('click',function(){var open=btn.getAttribute('data-expand')==='1';[].forEach.call(table.tBodies,function(b){expand(b,open);});});
    });
  }
  [].forEach.call(document.querySelectorAll('[data-open]'),function(a){
    a.addEventListener('click',function(ev){ev.preventDefault();var body=document.getElementById(a.getAttribute('data-open'));show('overview');expand(body,true);body.scrollIntoView({block:'start'});});
  });
})();
`;
