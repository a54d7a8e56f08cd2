import type { Diagnostic, FileResult } from '../types.js';
import { painter, SEVERITY_STYLE, SEVERITY_WORD, where, type FormatContext } from './context.js';
import { draftRow, enabledRules, lineLabel, markedQuote, quoteInContext, quoteOf, rulesOfDraft, type QuoteInContext } from './overview.js';
import type { Requirement } from './report-context.js';
import { defineFormat, whole } from './report.js';
import { displayWidth, padEnd } from '../present/width.js';
import { forTerminal } from './terminal.js';

export type CheckStatus = 'pass' | 'fail' | 'unchecked';

export const STATUS_WORD: Record<CheckStatus, string> = { pass: '通过', fail: '未通过', unchecked: '未核对' };
export const STATUS_MARK: Record<CheckStatus, string> = { pass: '✓', fail: '✗', unchecked: '?' };

/** One piece of evidence: the text that satisfied a requirement, or a finding saying where it is missing. */
export interface ChecklistEvidence {
  kind: 'pass' | 'finding' | 'note';
  /** 第N行 / 12:3 / 第N段, when the evidence has a place. */
  where?: string;
  message: string;
  rule?: string;
  severity?: Diagnostic['severity'];
  /** The draft's own words the finding covers. */
  quote?: string;
  /** The same in its sentence (for a page that can mark it). */
  context?: QuoteInContext;
}

export interface ChecklistItem {
  requirement: Requirement;
  status: CheckStatus;
  evidence: ChecklistEvidence[];
}

/**
 * The requirements a draft is checked against: the configured checklist, or
 * without one, a line per rule: those enabled and those that reported on the draft.
 */
export function requirementsOf(ctx: FormatContext): (r: FileResult) => Requirement[] {
  const configured = ctx.report?.checklist;
  if (configured?.length) return () => configured;
  const enabled = enabledRules(ctx);
  return (r) => rulesOfDraft(r, enabled, true).map((id) => ({ id, label: ctx.rules?.get(id)?.summary ?? id, rules: [id] }));
}

/**
 * Each requirement's status alone, as `evaluate` decides it, without building the
 * evidence: a record of thousands of drafts (jsonl's review) needs only the verdicts.
 */
export function statusesOf(r: FileResult, reqs: readonly Requirement[]): CheckStatus[] {
  const found = new Set(r.diagnostics.map((d) => d.code));
  const passed = new Set((r.summary?.passes ?? []).filter((p) => p.evidence.length).map((p) => p.rule));
  return reqs.map(({ rules }) => (rules.some((id) => found.has(id)) ? 'fail' : rules.some((id) => passed.has(id)) ? 'pass' : 'unchecked'));
}

/**
 * Decides each requirement for one draft: fail when any of its rules reported a
 * finding, pass when none did and at least one reported what satisfies it,
 * otherwise unchecked (rule off, not applicable, or no pass recorded).
 */
export function evaluate(r: FileResult, reqs: readonly Requirement[], ctx: FormatContext): ChecklistItem[] {
  return reqs.map((requirement) => {
    const rules = new Set(requirement.rules);
    const evidence: ChecklistEvidence[] = [];
    r.diagnostics.forEach((d, i) => {
      if (!rules.has(d.code)) return;
      evidence.push({
        kind: 'finding', where: where(r, d.range.start.line, d.range.start.character), message: d.message,
        rule: d.code, severity: d.severity, quote: quoteOf(r, i), context: quoteInContext(r, i),
      });
    });
    const failed = evidence.length > 0;
    for (const p of r.summary?.passes ?? []) {
      if (!rules.has(p.rule)) continue;
      for (const e of p.evidence) evidence.push({ kind: 'pass', where: e.line === undefined ? undefined : lineLabel(r, e.line), message: e.message, rule: p.rule });
    }
    const passed = !failed && evidence.some((e) => e.kind === 'pass');
    const off = requirement.rules.filter((id) => ctx.rules && (ctx.rules.get(id)?.severity ?? 'off') === 'off');
    if (off.length) evidence.push({ kind: 'note', message: `未启用的规则：${off.join('、')}` });
    else if (!failed && !passed) evidence.push({ kind: 'note', message: '规则没有给出结论（相关部分缺失或不适用）' });
    return { requirement, status: failed ? 'fail' : passed ? 'pass' : 'unchecked', evidence };
  });
}

/**
 * `--format checklist`: for each draft, every requirement of the preset as
 * pass or fail with its evidence, and a line to sign — a reviewer signs this
 * off instead of reading a list of violations.
 */
export const checklistReport = forTerminal(defineFormat({ summary: true }, (ctx, sink) => {
  const paint = painter(ctx.color);
  const requirements = requirementsOf(ctx);
  const statusWidth = Math.max(...Object.values(STATUS_WORD).map((w) => displayWidth(w))) + 2;
  const indent = ' '.repeat(2 + statusWidth + 2);
  let wrote = false;
  return {
    add(r) {
      wrote = true;
      const row = draftRow(r, ctx);
      const out = [paint('underline', `稿件：${row.file}`)];
      if (r.error) {
        out.push(`  ${paint('red', `无法检查：${r.error.message}`)}`, '');
      } else {
        const head = [`单位：${row.unit ?? '（标题中未写明）'}`, `年度：${row.year ?? '（未写明）'}`];
        if (row.title) head.push(`标题：${row.title}`);
        out.push(`  ${head.join('  ')}`);
        const items = evaluate(r, requirements(r), ctx);
        for (const it of items) {
          const style = it.status === 'pass' ? 'green' : it.status === 'fail' ? 'red' : 'gray';
          const status = padEnd(`${STATUS_MARK[it.status]} ${STATUS_WORD[it.status]}`, statusWidth);
          const help = it.requirement.help ? paint('gray', `（${it.requirement.help}）`) : '';
          out.push(`  ${paint(style, status)}  ${it.requirement.label}${help}`);
          for (const e of it.evidence) out.push(indent + evidenceLine(e, paint));
        }
        out.push(`  结论：${verdict(items)}`);
        out.push('  审核人：____________  日期：____________', '');
      }
      sink.write(out.join('\n') + '\n');
    },
    end: () => {
      if (!wrote) sink.write('\n');
    },
  };
}));

export const checklist = whole(checklistReport);

function evidenceLine(e: ChecklistEvidence, paint: ReturnType<typeof painter>): string {
  const at = e.where ? `${e.where} ` : '';
  if (e.kind === 'note') return paint('gray', e.message);
  if (e.kind === 'pass') return `${paint('gray', at)}${e.message}`;
  const sev = SEVERITY_WORD[e.severity ?? 2];
  // the finding's text in its sentence (「」 marks it), or alone where the message does not quote it
  const shown = e.context && (e.context.before || e.context.after) ? markedQuote(e.context) : e.quote && !e.message.includes(e.quote.trim()) ? e.quote : '';
  const quote = shown ? `  原文：“${shown}”` : '';
  return `${paint('gray', at)}${paint(SEVERITY_STYLE[e.severity ?? 3], sev)} ${e.message}${paint('gray', `${quote}  ${e.rule}`)}`;
}

/** The sheet's conclusion in words: how many requirements passed, failed, were not checked. */
export function verdict(items: readonly ChecklistItem[]): string {
  const n = (s: CheckStatus) => items.filter((i) => i.status === s).length;
  return `${items.length} 项要求中 ${n('pass')} 项通过，${n('fail')} 项未通过，${n('unchecked')} 项未核对`;
}
