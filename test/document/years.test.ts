/**
 * Years in the text (issue 11, shape 8): a plan for next year drawn up in the
 * report year, and the date a document takes effect, name a document; they are
 * not claims about when the work was done. Other years still are.
 */
import { describe, expect, it } from 'vitest';
import { byRule, lintText, model } from '../helpers.js';

const HEAD = '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n';

async function claims(body: string): Promise<[number, boolean][]> {
  const doc = await model(HEAD + body);
  return doc.years.filter((y) => y.span[0] > doc.title!.span[1]).map((y) => [y.year, y.claim]);
}

describe('years that name a document', () => {
  it.each([
    ['制定了2024年度法治政府建设工作计划。'],
    ['印发2024年普法依法治理工作要点。'],
    ['研究制定2024年法治建设工作方案，明确任务。'],
    ['12月修订了2024年版行政处罚裁量基准。'],
    ['新办法自2024年1月1日起施行。'],
  ])('%s', async (body) => {
    expect(await claims(body)).toEqual([[2024, false]]);
  });

  it.each([
    ['2024年完成全部执法人员轮训。', 'a date of work'],
    ['制定计划，2024年全面推开。', 'the verb is in another clause'],
    ['印发通知，2024年工作要点另行下发。', 'a comma stands between the verb and the year'],
  ])('still a claim: %s (%s)', async (body) => {
    expect(await claims(body)).toEqual([[2024, true]]);
  });

  it('year-consistency leaves the named documents alone and reports the work dated in the future', async () => {
    const ds = byRule(await lintText(`${HEAD}（一）统筹部署。制定了2024年度法治政府建设工作计划，印发2024年普法依法治理工作要点。\n（二）规范执法。2024年完成执法人员轮训。\n`), 'year-consistency');
    expect(ds.map((d) => [d.range.start.line + 1, d.message])).toEqual([[4, '“主要举措和成效”中写了2024年的情况，但这是2023年度的报告']]);
  });
});

describe('years written in Chinese numerals (二〇二三年)', () => {
  it('the title’s year and organ, as with Arabic figures', async () => {
    for (const title of ['石门镇二〇二三年度法治政府建设情况报告', '石门镇二零二三年法治政府建设情况报告', '关于石门镇二○二三年法治政府建设情况的报告']) {
      const doc = await model(`${title}\n一、主要举措和成效\n开展培训3次。\n`);
      expect(doc.year, title).toBe(2023);
      expect(doc.title?.organ?.text, title).toBe('石门镇');
    }
  });

  it('in the text: claims, ranges and a wrong year', async () => {
    expect(await claims('二〇二三年，我镇办理案件12件。《法治政府建设实施纲要（二〇二一—二〇二五年）》。')).toEqual([[2023, true], [2021, false], [2025, false]]);
    const ds = byRule(await lintText(`${HEAD}二〇二二年，我镇办理行政处罚案件12件。\n`), 'year-consistency');
    expect(ds.map((d) => d.message).join('\n')).toContain('2022');
  });

  it('a heading that names the next year in Chinese numerals is the plan', async () => {
    const doc = await model('石门镇二〇二三年度法治政府建设情况报告\n一、主要工作成效\n开展培训3次。\n二、存在的不足\n普法形式单一。\n三、二〇二四年工作安排\n加强培训。\n');
    expect(doc.parts.map((p) => p.kind)).toEqual(['achievements', 'shortcomings', 'plan']);
  });
});
