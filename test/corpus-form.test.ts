/**
 * The form findings of ../shared/corpus/EXPECTED.md on the three real drafts,
 * under the recommended preset: heading-numbering, fullwidth-punctuation,
 * wording and title-format — each with its count, its place, its fix, and the
 * non-findings that must stay silent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/types.js';
import { byRule, CORPUS, linterWith } from './helpers.js';

const FORM = ['heading-numbering', 'fullwidth-punctuation', 'wording', 'title-format'];

async function lintCorpus(name: string) {
  const path = join(CORPUS, name);
  const text = readFileSync(path, 'utf8');
  const r = (await linterWith()).lint(text, { filePath: path, strict: true });
  const at = (d: Diagnostic) => text.slice(r.document.offsetAt(d.range.start), r.document.offsetAt(d.range.end));
  const lineOf = (d: Diagnostic) => d.range.start.line + 1;
  const lineText = (d: Diagnostic) => text.split('\n')[d.range.start.line];
  return { text, r, at, lineOf, lineText, form: r.diagnostics.filter((d) => FORM.includes(d.code)) };
}

describe('tianxingsi-2022.txt', () => {
  it('one fullwidth-punctuation finding: the comma in “普法,充分运用” (L8), with a safe fix', async () => {
    const { form, at, lineOf, lineText } = await lintCorpus('tianxingsi-2022.txt');
    expect(form.map((d) => [d.code, lineOf(d), at(d)])).toEqual([['fullwidth-punctuation', 8, ',']]);
    const [d] = form;
    expect(lineText(d).slice(d.range.start.character - 2, d.range.end.character + 4)).toBe('普法,充分运用');
    expect(d.severity).toBe(2);
    expect(d.data?.fix).toMatchObject({ safe: true, edits: [{ newText: '，' }] });
  });

  it('nothing else of form: “（2021-2025年）”, 96.15%, the title and the （一） outline are right', async () => {
    const { r } = await lintCorpus('tianxingsi-2022.txt');
    for (const code of ['heading-numbering', 'wording', 'title-format']) expect(byRule(r.diagnostics, code)).toEqual([]);
  });
});

describe('tushan-2023.txt', () => {
  it('heading-numbering: each （N） used as the second level under 一、 and 二、 is one finding', async () => {
    const { r, at, lineOf } = await lintCorpus('tushan-2023.txt');
    const mine = byRule(r.diagnostics, 'heading-numbering');
    expect(mine.map((d) => [lineOf(d), at(d)])).toEqual([
      [6, '（1）'], [8, '（2）'], [10, '（3）'], [12, '（4）'], [14, '（5）'], [16, '（6）'], [19, '（1）'], [21, '（2）'],
    ]);
    expect(mine.every((d) => d.severity === 2)).toBe(true);
    expect(mine[0].message).toBe('序号“（1）”是第四级序号，不应直接用在“一、”之下，此处应为“（一）”');
    expect(mine[6].message).toContain('“二、”之下');
    // changing the family is a judgement: offered, never applied by plain --fix
    expect(mine.every((d) => d.data?.fix?.safe === false)).toBe(true);
  });

  it('no other form finding (the two-line title is complete, “1.06万余件” and “99.84%” are numbers)', async () => {
    const { form } = await lintCorpus('tushan-2023.txt');
    expect(form.filter((d) => d.code !== 'heading-numbering')).toEqual([]);
  });
});

describe('xinji-2023.txt', () => {
  it('fullwidth-punctuation: every half-width , ; ( ) inside Chinese text, one finding each, except the marker “(三)”', async () => {
    const { text, r, lineOf } = await lintCorpus('xinji-2023.txt');
    const mine = byRule(r.diagnostics, 'fullwidth-punctuation');
    const marker = text.indexOf('(三)');
    const expected: number[] = [];
    for (const m of text.matchAll(/[,;:?!()]/g)) if (m.index !== marker && m.index !== marker + 2) expected.push(m.index);
    expect(mine.map((d) => r.document.offsetAt(d.range.start))).toEqual(expected);
    expect(mine.length).toBe(62); // 60 commas and 2 semicolons: “dozens”
    expect(mine.every((d) => lineOf(d) >= 5 && lineOf(d) <= 16)).toBe(true);
    expect(mine.every((d) => d.severity === 2 && d.data?.fix?.safe === true)).toBe(true);
  });

  it('heading-numbering: once, the half-width marker “(三)” (L7), safely fixable to “（三）”; the 1. items under 三、 and 四、 are tolerated', async () => {
    const { r, at, lineOf } = await lintCorpus('xinji-2023.txt');
    const mine = byRule(r.diagnostics, 'heading-numbering');
    expect(mine.map((d) => [lineOf(d), at(d), d.data?.fix?.safe, d.data?.fix?.edits.map((e) => e.newText)])).toEqual([[7, '(三)', true, ['（三）']]]);
    expect(mine[0].message).toBe('序号“(三)”使用了半角括号，应为“（三）”');
  });

  it('wording: “160余其矛盾” → 余起 (safe), “推进法治政府建设第一责任人” → 推进法治建设第一责任人 (unsafe), and not 法治化 or 学法制度', async () => {
    const { r, at, lineOf } = await lintCorpus('xinji-2023.txt');
    const mine = byRule(r.diagnostics, 'wording');
    expect(mine.map((d) => [lineOf(d), at(d), d.data?.fix?.safe, d.data?.fix?.edits[0].newText])).toEqual([
      [9, '余其', true, '余起'],
      [12, '推进法治政府建设第一责任人', false, '推进法治建设第一责任人'],
    ]);
  });

  it('title-format: organ, year and 报告 are all in line 1', async () => {
    const { r } = await lintCorpus('xinji-2023.txt');
    expect(byRule(r.diagnostics, 'title-format')).toEqual([]);
  });
});
