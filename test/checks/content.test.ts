/**
 * Content checks on drafts written for the purpose: each rule type with the
 * variants a county reviewer meets (DOMAIN.md §2–§5), including the heading
 * variants, and the option errors of the types.
 */
import { describe, expect, it } from 'vitest';
import { consistency } from '../../src/checks/consistency.js';
import { correspondence } from '../../src/checks/correspondence.js';
import { coverage } from '../../src/checks/coverage.js';
import { bigrams, dice } from '../../src/checks/resemblance.js';
import { loadBuiltins } from '../../src/config/builtin.js';
import { compileRegex } from '../../src/config/regex.js';
import type { Diagnostic } from '../../src/types.js';
import { byRule, linterWith } from '../helpers.js';

const linter = await linterWith();
function lint(text: string) {
  const r = linter.lint(text, { format: 'txt', strict: true });
  const quoteOf = (d: Diagnostic) => text.slice(r.document.offsetAt(d.range.start), r.document.offsetAt(d.range.end));
  return { ...r, quoteOf };
}

const TITLE = '某县某镇人民政府关于2023年法治政府建设情况的报告\n';
const SHORTCOMINGS_WITH_CAUSES = '二、存在的不足和原因\n一是执法人员专业知识不足。二是群众法治意识不强。存在上述问题的原因主要是培训不够、宣传方式单一。\n';
const DUTIES = '三、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记亲自部署法治建设，主持党委会专题研究法治工作3次，带头参加会前学法，年终述职同步述法。\n';
const PLAN = '四、2024年工作安排\n（一）加大行政执法培训力度，提高执法人员业务水平。\n（二）深入开展普法宣传教育，提高群众法治意识。\n';
const OTHER = '五、其他需要报告的情况\n无。\n';

function draft(parts: { achievements?: string; shortcomings?: string; duties?: string; plan?: string; other?: string } = {}): string {
  return (
    TITLE +
    (parts.achievements ?? '一、2023年主要举措和成效\n（一）规范执法行为。组织6名执法人员参加培训。\n（二）深化普法宣传。发放宣传资料5000余份。\n') +
    (parts.shortcomings ?? SHORTCOMINGS_WITH_CAUSES) +
    (parts.duties ?? DUTIES) +
    (parts.plan ?? PLAN) +
    (parts.other ?? OTHER)
  );
}

describe('a complete, concrete draft', () => {
  it('has no content finding', () => {
    const { diagnostics } = lint(draft());
    expect(diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });
});

describe('concrete-numbers', () => {
  it('reports the achievement item without a figure, on its heading', () => {
    const text = draft({ achievements: '一、2023年主要举措和成效\n（一）规范执法行为。严格执行行政执法“三项制度”，组织执法人员参加培训。\n（二）深化普法宣传。发放宣传资料5000余份。\n' });
    const r = lint(text);
    const ds = byRule(r.diagnostics, 'concrete-numbers');
    expect(ds.map(r.quoteOf)).toEqual(['（一）规范执法行为。']);
    expect(ds[0].message).toBe('成效条目“规范执法行为”没有具体数字（件数、人次、比例等）');
  });

  it('does not count a figure in the heading: the heading is not the body', () => {
    const text = draft({ achievements: '一、2023年主要举措和成效\n（一）开展3项专项行动。加强执法监督。\n（二）深化普法宣传。发放宣传资料5000余份。\n' });
    expect(byRule(lint(text).diagnostics, 'concrete-numbers')).toHaveLength(1);
  });

  it('reports a low density on the part heading, with the measured density', () => {
    const long = '坚持依法行政，规范执法程序，完善工作机制，推动各项工作依法有序开展。'.repeat(30);
    const text = draft({ achievements: `一、2023年主要举措和成效\n（一）规范执法行为。${long}组织6名执法人员参加培训。\n` });
    const ds = byRule(lint(text).diagnostics, 'concrete-numbers');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/^“2023年主要举措和成效”部分每千字只有\d\.\d个具体数字（\d+字中1个），少于2个$/);
  });

  it('finds items under the heading variant 法治政府建设开展情况', () => {
    const text = draft({ achievements: '一、法治政府建设开展情况\n（一）规范执法行为。加强执法监督。\n' });
    expect(byRule(lint(text).diagnostics, 'concrete-numbers').map((d) => d.message)).toEqual(['成效条目“规范执法行为”没有具体数字（件数、人次、比例等）']);
  });
});

describe('causes-stated', () => {
  it('is satisfied by a cause analysis in the body', () => {
    expect(byRule(lint(draft()).diagnostics, 'causes-stated')).toEqual([]);
  });

  it('reports a body that lists problems only, saying the heading promises causes', () => {
    const text = draft({ shortcomings: '二、存在的不足和原因\n一是执法人员专业知识不足。二是群众法治意识不强。\n' });
    const r = lint(text);
    const ds = byRule(r.diagnostics, 'causes-stated');
    expect(ds.map(r.quoteOf)).toEqual(['二、存在的不足和原因']);
    expect(ds[0].message).toBe('标题“存在的不足和原因”写了“原因”，但正文只列举了问题，没有分析原因');
    expect(ds[0].severity).toBe(1);
  });

  it('uses the plain message under 工作存在的问题, whose heading promises nothing', () => {
    const text = draft({ shortcomings: '二、工作存在的问题\n一是执法人员专业知识不足。二是群众法治意识不强。\n' });
    expect(byRule(lint(text).diagnostics, 'causes-stated').map((d) => d.message)).toEqual(['“工作存在的问题”部分只列举了问题，没有分析原因']);
  });
});

describe('plan-answers-shortcomings', () => {
  it('reports the shortcoming whose answering plan item was dropped, pointing at the closest item', () => {
    const text = draft({
      shortcomings: '二、存在的不足和原因\n一是执法人员专业知识不足。二是规范性文件备案审查不及时。三是群众法治意识不强。原因是培训不够。\n',
      plan: '四、下一步工作重点\n（一）加大行政执法培训力度，提高执法人员业务水平。\n（二）深入开展普法宣传教育，提高群众法治意识。\n',
    });
    const r = lint(text);
    const ds = byRule(r.diagnostics, 'plan-answers-shortcomings');
    expect(ds.map(r.quoteOf)).toEqual(['二是规范性文件备案审查不及时']);
    expect(ds[0].message).toMatch(/^不足“二是规范性文件备案审查不及时”在下一年度安排中找不到对应的措施（最接近的一条匹配度 0\.\d\d，低于 0\.3）$/);
    const rel = ds[0].relatedInformation![0];
    expect(rel.message).toMatch(/^最接近的一条（匹配度 0\.\d\d）：“（.）/);
    expect(rel.location.range.start.line).toBeGreaterThanOrEqual(9);
  });

  it('answers a shortcoming through a shared task area even without a shared word', () => {
    const text = draft({
      shortcomings: '二、存在的不足和原因\n一是执法人员专业知识不足。原因是培训不够。\n',
      plan: '四、2024年工作安排\n（一）组织开展行政执法案卷评查。\n',
    });
    expect(byRule(lint(text).diagnostics, 'plan-answers-shortcomings')).toEqual([]);
  });

  it('leaves the cause analysis out of the shortcomings it matches', () => {
    const text = draft({
      shortcomings: '二、存在的不足和原因\n一是执法人员专业知识不足。\n存在上述问题的原因：一是编制紧张。二是经费保障不足。\n',
      plan: '四、2024年工作安排\n（一）加大行政执法培训力度。\n',
    });
    expect(byRule(lint(text).diagnostics, 'plan-answers-shortcomings')).toEqual([]);
  });
});

describe('plan-answers-shortcomings and causes inside an item', () => {
  it('a cause given inside one problem item does not hide the problems after it', () => {
    const text = draft({
      shortcomings: '二、存在的不足和原因\n一是执法人员专业知识不足，原因是培训不够。二是规范性文件备案审查不及时。\n',
      plan: '四、2024年工作安排\n（一）加大行政执法培训力度。\n',
    });
    const r = lint(text);
    expect(byRule(r.diagnostics, 'plan-answers-shortcomings').map(r.quoteOf)).toEqual(['二是规范性文件备案审查不及时']);
  });
});

describe('year-consistency', () => {
  it('reports a plan heading that names the report year', () => {
    const text = draft({ plan: '四、2023年工作安排\n（一）加大行政执法培训力度。\n（二）深入开展普法宣传教育。\n' });
    const r = lint(text);
    const ds = byRule(r.diagnostics, 'year-consistency');
    expect(ds.map(r.quoteOf)).toEqual(['2023']);
    expect(ds[0].message).toBe('工作安排的年份“2023年”与报告年度不符：2023年度的报告应安排2024年的工作');
  });

  it('reports an achievements heading of another year and a later year reported as done', () => {
    const text = draft({ achievements: '一、2022年主要举措和成效\n（一）规范执法行为。2024年组织6名执法人员参加培训。\n' });
    const msgs = byRule(lint(text).diagnostics, 'year-consistency').map((d) => d.message);
    expect(msgs).toContain('“2022年主要举措和成效”写的是2022年，与报告年度2023年不符');
    expect(msgs.some((m) => m.includes('写了2024年的情况'))).toBe(true);
  });

  it('ignores years inside 《》, ranges and document numbers', () => {
    const plan = '四、2024年工作安排\n（一）贯彻《法治政府建设实施纲要（2021-2025年）》，落实〔2020〕113号文件要求，总结2019—2023年经验。\n';
    expect(byRule(lint(draft({ plan })).diagnostics, 'year-consistency')).toEqual([]);
  });

  it('reports an opening paragraph copied from last year', () => {
    const text = draft().replace(TITLE, `${TITLE}2022年，我镇坚持依法行政。\n`);
    expect(byRule(lint(text).diagnostics, 'year-consistency').map((d) => d.message)).toEqual(['开头写的是2022年，与标题中的报告年度2023年不符']);
  });

  it('accepts a plan titled 下一步工作打算 without a year', () => {
    const text = draft({ plan: '四、下一步工作打算\n（一）加大行政执法培训力度。\n（二）深入开展普法宣传教育，提高群众法治意识。\n' });
    expect(byRule(lint(text).diagnostics, 'year-consistency')).toEqual([]);
  });
});

describe('duties', () => {
  const copied =
    '三、党政主要负责人履行推进法治建设第一责任人职责情况\n' +
    '1.充分发挥党委在推进本地区法治建设中的领导核心作用，定期听取有关工作汇报，及时研究解决有关重大问题；\n' +
    '2.坚持全面从严治党、依规治党，加强党内法规制度建设，提高党内法规制度执行力；\n' +
    '3.严格依法依规决策，落实法律顾问制度，加强对文件、重大决策的合法合规性审查；\n' +
    '4.深入推进法治宣传教育，推动全社会形成浓厚法治氛围。\n';

  it('duties-restated reports a part copying the duty clauses; duties-concrete its lack of figures', () => {
    const ds = lint(draft({ duties: copied })).diagnostics;
    expect(byRule(ds, 'duties-restated').map((d) => d.message)).toEqual([
      '“党政主要负责人履行推进法治建设第一责任人职责情况”部分的4条中有4条与职责规定的条文几乎相同，是在复述职责而不是报告履职情况',
    ]);
    expect(byRule(ds, 'duties-concrete')).toHaveLength(1);
    expect(byRule(ds, 'first-responsible-person')).toEqual([]); // the clauses name the duties; the weakness is reported above
  });

  it('first-responsible-person lists the groups found and missing', () => {
    const duties = '三、主要负责同志履行第一责任人职责情况\n主要负责人高度重视法治建设，带头参加会前学法3次。\n';
    const ds = byRule(lint(draft({ duties })).diagnostics, 'first-responsible-person');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toMatch(/^“主要负责同志履行第一责任人职责情况”部分只写到了1方面的履职情况（带头尊法学法守法用法），至少应写3方面。还可以报告：/);
  });

  it('first-responsible-person separates its groups with “；”: a group’s own label may hold “、”', () => {
    const duties = '三、主要负责同志履行第一责任人职责情况\n镇党委书记亲自部署法治建设，主持党委会专题研究法治工作2次。\n';
    const [d] = byRule(lint(draft({ duties })).diagnostics, 'first-responsible-person');
    // two groups, not four: 亲自部署、统筹推进 is one group and 定期听取汇报、专题研究 another
    expect(d.message).toContain('只写到了2方面的履职情况（亲自部署、统筹推进；定期听取汇报、专题研究）');
    expect(d.message).toContain('还可以报告：依法决策；带头尊法学法守法用法；述法；');
  });

  it('is silent when there is no duties part (required-parts reports it)', () => {
    const text = TITLE + '一、主要举措和成效\n（一）规范执法。组织培训6次，落实第一责任人职责。\n' + SHORTCOMINGS_WITH_CAUSES + PLAN + OTHER;
    const ds = lint(text).diagnostics;
    expect(ds.filter((d) => ['first-responsible-person', 'duties-concrete', 'duties-restated'].includes(d.code))).toEqual([]);
    expect(byRule(ds, 'required-parts')[0].message).toContain('“第一责任人”仅在“规范执法”中顺带提及');
  });

  it('dice similarity tolerates small edits', () => {
    expect(dice(bigrams('加强法治工作队伍建设'), bigrams('加强法治工作队伍建设'))).toBe(1);
    expect(dice(bigrams('加强法治工作队伍建设'), bigrams('加强法治队伍建设'))).toBeGreaterThan(0.7);
    expect(dice(bigrams('加强法治工作队伍建设'), bigrams('开展普法宣传活动'))).toBe(0);
    // a repeated bigram counts as often as both sides have it: 法治法治法治 has 法治 ×3, 治法 ×2
    expect(dice(bigrams('法治法治法治'), bigrams('法治'))).toBeCloseTo((2 * 1) / (5 + 1));
    expect(dice(bigrams('法治法治法治'), bigrams('法治法治'))).toBeCloseTo((2 * 3) / (5 + 3));
    // punctuation, spaces and digits are not compared
    expect(dice(bigrams('加强 法治，建设2023'), bigrams('加强法治建设'))).toBe(1);
  });
});

describe('off-topic-achievement and vague-quantity', () => {
  it('flags sanitation work with no rule-of-law link, not enforcement work', () => {
    const text = draft({
      achievements: '一、主要举措和成效\n（一）品质城市提档升级。成功创建市级卫生镇，开展垃圾分类试点，完成道路改造12公里。\n（二）规范执法行为。组织6名执法人员参加培训。\n',
    });
    const r = lint(text);
    expect(byRule(r.diagnostics, 'off-topic-achievement').map(r.quoteOf)).toEqual(['（一）品质城市提档升级。']);
  });

  it('vague-quantity looks only at achievements', () => {
    const text = draft({ plan: '四、2024年工作安排\n（一）多次开展行政执法培训，提高执法人员业务水平。\n（二）深入开展普法宣传教育，提高群众法治意识。\n' });
    expect(byRule(lint(text).diagnostics, 'vague-quantity')).toEqual([]);
  });
});

const builtins = await loadBuiltins();
describe('option errors of the types', () => {
  const env = { lexicons: builtins.lexicons, regex: compileRegex };
  it('coverage names an unknown lexicon reference', () => {
    expect(() => coverage.compile({ scope: { part: 'duties' }, groups: '$lexicon/nope.groups' }, env)).toThrow(expect.objectContaining({ code: 'lexicon-missing', data: { ref: '$lexicon/nope.groups', option: '' } }));
  });
  it('correspondence names an unknown topics reference', () => {
    expect(() => correspondence.compile({ from: { part: 'shortcomings' }, to: { part: 'plan' }, topics: '$lexicon/topics.nope', threshold: 0.3 }, env)).toThrow(expect.objectContaining({ code: 'lexicon-missing', data: { ref: '$lexicon/topics.nope', option: 'topics' } }));
  });
  it('consistency compiles with defaults', () => {
    expect(typeof consistency.compile({}, env)).toBe('function');
  });
});

describe('vocabulary edge cases found in review', () => {
  it('重大决策 is decisions work, not off-topic', () => {
    const text = draft({ achievements: '一、主要举措和成效\n（一）规范决策。重大决策均报县司法局审核，全年审核12件。\n' });
    expect(byRule(lint(text).diagnostics, 'off-topic-achievement')).toEqual([]);
  });
  it('这一次 is not a figure', async () => {
    const text = draft({ achievements: '一、主要举措和成效\n（一）规范执法行为。这一次执法检查规范了执法程序。\n' });
    expect(byRule(lint(text).diagnostics, 'concrete-numbers').map((d) => d.message)).toEqual(['成效条目“规范执法行为”没有具体数字（件数、人次、比例等）']);
  });
});
