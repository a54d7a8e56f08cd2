/**
 * The outline of each shared corpus draft, exactly as ../shared/corpus/EXPECTED.md
 * describes it: title line, organ, year, part lines and kinds, item lines and
 * counts, and where the shortcomings' 一是/二是/三是 and the cause paragraph sit.
 */
import { describe, expect, it } from 'vitest';
import { corpusDoc, figuresIn, inside, itemText, lineOf, outline } from './outline-helpers.js';

describe('tianxingsi-2022.txt', async () => {
  const doc = await corpusDoc('tianxingsi-2022.txt');

  it('title on L3 with the organ line L1 above it; report year 2022', () => {
    expect(doc.title?.text).toBe('关于2022年法治政府建设情况的报告');
    expect(lineOf(doc, doc.title!.span[0])).toBe(3);
    expect(doc.title?.organ?.text).toBe('重庆市巴南区天星寺镇人民政府');
    expect(lineOf(doc, doc.title!.organ!.span[0])).toBe(1);
    expect(doc.title?.kind).toBe('report');
    expect(doc.year).toBe(2022);
  });

  it('four parts: achievements L6 (items L8–L15), duties L16, shortcomings L20, plan L25 (items L26–L30)', () => {
    expect(outline(doc)).toEqual([
      {
        kind: 'achievements', line: 6, heading: '一、主要举措和成效',
        items: ['heading@L8', 'heading@L10', 'heading@L11', 'heading@L13', 'heading@L15'],
      },
      {
        kind: 'duties', line: 16, heading: '二、党政主要负责人推进法治建设第一责任人职责情况',
        // one paragraph (L18): its sentences are the items
        items: ['sentence@L18', 'sentence@L18', 'sentence@L18', 'sentence@L18'],
      },
      { kind: 'shortcomings', line: 20, heading: '三、存在的不足和原因', items: ['enumeration@L21', 'enumeration@L21', 'enumeration@L21'] },
      { kind: 'plan', line: 25, heading: '四、2023年的工作思路和打算', items: ['heading@L26', 'heading@L28', 'heading@L30'] },
    ]);
    expect(doc.part('plan')?.year).toBe(2023);
  });

  it('achievement items are run-in headings: the heading ends at the first 。 and is not part of the body', () => {
    const first = doc.part('achievements')!.items[0];
    expect(itemText(doc, first, 'headingSpan')).toBe('（一）强化理论学习，增强法治思想。');
    expect(itemText(doc, first, 'bodySpan').startsWith('通过镇党委理论学习中心组专题会')).toBe(true);
    expect(itemText(doc, first, 'bodySpan')).not.toContain('强化理论学习');
    expect(doc.part('achievements')!.items.map((i) => i.label)).toEqual([
      '强化理论学习，增强法治思想', '规范决策程序，提高决策水平', '加强执法管理，提升依法行政水平', '完善治理机制，推进依法治理', '加大普法宣传，营造法治氛围',
    ]);
  });

  it('shortcomings: 一是/二是/三是 on L21, the cause paragraph L23 in the part body but in no item', () => {
    const part = doc.part('shortcomings')!;
    expect(part.items.map((i) => itemText(doc, i).slice(0, 2))).toEqual(['一是', '二是', '三是']);
    expect(itemText(doc, part.items[2]).endsWith('特别是弱势群体是普法工作的短板。')).toBe(true);
    const cause = doc.text.indexOf('存在上述问题的原因主要有');
    expect(lineOf(doc, cause)).toBe(23);
    expect(cause >= part.bodySpan[0] && cause < part.bodySpan[1]).toBe(true);
    expect(part.items.some((i) => cause >= i.span[0] && cause < i.span[1])).toBe(false);
    expect(doc.slice(part.bodySpan)).not.toContain('存在的不足和原因');
  });

  it('every achievement item states a figure (78名, 30余次, 6名, 52件, 5000余份)', () => {
    const figures = doc.part('achievements')!.items.map((i) => figuresIn(doc, i.bodySpan));
    expect(figures[0]).toContain('78名');
    expect(figures[1]).toContain('30余次');
    expect(figures[2]).toContain('6名');
    expect(figures[3]).toEqual(expect.arrayContaining(['52件', '96.15%']));
    expect(figures[4]).toContain('5000余份');
    expect(figuresIn(doc, doc.part('duties')!.bodySpan)).toEqual([]);
  });

  it('years: 2021-2025 inside 《…纲要（2021-2025年）》 (L26) and 《2022年…要点》 are not claims', () => {
    const l26 = doc.years.filter((y) => lineOf(doc, y.span[0]) === 26);
    expect(l26.map((y) => [y.year, y.claim])).toEqual([[2021, false], [2025, false]]);
    const l4 = doc.years.filter((y) => lineOf(doc, y.span[0]) === 4);
    expect(l4.map((y) => [y.year, y.claim])).toEqual([[2022, true], [2022, false]]);
  });
});

describe('tushan-2023.txt', async () => {
  const doc = await corpusDoc('tushan-2023.txt');

  it('organ line L1, title L2, year 2023', () => {
    expect(lineOf(doc, doc.title!.span[0])).toBe(2);
    expect(doc.title?.organ?.text).toBe('重庆市南岸区涂山镇人民政府');
    expect(lineOf(doc, doc.title!.organ!.span[0])).toBe(1);
    expect(doc.year).toBe(2023);
  });

  it('five parts; items （1）–（6） and （1）（2） as the second level; 一是… in L24 and L26', () => {
    expect(outline(doc).map(({ kind, line, items }) => ({ kind, line, items }))).toEqual([
      { kind: 'achievements', line: 5, items: ['heading@L6', 'heading@L8', 'heading@L10', 'heading@L12', 'heading@L14', 'heading@L16'] },
      { kind: 'duties', line: 18, items: ['heading@L19', 'heading@L21'] },
      { kind: 'shortcomings', line: 23, items: ['enumeration@L24', 'enumeration@L24', 'enumeration@L24'] },
      { kind: 'plan', line: 25, items: ['enumeration@L26', 'enumeration@L26', 'enumeration@L26', 'enumeration@L26', 'enumeration@L26'] },
      { kind: 'other', line: 27, items: ['sentence@L28'] },
    ]);
    for (const it of doc.part('achievements')!.items) {
      expect(it.section?.heading.marker?.style).toBe('ar-paren');
      expect(it.section?.heading.level).toBe(2);
    }
  });

  it('“工作思路目标举措” is the plan (2024), though it contains 举措', () => {
    const plan = doc.part('plan')!;
    expect(plan.heading.title).toBe('2024年推进法治政府建设的工作思路目标举措');
    expect(plan.year).toBe(2024);
    expect(doc.parts.filter((p) => p.kind === 'achievements')).toHaveLength(1);
  });

  it('the shortcomings heading promises 原因; its body does not contain the word', () => {
    const part = doc.part('shortcomings')!;
    expect(part.heading.title).toContain('原因');
    expect(doc.slice(part.bodySpan)).not.toContain('原因');
    expect(lineOf(doc, part.bodySpan[0])).toBe(24);
  });

  it('the space after “（1）” is not part of the title', () => {
    const h = doc.part('achievements')!.items[0].section!.heading;
    expect(h.marker?.text).toBe('（1）');
    expect(h.title).toBe('基层智治有力有效');
  });

  it('figures: items （1） and （3） have none (“一中心”“四板块”“一网格” are names); （2） （4） （5） （6） have some', () => {
    const figures = doc.part('achievements')!.items.map((i) => figuresIn(doc, i.bodySpan));
    expect(figures[0]).toEqual([]);
    expect(figures[2]).toEqual([]);
    for (const k of [1, 3, 4, 5]) expect(figures[k].length, `item ${k + 1}`).toBeGreaterThan(0);
    expect(figures[3]).toContain('上千余件');
    expect(figures[4]).toContain('1.06万余件');
  });

  it('the plan year 2024 is a claim; the report year 2023 too', () => {
    expect(doc.years.filter((y) => y.claim).map((y) => y.year)).toEqual([2023, 2023, 2023, 2023, 2023, 2024, 2024]);
  });
});

describe('xinji-2023.txt', async () => {
  const doc = await corpusDoc('xinji-2023.txt');

  it('title with the organ on L1', () => {
    expect(doc.title?.text).toBe('鲁山县辛集乡人民政府关于2023年法治政府建设情况的报告');
    expect(doc.title?.organ?.text).toBe('鲁山县辛集乡人民政府');
    expect(doc.slice(doc.title!.organ!.span)).toBe('鲁山县辛集乡人民政府');
    expect(doc.year).toBe(2023);
  });

  it('four parts in the regulation’s order, with their items', () => {
    expect(outline(doc).map(({ kind, line, items }) => ({ kind, line, items }))).toEqual([
      { kind: 'achievements', line: 3, items: [5, 6, 7, 8, 9, 10, 12].map((l) => `heading@L${l}`) },
      { kind: 'shortcomings', line: 14, items: ['enumeration@L16', 'enumeration@L16', 'enumeration@L16'] },
      { kind: 'duties', line: 18, items: [20, 22, 24, 26, 28, 30].map((l) => `heading@L${l}`) },
      { kind: 'plan', line: 32, items: [34, 36, 38, 40, 42, 44, 46].map((l) => `heading@L${l}`) },
    ]);
  });

  it('the half-width “(三)” on L7 is still the third item, marked halfWidth', () => {
    const h = doc.part('achievements')!.items[2].section!.heading;
    expect(h.marker).toMatchObject({ text: '(三)', style: 'cn-paren', ordinal: 3, halfWidth: true });
    expect(h.level).toBe(2);
  });

  it('the “1.” items directly under 三、 and 四、 are the second level of their part', () => {
    for (const kind of ['duties', 'plan'] as const) {
      for (const it of doc.part(kind)!.items) {
        expect(it.section?.heading.marker?.style).toBe('ar-dot');
        expect(it.section?.heading.level).toBe(2);
      }
    }
  });

  it('figures: （一） (三) （四） have none; （二） 160余人次, 90%, 30名; （五） 36人; （六） 两名; （七） 每月一个', () => {
    const figures = doc.part('achievements')!.items.map((i) => figuresIn(doc, i.bodySpan));
    expect(figures[0]).toEqual([]);
    expect(figures[2]).toEqual([]);
    expect(figures[3]).toEqual([]);
    expect(figures[1]).toEqual(expect.arrayContaining(['160余人次', '90%', '30名']));
    expect(figures[4]).toContain('36人');
    expect(figures[5]).toEqual(['两名']);
    expect(figures[6]).toEqual(['一个']);
    expect(doc.slice(doc.quantities.find((q) => q.text === '一个' && lineOf(doc, q.span[0]) === 12)!.span)).toBe('一个');
  });

  it('the shortcomings’ 三是 runs to the end of its paragraph; the part has no cause', () => {
    const part = doc.part('shortcomings')!;
    expect(itemText(doc, part.items[2])).toBe('三是部分群众懂法守法意识不强。这些问题，有待我们在今后的工作中认真面对、积极解决。');
    expect(inside(part.bodySpan, part.items[0].span)).toBe(true);
  });
});
