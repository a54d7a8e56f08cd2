/**
 * The content findings of shared/corpus/EXPECTED.md, under `recommended`: each
 * expected finding appears (rule, line, quoted text inside the range, severity),
 * no other finding of these rules appears unless EXPECTED marks it “either”, and
 * the listed non-findings stay absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/types.js';
import { allRulesLinter, CORPUS, linterWith } from './helpers.js';

const CONTENT_RULES = [
  'first-responsible-person', 'duties-concrete', 'duties-restated', 'concrete-numbers', 'vague-quantity',
  'contradictory-approximation', 'causes-stated', 'plan-answers-shortcomings', 'year-consistency', 'off-topic-achievement',
];

interface Expected { rule: string; line: number; quote: string; severity: 1 | 2 | 3 }
interface Either { rule: string; line: number }

const DRAFTS: Record<string, { must: Expected[]; either?: Either[] }> = {
  'tianxingsi-2022.txt': {
    must: [
      { rule: 'duties-concrete', line: 16, quote: '党政主要负责人推进法治建设第一责任人职责情况', severity: 3 },
    ],
  },
  'tushan-2023.txt': {
    must: [
      { rule: 'causes-stated', line: 23, quote: '存在的不足和原因', severity: 1 },
      { rule: 'concrete-numbers', line: 6, quote: '基层智治有力有效', severity: 2 },
      { rule: 'concrete-numbers', line: 10, quote: '加快建设法治政府', severity: 2 },
      { rule: 'contradictory-approximation', line: 13, quote: '上千余', severity: 2 },
      { rule: 'vague-quantity', line: 15, quote: '多次', severity: 3 },
      { rule: 'vague-quantity', line: 17, quote: '一批', severity: 3 },
      { rule: 'vague-quantity', line: 17, quote: '一系列', severity: 3 },
      { rule: 'duties-concrete', line: 18, quote: '第一责任人职责', severity: 3 },
      { rule: 'off-topic-achievement', line: 14, quote: '品质城市提档升级', severity: 3 },
    ],
    either: [
      { rule: 'off-topic-achievement', line: 16 },
      { rule: 'plan-answers-shortcomings', line: 24 }, // 三是 (基层治理法治化) is only loosely answered
    ],
  },
  'xinji-2023.txt': {
    must: [
      { rule: 'causes-stated', line: 14, quote: '存在的不足和原因', severity: 1 },
      { rule: 'concrete-numbers', line: 5, quote: '法治政府建设决策部署落实方面', severity: 2 },
      { rule: 'concrete-numbers', line: 7, quote: '完善依法行政制度体系方面', severity: 2 },
      { rule: 'concrete-numbers', line: 8, quote: '推进行政决策科学化民主化法治化方面', severity: 2 },
      { rule: 'duties-concrete', line: 18, quote: '第一责任人职责的情况', severity: 3 },
      { rule: 'duties-restated', line: 18, quote: '第一责任人职责的情况', severity: 3 },
    ],
    either: [{ rule: 'off-topic-achievement', line: 6 }],
  },
};

const linter = await linterWith();

function lintCorpus(name: string): { text: string; diagnostics: Diagnostic[]; quoteOf: (d: Diagnostic) => string } {
  const text = readFileSync(join(CORPUS, name), 'utf8');
  const { diagnostics, document } = linter.lint(text, { filePath: join(CORPUS, name), strict: true });
  return { text, diagnostics, quoteOf: (d) => text.slice(document.offsetAt(d.range.start), document.offsetAt(d.range.end)) };
}

for (const [name, spec] of Object.entries(DRAFTS)) {
  describe(name, () => {
    const { diagnostics, quoteOf } = lintCorpus(name);
    const content = diagnostics.filter((d) => CONTENT_RULES.includes(d.code));

    for (const e of spec.must) {
      it(`finds ${e.rule} at L${e.line} (“${e.quote}”)`, () => {
        const hit = content.find((d) => d.code === e.rule && d.range.start.line + 1 === e.line && quoteOf(d).includes(e.quote));
        expect(hit, `${e.rule} L${e.line}; got ${content.map((d) => `${d.code}@L${d.range.start.line + 1}`).join(', ')}`).toBeDefined();
        expect(hit!.severity).toBe(e.severity);
        expect(hit!.message).toMatch(/[\u4e00-\u9fff]/);
      });
    }

    it('reports nothing else from the content rules', () => {
      const unexpected = content.filter(
        (d) =>
          !spec.must.some((e) => e.rule === d.code && e.line === d.range.start.line + 1 && quoteOf(d).includes(e.quote)) &&
          !(spec.either ?? []).some((e) => e.rule === d.code && e.line === d.range.start.line + 1),
      );
      expect(unexpected.map((d) => `${d.code}@L${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    });
  });
}

describe('messages quote the text they judge', () => {
  it('causes-stated says the heading promises causes', () => {
    const d = lintCorpus('tushan-2023.txt').diagnostics.find((x) => x.code === 'causes-stated')!;
    expect(d.message).toBe('标题“2023年推进法治政府建设存在的不足和原因”写了“原因”，但正文只列举了问题，没有分析原因');
    expect(d.data?.reference).toContain('督察工作规定');
  });

  it('concrete-numbers quotes the item heading', () => {
    const d = lintCorpus('tushan-2023.txt').diagnostics.find((x) => x.code === 'concrete-numbers')!;
    expect(d.message).toBe('成效条目“基层智治有力有效”没有具体数字（件数、人次、比例等）');
  });

  it('duties-restated counts the copied clauses and points at them', () => {
    const d = lintCorpus('xinji-2023.txt').diagnostics.find((x) => x.code === 'duties-restated')!;
    expect(d.message).toContain('6条中有6条');
    expect(d.relatedInformation?.length).toBeGreaterThan(0);
  });
});

describe('the checklist evidence is worded by the rule files', () => {
  it('every pass a shipped rule records on the corpus has its own words, filled in', async () => {
    const linter = await allRulesLinter();
    const rules = new Map(linter.config.resolved.rules);
    const seen = new Set<string>();
    for (const name of ['tianxingsi-2022.txt', 'tushan-2023.txt', 'xinji-2023.txt']) {
      const file = join(CORPUS, name);
      for (const { rule, evidence } of linter.lint(readFileSync(file, 'utf8'), { filePath: file }).evidence) {
        seen.add(rule);
        for (const e of evidence) {
          expect(e.message, rule).not.toBe(rules.get(rule)!.summary); // not the fallback
          expect(e.message, rule).not.toMatch(/\{\{|\}\}/);
        }
      }
    }
    // the pass-recording rules of every type took part
    expect([...seen].sort()).toEqual(expect.arrayContaining(['concrete-numbers', 'first-responsible-person', 'part-order', 'plan-answers-shortcomings', 'required-parts', 'title-format', 'year-consistency']));
  });

  it('names the part, the figures, the word groups in Chinese, the matched plan item', async () => {
    const linter = await allRulesLinter();
    const file = join(CORPUS, 'tianxingsi-2022.txt');
    const evidence = linter.lint(readFileSync(file, 'utf8'), { filePath: file }).evidence;
    const of = (rule: string) => evidence.find((e) => e.rule === rule)?.evidence.map((e) => e.message) ?? [];
    expect(of('title-format')).toEqual(['发文机关：重庆市巴南区天星寺镇人民政府', '报告年度：2022']);
    expect(of('required-parts')[0]).toBe('有“主要举措和成效”部分：“主要举措和成效”');
    expect(of('concrete-numbers')[0]).toBe('“强化理论学习，增强法治思想”有具体数字：78名、100%、100%、7名');
    expect(of('year-consistency')).toEqual(['报告年度 2022，下一年度安排 2023，正文年份一致']);
    expect(of('plan-answers-shortcomings')[0]).toMatch(/^“.+”→“.+”（匹配度 \d\.\d\d）$/);
    // word groups by their Chinese labels, not their ids
    expect(of('causes-stated')[0]).toBe('“存在的不足和原因”提到：原因分析（“原因”）');
    for (const { evidence: es } of evidence) for (const e of es) expect(e.message).not.toMatch(/[a-z]{3,}/);
  });
});
