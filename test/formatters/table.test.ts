import { beforeAll, describe, expect, it } from 'vitest';
import { table } from '../../src/formatters/table.js';
import { displayWidth } from '../../src/present/width.js';
import type { FileResult } from '../../src/types.js';
import type { FormatContext } from '../../src/formatters/context.js';
import { byFile, corpusResults, formatContext, UNREADABLE } from './fixtures.js';

let results: FileResult[];
let ctx: FormatContext;
let out: string;
let lines: string[];

beforeAll(async () => {
  results = await corpusResults();
  ctx = await formatContext();
  out = table(results, ctx);
  lines = out.split('\n');
});

/** Display column where `needle` starts in a line (CJK = 2). */
const colOf = (line: string, needle: string, from = 0) => displayWidth(line.slice(0, line.indexOf(needle, from)));
const rowOf = (file: string) => {
  const l = lines.find((x) => x.startsWith(file));
  if (!l) throw new Error(`no row for ${file}`);
  return l;
};
/** The cells of a row (separated by two or more spaces) with their display columns. */
const cellSpans = (line: string) => [...line.matchAll(/\S(?:\S| (?! ))*/g)].map((m) => {
  const start = displayWidth(line.slice(0, m.index));
  return { text: m[0], start, end: start + displayWidth(m[0]) };
});
const count = (r: FileResult, s: number) => r.diagnostics.filter((d) => d.severity === s).length;

describe('table format', () => {
  it('has one row per draft, in the order given, under a header naming the five parts', () => {
    const header = lines[0];
    for (const h of ['稿件', '单位', '年度', '举措成效', '不足原因', '第一责任人', '下年安排', '其他情况', '错误', '警告', '主要问题']) expect(header).toContain(h);
    expect(lines.slice(1, 1 + results.length).map((l) => l.split(/\s{2,}/)[0])).toEqual(results.map((r) => r.filePath));
  });

  it('shows unit, year, a tick per part and the error and warning counts of each draft', () => {
    const header = lines[0];
    const expected: Record<string, { unit: string; year: number; ticks: string }> = {
      'tianxingsi-2022.txt': { unit: '重庆市巴南区天星寺镇人民政府', year: 2022, ticks: '✓✓✓✓✗' },
      'tushan-2023.txt': { unit: '重庆市南岸区涂山镇人民政府', year: 2023, ticks: '✓✓✓✓✓' },
      'xinji-2023.txt': { unit: '鲁山县辛集乡人民政府', year: 2023, ticks: '✓✓✓✓✗' },
    };
    for (const [name, e] of Object.entries(expected)) {
      const r = byFile(results, name);
      const row = rowOf(r.filePath);
      const cells = row.split(/\s{2,}/);
      expect(cells[1]).toBe(e.unit);
      expect(cells[2]).toBe(String(e.year));
      // every tick sits under its part's label, and the counts end under 错误 / 警告 (right-aligned)
      const ticks = cells.slice(3, 8);
      expect(ticks.join('')).toBe(e.ticks);
      let at = 0;
      for (const label of ['举措成效', '不足原因', '第一责任人', '下年安排', '其他情况']) {
        const tick = row.slice(at).search(/[✓✗]/) + at;
        const mid = colOf(header, label) + displayWidth(label) / 2;
        expect(Math.abs(displayWidth(row.slice(0, tick)) - mid)).toBeLessThanOrEqual(1);
        at = tick + 1;
      }
      const spans = cellSpans(row);
      expect(spans[8].text).toBe(String(count(r, 1)));
      expect(spans[9].text).toBe(String(count(r, 2)));
      const end = (label: string) => colOf(header, label) + displayWidth(label);
      expect(spans[8].end).toBe(end('错误'));
      expect(spans[9].end).toBe(end('警告'));
      expect(spans[1].start).toBe(colOf(header, '单位'));
    }
  });

  it('names the top problems in words, most serious first', () => {
    const tushan = rowOf('drafts/tushan-2023.txt');
    // the only errors in tushan: the Word bookmark and the causes not analysed
    const problems = tushan.split(/\s{2,}/).slice(10).join('  ');
    expect(problems.startsWith('Word 转换残留')).toBe(true);
    expect(problems).toContain('另有');
    const tian = rowOf('drafts/tianxingsi-2022.txt');
    expect(tian).toContain('缺少“其他需要报告的情况”部分');
  });

  it('lists unreadable files with their reason', () => {
    for (const u of UNREADABLE) expect(rowOf(u.filePath)).toContain(`无法检查：${u.error!.message}`);
    expect(rowOf(UNREADABLE[0].filePath)).not.toMatch(/[✓✗]/);
  });

  it('totals findings per rule and overall', () => {
    const start = lines.indexOf('按规则统计');
    expect(start).toBeGreaterThan(0);
    const all = results.flatMap((r) => r.diagnostics);
    const rules = [...new Set(all.map((d) => d.code))];
    const ruleRows = lines.slice(start + 2, start + 2 + rules.length);
    expect(ruleRows.map((l) => l.split(/\s+/)[0]).sort()).toEqual(rules.sort());
    for (const l of ruleRows) {
      const [rule, , drafts, findings] = l.split(/\s+/);
      expect(Number(findings)).toBe(all.filter((d) => d.code === rule).length);
      expect(Number(drafts)).toBe(results.filter((r) => r.diagnostics.some((d) => d.code === rule)).length);
      expect(l).toContain(ctx.rules!.get(rule)!.summary);
    }
    // most serious rules first: errors before warnings before information
    const sev = ruleRows.map((l) => ({ 错误: 1, 警告: 2, 提示: 3 })[l.split(/\s+/)[1] as '错误']);
    expect(sev).toEqual([...sev].sort());
    const n = (s: number) => all.filter((d) => d.severity === s).length;
    expect(out).toContain(`合计：${results.length} 份稿件（${UNREADABLE.length} 份无法检查），${n(1)} 个错误，${n(2)} 个警告，${n(3)} 个提示`);
  });

  it('colours without shifting the columns', () => {
    const coloured = table(results, { ...ctx, color: true });
    expect(coloured).toMatch(/\u001b\[31m/);
    // eslint-disable-next-line no-control-regex
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(out);
  });

  it('labels the part columns with the kinds when no vocabulary is passed', () => {
    const bare = table(results, { color: false, cwd: ctx.cwd });
    expect(bare.split('\n')[0]).toContain('achievements');
    expect(bare).toContain('无法检查：');
  });
});
