/**
 * The part rules when the model is not sure (issue 11): a part written as an item,
 * joined to another, or possibly hidden in a section no signal placed is at most a
 * warning, saying where; an unplaced heading gets an information finding; duties
 * rules read a duties item; a prose part gets one concrete-numbers remark per
 * paragraph; a finding's severity never exceeds its cap.
 */
import { describe, expect, it } from 'vitest';
import { interpolate } from '../../src/engine/interpolate.js';
import { runRules } from '../../src/engine/run.js';
import type { CompiledRule } from '../../src/types.js';
import { byRule, linterWith, model } from '../helpers.js';

const linter = await linterWith();
const lint = (text: string) => linter.lint(text, { format: 'txt', strict: true });
const TITLE = '龙溪镇人民政府关于2023年法治政府建设情况的报告\n';
const ACHIEVEMENTS = '一、主要举措和成效\n（一）规范执法。办理案件12件。\n';
const SHORTCOMINGS = '二、存在的不足和原因\n一是执法力量薄弱。原因是编制不足。\n';
const PLAN = '四、2024年工作安排\n（一）充实执法力量。\n';

describe('required-parts is sure only when every section is placed', () => {
  it('a missing part and every section placed: an error, with an insertion', () => {
    const d = byRule(lint(TITLE + ACHIEVEMENTS + SHORTCOMINGS + PLAN).diagnostics, 'required-parts');
    expect(d.map((x) => x.severity)).toEqual([1]);
    expect(d[0].data?.fix).toBeDefined();
  });

  it('a section that could not be placed: a warning that names it, no insertion; part-recognized on the heading', () => {
    const { diagnostics } = lint(`${TITLE}${ACHIEVEMENTS}${SHORTCOMINGS}三、强化示范引领，争当法治表率\n……\n${PLAN}`);
    const [d] = byRule(diagnostics, 'required-parts');
    expect(d.severity).toBe(2);
    expect(d.message).toBe('没有识别出“党政主要负责人履行推进法治建设第一责任人职责情况”部分，它可能写在未能识别的“强化示范引领，争当法治表率”中；请用规定的标题写明这一部分（应报告：上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况）');
    expect(d.data?.fix).toBeUndefined();
    expect(d.relatedInformation?.map((r) => [r.location.range.start.line, r.message])).toEqual([[5, '未能识别的一级标题“强化示范引领，争当法治表率”']]);
    const [u] = byRule(diagnostics, 'part-recognized');
    expect([u.severity, u.range.start.line, u.message]).toEqual([3, 5, '未能识别这一部分属于规定的哪一部分：“强化示范引领，争当法治表率”']);
  });

  it('a strict preset does not make an unsure finding an error', async () => {
    const strict = await linterWith({ preset: 'strict', rules: { 'required-parts': 'error' } });
    const ds = strict.lint(`${TITLE}${ACHIEVEMENTS}${SHORTCOMINGS}三、强化示范引领，争当法治表率\n……\n${PLAN}`, { strict: true }).diagnostics;
    expect(byRule(ds, 'required-parts').map((d) => d.severity)).toEqual([2]);
    // and a rule set to info stays info: the cap only lowers
    const quiet = await linterWith({ rules: { 'required-parts': 'info' } });
    const qs = quiet.lint(`${TITLE}${ACHIEVEMENTS}${SHORTCOMINGS}三、强化示范引领，争当法治表率\n……\n${PLAN}`, { strict: true }).diagnostics;
    expect(byRule(qs, 'required-parts').map((d) => d.severity)).toEqual([3]);
  });

  it('the duties as an item: a warning on the item, naming where; the duties rules read the item', () => {
    const item = '（二）加强党的全面领导，履行推进法治建设第一责任人职责。主要负责人高度重视，认真履行职责。\n';
    const { diagnostics } = lint(TITLE + ACHIEVEMENTS + item + SHORTCOMINGS + PLAN);
    const [d] = byRule(diagnostics, 'required-parts');
    expect([d.severity, d.range.start.line]).toEqual([2, 3]);
    expect(d.message).toContain('写成了“主要举措和成效”中的条目“加强党的全面领导，履行推进法治建设第一责任人职责”；督察工作规定把它列为单独的一部分');
    expect(byRule(diagnostics, 'first-responsible-person').map((x) => x.range.start.line)).toEqual([3]);
    expect(byRule(diagnostics, 'duties-concrete').map((x) => x.range.start.line)).toEqual([3]);
    // not an achievements item any more: no concrete-numbers remark on it
    expect(byRule(diagnostics, 'concrete-numbers')).toEqual([]);
  });

  it('a part named with another in one heading, with no item of its own: a warning on that heading', () => {
    const { diagnostics } = lint(`${TITLE}${ACHIEVEMENTS}二、存在的问题及下一步打算\n一是执法力量薄弱，原因是编制不足，下一步将充实执法力量。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n主持召开党委会专题研究法治工作3次，带头会前学法，年终述法。\n`);
    const [d] = byRule(diagnostics, 'required-parts');
    expect([d.severity, d.range.start.line]).toEqual([2, 3]);
    expect(d.message).toBe('“下一年度推进法治政府建设的主要安排”与另一部分合写在“存在的问题及下一步打算”之下；督察工作规定把它列为单独的一部分，宜单列一个一级标题（应报告：下一年度推进法治政府建设的主要安排）');
  });
});

describe('concrete-numbers on prose', () => {
  it('one remark per paragraph without a figure, anchored on its first sentence', () => {
    const prose = '一、主要举措和成效\n我镇坚持依法决策。重大事项均经集体讨论。法律顾问全程参与。\n全年办理行政执法案件12件。\n我镇深化普法宣传。群众法治意识明显增强。\n';
    const ds = byRule(lint(TITLE + prose + SHORTCOMINGS).diagnostics, 'concrete-numbers');
    expect(ds.map((d) => [d.range.start.line + 1, d.message])).toEqual([
      [3, '成效条目“我镇坚持依法决策”没有具体数字（件数、人次、比例等）'],
      [5, '成效条目“我镇深化普法宣传”没有具体数字（件数、人次、比例等）'],
    ]);
  });

  it('a part of one paragraph gets one remark, not one per sentence', () => {
    const ds = byRule(lint(`${TITLE}一、主要举措和成效\n我镇坚持依法决策。重大事项均经集体讨论。法律顾问全程参与。\n${SHORTCOMINGS}`).diagnostics, 'concrete-numbers');
    expect(ds).toHaveLength(1);
  });
});

describe('engine: severity caps and the report kind’s words', () => {
  it('a finding’s severity caps the rule’s, never raises it', async () => {
    const doc = await model('关于2023年法治政府建设情况的报告\n');
    const rule = (severity: 1 | 2 | 3, cap?: 'warning' | 'info'): CompiledRule => ({
      severity,
      def: { id: 'r', type: 'existence', summary: 's', severity: 'error', status: 'stable', messages: { default: 'm' }, examples: { valid: [], invalid: [] }, options: {} },
      check: ({ report }) => report({ span: [0, 2], severity: cap }),
    });
    const sev = (r: CompiledRule) => runRules(doc, [r]).diagnostics[0].severity;
    expect([sev(rule(1, 'warning')), sev(rule(1, 'info')), sev(rule(3, 'warning')), sev(rule(1))]).toEqual([2, 3, 3, 1]);
  });

  it('placeholders the finding does not fill come from the report kind; unknown ones stay visible', () => {
    expect(interpolate('如“{{organExample}}”，{{part}}，{{nope}}', { part: '成效' }, { organExample: '城口县人民政府' })).toBe('如“城口县人民政府”，成效，{{nope}}');
    expect(interpolate('{{organExample}}', { organExample: '本条' }, { organExample: '城口县人民政府' })).toBe('本条');
  });
});
