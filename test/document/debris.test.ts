/**
 * Word debris before an outline marker (issue 11, shape 5): the outline reads the
 * line as if the debris were not there; conversion-artifact still reports it.
 */
import { describe, expect, it } from 'vitest';
import { byRule, lintText, model } from '../helpers.js';

const TEXT = [
  '关于2023年法治政府建设情况的报告',
  '一、主要举措和成效',
  '[bookmark: _Toc151]（一）强化理论学习。组织学习6次。',
  '\u200b（二）规范决策程序。审查事项5件。',
  '\u00ad\u0007[bookmark: _GoBack]　（三）加强执法管理。办理案件11件。',
  '\u200b二、存在的不足和原因',
  '一是执法力量薄弱。原因是编制不足。',
].join('\n');

describe('debris before a marker', () => {
  it('the items and the part behind the debris are in the outline, with their figures', async () => {
    const doc = await model(TEXT);
    expect(doc.parts.map((p) => [p.kind, p.heading.title])).toEqual([['achievements', '主要举措和成效'], ['shortcomings', '存在的不足和原因']]);
    expect(doc.parts[0].items.map((i) => [doc.slice(i.headingSpan!), i.label])).toEqual([
      ['（一）强化理论学习。', '强化理论学习'],
      ['（二）规范决策程序。', '规范决策程序'],
      ['（三）加强执法管理。', '加强执法管理'],
    ]);
    expect(doc.quantities.map((q) => q.text)).toEqual(['6次', '5件', '11件']);
  });

  it('no numbering finding, no missing figure; conversion-artifact reports every piece of debris', async () => {
    const ds = await lintText(TEXT);
    expect(byRule(ds, 'heading-numbering')).toEqual([]);
    expect(byRule(ds, 'concrete-numbers')).toEqual([]);
    expect(byRule(ds, 'conversion-artifact').map((d) => [d.range.start.line + 1, d.message])).toEqual([
      [3, 'Word 转换残留“[bookmark: _Toc151]”应删除'],
      [4, '文中有不可见的控制字符或乱码（如零宽空格、ESC、�），应删除'],
      [5, '文中有不可见的控制字符或乱码（如零宽空格、ESC、�），应删除'],
      [5, 'Word 转换残留“[bookmark: _GoBack]”应删除'],
      [6, '文中有不可见的控制字符或乱码（如零宽空格、ESC、�），应删除'],
    ]);
  });
});
