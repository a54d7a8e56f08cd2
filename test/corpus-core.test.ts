/**
 * The shared corpus under `recommended`, for the rules of the core issue:
 * required-parts, other-matters, part-order, placeholder, conversion-artifact and
 * stray-whitespace give exactly the findings of ../shared/corpus/EXPECTED.md
 * (count, line, severity, the quoted text inside the range) and none of its
 * non-findings. Other rules have their own corpus tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ReportDocument } from '../src/types.js';
import { CORPUS, linterWith } from './helpers.js';

const CORE = ['required-parts', 'other-matters', 'part-order', 'placeholder', 'conversion-artifact', 'stray-whitespace'];

async function lintCorpus(name: string) {
  const text = readFileSync(join(CORPUS, name), 'utf8');
  const linter = await linterWith({ preset: 'recommended' });
  const { diagnostics, document } = linter.lint(text, { filePath: join(CORPUS, name) });
  const core = diagnostics.filter((d) => CORE.includes(d.code));
  return { text, document, core, all: diagnostics, linter };
}

/** rule line severity “quoted text” — the text is exactly what the range covers. */
function view(doc: ReportDocument, ds: Diagnostic[]): string[] {
  return ds.map((d) => `${d.code} L${d.range.start.line + 1} ${d.severity} “${doc.text.slice(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end))}”`);
}

describe('tianxingsi-2022.txt', async () => {
  const { document: doc, core, all } = await lintCorpus('tianxingsi-2022.txt');

  it('exactly: trailing spaces (L4), the space in “八五” 普法 (L8), duties before shortcomings (L16), no “other” part', () => {
    expect(view(doc, core)).toEqual([
      'stray-whitespace L4 3 “   ”',
      'stray-whitespace L8 3 “ ”',
      'part-order L16 2 “二、党政主要负责人推进法治建设第一责任人职责情况”',
      'other-matters L25 2 “四、2023年的工作思路和打算”',
    ]);
  });

  it('the trailing spaces follow “报告如下：”; the inner space sits in “八五” 普法', () => {
    const [trailing, inner] = core;
    const line4 = doc.text.split('\n')[3];
    expect(line4.slice(0, trailing.range.start.character).endsWith('现将有关情况报告如下：')).toBe(true);
    const line8 = doc.text.split('\n')[7];
    expect(line8.slice(inner.range.start.character - 4, inner.range.end.character + 2)).toBe('“八五” 普法');
  });

  it('part-order points at the part that should come first', () => {
    const d = core.find((x) => x.code === 'part-order')!;
    expect(d.relatedInformation?.map((r) => [r.location.range.start.line + 1, r.message])).toEqual([[20, '按规定应排在前面的部分']]);
    expect(d.message).toContain('“党政主要负责人推进法治建设第一责任人职责情况”排在“存在的不足和原因”之前');
  });

  it('other-matters is a warning anchored on the last part, with an insertion that keeps the numbering and the blank line before each part', () => {
    const d = core.find((x) => x.code === 'other-matters')!;
    expect(d.message).toBe('缺少“其他需要报告的情况”部分；没有需要报告的其他情况时，也应保留该标题并写“无。”');
    expect(d.data?.fix).toMatchObject({ safe: false, edits: [{ newText: '\n\n五、其他需要报告的情况\n无。' }] });
  });

  it('no required-parts, placeholder or conversion-artifact finding; no rule fails', () => {
    for (const code of ['required-parts', 'placeholder', 'conversion-artifact', 'internal-error']) {
      expect(all.filter((d) => d.code === code), code).toEqual([]);
    }
  });
});

describe('tushan-2023.txt', async () => {
  const { text, document: doc, core, all, linter } = await lintCorpus('tushan-2023.txt');

  it('exactly: the bookmark (L4), trailing spaces (L11), duties before shortcomings (L18), the one-space line (L29)', () => {
    expect(view(doc, core)).toEqual([
      'conversion-artifact L4 1 “[bookmark: _GoBack]”',
      'stray-whitespace L11 3 “  ”',
      'part-order L18 2 “二、2023年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况”',
      'stray-whitespace L29 3 “ ”',
    ]);
  });

  it('the bookmark is fixable by deletion, safely; fixing touches nothing else', () => {
    const d = core.find((x) => x.code === 'conversion-artifact')!;
    expect(d.data?.fix).toMatchObject({ safe: true, edits: [{ newText: '' }] });
    const { output } = linter.fix(text, { filePath: join(CORPUS, 'tushan-2023.txt'), rules: new Set(['conversion-artifact']) });
    expect(output).toBe(text.replace('[bookmark: _GoBack]', ''));
  });

  it('no stray-whitespace for the space after the markers “（1） ”…', () => {
    const markerLines = doc.headings.filter((h) => h.marker?.text.startsWith('（')).map((h) => h.line);
    expect(markerLines).toHaveLength(8);
    expect(core.filter((d) => d.code === 'stray-whitespace' && markerLines.includes(d.range.start.line))).toEqual([]);
  });

  it('no required-parts or other-matters (all five parts; 工作思路目标举措 is the plan), no placeholder', () => {
    for (const code of ['required-parts', 'other-matters', 'placeholder', 'internal-error']) {
      expect(all.filter((d) => d.code === code), code).toEqual([]);
    }
  });
});

describe('xinji-2023.txt', async () => {
  const { document: doc, core, all } = await lintCorpus('xinji-2023.txt');

  it('exactly: no “other” part, and the line holding one space (L47)', () => {
    expect(view(doc, core)).toEqual([
      'other-matters L32 2 “四、2024年度推进法治政府建设的主要工作安排”',
      'stray-whitespace L47 3 “ ”',
    ]);
  });

  it('the whitespace-only line is fixable: deleting its space', () => {
    const d = core.find((x) => x.code === 'stray-whitespace')!;
    expect(d.message).toBe('空白行中有空格');
    expect(d.data?.fix).toMatchObject({ safe: true, edits: [{ newText: '' }] });
  });

  it('no required-parts, no part-order (the regulation’s order), no placeholder or conversion-artifact', () => {
    for (const code of ['required-parts', 'part-order', 'placeholder', 'conversion-artifact', 'internal-error']) {
      expect(all.filter((d) => d.code === code), code).toEqual([]);
    }
  });
});
