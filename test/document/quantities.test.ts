/**
 * Quantities and years (DOMAIN.md §5): what is and is not a concrete figure, what
 * is and is not a claim about a year — each in running text under a part, as a
 * rule sees them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CN_NUMERAL_CHARS } from '../../src/document/numerals.js';
import { bracketRanges } from '../../src/document/quantities.js';
import { alternation, type DocumentVocabulary } from '../../src/document/vocabulary.js';
import { linterWith, model } from '../helpers.js';

const HEAD = '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n';

async function figures(body: string): Promise<string[]> {
  const doc = await model(HEAD + body);
  return doc.quantities.map((q) => doc.slice(q.span));
}

describe('concrete figures', () => {
  it.each([
    ['组织78名干部参加考试。', ['78名']],
    ['开展专题学习30余次。', ['30余次']],
    ['办理网上信访1.06万余件。', ['1.06万余件']],
    ['满意率达96.15%。', ['96.15%']],
    ['两名科级领导任副组长。', ['两名']],
    ['每月一个法律知识主题。', ['一个']],
    ['发放宣传资料5000余份，培训300余人次。', ['5000余份', '300余人次']],
    ['受理上千余件，覆盖9万余人，参训一千余人，召开三次会议。', ['上千余件', '9万余人', '一千余人', '三次']],
  ])('%s → %j', async (body, expected) => {
    expect(await figures(body)).toEqual(expected);
  });

  it('values, units and approximation', async () => {
    const doc = await model(`${HEAD}办理网上信访1.06万余件，组织78名干部，满意率96.15%，覆盖9万余人，两名干部。`);
    const q = Object.fromEntries(doc.quantities.map((x) => [x.text, x]));
    expect(q['1.06万余件']).toMatchObject({ unit: '件', approx: true });
    expect(q['1.06万余件'].value).toBeCloseTo(10600);
    expect(q['78名']).toMatchObject({ value: 78, unit: '名', approx: false });
    expect(q['96.15%']).toMatchObject({ value: 96.15, unit: '%', approx: false });
    expect(q['9万余人']).toMatchObject({ value: 90000, unit: '人', approx: true });
    expect(q['两名']).toMatchObject({ value: 2, unit: '名', approx: false });
  });
});

describe('not figures', () => {
  it.each([
    ['2023年12月4日召开会议。', 'years and dates'],
    ['印发《关于加强执法的通知》（渝府发〔2020〕113号）。', 'document numbers'],
    ['召开第三次全体会议。', 'ordinals'],
    ['开展“八五”普法宣传。', 'names in quotes'],
    ['建设一中心、四板块，推行三项制度。', 'names'],
    ['落实三重一大制度，推行双随机抽查。', 'names from quantities.yaml notFigures'],
    ['学习《法治政府建设实施纲要（2021-2025年）》和《关于推行3项制度的通知》第5条。', 'numbers inside 《》'],
    ['（一）强化学习。\n1.开展培训。', 'heading markers'],
    ['作为当前和今后一个时期的重要任务，进入一个新阶段，迈上一个新的台阶。', 'set phrases: a period, a stage'],
    ['深刻领会两个确立，增强四个意识，推行一站式服务和三项制度。', 'set phrases of doctrine and systems (setPhrases)'],
  ])('%s (%s)', async (body) => {
    expect(await figures(body)).toEqual([]);
  });

  it('a number and its unit inside 《》 next to a real figure: only the real one counts', async () => {
    expect(await figures('学习《关于3项制度的规定》，组织培训4次。')).toEqual(['4次']);
  });
});

describe('years', () => {
  async function years(body: string) {
    const doc = await model(HEAD + body);
    return doc.years.filter((y) => doc.positionAt(y.span[0]).line > 0).map((y) => [doc.slice(y.span), y.claim]);
  }

  it('a year in running text is a claim', async () => {
    expect(await years('2024年将继续深化改革。')).toEqual([['2024', true]]);
  });
  it('a year inside a 《》 title is not a claim', async () => {
    expect(await years('落实《2022年全区法治政府建设工作要点》。')).toEqual([['2022', false]]);
  });
  it('a range 2021-2025年 (or 2021—2025年, 2021至2025年) is not a claim', async () => {
    expect(await years('按照2021-2025年规划。')).toEqual([['2021', false], ['2025', false]]);
    expect(await years('按照2021—2025年规划。')).toEqual([['2021', false], ['2025', false]]);
    expect(await years('按照2021年至2025年规划。')).toEqual([['2021', false], ['2025', false]]);
  });
  it('a document number 〔2020〕 is no year mention at all', async () => {
    expect(await years('依据渝府发〔2020〕113号文件。')).toEqual([]);
  });
  it('the title’s year is the report year and no mention in the body', async () => {
    const doc = await model(`${HEAD}组织学习。`);
    expect(doc.year).toBe(2023);
    expect(doc.years).toEqual([]);
  });
});

describe('years written as dates', () => {
  it('2023-12-04 is a date, a claim about 2023, not a range', async () => {
    const doc = await model('关于2023年法治政府建设情况的报告\n一、主要举措和成效\n2023-12-04召开会议；落实《纲要（2021-2025年）》。\n');
    const ys = doc.years.map((y) => [y.year, y.claim]);
    expect(ys).toContainEqual([2023, true]);
    expect(ys).toContainEqual([2021, false]);
  });
});

const OPEN = '《“「『〔[【';
const CLOSE = '》”」』〕]】';

/** The plain definition: the last opening bracket at or before `at` closes at or after it, within 60 characters. */
function insideBrackets(chunk: string, at: number): boolean {
  for (let k = 0; k < OPEN.length; k++) {
    const o = chunk.lastIndexOf(OPEN[k], at);
    if (o < 0) continue;
    const c = chunk.indexOf(CLOSE[k], o + 1);
    if (c >= at && c - o <= 60) return true;
  }
  return false;
}

describe('the fast figure scan finds what the plain pattern finds', () => {
  // The finder tries its pattern only where a character table says a figure can
  // start, and tests brackets per chunk at once. This oracle is the plain version:
  // the same pattern scanned globally and insideBrackets asked at every match.
  function oracle(text: string, v: DocumentVocabulary): string[] {
    const q = v.quantities;
    const re = new RegExp(`(?:${alternation(q.approxBefore)})?((?:\\d+(?:\\.\\d+)?|[${CN_NUMERAL_CHARS}几]+))(?:${alternation(q.approxAfter)})?(?:[万亿](?:${alternation(q.approxAfter)})?)?(${alternation(q.units)})`, 'g');
    const not = new RegExp(alternation(q.notFigures), 'g');
    const blocked = [...text.matchAll(not)].map((m) => [m.index, m.index + m[0].length]);
    const out: string[] = [];
    for (const m of text.matchAll(re)) {
      const at = m.index;
      const end = at + m[0].length;
      const arabic = /^\d/.test(m[1]);
      if (!arabic && !/[一二两三四五六七八九十百千万亿几]/.test(m[1])) continue;
      const prev = text[at - 1] ?? '';
      if (prev === '第' || (arabic && /[\d.A-Za-z]/.test(prev))) continue;
      if (blocked.some(([bs, be]) => at < be && end > bs)) continue;
      if (insideBrackets(text, at)) continue;
      out.push(`${at}:${m[0]}`);
    }
    return out;
  }

  const pieces = ['一', '二', '两', '十', '百', '千', '万', '亿', '几', '零', '3', '0', '.', '5', '余', '多', '上', '近', '约', '超', '超过',
    '人', '次', '人次', '件', '名', '%', '平方米', '平', '第', '《', '》', '“', '”', '〔', '〕', '[', ']', '法治', '开展', '，', '。', 'a',
    '一批', '一些', '三项制度', '一村一', '十分', '百姓'];

  it('on random text made of numerals, units, brackets and the words that are not figures', async () => {
    const linter = await linterWith();
    const v = linter.config.builder.vocabulary;
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
      const body = parts.join('');
      const text = `${HEAD}${body}`;
      const doc = linter.config.builder.build(text, { format: 'txt' });
      const at = HEAD.length;
      const found = doc.quantities.filter((x) => x.span[0] >= at).map((x) => `${x.span[0] - at}:${x.text}`);
      expect(found).toEqual(oracle(body, v));
    }), { numRuns: 2000 });
  });

  it('bracketRanges holds exactly the positions insideBrackets accepts', () => {
    const chars = ['《', '》', '“', '”', '〔', '〕', '[', ']', '【', '】', '「', '」', '『', '』', '字', '字字字字字字字字字字'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 60 }), (parts) => {
      const chunk = parts.join('');
      const ranges = bracketRanges(chunk);
      for (let at = 0; at < chunk.length; at++) {
        expect(ranges.some(([s, e]) => s <= at && at < e), `${chunk} @${at}`).toBe(insideBrackets(chunk, at));
      }
    }), { numRuns: 2000 });
  });
});
