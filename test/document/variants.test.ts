/**
 * The outline of drafts written for the variants DOMAIN.md §2 and the issue name:
 * other part headings, no duties part, Markdown headings with and without Chinese
 * markers, 1、 markers, a title without an organ, an organ line above 关于…的报告,
 * Word indentation, run-in headings, a part whose second level is （1） or 1.,
 * a heading year of N+1, CRLF line ends and a BOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byRule, lintText, model } from '../helpers.js';
import { FIXTURES, figuresIn, fixtureDoc, itemText, lineOf, outline } from './outline-helpers.js';

describe('variant part headings (variant-headings.txt)', async () => {
  const doc = await fixtureDoc('variant-headings.txt');

  it('法治政府建设开展情况 / 工作存在的问题 / 主要负责同志… / 下一步工作重点 / 其他需要报告的情况', () => {
    expect(outline(doc)).toEqual([
      { kind: 'achievements', line: 5, heading: '一、法治政府建设开展情况', items: ['heading@L6', 'heading@L7'] },
      { kind: 'shortcomings', line: 9, heading: '二、工作存在的问题', items: ['enumeration@L10', 'enumeration@L10', 'enumeration@L10'] },
      { kind: 'duties', line: 12, heading: '三、主要负责同志履行推进法治建设第一责任人职责情况', items: ['sentence@L13', 'sentence@L13'] },
      { kind: 'plan', line: 15, heading: '四、下一步工作重点', items: ['heading@L16', 'heading@L17', 'heading@L18'] },
      { kind: 'other', line: 20, heading: '五、其他需要报告的情况', items: ['sentence@L21'] },
    ]);
    expect(doc.part('plan')?.year).toBeUndefined();
  });

  it('a title without an organ: the organ is absent, the year is still read', () => {
    expect(doc.title?.text).toBe('关于2023年法治政府建设情况的报告');
    expect(doc.title?.organ).toBeUndefined();
    expect(doc.year).toBe(2023);
  });

  it('“1、” markers are arabic items (ar-dot) with their punctuation recorded', () => {
    const items = doc.part('plan')!.items;
    expect(items.map((i) => i.section!.heading.marker)).toMatchObject([
      { text: '1、', style: 'ar-dot', ordinal: 1, punct: '、' },
      { text: '2、', style: 'ar-dot', ordinal: 2, punct: '、' },
      { text: '3、', style: 'ar-dot', ordinal: 3, punct: '、' },
    ]);
    expect(items.map((i) => i.label)).toEqual(['加强干部法治教育', '加强执法人员培训', '扩大普法宣传覆盖面']);
  });

  it('inline enumerations split at 一是/二是/三是; the last one runs to the end of the paragraph', () => {
    const items = doc.part('shortcomings')!.items;
    expect(items.map((i) => itemText(doc, i))).toEqual([
      '一是部分干部法治意识不强',
      '二是执法人员专业知识不足',
      '三是普法宣传覆盖不全。主要是由于培训不够。',
    ]);
    expect(items.map((i) => itemText(doc, i, 'headingSpan'))).toEqual(['一是', '二是', '三是']);
  });
});

describe('no duties part (no-duties.txt)', async () => {
  const doc = await fixtureDoc('no-duties.txt');
  const text = readFileSync(join(FIXTURES, 'no-duties.txt'), 'utf8');

  it('an organ line above “关于…的报告”; three known parts and other, no duties', () => {
    expect(doc.title?.organ?.text).toBe('示例县青石镇人民政府');
    expect(lineOf(doc, doc.title!.organ!.span[0])).toBe(1);
    expect(lineOf(doc, doc.title!.span[0])).toBe(3);
    expect(doc.parts.map((p) => p.kind)).toEqual(['achievements', 'shortcomings', 'plan', 'other']);
    expect(doc.part('duties')).toBeUndefined();
  });

  it('required-parts names the missing part and says 第一责任人 is mentioned only in passing, in which item', async () => {
    const ds = byRule(await lintText(text), 'required-parts');
    expect(ds).toHaveLength(1);
    expect(ds[0].message).toBe(
      '缺少“党政主要负责人履行推进法治建设第一责任人职责情况”部分：“第一责任人”仅在“加强组织领导”中顺带提及，未单独报告（应报告：上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况）',
    );
    expect(ds[0].data?.help).toBe('按规定的顺序补写该部分，用一级标题写明“党政主要负责人履行推进法治建设第一责任人职责情况”（编辑器中可一键插入）；已写在别的部分或条目中的，把它单列出来。');
    // anchored where the part belongs (before the plan), never at 1:1
    expect(ds[0].range.start).toEqual({ line: 11, character: 0 });
    const related = ds[0].relatedInformation![0];
    expect(related.location.range.start.line).toBe(5);
    expect(text.split('\n')[5].slice(related.location.range.start.character, related.location.range.end.character)).toBe('第一责任人');
  });
});

describe('Markdown with Chinese markers, Word indentation, an organ heading above the title (markdown-markers.md)', async () => {
  const doc = await fixtureDoc('markdown-markers.md');

  it('# organ / # 关于…的报告 give the organ and title; ## 一、… are the parts', () => {
    expect(doc.format).toBe('md');
    expect(doc.title?.text).toBe('关于2023年法治政府建设情况的报告');
    expect(doc.title?.organ?.text).toBe('示例县青石镇人民政府');
    expect(outline(doc)).toEqual([
      { kind: 'achievements', line: 5, heading: '一、2023年推进法治政府建设的主要举措和成效', items: ['heading@L7', 'heading@L9'] },
      { kind: 'shortcomings', line: 11, heading: '二、2023年推进法治政府建设存在的不足和原因', items: ['enumeration@L13', 'enumeration@L13'] },
      { kind: 'duties', line: 15, heading: '三、党政主要负责人履行推进法治建设第一责任人职责情况', items: ['sentence@L17'] },
      { kind: 'plan', line: 19, heading: '四、2024年推进法治政府建设的主要安排', items: ['heading@L21', 'heading@L23'] },
      { kind: 'other', line: 25, heading: '五、其他需要报告的情况', items: ['sentence@L27'] },
    ]);
  });

  it('a line indented with “　　” or four spaces is prose, never code: its heading and figures count', () => {
    const [first, second] = doc.part('achievements')!.items;
    expect(itemText(doc, first, 'headingSpan')).toBe('（一）强化理论学习，增强法治思想。');
    expect(itemText(doc, first, 'bodySpan')).toBe('通过中心组学习12次，提升法治素养。');
    expect(itemText(doc, second, 'headingSpan')).toBe('（二）规范决策程序。');
    expect(figuresIn(doc, second.bodySpan)).toEqual(['2名']);
    expect(doc.ignored).toEqual([]);
  });

  it('the indentation is not part of any item or sentence', () => {
    for (const p of doc.parts) for (const i of p.items) expect(doc.slice(i.span)).not.toMatch(/^[\s\u3000]/);
    for (const s of doc.sentences) expect(doc.slice(s.span)).not.toMatch(/^[\s\u3000]/);
  });
});

describe('Markdown headings without Chinese markers (markdown-bare.md)', async () => {
  const doc = await fixtureDoc('markdown-bare.md');

  it('## headings are the parts and ### headings their items', () => {
    expect(outline(doc)).toEqual([
      { kind: 'achievements', line: 3, heading: '主要举措和成效', items: ['heading@L5', 'heading@L9'] },
      { kind: 'shortcomings', line: 13, heading: '存在的不足和原因', items: ['enumeration@L15', 'enumeration@L15'] },
      { kind: 'duties', line: 17, heading: '党政主要负责人履行推进法治建设第一责任人职责情况', items: ['sentence@L19'] },
      { kind: 'plan', line: 21, heading: '2024年工作安排', items: ['sentence@L23'] },
      { kind: 'other', line: 25, heading: '其他需要报告的情况', items: ['sentence@L27'] },
    ]);
    const h = doc.part('achievements')!.items[0].section!.heading;
    expect(h).toMatchObject({ mdDepth: 3, level: 2, title: '强化理论学习' });
    expect(h.marker).toBeUndefined();
    expect(doc.part('achievements')!.heading.mdDepth).toBe(2);
  });

  it('the “## ” is not part of the heading text, and the item body excludes the heading', () => {
    expect(doc.slice(doc.part('achievements')!.heading.span)).toBe('主要举措和成效');
    expect(itemText(doc, doc.part('achievements')!.items[0], 'bodySpan')).toBe('组织78名干部参加考试。');
  });
});

describe('second levels other than （一）, and a heading year of N+1 (second-level.txt)', async () => {
  const doc = await fixtureDoc('second-level.txt');

  it('（1） as the second level, 1. with （1） beneath it, 1、, and （一） with 1. beneath it', () => {
    const levels = doc.headings.map((h) => `${h.line + 1}:${h.level}:${h.marker?.style}`);
    expect(levels).toEqual([
      '3:1:cn-dun', '4:2:ar-paren', '5:2:ar-paren', '6:2:ar-paren',
      '8:1:cn-dun', '9:2:ar-dot', '10:3:ar-paren', '11:3:ar-paren', '12:2:ar-dot', '13:2:ar-dot',
      '16:1:cn-dun', '17:2:ar-dot', '18:2:ar-dot',
      '20:1:cn-dun', '21:2:cn-paren', '22:3:ar-dot', '23:3:ar-dot', '24:2:cn-paren',
    ]);
    expect(outline(doc).map((p) => [p.kind, p.items])).toEqual([
      ['achievements', ['heading@L4', 'heading@L5', 'heading@L6']],
      ['shortcomings', ['heading@L9', 'heading@L12', 'heading@L13']],
      ['duties', ['heading@L17', 'heading@L18']],
      ['plan', ['heading@L21', 'heading@L24']],
    ]);
    // the （1）（2） under “1.” are children of that item, not items of the part
    expect(doc.part('shortcomings')!.items[0].section!.children.map((c) => c.heading.title)).toEqual(['个别干部认为法治建设与己无关', '学法流于形式']);
  });

  it('“四、2024年重点工作” is the plan by its year alone (report year 2023)', () => {
    const plan = doc.part('plan')!;
    expect(plan.heading.title).toBe('2024年重点工作');
    expect(plan.year).toBe(2024);
    expect(plan.matched).toBe('2024年');
  });

  it('a 工作总结 title with the organ before the year', () => {
    expect(doc.title).toMatchObject({ text: '青石镇2023年法治政府建设工作总结', kind: 'summary', year: 2023 });
    expect(doc.title?.organ?.text).toBe('青石镇');
  });
});

describe('Word indentation in plain text (word-indent.txt)', async () => {
  const doc = await fixtureDoc('word-indent.txt');

  it('lines indented with “　　” are headings and prose as usual', () => {
    expect(outline(doc).map((p) => [p.kind, p.line, p.heading, p.items])).toEqual([
      ['achievements', 3, '一、主要举措和成效', ['heading@L4', 'heading@L5']],
      ['shortcomings', 6, '二、存在的不足和原因', ['enumeration@L7']],
      ['duties', 8, '三、党政主要负责人履行推进法治建设第一责任人职责情况', ['sentence@L9']],
      ['plan', 10, '四、2024年主要安排', ['sentence@L11']],
    ]);
    const first = doc.part('achievements')!.items[0];
    expect(itemText(doc, first, 'headingSpan')).toBe('（一）强化理论学习，增强法治思想。');
    expect(itemText(doc, first, 'bodySpan')).toBe('通过镇党委理论学习中心组专题会学习12次。');
  });
});

describe('CRLF line ends and a BOM', async () => {
  const lf = readFileSync(join(FIXTURES, 'variant-headings.txt'), 'utf8');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = await model(lf);
  const b = await model(crlf);
  const c = await model(`\ufeff${crlf}`);

  it('give the same outline, lines and characters as LF', () => {
    expect(outline(b)).toEqual(outline(a));
    expect(outline(c)).toEqual(outline(a));
    const pos = (d: typeof a) => d.headings.map((h) => [d.positionAt(h.span[0]), d.positionAt(h.span[1])]);
    expect(pos(b)).toEqual(pos(a));
    // the BOM is one UTF-16 unit on the first line only
    expect(pos(c)).toEqual(pos(a));
    expect(c.title?.text).toBe('关于2023年法治政府建设情况的报告');
    expect(c.positionAt(c.title!.span[0])).toEqual({ line: 0, character: 1 });
  });

  it('no span takes in a \\r, and offsets round-trip through positions', () => {
    for (const h of b.headings) expect(b.slice(h.span)).not.toContain('\r');
    for (const s of b.sentences) expect(b.slice(s.span)).not.toContain('\r');
    for (const p of b.parts) for (const i of p.items) expect(b.slice(i.span).endsWith('\r')).toBe(false);
    for (const q of b.quantities) expect(b.offsetAt(b.positionAt(q.span[0]))).toBe(q.span[0]);
    expect(b.lines.length).toBe(a.lines.length);
  });

  it('a lone \\r also ends a line', async () => {
    const cr = await model(lf.replace(/\n/g, '\r'));
    expect(outline(cr)).toEqual(outline(a));
  });
});

describe('a markdown draft’s fences, comments and bullets', async () => {
  const text = [
    '# 关于2023年法治政府建设情况的报告',
    '',
    '一、主要举措和成效',
    '',
    '- （一）强化学习。组织学习3次。',
    '- （二）规范决策。',
    '',
    '```',
    '（三）代码块里的不是标题。',
    '```',
    '',
    '<!-- （四）注释里的也不是 -->',
    '',
    '> 二、存在的不足和原因',
    '> 一是认识不到位。',
  ].join('\n');
  const doc = await model(text, 'md');

  it('bullets and block quotes are containers; fenced code and HTML comments are not text', () => {
    expect(outline(doc)).toEqual([
      { kind: 'achievements', line: 3, heading: '一、主要举措和成效', items: ['heading@L5', 'heading@L6'] },
      { kind: 'shortcomings', line: 14, heading: '二、存在的不足和原因', items: ['enumeration@L15'] },
    ]);
    expect(doc.ignored.map((s) => doc.slice(s))).toEqual(['```\n（三）代码块里的不是标题。\n```', '<!-- （四）注释里的也不是 -->']);
    expect(itemText(doc, doc.part('shortcomings')!.items[0])).toBe('一是认识不到位。');
  });
});
