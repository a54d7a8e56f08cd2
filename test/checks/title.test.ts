/**
 * The title type (rule title-format): organ, year, document type and spaces, on
 * one- or two-line drafts; then its options and option errors via an inline rule.
 */
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/linter.js';
import { configProblems, inlineRule, linterWith } from '../helpers.js';

const linter = await linterWith();
const BODY = '\n一、主要举措和成效\n（一）强化理论学习。';

function titleFindings(text: string, l: Linter = linter, code = 'title-format') {
  const r = l.lint(text, { strict: true });
  return r.diagnostics.filter((d) => d.code === code).map((d) => ({
    at: text.slice(r.document.offsetAt(d.range.start), r.document.offsetAt(d.range.end)),
    message: d.message,
    fix: d.data?.fix,
  }));
}

describe('title-format', () => {
  it('accepts organ + 关于YYYY年…的报告, on one line or with the organ on the line above', () => {
    expect(titleFindings(`鲁山县辛集乡人民政府关于2023年法治政府建设情况的报告${BODY}`)).toEqual([]);
    expect(titleFindings(`重庆市巴南区天星寺镇人民政府\n\n关于2022年法治政府建设情况的报告${BODY}`)).toEqual([]);
    expect(titleFindings(`天星寺镇2022年法治政府建设情况报告${BODY}`)).toEqual([]);
  });

  it('a title without the organ', () => {
    expect(titleFindings(`关于2023年法治政府建设情况的报告${BODY}`).map((f) => [f.at, f.message])).toEqual([
      ['关于2023年法治政府建设情况的报告', '标题“关于2023年法治政府建设情况的报告”中没有发文机关名称，应在“关于”之前或标题上一行写明，如“辛集乡人民政府”'],
    ]);
  });

  it('a title without the year', () => {
    expect(titleFindings(`辛集乡人民政府关于法治政府建设情况的报告${BODY}`).map((f) => f.message)).toEqual([
      '标题“辛集乡人民政府关于法治政府建设情况的报告”没有写明报告年度，应写作“关于YYYY年法治政府建设情况的报告”',
    ]);
  });

  it('工作总结 is a finding on the words themselves', () => {
    expect(titleFindings(`天星寺镇人民政府关于2022年法治政府建设工作总结${BODY}`).map((f) => [f.at, f.message])).toEqual([
      ['工作总结', '标题的文种“工作总结”不是法定文种，年度报告的文种应为“报告”'],
    ]);
  });

  it('no title at all is one finding on the first line', () => {
    expect(titleFindings('一、主要举措和成效\n（一）强化理论学习。').map((f) => [f.at, f.message])).toEqual([
      ['一、主要举措和成效', '没有找到报告标题，标题应写作“发文机关＋关于YYYY年法治政府建设情况的报告”'],
    ]);
  });

  it('spaces before and after the title and the organ line: each a finding with a safe deleting fix', () => {
    const text = `　重庆市巴南区天星寺镇人民政府 \n 关于2022年法治政府建设情况的报告\t${BODY}`;
    const f = titleFindings(text);
    expect(f.map((x) => [x.at, x.message, x.fix?.safe])).toEqual([
      ['　', '标题行开头有多余的空格，应删除', true],
      [' ', '标题行末尾有多余的空格，应删除', true],
      [' ', '标题行开头有多余的空格，应删除', true],
      ['\t', '标题行末尾有多余的空格，应删除', true],
    ]);
    expect(linter.fix(text, { rules: new Set(['title-format']) }).output).toBe(`重庆市巴南区天星寺镇人民政府\n关于2022年法治政府建设情况的报告${BODY}`);
  });

  it('a Markdown heading mark before the title is not a space to delete', () => {
    expect(titleFindings(`# 辛集乡人民政府关于2023年法治政府建设情况的报告\n${BODY}`, linter)).toEqual([]);
  });
});

describe('title type options', () => {
  const inline = (body: string) => inlineRule('title', '标题不规范', body);

  it('require: only what is listed is checked; spaces are off unless asked', async () => {
    const l = await inline('require: [year]');
    expect(titleFindings(` 关于法治政府建设情况的报告${BODY}`, l, 'my-rule').map((f) => f.at)).toEqual(['关于法治政府建设情况的报告']);
    expect(titleFindings(` 关于2023年法治政府建设情况的报告${BODY}`, l, 'my-rule')).toEqual([]);
  });

  it('without wrongTypes a 总结 title is reported on the whole title', async () => {
    const l = await inline('require: [report]');
    expect(titleFindings(`辛集乡2023年法治政府建设工作总结${BODY}`, l, 'my-rule').map((f) => f.at)).toEqual(['辛集乡2023年法治政府建设工作总结']);
  });

  it('option errors say which key and which value', async () => {
    const problems = (body: string) => configProblems(() => inline(body));
    expect(await problems('require: [organ, date]')).toMatch(/“date” 不允许[\s\S]*title, organ, year, report/);
    expect(await problems('spaces: yes please')).toMatch(/spaces/);
    expect(await problems('wrongTypes: [$lexicon/title.nothing]')).toMatch(/词表引用 “\$lexicon\/title\.nothing” 不存在/);
  });
});
