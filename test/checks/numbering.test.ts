/**
 * The numbering type: hierarchy, sequence, one family per level and the form of a
 * marker, on tiny outlines; then its option errors through an inline rule file.
 */
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/linter.js';
import { configProblems, inlineRule, linterWith } from '../helpers.js';

const linter = await linterWith({ rules: {} });

/** [marker text, messageId-ish message, fix text, safe] of each heading-numbering finding. */
function numbering(text: string, l: Linter = linter) {
  const r = l.lint(text, { strict: true });
  return r.diagnostics.filter((d) => d.code === 'heading-numbering' || d.code === 'my-rule').map((d) => ({
    at: text.slice(r.document.offsetAt(d.range.start), r.document.offsetAt(d.range.end)),
    line: d.range.start.line + 1,
    message: d.message,
    fix: d.data?.fix?.edits[0].newText,
    safe: d.data?.fix?.safe,
  }));
}

describe('hierarchy', () => {
  it('accepts the standard hierarchy and a skip of one level', () => {
    expect(numbering('一、甲\n（一）乙\n1.丙\n（1）丁\n（2）戊\n2.己\n二、庚\n1.辛\n2.壬')).toEqual([]);
  });

  it('reports the fourth level directly under the first, once per marker, with an unsafe fix to the second', () => {
    const f = numbering('一、主要举措和成效\n（1） 基层智治\n（2） 效能提升\n二、第一责任人职责情况\n（1） 示范引领');
    expect(f.map((x) => [x.at, x.line, x.fix, x.safe])).toEqual([
      ['（1）', 2, '（一）', false], ['（2）', 3, '（二）', false], ['（1）', 5, '（一）', false],
    ]);
    expect(f[0].message).toBe('序号“（1）”是第四级序号，不应直接用在“一、”之下，此处应为“（一）”');
  });

  it('reports a higher-level marker under a lower one', () => {
    const f = numbering('一、甲\n（一）乙\n1.丙\n（二）丁');
    expect(f).toEqual([]); // （二） closes 1. and is a sibling of （一）
    const g = numbering('一、甲\n1.乙\n（一）戊');
    expect(g.map((x) => [x.at, x.fix, x.message])).toEqual([['（一）', '（1）', '序号“（一）”是第二级序号，不应用在更低一级的“1.”之下']]);
    // a parent in the wrong family counts at the rank it should have: （1） should be （一）, so its child should be 1.
    const h = numbering('一、甲\n（1）丁\n（一）戊');
    expect(h.map((x) => [x.at, x.fix, x.message])).toEqual([
      ['（1）', '（一）', '序号“（1）”是第四级序号，不应直接用在“一、”之下，此处应为“（一）”'],
      ['（一）', '1.', '序号“（一）”是第二级序号，不应用在更低一级的“（1）”之下'],
    ]);
  });

  it('a first part headed “1、” is one finding: its （一）（二） are right under it', () => {
    const f = numbering('1、2023年主要举措和成效\n（一）甲\n（二）乙\n二、存在的不足\n三、下一步打算');
    expect(f.map((x) => [x.at, x.fix, x.message])).toEqual([['1、', '一、', '第一级标题的序号应为“一、”，不应是“1、”']]);
  });

  it('reports a first level that does not use 一、', () => {
    const f = numbering('关于2023年法治政府建设情况的报告\n1.主要举措和成效\n2.存在的不足和原因');
    expect(f.map((x) => [x.at, x.message])).toEqual([
      ['1.', '第一级标题的序号应为“一、”，不应是“1.”'],
      ['2.', '第一级标题的序号应为“二、”，不应是“2.”'],
    ]);
  });
});

describe('sequence', () => {
  it('a gap is reported once, on the marker after it', () => {
    expect(numbering('一、甲\n（一）a\n（二）b\n（四）c\n（五）d').map((x) => [x.at, x.message])).toEqual([
      ['（四）', '序号“（四）”不连续，前一个是“（二）”，此处应为“（三）”'],
    ]);
  });

  it('a repeat, a restart and a wrong start', () => {
    expect(numbering('一、甲\n二、乙\n二、丙\n三、丁').map((x) => x.message)).toEqual(['序号“二、”与前一个重复，此处应为“三、”']);
    expect(numbering('一、甲\n（一）a\n（二）b\n（一）c\n（二）d').map((x) => [x.at, x.line])).toEqual([['（一）', 4]]);
    expect(numbering('一、甲\n（二）a\n（三）b').map((x) => x.message)).toEqual(['同一级的序号应从“（一）”开始，而不是“（二）”']);
  });

  it('a typo (1, 2, 2, 4) is one finding, not two', () => {
    expect(numbering('一、甲\n1.a\n2.b\n2.c\n4.d').map((x) => [x.at, x.line])).toEqual([['2.', 4]]);
  });

  it('numbering restarts under each parent', () => {
    expect(numbering('一、甲\n（一）a\n（二）b\n二、乙\n（一）c\n（二）d')).toEqual([]);
  });
});

describe('one family per level', () => {
  it('children numbered on from their parent are only “mixed” when the next sibling continues after them', () => {
    expect(numbering('一、甲\n（二）a\n（三）b').map((x) => x.message)).toEqual(['同一级的序号应从“（一）”开始，而不是“（二）”']);
  });

  it('“3.” continuing （一）（二） is one finding, and （四） after it is not a gap', () => {
    const f = numbering('一、甲\n（一）a\n（二）b\n3.c\n（四）d');
    expect(f.map((x) => [x.at, x.fix, x.safe])).toEqual([['3.', '（三）', false]]);
    expect(f[0].message).toBe('序号“3.”接着上一级“（二）”编号却换了写法，同一级的序号应统一为“（三）”');
  });
});

describe('form of a marker', () => {
  it('half-width brackets: one finding with a safe fix, whatever else is wrong with its form', () => {
    expect(numbering('一、甲\n（一）a\n（二）b\n(三)c').map((x) => [x.at, x.fix, x.safe, x.message])).toEqual([
      ['(三)', '（三）', true, '序号“(三)”使用了半角括号，应为“（三）”'],
    ]);
    expect(numbering('一、甲\n(一)、a').map((x) => [x.at, x.fix])).toEqual([['(一)、', '（一）']]);
  });

  it('punctuation after a marker: 一. and （一）、 are wrong (safe fix), 1、 is tolerated (unsafe fix)', () => {
    expect(numbering('一.甲\n（一）、a\n1、b\n2．c').map((x) => [x.at, x.fix, x.safe])).toEqual([
      ['一.', '一、', true], ['（一）、', '（一）', true], ['1、', '1.', false],
    ]);
  });

  it('an unnumbered first-level heading among numbered ones is reported and holds its place in the count', () => {
    expect(numbering('2023年主要举措和成效\n（一）甲\n二、存在的不足和原因\n三、2024年工作安排').map((x) => [x.at, x.message, x.fix, x.safe])).toEqual([
      ['2023年主要举措和成效', '一级标题“2023年主要举措和成效”缺少序号，按顺序应为“一、”', '一、', false],
    ]);
    // all unnumbered (a Markdown draft of ## headings): nothing to count
    expect(numbering('# 关于2023年法治政府建设情况的报告\n\n## 主要举措和成效\n\n## 存在的不足和原因', linter)).toEqual([]);
  });

  it('a 一 with a space for its 、 before a part-like title: the fix is offered, never applied by --fix', () => {
    expect(numbering('一 主要举措和成效\n二、存在的不足和原因').map((x) => [x.at, x.fix, x.safe])).toEqual([['一', '一、', false]]);
    // numbered on from there, the sequence finding's form fix is not safe either
    expect(numbering('二 主要举措和成效\n三、存在的不足和原因').map((x) => [x.at, x.fix, x.safe])).toEqual([['二', '二、', false]]);
    expect(linter.fix('一 主要举措和成效\n二、存在的不足和原因').output).toBe('一 主要举措和成效\n二、存在的不足和原因');
  });

  it('a sequence finding carries the safe form fix and says the number needs a human', () => {
    const [f] = numbering('一、甲\n（一）a\n(三)b');
    expect([f.at, f.fix, f.safe]).toEqual(['(三)', '（三）', true]);
    expect(f.message).toContain('不连续');
  });

  it('--fix makes the form right and leaves the numbers alone', () => {
    expect(linter.fix('一.甲\n（一）、a\n(二)b\n1、c', { rules: new Set(['heading-numbering']) }).output).toBe('一、甲\n（一）a\n（二）b\n1、c');
  });

  it('a space after a marker is not its business, and neither is a marker-like text mid-line', () => {
    expect(numbering('一、甲\n（一） a\n（二）　b，见(三)项。')).toEqual([]);
  });
});

describe('options', () => {
  const inline = (body: string) => inlineRule('numbering', '“{{found}}”', `messages:\n  fix: 改为“{{expected}}”\n  fixForm: 只改写法：“{{form}}”\n${body}`);
  const problems = (body: string) => configProblems(() => inline(body));

  it('maxSkip: 0 makes “1.” under “一、” a finding', async () => {
    const l = await inline('hierarchy: [cn-dun, cn-paren, ar-dot, ar-paren]\nmaxSkip: 0');
    expect(numbering('一、甲\n1.a', l).map((x) => [x.at, x.fix])).toEqual([['1.', '（一）']]);
  });

  it('without a punctuation table only the hierarchy and the sequence are checked', async () => {
    const l = await inline('hierarchy: [cn-dun, cn-paren]');
    expect(numbering('一.甲\n（一）、a\n（三）b', l).map((x) => x.at)).toEqual(['（三）']);
  });

  it('hierarchy is required and must name marker families', async () => {
    expect(await problems('maxSkip: 1')).toMatch(/hierarchy/);
    const bad = await problems('hierarchy: [cn-dun, roman]');
    expect(bad).toMatch(/“roman” 不允许/);
    expect(bad).toMatch(/cn-dun, cn-paren, ar-dot/);
  });

  it('rejects a negative maxSkip and a punctuation table for an unknown family', async () => {
    expect(await problems('hierarchy: [cn-dun]\nmaxSkip: -1')).toMatch(/maxSkip/);
    expect(await problems("hierarchy: [cn-dun]\npunctuation: { latin: ['.'] }")).toMatch(/latin/);
  });
});
