import type { FileResult } from '../types.js';
import { evaluate, requirementsOf, STATUS_MARK, STATUS_WORD, verdict, type ChecklistItem } from './checklist.js';
import { SEVERITY_WORD, where, type FormatContext } from './context.js';
import { headline, draftRow, partColumns, topProblems, quoteOf, ruleTotals, totals, type DraftRow, type PartColumn, type RuleTotal } from './overview.js';
import { defineFormat, whole } from './report.js';

/**
 * `--format html`: one self-contained page (inline CSS and JS, no network) for
 * people: a heat map drafts × rules to see at a glance which townships and which
 * rules need attention, the sortable table with each draft expanding to its
 * findings and quoted text, findings per rule, and a checklist tab to sign off.
 * Everything from a draft is escaped; the script carries no data.
 */
export const htmlReport = defineFormat({ summary: true }, (ctx, sink) => {
  const parts = partColumns(ctx);
  const requirements = requirementsOf(ctx);
  // the rows (small) make the heat map and the totals at the end; each draft's
  // findings and checklist sheet go to spools, to follow them in the page
  const rows: DraftRow[] = [];
  const bodies = sink.spool();
  const sheets = sink.spool();
  return {
    add(r) {
      const i = rows.length;
      const row = draftRow(r, ctx);
      rows.push(row);
      bodies.write(`${i ? '\n' : ''}${draftBody(r, row, i, parts, ctx)}`);
      sheets.write(`${i ? '\n' : ''}${checklistSheet(row, i, r.error ? [] : evaluate(r, requirements(r), ctx))}`);
    },
    end() {
      const byRule = ruleTotals(rows, ctx);
      const t = totals(rows);
      const title = '法治政府建设年度报告检查结果';
      sink.write(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="lawreport-lint">
<title>${esc(title)}（${t.drafts} 份稿件）</title>
<style>${CSS}</style>
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
${heatMap(rows, byRule)}
<h2>各稿件 <button type="button" class="expand-all" data-expand="1">全部展开</button> <button type="button" class="expand-all" data-expand="0">全部收起</button></h2>
<p class="hint">点击表头排序，点击一行查看该稿件的全部问题和原文。</p>
<div class="scroll"><table id="drafts" class="drafts">
<thead><tr>${draftHead(parts)}</tr></thead>
`);
      bodies.drainTo(sink);
      sink.write(`
</table></div>
${ruleTable(byRule, ctx)}
</section>
<section id="checklist" role="tabpanel" aria-labelledby="tab-checklist" hidden>
<p class="hint">每份稿件逐项列出预设的要求：通过的附上满足要求的原文位置，未通过的附上问题所在，供审核人签字确认。</p>
`);
      sheets.drainTo(sink);
      sink.write(`
</section>
</main>
<script>${JS}</script>
</body>
</html>
`);
    },
  };
});

export const html = whole(htmlReport);

function heatMap(rows: DraftRow[], byRule: RuleTotal[]): string {
  if (!byRule.length) return '<h2>热力图</h2>\n<p class="clean">所有稿件都没有发现问题。</p>';
  const head = byRule.map((r) => `<th scope="col" class="rule sev-${r.severity}" title="${esc(r.summary ?? r.rule)}"><span>${esc(r.rule)}</span></th>`).join('');
  const body = rows.map((row, i) => {
    const name = `<th scope="row"><a href="#d-${i}" data-open="d-${i}">${esc(row.unit ?? row.file)}</a>${row.unit ? `<small>${esc(row.file)}</small>` : ''}</th>`;
    if (row.error) return `<tr>${name}<td class="unreadable" colspan="${byRule.length + 1}">无法检查：${esc(row.error.message)}</td></tr>`;
    // the draft's findings already counted per rule, with the worst severity
    const byCode = new Map(row.problems.map((g) => [g.rule, g]));
    const cells = byRule.map((r) => {
      const g = byCode.get(r.rule);
      if (!g) return '<td class="zero"></td>';
      const alpha = Math.min(1, 0.3 + 0.175 * g.count);
      return `<td class="hot sev-${g.severity}${alpha >= 0.6 && g.severity !== 2 ? ' deep' : ''}" style="--a:${alpha.toFixed(2)}" title="${esc(`${row.unit ?? row.file} · ${r.rule}：${g.count} 处`)}">${g.count}</td>`;
    }).join('');
    const sum = row.errors + row.warnings + row.infos;
    return `<tr>${name}${cells}<td class="sum">${sum}</td></tr>`;
  }).join('\n');
  const foot = byRule.map((r) => `<td>${r.findings}</td>`).join('');
  return `<h2>热力图：稿件 × 规则</h2>
<p class="hint">颜色越深问题越多；红色为错误，橙色为警告，蓝色为提示。点击单位名称查看详情。</p>
<div class="scroll"><table class="heat">
<thead><tr><th scope="col" class="corner">稿件 \\ 规则</th>${head}<th scope="col" class="sum">合计</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot><tr><th scope="row">合计</th>${foot}<td class="sum">${byRule.reduce((n, r) => n + r.findings, 0)}</td></tr></tfoot>
</table></div>`;
}

function draftHead(parts: PartColumn[]): string {
  const sortable = (key: string, label: string, num = false) => `<th scope="col" data-key="${key}"${num ? ' data-type="num"' : ''}><button type="button">${esc(label)}</button></th>`;
  return [
    '<th scope="col" class="toggle-col"><span class="sr">展开</span></th>',
    sortable('file', '稿件'), sortable('unit', '单位'), sortable('year', '年度', true),
    ...parts.map((p) => `<th scope="col" class="part" title="${esc(p.name)}">${esc(p.short)}</th>`),
    sortable('errors', '错误', true), sortable('warnings', '警告', true), sortable('infos', '提示', true),
    '<th scope="col">主要问题</th>',
  ].join('');
}

/** A draft's rows in the table: the summary row, and its findings with the quoted text, hidden until expanded. */
function draftBody(r: FileResult, row: DraftRow, i: number, parts: PartColumn[], ctx: FormatContext): string {
  const columns = 4 + parts.length + 4;
  const data = `data-index="${i}" data-file="${esc(row.file)}" data-unit="${esc(row.unit ?? '')}" data-year="${row.year ?? ''}"` +
    (r.error ? ' data-errors="" data-warnings="" data-infos=""' : ` data-errors="${row.errors}" data-warnings="${row.warnings}" data-infos="${row.infos}"`);
  if (r.error) {
    return `<tbody class="draft unreadable" id="d-${i}" ${data}>
<tr class="row"><td></td><td class="file">${esc(row.file)}</td><td colspan="${columns - 2}" class="reason">无法检查：${esc(r.error.message)}</td></tr>
</tbody>`;
  }
  const ticks = parts.map((p) => (row.parts?.has(p.kind)
    ? `<td class="tick yes" title="${esc(`有“${p.name}”部分`)}">✓</td>`
    : `<td class="tick no" title="${esc(`缺少“${p.name}”部分`)}">✗</td>`)).join('');
  const { shown, more: hidden } = topProblems(row);
  const top = shown.map((g) => `<li class="sev-${g.severity}">${esc(headline(g.message, 60))}${g.count > 1 ? `<span class="count">${g.count} 处</span>` : ''}</li>`).join('');
  const more = hidden ? `<li class="more">另有 ${hidden} 类问题</li>` : '';
  return `<tbody class="draft" id="d-${i}" ${data}>
<tr class="row">
<td><button type="button" class="toggle" aria-expanded="false" aria-controls="d-${i}-detail" aria-label="${esc(`展开 ${row.file} 的问题`)}">▸</button></td>
<td class="file">${esc(row.file)}</td><td class="unit">${esc(row.unit ?? '—')}</td><td class="num">${row.year ?? '—'}</td>${ticks}
<td class="num${row.errors ? ' e' : ''}">${row.errors}</td><td class="num${row.warnings ? ' w' : ''}">${row.warnings}</td><td class="num${row.infos ? ' i' : ''}">${row.infos}</td>
<td class="top">${top || more ? `<ul>${top}${more}</ul>` : '<span class="clean">无</span>'}</td>
</tr>
<tr class="detail" id="d-${i}-detail" hidden><td colspan="${columns}">${findings(r, row, ctx)}</td></tr>
</tbody>`;
}

function findings(r: FileResult, row: DraftRow, ctx: FormatContext): string {
  const title = row.title ? `<p class="doc-title">标题：${esc(row.title)}</p>` : '';
  if (!r.diagnostics.length) return `${title}<p class="clean">没有发现问题。</p>`;
  const items = r.diagnostics.map((d, i) => {
    const quote = quoteOf(r, i);
    const href = safeHref(d.codeDescription?.href ?? ctx.rules?.get(d.code)?.href);
    const rule = href ? `<a class="rule" href="${esc(href)}">${esc(d.code)}</a>` : `<span class="rule">${esc(d.code)}</span>`;
    return `<li class="sev-${d.severity}"><span class="loc">${esc(where(r, d.range.start.line, d.range.start.character))}</span><span class="sev">${SEVERITY_WORD[d.severity]}</span><span class="msg">${esc(d.message)}</span>${rule}
${quote ? `<blockquote>${esc(quote)}</blockquote>` : ''}${d.data?.help ? `<p class="help">建议：${esc(d.data.help)}</p>` : ''}${d.data?.reference ? `<p class="ref">依据：${esc(d.data.reference)}</p>` : ''}</li>`;
  }).join('\n');
  return `${title}<ol class="findings">\n${items}\n</ol>`;
}

function ruleTable(byRule: RuleTotal[], ctx: FormatContext): string {
  if (!byRule.length) return '';
  const rows = byRule.map((t) => {
    const href = safeHref(ctx.rules?.get(t.rule)?.href);
    const id = href ? `<a href="${esc(href)}">${esc(t.rule)}</a>` : esc(t.rule);
    return `<tr><td class="rule">${id}</td><td>${esc(t.summary ?? '')}</td><td class="sev-${t.severity}">${SEVERITY_WORD[t.severity]}</td><td class="num">${t.drafts}</td><td class="num">${t.findings}</td></tr>`;
  }).join('\n');
  return `<h2>按规则统计</h2>
<table class="rules"><thead><tr><th scope="col">规则</th><th scope="col">说明</th><th scope="col">级别</th><th scope="col">稿件数</th><th scope="col">问题数</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function checklistSheet(row: DraftRow, i: number, items: ChecklistItem[]): string {
  const head = `<h3>${esc(row.unit ?? row.file)}${row.unit ? ` <small>${esc(row.file)}</small>` : ''}</h3>`;
  if (row.error) return `<article class="sheet" id="c-${i}">${head}<p class="reason">无法检查：${esc(row.error.message)}</p></article>`;
  const meta = `<p class="meta">年度：${row.year ?? '（未写明）'}${row.title ? `　标题：${esc(row.title)}` : ''}</p>`;
  const lines = items.map((it) => {
    const evidence = it.evidence.map((e) => {
      const at = e.where ? `<span class="loc">${esc(e.where)}</span>` : '';
      if (e.kind === 'note') return `<li class="note">${esc(e.message)}</li>`;
      if (e.kind === 'pass') return `<li class="pass">${at}${esc(e.message)}</li>`;
      return `<li class="finding sev-${e.severity}">${at}<span class="sev">${SEVERITY_WORD[e.severity ?? 2]}</span>${esc(e.message)}${e.quote ? `<blockquote>${esc(e.quote)}</blockquote>` : ''}</li>`;
    }).join('');
    return `<tr class="st-${it.status}"><td class="req">${esc(it.requirement.label)}${it.requirement.help ? `<small>${esc(it.requirement.help)}</small>` : ''}</td><td class="status"><span class="badge">${STATUS_MARK[it.status]} ${STATUS_WORD[it.status]}</span></td><td><ul>${evidence}</ul></td></tr>`;
  }).join('\n');
  return `<article class="sheet" id="c-${i}">${head}${meta}
<table class="reqs"><thead><tr><th scope="col">要求</th><th scope="col">结论</th><th scope="col">依据</th></tr></thead>
<tbody>
${lines}
</tbody></table>
<p class="verdict">${verdict(items)}。</p>
<p class="sign">审核人：<span class="blank"></span>日期：<span class="blank"></span></p>
</article>`;
}

/** Only document links that cannot run script (rule docs are file: URLs). */
function safeHref(href: string | undefined): string | undefined {
  return href && /^(file|https?):/i.test(href) ? href : undefined;
}

/** Escapes text for HTML content and attributes; drops control characters a draft may carry. */
export function esc(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CSS = `
:root{--e:200 30 30;--w:214 130 0;--i:40 110 190;--ok:20 130 60;--line:#d8dce3;--muted:#5f6670;font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1d2129;background:#f6f7f9}
body{margin:0}
header{background:#fff;border-bottom:1px solid var(--line);padding:16px 24px 0}
h1{font-size:22px;margin:0 0 10px}
h2{font-size:18px;margin:28px 0 8px}
h3{font-size:17px;margin:0 0 6px}
small{color:var(--muted);font-weight:normal;font-size:12px;margin-left:6px}
main{padding:8px 24px 40px}
.stats{display:flex;gap:10px;flex-wrap:wrap;list-style:none;padding:0;margin:0 0 12px}
.stats li{background:#f0f2f5;border-radius:6px;padding:6px 12px}
.stats b{font-size:18px;margin-right:4px}
.stats .e b,.stats .bad b{color:rgb(var(--e))}.stats .w b{color:rgb(var(--w))}.stats .i b{color:rgb(var(--i))}
nav{display:flex;gap:4px}
nav button{font:inherit;font-size:15px;border:1px solid var(--line);border-bottom:none;background:#eef0f3;padding:8px 18px;border-radius:6px 6px 0 0;cursor:pointer}
nav button[aria-selected=true]{background:#f6f7f9;font-weight:bold;position:relative;top:1px}
.hint{color:var(--muted);font-size:13px;margin:4px 0 8px}
.clean{color:rgb(var(--ok))}
.scroll{overflow-x:auto}
table{border-collapse:collapse;background:#fff}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
thead th{background:#eef0f3}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.e{color:rgb(var(--e));font-weight:bold}td.w{color:rgb(var(--w));font-weight:bold}td.i{color:rgb(var(--i))}
.heat th[scope=row] small{display:block;margin:0}
.heat th.rule{writing-mode:vertical-rl;white-space:nowrap;font-weight:normal;font-size:12px;padding:8px 4px;vertical-align:bottom}
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
.tick{text-align:center;font-weight:bold}.tick.yes{color:rgb(var(--ok))}.tick.no{color:rgb(var(--e));background:rgb(var(--e) / .08)}
.toggle{border:1px solid var(--line);background:#fff;border-radius:4px;width:26px;height:26px;cursor:pointer;font-size:13px}
.toggle[aria-expanded=true]{transform:rotate(90deg)}
.top ul{margin:0;padding-left:18px}.top li{margin:1px 0}
.count{color:var(--muted);margin-left:6px;font-size:12px}
.sev-1{--c:var(--e)}.sev-2{--c:var(--w)}.sev-3,.sev-4{--c:var(--i)}
.top li::marker,.findings li::marker{color:rgb(var(--c))}
tr.detail>td{background:#fafbfc;padding:10px 16px}
.doc-title{margin:0 0 6px;font-weight:bold}
.findings{margin:0;padding-left:22px}
.findings li{margin:0 0 10px}
.loc{font-family:ui-monospace,monospace;color:var(--muted);margin-right:8px;white-space:nowrap}
.sev{display:inline-block;color:#fff;background:rgb(var(--c,var(--w)));border-radius:3px;padding:0 5px;margin-right:8px;font-size:12px}
.rule{font-family:ui-monospace,monospace;font-size:12px;color:var(--muted);margin-left:10px}
blockquote{margin:4px 0;padding:4px 10px;border-left:3px solid rgb(var(--c,var(--w)));background:#fff;white-space:pre-wrap}
.help,.ref{margin:2px 0;color:var(--muted);font-size:13px}
.rules td.sev-1{color:rgb(var(--e))}.rules td.sev-2{color:rgb(var(--w))}.rules td.sev-3{color:rgb(var(--i))}
.expand-all{font:inherit;font-size:12px;font-weight:normal;margin-left:6px;cursor:pointer}
.sheet{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:14px 0;break-inside:avoid}
.meta{color:var(--muted);margin:0 0 8px}
.reqs{width:100%}
.reqs td.req{width:26%}.reqs td.req small{display:block;margin:2px 0 0}
.reqs td.status{width:90px;white-space:nowrap}
.reqs ul{margin:0;padding-left:18px}
.badge{font-weight:bold;border-radius:4px;padding:2px 8px}
.st-pass .badge{color:rgb(var(--ok));background:rgb(var(--ok) / .1)}
.st-fail .badge{color:rgb(var(--e));background:rgb(var(--e) / .1)}
.st-unchecked .badge{color:var(--muted);background:#eef0f3}
li.note{color:var(--muted);list-style:none;margin-left:-18px}
.verdict{font-weight:bold}
.sign{margin:18px 0 4px}.sign .blank{display:inline-block;width:160px;border-bottom:1px solid #1d2129;margin:0 24px 0 4px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
@media print{nav,.toggle,.expand-all,.hint{display:none}header{border:none}}
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
