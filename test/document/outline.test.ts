/**
 * Outline building blocks on short snippets: markers, part classification (from
 * YAML), run-in headings, inline enumerations, the item fallbacks, and positions
 * in UTF-16 code units.
 */
import { describe, expect, it } from 'vitest';
import { isSpaceCode } from '../../src/document/sentences.js';
import { loadBuiltins } from '../../src/config/builtin.js';
import { createDocumentBuilder, vocabularyFrom } from '../../src/document/index.js';
import { parseMarker } from '../../src/document/markers.js';
import { classifyHeading } from '../../src/document/placement.js';
import { byRule, lintText, model } from '../helpers.js';
import { itemText, outline } from './outline-helpers.js';

describe('markers', () => {
  it.each([
    ['一、主要举措', { text: '一、', style: 'cn-dun', ordinal: 1, halfWidth: false, punct: '、' }],
    ['十二、其他', { text: '十二、', style: 'cn-dun', ordinal: 12 }],
    ['一，主要举措和成效', { text: '一，', style: 'cn-dun', ordinal: 1, punct: '，' }], // a slip of the key: still 一、
    ['（一）强化', { text: '（一）', style: 'cn-paren', ordinal: 1, halfWidth: false, punct: '' }],
    ['(三)完善', { text: '(三)', style: 'cn-paren', ordinal: 3, halfWidth: true }],
    ['（一）、强化', { text: '（一）、', style: 'cn-paren', punct: '、' }],
    ['1.完善', { text: '1.', style: 'ar-dot', ordinal: 1, punct: '.' }],
    ['2、加强', { text: '2、', style: 'ar-dot', ordinal: 2, punct: '、' }],
    ['3．推进', { text: '3．', style: 'ar-dot', ordinal: 3, punct: '．' }],
    ['（1） 基层', { text: '（1）', style: 'ar-paren', ordinal: 1 }],
    ['(2)提高', { text: '(2)', style: 'ar-paren', ordinal: 2, halfWidth: true }],
    ['③加强', { text: '③', style: 'circled', ordinal: 3 }],
    ['第一，坚持', { text: '第一，', style: 'cn-di', ordinal: 1 }],
    // before a year: a marker, not a decimal (1.2023年 is no number)
    ['1.2023年推进法治政府建设的主要举措和成效', { text: '1.', style: 'ar-dot', ordinal: 1, punct: '.' }],
    ['1、2023年主要举措和成效', { text: '1、', style: 'ar-dot', ordinal: 1, punct: '、' }],
  ])('%s', (line, expected) => {
    expect(parseMarker(line, 0)).toMatchObject(expected);
  });

  it.each(['一是加强', '一中心', '1.5万人', '1.2023', '2.50亿元', '2023年', '第一责任人', '三项制度', '12月4日'])('not a marker: %s', (line) => {
    expect(parseMarker(line, 0)).toBeUndefined();
  });
});

describe('part classification', async () => {
  const vocab = vocabularyFrom((await loadBuiltins()).lexicons);
  const kind = (title: string, year?: number) => classifyHeading(title, vocab.parts, year).kind;

  it.each([
    ['主要举措和成效', 'achievements'],
    ['2023年度推进法治政府建设的主要举措和成效', 'achievements'],
    ['法治政府建设开展情况', 'achievements'],
    ['工作推进情况', 'achievements'],
    ['存在的不足和原因', 'shortcomings'],
    ['需要改进的地方', 'shortcomings'],
    ['有待加强的方面', 'shortcomings'],
    ['工作中遇到的问题', 'shortcomings'],
    ['面临的挑战', 'shortcomings'],
    ['下一步需要改进的工作', 'plan'], // 下一步 wins: 需要改进 names a problem only as 需要改进的地方/方面
    ['今后有待加强的工作', 'plan'],
    ['工作存在的问题', 'shortcomings'],
    ['短板和差距', 'shortcomings'],
    ['党政主要负责人履行推进法治建设第一责任人职责情况', 'duties'],
    ['区政府主要负责同志履行推进法治建设第一责任人职责情况', 'duties'],
    ['2024年推进法治政府建设的工作思路目标举措', 'plan'],
    ['工作思路目标举措', 'plan'],
    ['下一步工作重点', 'plan'],
    ['下一步工作打算', 'plan'],
    ['2023年的工作思路和打算', 'plan'],
    ['其他需要报告的情况', 'other'],
    ['2022年法治政府建设工作基本情况', 'achievements'],
    ['主要工作安排', 'plan'],
    ['典型经验', 'unknown'],
  ])('%s → %s', (title, expected) => {
    expect(kind(title, 2023)).toBe(expected);
  });

  it('a heading year of N+1 means plan, whatever its words; without a report year it does not', () => {
    expect(kind('2024年主要举措和成效', 2023)).toBe('plan');
    expect(kind('2024年主要举措和成效', undefined)).toBe('achievements');
    expect(kind('2023年主要举措和成效', 2023)).toBe('achievements');
    expect(kind('2024年其他需要报告的情况', 2023)).toBe('other');
  });

  it('the heading words come from YAML: a lexicon with other words classifies other headings', async () => {
    const lexicons = structuredClone((await loadBuiltins()).lexicons) as Record<string, any>;
    lexicons.parts.parts.achievements.keywords = ['亮点工作'];
    const builder = createDocumentBuilder(vocabularyFrom(lexicons));
    const doc = builder.build('关于2023年法治政府建设情况的报告\n一、亮点工作\n组织学习。\n二、主要举措\n学习。', { format: 'txt' });
    expect(doc.parts.map((p) => [p.heading.title, p.kind, p.matched])).toEqual([
      ['亮点工作', 'achievements', '亮点工作'],
      ['主要举措', 'unknown', undefined],
    ]);
  });
});

describe('run-in headings', () => {
  it('end at the first 。 of their line; the rest of the line is body', async () => {
    const doc = await model('一、主要举措和成效\n（一）强化理论学习，增强法治思想。通过专题会学习12次。再学习。\n（二）规范决策\n聘请法律顾问。');
    const [a, b] = doc.part('achievements')!.items;
    expect(a.label).toBe('强化理论学习，增强法治思想');
    expect(itemText(doc, a, 'headingSpan')).toBe('（一）强化理论学习，增强法治思想。');
    expect(itemText(doc, a, 'bodySpan')).toBe('通过专题会学习12次。再学习。');
    // a heading without 。 is the whole line; its body is the next line
    expect(itemText(doc, b, 'headingSpan')).toBe('（二）规范决策');
    expect(itemText(doc, b, 'bodySpan')).toBe('聘请法律顾问。');
  });

  it('a heading that is one whole sentence has an empty body on its line', async () => {
    const doc = await model('一、存在的不足和原因\n1.认识不到位。\n2.队伍薄弱。');
    expect(doc.part('shortcomings')!.items.map((i) => [i.label, itemText(doc, i, 'bodySpan')])).toEqual([['认识不到位', ''], ['队伍薄弱', '']]);
  });

  it('a part heading’s words are not its body (the 原因 in “不足和原因”)', async () => {
    const doc = await model('三、存在的不足和原因\n一是执法力量薄弱。二是普法覆盖不全。');
    const part = doc.part('shortcomings')!;
    expect(doc.slice(part.bodySpan)).toBe('一是执法力量薄弱。二是普法覆盖不全。');
  });
});

describe('items', () => {
  it('inline enumerations 一是…二是… are items, never headings; counting restarts at a new 一是', async () => {
    const doc = await model('二、存在的不足和原因\n一是认识不到位，统一是目标；二是队伍薄弱。\n三是宣传不足。\n一是另一组。二是续。');
    expect(doc.headings.map((h) => h.title)).toEqual(['存在的不足和原因']);
    expect(doc.part('shortcomings')!.items.map((i) => itemText(doc, i))).toEqual([
      '一是认识不到位，统一是目标', '二是队伍薄弱。', '三是宣传不足。', '一是另一组。', '二是续。',
    ]);
  });

  it('without children or enumerations, several paragraphs are the items; one paragraph gives its sentences', async () => {
    const doc = await model('一、主要举措和成效\n组织学习12次。开展培训3次。\n聘请法律顾问2名。\n二、存在的不足和原因\n认识不到位。队伍薄弱！宣传不足；原因是重视不够。');
    expect(outline(doc).map((p) => p.items)).toEqual([
      ['paragraph@L2', 'paragraph@L3'],
      ['sentence@L5', 'sentence@L5', 'sentence@L5', 'sentence@L5'],
    ]);
    expect(doc.part('shortcomings')!.items.map((i) => i.label)).toEqual(['认识不到位', '队伍薄弱', '宣传不足', '原因是重视不够']);
  });

  it('a direct child of its part is an item whatever its marker', async () => {
    for (const marker of ['（一）', '1.', '1、', '（1）', '①', '第一，']) {
      const doc = await model(`一、主要举措和成效\n${marker}加强学习。组织学习3次。\n二、存在的不足和原因\n一是弱。`);
      const items = doc.part('achievements')!.items;
      expect(items.map((i) => [i.kind, i.label]), marker).toEqual([['heading', '加强学习']]);
    }
  });
});

describe('positions in UTF-16 code units', () => {
  it('a character outside the BMP counts 2', async () => {
    const text = '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n𠮷𠮷镇组织XX名干部学习。';
    const d = byRule(await lintText(text), 'placeholder')[0];
    expect(d.range).toEqual({ start: { line: 2, character: 7 }, end: { line: 2, character: 9 } });
    expect(text.split('\n')[2].slice(7, 9)).toBe('XX');
    const doc = await model(text);
    const at = text.indexOf('XX');
    expect(doc.positionAt(at)).toEqual({ line: 2, character: 7 });
    expect(doc.offsetAt({ line: 2, character: 7 })).toBe(at);
  });

  it('offsetAt clamps to the line and the text', async () => {
    const doc = await model('第一行\r\n第二行');
    expect(doc.offsetAt({ line: 0, character: 99 })).toBe(3);
    expect(doc.offsetAt({ line: 9, character: 0 })).toBe(doc.text.length);
    expect(doc.offsetAt({ line: -1, character: 0 })).toBe(0);
    expect(doc.positionAt(doc.text.length)).toEqual({ line: 1, character: 3 });
  });
});

describe('sentences', () => {
  it('isSpaceCode matches what \\s matches, for every UTF-16 code unit', () => {
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) expect.fail(`U+${c.toString(16)}`);
    }
  });

  it('sentences end at 。！？； with their closing quotes, and are trimmed', async () => {
    const doc = await model('关于2023年法治政府建设情况的报告\n一、主要举措和成效\n\u3000\u3000开展培训3次。“学法”活动好！”  召开会议；完善制度\n二是加强队伍建设？');
    expect(doc.sentences.map((s) => doc.slice(s.span))).toEqual([
      '关于2023年法治政府建设情况的报告', '一、主要举措和成效', '开展培训3次。', '“学法”活动好！”', '召开会议；', '完善制度', '二是加强队伍建设？',
    ]);
  });
});

describe('Markdown lines set wholly in bold (Word’s bold headings converted)', () => {
  const draft = [
    '**清河县人民政府2023年度法治政府建设情况报告**', '',
    '**一、总体情况**', '', '2023年，县政府坚持依法行政。', '',
    '**二、主要举措和成效**', '', '（一）规范执法。办理案件12件。', '',
    '**三、县政府主要负责人履行推进法治建设第一责任人职责情况**', '', '县长主持召开常务会议专题研究法治建设4次，带头学法3次。', '',
    '__四、存在的不足__', '', '执法力量薄弱。原因是编制不足。', '',
    '**五、2024年工作安排**', '', '一是充实执法力量。', '',
    '**六、其他需要报告的情况**', '', '无。', '',
  ].join('\n');

  it('are read without their ** : the title, and the headings with their markers', async () => {
    const doc = await model(draft, 'md');
    expect(doc.title?.text).toBe('清河县人民政府2023年度法治政府建设情况报告');
    expect(doc.title?.organ?.text).toBe('清河县人民政府');
    expect(doc.headings.filter((h) => h.level === 1).map((h) => `${h.marker?.text ?? ''}${h.title}`)).toEqual([
      '一、总体情况', '二、主要举措和成效', '三、县政府主要负责人履行推进法治建设第一责任人职责情况', '四、存在的不足', '五、2024年工作安排', '六、其他需要报告的情况',
    ]);
    expect(doc.parts.map((p) => p.kind)).toEqual(['achievements', 'achievements', 'duties', 'shortcomings', 'plan', 'other']);
  });

  it('bold inside a line, or a bold run that does not span it, is text', async () => {
    const doc = await model('# 关于2023年法治政府建设情况的报告\n\n## 一、主要举措和成效\n\n**办理**案件12件，**开展**培训3次。\n', 'md');
    expect(doc.headings.map((h) => h.title)).toEqual(['主要举措和成效']);
  });
});

describe('a title Word wrapped over two lines', () => {
  it('is read as one, with its organ line above, its year and its span over both lines', async () => {
    const text = '龙泉镇人民政府\n关于2023年度法治政府建设\n工作情况的报告\n\n一、主要举措和成效\n开展培训3次。\n';
    const doc = await model(text);
    expect(doc.title?.text).toBe('关于2023年度法治政府建设工作情况的报告');
    expect(doc.title?.organ?.text).toBe('龙泉镇人民政府');
    expect(doc.year).toBe(2023);
    expect(text.slice(doc.title!.span[0], doc.title!.span[1])).toBe('关于2023年度法治政府建设\n工作情况的报告');
    expect(text.slice(doc.title!.yearSpan![0], doc.title!.yearSpan![1])).toBe('2023年');
    expect(doc.headings.map((h) => h.title)).toEqual(['主要举措和成效']);
    expect(byRule(await lintText(text), 'title-format')).toEqual([]);
  });

  it('the organ wrapped onto the first line: “天星寺镇2023年度法治政府” / “建设情况报告”', async () => {
    const text = '天星寺镇2023年度法治政府\n建设情况报告\n一、主要举措和成效\n开展培训3次。\n';
    const doc = await model(text);
    expect(doc.title?.organ?.text).toBe('天星寺镇');
    expect(doc.year).toBe(2023);
  });

  it('an organ line right above a title, or a title followed by its first line of text, is not joined', async () => {
    const doc = await model('示例县青石镇人民政府\n关于2023年法治政府建设情况的报告\n一、主要举措和成效\n开展培训3次。\n');
    expect(doc.title?.text).toBe('关于2023年法治政府建设情况的报告');
    expect(doc.title?.organ?.text).toBe('示例县青石镇人民政府');
  });
});

describe('titles as real reports write them', () => {
  const titleOf = async (text: string) => {
    const doc = await model(`${text}\n一、主要举措和成效\n（一）规范执法。办理案件15件。\n`);
    return { text: doc.title?.text, organ: doc.title?.organ?.text, year: doc.year, kind: doc.title?.kind, findings: byRule(await lintText(`${text}\n一、主要举措和成效\n（一）规范执法。办理案件15件。\n`), 'title-format').map((d) => d.data?.messageId) };
  };

  it('organs issuing together, on the title line or on their own line above it', async () => {
    expect(await titleOf('龙溪镇党委 龙溪镇人民政府2023年度法治政府建设情况报告')).toMatchObject({ organ: '龙溪镇党委 龙溪镇人民政府', year: 2023, findings: [] });
    expect(await titleOf('中共龙溪镇委员会、龙溪镇人民政府关于2023年度法治政府建设情况的报告')).toMatchObject({ organ: '中共龙溪镇委员会、龙溪镇人民政府', findings: [] });
    expect(await titleOf('中共龙溪镇委员会 龙溪镇人民政府\n关于2023年法治政府建设情况的报告')).toMatchObject({ text: '关于2023年法治政府建设情况的报告', organ: '中共龙溪镇委员会 龙溪镇人民政府', findings: [] });
  });

  it('the organ under the title, after the date, as a report read to a congress names it', async () => {
    expect(await titleOf('关于2023年度法治政府建设情况的报告\n（2024年1月10日）\n\n桃花乡人民政府\n')).toMatchObject({ organ: '桃花乡人民政府', findings: [] });
    expect(await titleOf('关于2023年度法治政府建设情况的报告\n清河县人民政府\n')).toMatchObject({ organ: '清河县人民政府', findings: [] });
    // an addressee under the title is no organ
    expect(await titleOf('关于2023年度法治政府建设情况的报告\n县人民政府：\n')).toMatchObject({ organ: undefined, findings: ['organ'] });
  });

  it('a title without its document type is still the title, and title-format says what it lacks', async () => {
    expect(await titleOf('龙溪镇2023年法治政府建设情况')).toMatchObject({ text: '龙溪镇2023年法治政府建设情况', organ: '龙溪镇', year: 2023, kind: 'other', findings: ['kind'] });
    // a first line of running text is not a title
    expect((await titleOf('2023年，我镇法治政府建设取得新进展')).text).toBeUndefined();
  });
});
