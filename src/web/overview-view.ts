/**
 * Several drafts as `-f table` has them: one row per draft (file, unit, year,
 * the five parts ✓/✗, errors, warnings, info, the main problems), each row
 * opening its draft.
 */
import { groupProblems, headline } from '../formatters/overview.js';
import type { DraftLint } from '../lint-draft.js';
import type { PartVocabulary } from '../document/vocabulary.js';
import { h } from './dom.js';

export interface OverviewRow {
  name: string;
  /** Why the draft could not be checked. */
  error?: { message: string };
  linted?: DraftLint;
  current: boolean;
  open(): void;
}

/** How many kinds of problem a row names in words, as the table format does. */
const TOP_PROBLEMS = 3;

export function renderOverview(table: HTMLElement, rows: readonly OverviewRow[], parts: readonly Pick<PartVocabulary, 'kind' | 'name' | 'short'>[]): void {
  const head = h('tr', {}, h('th', {}, '稿件'), h('th', {}, '单位'), h('th', {}, '年度'),
    ...parts.map((p) => h('th', { title: p.name }, p.short)),
    h('th', {}, '错误'), h('th', {}, '警告'), h('th', {}, '提示'), h('th', {}, '主要问题'));
  const body = rows.map((row) => {
    const tr = h('tr', { tabindex: '0', class: row.current ? 'current' : '' }, h('td', { class: 'file' }, row.name));
    if (row.error || !row.linted) {
      tr.append(h('td', { colspan: String(parts.length + 6), class: 'reason' }, `无法检查：${row.error?.message ?? ''}`));
    } else {
      const { summary, diagnostics } = row.linted;
      const count = (...s: number[]) => diagnostics.filter((d) => s.includes(d.severity)).length;
      tr.append(h('td', { class: 'unit' }, summary?.organ ?? ''), h('td', {}, summary?.year ? String(summary.year) : ''));
      for (const p of parts) {
        const has = summary?.parts.some((s) => s.kind === p.kind);
        tr.append(h('td', { class: has ? 'tick yes' : 'tick no', title: has ? p.name : `缺少“${p.name}”部分` }, has ? '✓' : '✗'));
      }
      tr.append(h('td', { class: 'num e' }, String(count(1))), h('td', { class: 'num w' }, String(count(2))), h('td', { class: 'num i' }, String(count(3, 4))));
      const groups = groupProblems(diagnostics);
      const top = groups.slice(0, TOP_PROBLEMS).map((g) => `${headline(g.message, 40)}${g.count > 1 ? `（${g.count}处）` : ''}`);
      if (groups.length > TOP_PROBLEMS) top.push(`等 ${groups.length} 类`);
      tr.append(h('td', { class: 'top' }, top.join('；')));
    }
    tr.addEventListener('click', row.open);
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') row.open();
    });
    return tr;
  });
  table.replaceChildren(h('thead', {}, head), h('tbody', {}, ...body));
}
