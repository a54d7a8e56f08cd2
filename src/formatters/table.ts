import type { PartKind } from '../types.js';
import { changeLine, unpairedLine } from './change.js';
import { evaluate, requirementsOf } from './checklist.js';
import { painter, SEVERITY_STYLE, SEVERITY_WORD, type FormatContext, type Paint } from './context.js';
import { displayPath, headline, draftRow, partColumns, topProblems, ruleTotals, totals, type DraftRow } from './overview.js';
import { defineFormat, whole } from './report.js';
import { displayWidth, padEnd, padStart } from '../present/width.js';
import { forTerminal } from './terminal.js';

type Align = 'left' | 'right' | 'center';
interface Cell { text: string; style?: Parameters<Paint>[0] }
interface Column { head: string; align: Align }

/** How many problem groups a row names, and how wide each may be. */
const PROBLEM_WIDTH = 36;

/**
 * `--format table`: one row per draft (file, unit, year, a tick per part,
 * errors, warnings, the top problems in words), then findings per rule and the
 * totals; then what --previous paired with what, and per organ what changed
 * since the --compare record. Columns are aligned by display width so Chinese
 * lines up in a terminal.
 */
export const tableReport = forTerminal(defineFormat({ summary: true }, (ctx, sink) => {
  // column widths depend on every row: the rows are kept (small) and the table written at the end
  const rows: DraftRow[] = [];
  const pairs: { file: string; previous: string | null }[] = [];
  const compare = ctx.compare && { session: ctx.compare.start(), requirements: requirementsOf(ctx), changes: [] as string[] };
  return {
    add(r) {
      rows.push(draftRow(r, ctx));
      if (r.previous !== undefined) pairs.push({ file: displayPath(r.filePath, ctx.cwd), previous: r.previous && displayPath(r.previous, ctx.cwd) });
      if (compare && !r.error) compare.changes.push(changeLine(compare.session.change(r, evaluate(r, compare.requirements(r), ctx))));
    },
    end() {
      const out = [render(rows, ctx)];
      if (pairs.length) {
        out.push('', '对照的上一年度报告（--previous）');
        for (const p of pairs) out.push(`  ${p.file} ← ${p.previous ?? '（没有找到，未对照上年的工作安排）'}`);
      }
      if (compare) {
        out.push('', `与上次检查相比（--compare ${ctx.compare!.file}）`);
        for (const line of compare.changes) out.push(`  ${line}`);
        for (const d of compare.session.unpaired()) out.push(`  ${unpairedLine(d)}`);
      }
      sink.write(out.join('\n') + '\n');
    },
  };
}));

export const table = whole(tableReport);

function render(rows: DraftRow[], ctx: FormatContext): string {
  const paint = painter(ctx.color);
  const parts = partColumns(ctx);

  const columns: Column[] = [
    { head: '稿件', align: 'left' },
    { head: '单位', align: 'left' },
    { head: '年度', align: 'right' },
    ...parts.map((p): Column => ({ head: p.short, align: 'center' })),
    { head: '错误', align: 'right' },
    { head: '警告', align: 'right' },
    { head: '主要问题', align: 'left' },
  ];
  const body = rows.map((row) => draftCells(row, parts.map((p) => p.kind)));
  const out = [renderColumns(columns, body, paint)];
  out.push(`各部分：${parts.map((p) => `${p.short}＝${p.name}`).join('；')}。✓ 有，✗ 缺`);

  const byRule = ruleTotals(rows, ctx);
  if (byRule.length) {
    out.push('', '按规则统计');
    out.push(renderColumns(
      [
        { head: '规则', align: 'left' }, { head: '级别', align: 'left' }, { head: '稿件数', align: 'right' },
        { head: '问题数', align: 'right' }, { head: '说明', align: 'left' },
      ],
      byRule.map((t) => [
        { text: t.rule },
        { text: SEVERITY_WORD[t.severity], style: SEVERITY_STYLE[t.severity] },
        { text: String(t.drafts) },
        { text: String(t.findings) },
        { text: t.summary ?? '' },
      ]),
      paint,
    ));
  }
  const t = totals(rows);
  const checked = t.drafts - t.unreadable;
  const line = `合计：${t.drafts} 份稿件${t.unreadable ? `（${t.unreadable} 份无法检查）` : ''}，${t.errors} 个错误，${t.warnings} 个警告，${t.infos} 个提示`;
  out.push('', paint(t.errors || t.unreadable ? 'red' : t.warnings ? 'yellow' : 'green', checked || t.unreadable ? line : '没有稿件'));
  return out.join('\n');
}

function draftCells(row: DraftRow, kinds: PartKind[]): Cell[] {
  if (row.error) {
    return [
      { text: row.file }, { text: '—' }, { text: '—' }, ...kinds.map(() => ({ text: '' })), { text: '—' }, { text: '—' },
      { text: `无法检查：${row.error.message}`, style: 'red' },
    ];
  }
  const { shown, more } = topProblems(row);
  const problems = shown.map((g) => `${headline(g.message, PROBLEM_WIDTH)}${g.count > 1 ? `（${g.count}处）` : ''}`);
  if (more) problems.push(`另有 ${more} 类`);
  return [
    { text: row.file },
    { text: row.unit ?? '—' },
    { text: row.year === undefined ? '—' : String(row.year) },
    ...kinds.map((k): Cell => (row.parts ? (row.parts.has(k) ? { text: '✓', style: 'green' } : { text: '✗', style: 'red' }) : { text: '' })),
    { text: String(row.errors), style: row.errors ? 'red' : undefined },
    { text: String(row.warnings), style: row.warnings ? 'yellow' : undefined },
    { text: problems.join('；') || '无', style: row.problems.length ? undefined : 'green' },
  ];
}


/** Pads every column to its widest cell (display width); the last column is left ragged. */
function renderColumns(columns: Column[], rows: Cell[][], paint: Paint): string {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.head), ...rows.map((r) => displayWidth(r[i].text))));
  const pad = (text: string, i: number) => {
    if (i === columns.length - 1) return text;
    const w = widths[i];
    if (columns[i].align === 'right') return padStart(text, w);
    if (columns[i].align === 'center') {
      const left = Math.floor((w - displayWidth(text)) / 2);
      return padEnd(' '.repeat(left) + text, w);
    }
    return padEnd(text, w);
  };
  const line = (cells: Cell[]) => cells.map((c, i) => (c.style ? paintPadded(pad(c.text, i), c.text, c.style, paint) : pad(c.text, i))).join('  ').trimEnd();
  return [paint('bold', line(columns.map((c) => ({ text: c.head })))), ...rows.map(line)].join('\n');
}

/** Colours the text only, not its padding, so the escape codes do not shift columns. */
function paintPadded(padded: string, text: string, style: Parameters<Paint>[0], paint: Paint): string {
  if (!text) return padded;
  const at = padded.indexOf(text);
  return padded.slice(0, at) + paint(style, text) + padded.slice(at + text.length);
}
