/**
 * What matters first, beside the text: the five parts as a checklist (✓ with
 * the heading found, ✗ with the fix that inserts it), then the findings errors →
 * warnings → info, grouped by rule with counts and “全部改正”.
 */
import { explainRule } from '../present/explain.js';
import { SEVERITY_WORD } from '../formatters/context.js';
import { groupProblems } from '../formatters/overview.js';
import type { DraftLint } from '../lint-draft.js';
import type { Linter } from '../linter.js';
import type { Diagnostic } from '../types.js';
import { h } from './dom.js';

/** A draft's findings as the side panel shows them. */
export interface ShownFindings {
  linted: DraftLint;
  /** Places are Word paragraphs (第N段): a .docx as read. */
  paragraphs: boolean;
}

/** What the drafter can do from the panel; indices are the findings' in `linted`. */
export interface FindingActions {
  reveal(index: number): void;
  /** Go to an offset of the linted text (a part's heading). */
  revealOffset(offset: number): void;
  fix(index: number): void;
  /** All the safe fixes of one rule. */
  fixRule(rule: string): void;
}

/** A line of the draft's own positions as people count it. */
export function lineLabel(f: Pick<ShownFindings, 'paragraphs'>, line: number): string {
  return f.paragraphs ? `第${line + 1}段` : `第${line + 1}行`;
}

/** A fix's label: an unsafe one asks to be checked. */
export function fixLabel(d: Diagnostic, short = false): string | undefined {
  const fix = d.data?.fix;
  if (!fix?.edits.length) return undefined;
  return fix.safe ? fix.title : `${fix.title}（${short ? '请核对' : '非安全修复，请核对'}）`;
}

export function renderChecklist(list: HTMLElement, linter: Linter, f: ShownFindings, act: FindingActions): void {
  list.replaceChildren();
  const { summary, output } = f.linted;
  if (!summary) return;
  const parts = linter.config.builder.vocabulary.parts;
  // the fix that inserts a missing part names it in its message: 缺少“其他需要报告的情况”部分
  const inserts = new Map<string, number>();
  output.diagnostics.forEach((d, i) => {
    if (d.data?.ruleType !== 'sections' || !d.data.fix?.edits.length || d.data.fix.safe) return;
    const part = parts.find((p) => d.message.includes(`“${p.name}”`));
    if (part) inserts.set(part.kind, i);
  });
  for (const p of parts) {
    const at = summary.parts.findIndex((s) => s.kind === p.kind);
    const found = summary.parts[at];
    const item = h('li', { class: found ? 'yes' : 'no' },
      h('span', { class: 'tick', 'aria-label': found ? '有' : '缺' }, found ? '✓' : '✗'),
      h('span', { class: 'part' }, p.name));
    if (found) {
      const heading = h('button', { class: 'link heading', title: '转到这一部分' }, `${lineLabel(f, found.line)}：“${found.title}”`);
      // the summary's parts are the model's, in order: the model's heading is where the editor goes
      heading.addEventListener('click', () => act.revealOffset(output.document.parts[at].heading.span[0]));
      item.append(heading);
    } else {
      item.append(h('span', { class: 'heading' }, '未找到'));
      const i = inserts.get(p.kind);
      if (i !== undefined) item.append(fixButton(`插入“${p.name}”部分`, false, () => act.fix(i)));
    }
    list.append(item);
  }
}

export function renderFindings(box: HTMLElement, counts: HTMLElement, linter: Linter, f: ShownFindings, act: FindingActions): void {
  box.replaceChildren();
  const { linted } = f;
  const ds = linted.output.diagnostics;
  const bySeverity = [1, 2, 3].map((s) => ds.filter((d) => d.severity === s || (s === 3 && d.severity === 4)).length);
  counts.textContent = ds.length
    ? [1, 2, 3].filter((s) => bySeverity[s - 1]).map((s) => `${bySeverity[s - 1]} 个${SEVERITY_WORD[s]}`).join('，')
    : '没有发现问题';
  for (const g of groupProblems(ds)) {
    const def = linter.config.resolved.rules.get(g.rule);
    const members = ds.map((d, i) => ({ d, i })).filter((x) => x.d.code === g.rule);
    const safe = members.filter((x) => x.d.data?.fix?.safe && x.d.data.fix.edits.length).length;
    const head = h('div', { class: 'group-head' },
      h('span', { class: `sev sev-${g.severity}` }, SEVERITY_WORD[g.severity]),
      h('span', { class: 'what' }, `${def?.summary ?? g.rule} ${g.count} 处`));
    if (safe) {
      const all = h('button', { class: 'fix-rule', title: safe < g.count ? `其中 ${safe} 处可安全修复` : '' }, '全部改正');
      all.addEventListener('click', () => act.fixRule(g.rule));
      head.append(h('span', { class: 'fix-rule-wrap' }, ' — ', all));
    }
    const group = h('section', { class: `group sev-${g.severity}`, 'data-rule': g.rule }, head);
    if (def?.reference) group.append(h('div', { class: 'ref' }, `依据：${def.reference}`));
    const help = linted.diagnostics[members[0].i].data?.help;
    // on paper the advice is said once per rule, not beside each of its 62 findings
    if (help) group.append(h('div', { class: 'help print-only' }, `建议：${help}`));
    const list = h('ol', { class: 'items' });
    for (const { d, i } of members) {
      const quote = linted.summary?.quotes[i];
      const li = h('li', { class: `finding sev-${d.severity}`, 'data-index': String(i), tabindex: '0' },
        h('span', { class: 'loc' }, lineLabel(f, linted.diagnostics[i].range.start.line)),
        h('span', { class: 'msg' }, d.message));
      if (quote?.trim()) li.append(h('q', { class: 'quote' }, quote));
      li.append(findingDetails(linter, linted.diagnostics[i], false));
      const label = fixLabel(d);
      if (label) li.append(fixButton(label, !!d.data?.fix?.safe, () => act.fix(i)));
      li.addEventListener('click', (e) => {
        if (!(e.target as HTMLElement).closest('button, summary')) act.reveal(i);
      });
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') act.reveal(i);
      });
      list.append(li);
    }
    group.append(list);
    box.append(group);
  }
}

/** Marks one finding of the list (undefined: none) and scrolls it into view. */
export function markFinding(box: HTMLElement, index: number | undefined): void {
  for (const el of box.querySelectorAll('.finding.active')) el.classList.remove('active');
  if (index === undefined) return;
  const el = box.querySelector(`.finding[data-index="${index}"]`);
  el?.classList.add('active');
  el?.scrollIntoView({ block: 'nearest' });
}

/** Message, 依据, 建议 and the rule's explanation (the text of `--explain`). */
export function findingDetails(linter: Linter, d: Diagnostic, withMessage: boolean): HTMLElement {
  const box = h('div', { class: `details sev-${d.severity}` });
  if (withMessage) box.append(h('div', { class: 'msg' }, d.message));
  if (d.data?.reference) box.append(h('div', { class: 'ref' }, `依据：${d.data.reference}`));
  if (d.data?.help) box.append(h('div', { class: 'help' }, `建议：${d.data.help}`));
  const def = linter.config.resolved.rules.get(d.code);
  if (def) {
    const severity = linter.config.resolved.settings.get(def.id)?.severity ?? 'off';
    const text = h('pre');
    const explain = h('details', { class: 'explain' }, h('summary', {}, `规则说明（${def.id}）`), text);
    // written when opened: a draft has dozens of findings, and every re-lint lists them again
    explain.addEventListener('toggle', () => {
      if (!text.textContent) text.textContent = explainRule(def, severity);
    });
    box.append(explain);
  }
  return box;
}

function fixButton(label: string, safe: boolean, apply: () => void): HTMLElement {
  const b = h('button', { class: safe ? 'fix safe' : 'fix unsafe' }, label);
  b.addEventListener('click', apply);
  return b;
}
