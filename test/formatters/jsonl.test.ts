import { beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../src/formatters/json.js';
import { jsonl, line } from '../../src/formatters/jsonl.js';
import type { FormatContext } from '../../src/formatters/context.js';
import type { ReviewRecord } from '../../src/formatters/record.js';
import type { FileResult } from '../../src/types.js';
import { corpusResults, formatContext } from './fixtures.js';

let results: FileResult[];
let ctx: FormatContext;

beforeAll(async () => {
  results = await corpusResults();
  ctx = await formatContext();
});

describe('jsonl format', () => {
  it('is one parseable line per draft, each an element of the json contract plus its review, in order', () => {
    const out = jsonl(results, ctx);
    expect(out.endsWith('\n')).toBe(true);
    const lines = out.slice(0, -1).split('\n');
    expect(lines).toHaveLength(results.length);
    expect(lines.map((l) => { const { review: _review, ...entry } = JSON.parse(l); return entry; })).toEqual(JSON.parse(json(results, ctx)));
  });

  it('records what --compare needs: organ, year, finding counts and the checklist of each readable draft', () => {
    const lines = jsonl(results, ctx).trim().split('\n').map((l) => JSON.parse(l) as { filePath: string; review?: ReviewRecord });
    const tushan = lines.find((l) => l.filePath.endsWith('tushan-2023.txt'))!;
    const r = results.find((x) => x.filePath.endsWith('tushan-2023.txt'))!;
    expect(tushan.review).toMatchObject({ organ: '重庆市南岸区涂山镇人民政府', year: 2023, title: '关于2023年法治政府建设情况的报告' });
    expect(tushan.review!.counts).toEqual({ errors: 2, warnings: r.diagnostics.filter((d) => d.severity === 2).length, infos: r.diagnostics.filter((d) => d.severity > 2).length });
    const status = Object.fromEntries(tushan.review!.checklist.map((c) => [c.id, c.status]));
    // tushan: all five parts (pass), duties before shortcomings (fail), causes not analysed (fail)
    expect(status).toMatchObject({ parts: 'pass', order: 'fail', causes: 'fail', figures: 'fail' });
    expect(tushan.review!.checklist.find((c) => c.id === 'causes')!.label).toBe('分析了不足的原因');
    for (const l of lines) expect('review' in l).toBe(!results.find((x) => x.filePath === l.filePath)!.error);
  });

  it('streams: line(result) is exactly that draft\'s line, the contract without the summary', () => {
    const lines = jsonl(results, ctx).split('\n');
    results.forEach((r, i) => expect(line(r, JSON.parse(lines[i]).review)).toBe(`${lines[i]}\n`));
    const parsed = JSON.parse(line(results[0])) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['filePath', 'diagnostics']);
    const bad = JSON.parse(line(results.find((r) => r.error)!)) as Record<string, unknown>;
    expect(bad).toEqual({ filePath: results.find((r) => r.error)!.filePath, diagnostics: [], error: results.find((r) => r.error)!.error });
  });

  it('keeps a draft on one line even when its text holds line or paragraph separators', () => {
    const r: FileResult = {
      filePath: 'a.txt',
      diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 2, code: 'x', source: 'lawreport-lint', message: '一\n二\u2028三\u2029四' }],
    };
    const l = line(r);
    expect(l.slice(0, -1)).not.toMatch(/[\n\r\u2028\u2029]/);
    expect((JSON.parse(l) as FileResult).diagnostics[0].message).toBe('一\n二\u2028三\u2029四');
  });
});
