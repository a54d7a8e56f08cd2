/**
 * Placing first-level sections in the regulation's parts (issue 11): keywords
 * first, then position among the parts keywords placed, then what the text says;
 * parts written as items of another part; the evidence recorded for each.
 */
import { describe, expect, it } from 'vitest';
import { loadBuiltins } from '../../src/config/builtin.js';
import { vocabularyFrom } from '../../src/document/index.js';
import { classifyHeading } from '../../src/document/placement.js';
import type { ReportDocument } from '../../src/types.js';
import { model } from '../helpers.js';

const vocab = vocabularyFrom((await loadBuiltins()).lexicons);
const classify = (title: string) => classifyHeading(title, vocab.parts, 2023);

/** “L5 achievements [position,content]” per part, item parts marked. */
function placed(doc: ReportDocument): string[] {
  return [...doc.parts, ...doc.itemParts]
    .sort((a, b) => a.span[0] - b.span[0])
    .map((p) => `L${doc.positionAt(p.heading.span[0]).line + 1} ${p.kind}${p.within ? ' (item)' : ''}${p.alsoNames ? ` +${p.alsoNames.join('+')}` : ''} [${p.evidence.map((e) => e.by).join(',')}]`);
}

const TITLE = '关于2023年法治政府建设情况的报告\n';

describe('headings: keywords first', () => {
  it.each([
    ['2022年法治政府建设工作基本情况', 'achievements'],
    ['法治政府建设工作推进情况', 'achievements'],
    ['主要工作安排', 'plan'], // 工作安排 ends later than 主要工作: the head of the phrase wins
    ['存在的困难和问题', 'shortcomings'],
    ['今后工作方向', 'plan'],
    ['党委书记、镇长履行法治建设职责情况', 'duties'],
    ['党组书记、局长履职情况', 'duties'],
  ])('%s → %s', (title, kind) => {
    expect(classify(title).kind).toBe(kind);
  });

  it('a weak keyword in a theme (“补齐短板，提升执法水平”) leaves the section open; outside a theme it decides', () => {
    expect(classify('补齐短板，提升执法水平')).toMatchObject({ kind: 'shortcomings', weak: true });
    expect(classify('存在的短板和差距')).toMatchObject({ kind: 'shortcomings' });
    expect(classify('存在的短板和差距').weak).toBeUndefined();
    // a strong keyword decides in a theme too
    expect(classify('强化工作举措，提升执法水平').weak).toBeUndefined();
  });

  it('a heading that joins two parts is the earlier one and names the other', () => {
    expect(classify('存在的问题及下一步工作打算')).toMatchObject({ kind: 'shortcomings', also: ['plan'] });
    expect(classify('法治政府建设工作情况及存在的问题')).toMatchObject({ kind: 'achievements', also: ['shortcomings'] });
    // joined, the plan's year does not make the whole heading a plan
    expect(classify('存在问题和2024年工作打算')).toMatchObject({ kind: 'shortcomings', also: ['plan'] });
    // not joined: a duties heading that also says 落实情况 is the duties
    expect(classify('第一责任人职责落实情况')).toMatchObject({ kind: 'duties' });
    expect(classify('第一责任人职责落实情况').also).toBeUndefined();
  });
});

describe('structure decides what keywords leave open', () => {
  it('thematic sections before the problems and the plan are the achievements, run-in ones included', async () => {
    const doc = await model(`${TITLE}一、强化组织领导，夯实法治基础\n召开专题会议4次。\n二、坚持政治引领，全面建设法治政府。一是学习12次。二是培训3期。\n三、存在的问题\n一是……。原因是……。\n四、下一步工作打算\n……\n`);
    expect(placed(doc)).toEqual(['L2 achievements [position,content]', 'L4 achievements [position,content]', 'L5 shortcomings [keyword]', 'L7 plan [keyword]']);
    expect(doc.parts[1].items.map((i) => i.kind)).toEqual(['enumeration', 'enumeration']);
    expect(doc.parts[0].evidence[0]).toEqual({ by: 'position', before: 'shortcomings' });
  });

  it('after a duties part put first, thematic sections before the problems are still the achievements', async () => {
    const doc = await model(`${TITLE}一、区政府主要负责同志履行推进法治建设第一责任人职责情况\n……\n二、聚焦中心大局，全面推进依法行政\n……\n三、存在的不足和原因\n……\n`);
    expect(placed(doc)).toEqual(['L2 duties [keyword]', 'L4 achievements [position]', 'L6 shortcomings [keyword]']);
    expect(doc.parts[1].evidence[0]).toEqual({ by: 'position', after: 'duties', before: 'shortcomings' });
  });

  it('a theme with a weak keyword before the problems is placed by position', async () => {
    const doc = await model(`${TITLE}一、补齐执法短板，提升执法水平\n组织培训3期。\n二、存在的不足和原因\n一是……。原因是……。\n`);
    expect(placed(doc)[0]).toBe('L2 achievements [position,content]');
  });

  it('right after the problems, a section that analyses causes continues them', async () => {
    const doc = await model(`${TITLE}一、主要举措和成效\n……\n二、存在的问题\n一是执法力量薄弱。\n三、深入查找根源\n主要原因是编制不足、培训不够。\n四、2024年工作安排\n……\n`);
    expect(placed(doc)[2]).toBe('L6 shortcomings [position,content]');
  });

  it('after the problems, a theme that speaks of next year is the plan when the draft has none', async () => {
    const doc = await model(`${TITLE}一、主要举措和成效\n……\n二、存在的短板弱项\n一是执法力量薄弱。原因是编制不足。\n三、聚焦短板弱项，持续用力推进\n2024年，我镇将加强执法培训，力争实现全员轮训，下一步还将深入推进普法。\n`);
    expect(placed(doc)[2]).toBe('L6 plan [position,content]');
  });

  it('a theme the text places as the shortcomings closes the year’s work: a theme after it about next year is the plan', async () => {
    const doc = await model(`${TITLE}一、坚持依法决策，决策水平有效提升\n作出重大行政决策9项，法律顾问参与率100%。\n二、正视问题差距，找准短板弱项\n一是基层执法力量不足，二是依法决策意识不强。究其原因，是执法编制偏紧。\n三、锚定目标任务，持续用力推进\n2024年，区政府将重点抓好以下工作：一是充实基层执法力量；二是开展依法决策培训。\n`);
    expect(placed(doc)).toEqual(['L2 achievements [position,content]', 'L4 shortcomings [keyword,content]', 'L6 plan [position,content]']);
    expect(doc.parts[2].evidence[0]).toEqual({ by: 'position', after: 'shortcomings', before: undefined });
  });

  it('with no part placed by keywords, the text decides: figures and finished work are achievements', async () => {
    const doc = await model(`${TITLE}一、强化组织领导，夯实法治基础\n召开专题会议4次，培训干部120人次，累计办理案件36件。\n`);
    expect(placed(doc)).toEqual(['L2 achievements [position,content]']);
  });

  it('what neither keywords, position nor text can place stays unknown, without evidence', async () => {
    const doc = await model(`${TITLE}一、主要举措和成效\n……\n二、存在的不足和原因\n一是……。原因是……。\n三、强化示范引领，争当法治表率\n……\n四、2024年工作安排\n……\n`);
    expect(placed(doc)[2]).toBe('L6 unknown []');
  });
});

describe('parts written as items of another part', () => {
  it('the duties as an achievements item: a part of their own, no longer an achievements item', async () => {
    const doc = await model(`${TITLE}一、2023年工作开展情况\n（一）加强党的全面领导，履行推进法治建设第一责任人职责。局主要负责人主持召开党组会议4次。\n（二）规范行政执法。办理案件18件。\n二、存在的问题\n……\n`);
    expect(placed(doc)).toEqual(['L2 achievements [keyword]', 'L3 duties (item) [item]', 'L5 shortcomings [keyword]']);
    const duties = doc.part('duties')!;
    expect(duties.within).toBe(doc.parts[0]);
    expect(duties.items.map((i) => i.label)).toEqual(['局主要负责人主持召开党组会议4次']);
    expect(doc.parts[0].items.map((i) => i.label)).toEqual(['规范行政执法']);
    expect(doc.partsOf('duties')).toEqual([duties]);
  });

  it('a subitem that reports the duties (一、→（一）→1.), below an item that names no part', async () => {
    const doc = await model(`${TITLE}一、主要工作开展情况\n（一）加强组织领导\n1.履行推进法治建设第一责任人职责。局主要负责人主持召开党组会议3次。\n2.健全领导机制。调整领导小组。\n（二）规范执法。办理案件18件。\n二、存在的问题\n……\n`);
    expect(placed(doc)).toEqual(['L2 achievements [keyword]', 'L4 duties (item) [item]', 'L7 shortcomings [keyword]']);
  });

  it('an item that names two parts is one part: the earlier in the regulation’s order', async () => {
    const doc = await model(`${TITLE}一、主要举措和成效\n（一）规范执法。办理案件18件。\n（二）存在的问题和下一步工作打算。一是执法力量薄弱。\n`);
    expect(placed(doc)).toEqual(['L2 achievements [keyword]', 'L4 shortcomings (item) [item]']);
  });

  it('an item whose text opens with who and the duty, and tells of two duties, reports them whatever its heading', async () => {
    const item = '（一）压实法治建设责任。局党组书记、局长切实履行推进法治建设第一责任人职责，主持召开党组会议专题研究法治工作3次，组织中心组学法4次。';
    const doc = await model(`${TITLE}一、主要工作开展情况\n${item}\n（二）规范执法。办理案件18件。\n二、存在的问题\n……\n`);
    expect(placed(doc)).toEqual(['L2 achievements [keyword]', 'L3 duties (item) [item]', 'L5 shortcomings [keyword]']);
    expect(doc.itemParts[0].evidence).toEqual([{ by: 'item', word: '第一责任人', opening: true }]);
    // who and the duty further on, or a single duty told of: a mention
    for (const mention of [
      '（一）加强组织领导。乡党委把法治建设纳入中心工作，局党组书记履行第一责任人职责，主持召开党组会议3次，组织中心组学法4次。',
      '（一）压实法治建设责任。局党组书记切实履行推进法治建设第一责任人职责，全年召开专题会议6次。',
    ]) {
      const other = await model(`${TITLE}一、主要工作开展情况\n${mention}\n二、存在的问题\n……\n`);
      expect(other.itemParts, mention).toEqual([]);
    }
  });

  it('a passing mention in an item is not an item that reports the duties; nor is a plan item about them', async () => {
    const doc = await model(`${TITLE}一、主要举措和成效\n（一）加强组织领导。落实第一责任人职责，召开会议3次。\n二、存在的不足和原因\n……\n三、2024年工作安排\n（一）持续推进党政主要负责人履行推进法治建设第一责任人职责。\n`);
    expect(doc.itemParts).toEqual([]);
    expect(doc.part('duties')).toBeUndefined();
  });

  it('with a duties part of their own, an achievements item about them stays an achievements item', async () => {
    const doc = await model(`${TITLE}一、主要举措和成效\n（一）履行第一责任人职责。召开会议3次。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n……\n`);
    expect(doc.itemParts).toEqual([]);
    expect(doc.parts[0].items).toHaveLength(1);
  });

  it('“存在的问题及下一步打算”: the plan is its second item; the problems are read from the first', async () => {
    const doc = await model(`${TITLE}一、主要举措和成效\n……\n二、存在的问题及下一步工作打算\n（一）存在的问题。一是宣传阵地利用率不高；二是调处能力有待提升。\n（二）下一步工作打算。一是盘活宣传阵地；二是开展调解培训。\n`);
    expect(placed(doc)).toEqual(['L2 achievements [keyword]', 'L4 shortcomings +plan [keyword]', 'L6 plan (item) [item]']);
    expect(doc.part('shortcomings')!.items.map((i) => i.label)).toEqual(['一是宣传阵地利用率不高', '二是调处能力有待提升']);
    expect(doc.part('plan')!.items.map((i) => i.label)).toEqual(['一是盘活宣传阵地', '二是开展调解培训']);
  });
});

describe('an achievements keyword after the closing parts is set aside', () => {
  const draft = (third: string, fourth: string) => `${TITLE}一、主要举措和成效\n（一）规范执法。办理案件15件。\n二、存在的不足和原因\n一是宣传形式单一。原因是经费不足。\n三、${third}\n镇党委书记亲自部署法治建设，主持党委会专题研究法治工作3次。\n四、${fourth}\n开展培训3期。\n`;

  it('the heading’s next keyword decides: “下阶段工作举措” after the problems is the plan', async () => {
    const doc = await model(draft('党政主要负责人履行推进法治建设第一责任人职责情况', '下阶段工作举措'));
    const plan = doc.parts[3];
    expect(plan.kind).toBe('plan');
    expect(plan.evidence).toEqual([
      { by: 'keyword', word: '工作举措', kind: 'achievements', setAside: true },
      { by: 'keyword', word: '下阶段', kind: 'plan' },
    ]);
  });

  it('“下一步工作举措” is the plan wherever it stands', async () => {
    const doc = await model(`${TITLE}一、下一步工作举措\n开展培训3期。\n`);
    expect(doc.parts[0]).toMatchObject({ kind: 'plan', matched: '下一步工作举措' });
  });

  it('with no other keyword, position and text decide or the section stays unknown: never achievements by 建设情况', async () => {
    const doc = await model(draft('领导干部带头推进法治建设情况', '2024年工作安排'));
    expect(placed(doc)).toEqual(['L2 achievements [keyword]', 'L4 shortcomings [keyword]', 'L6 unknown [keyword]', 'L8 plan [year,keyword]']);
    expect(doc.parts[2].evidence[0]).toMatchObject({ word: '建设情况', setAside: true });
  });

  it('before the closing parts the same keyword still decides', async () => {
    const doc = await model(`${TITLE}一、法治政府建设情况\n办理案件15件。\n二、存在的不足和原因\n一是宣传形式单一。\n`);
    expect(doc.parts[0]).toMatchObject({ kind: 'achievements', matched: '建设情况' });
  });
});
