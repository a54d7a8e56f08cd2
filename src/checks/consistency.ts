import type { PartKind, ReportDocument, YearMention } from '../types.js';
import { overlapping } from '../document/parts.js';
import { defineCheck, expandWords, message, partListSchema, quote, wordListSchema } from './define.js';

interface ConsistencyOptions {
  /** Parts that report on year N. */
  pastParts?: PartKind[];
  /** Parts that plan year N + planOffset. */
  planParts?: PartKind[];
  planOffset?: number;
  /**
   * With these words, a sentence of a past part that opens with an earlier year
   * (“2022年，我乡办理…” in a 2023 report) is reported unless it holds one of them
   * (较, 同比 …: a comparison): the trace of last year's draft reused.
   */
  comparedBy?: string[];
}

/** A year that opens a sentence or paragraph (“2024年，我镇将…”) speaks for what follows. */
function opensSentence(doc: ReportDocument, y: YearMention): boolean {
  let i = y.span[0] - 1;
  while (i >= 0 && /[ \t\u3000]/.test(doc.text[i])) i--;
  return i < 0 || /[\n\r。；！？：]/.test(doc.text[i]);
}

/**
 * consistency — the years of the draft agree with the report year N from its
 * title: the plan is about N+1, the other parts about N, and no part reports a
 * later year's work as done. Years inside 《》, ranges (2021-2025年) and document
 * numbers (〔2020〕113号) are not claims (the document model marks them).
 * Used by: year-consistency.
 */
export const consistency = defineCheck<ConsistencyOptions>({
  type: 'consistency',
  summary: '正文中的年份与报告年度一致（成效写本年度，安排写下一年度）',
  options: {
    pastParts: { ...partListSchema, description: '报告本年度（N）情况的部分' },
    planParts: { ...partListSchema, description: '安排下一年度工作的部分' },
    planOffset: { type: 'integer', description: '安排部分的年度 = 报告年度 + planOffset（默认 1）' },
    comparedBy: { ...wordListSchema, description: '成效等部分以往年年份开头的句子含这些词（较、同比…）时是比较，不报告；不写则不检查这类句子' },
  },
  messages: {
    'plan-heading': message('安排部分的标题写的不是下一年度', ['found', 'expected', 'year', 'part']),
    'past-heading': message('成效、不足等部分的标题写的不是报告年度', ['found', 'expected', 'part']),
    'plan-text': message('安排部分句首的年份不是下一年度', ['found', 'expected', 'year']),
    'future-done': message('成效、不足等部分写了报告年度之后的年份', ['found', 'year', 'part']),
    opening: message('开头一段的年份不是标题中的报告年度', ['found', 'expected']),
    'past-text': message('成效、不足等部分的句子以往年年份开头、又不是比较', ['found', 'year', 'part'], { usedBy: (o: ConsistencyOptions) => (o.comparedBy?.length ? ['comparedBy'] : undefined) }),
    pass: message('审核清单中，年份一致的依据', ['year', 'planYear'], { role: 'pass' }),
  },
  compile(options, env) {
    const comparisons = expandWords(options.comparedBy, env.lexicons);
    const past = new Set(options.pastParts ?? ['achievements', 'shortcomings', 'duties']);
    const plans = new Set(options.planParts ?? ['plan']);
    const offset = options.planOffset ?? 1;
    return ({ doc, report, pass }) => {
      const n = doc.year;
      if (n === undefined) return; // no report year: title-format reports that
      const planYear = n + offset;
      let ok = true;
      // a year belongs to the innermost part it is in: a plan written as an item of
      // the shortcomings part plans next year
      const inner = (at: number) => doc.itemParts.find((p) => p.span[0] <= at && at < p.span[1]) ?? doc.partAt(at);
      for (const part of [...doc.parts, ...doc.itemParts]) {
        const heading = doc.years.find((y) => y.claim && y.span[0] >= part.heading.span[0] && y.span[1] <= part.heading.span[1]);
        if (heading && plans.has(part.kind) && heading.year !== planYear) {
          ok = false;
          report({ span: heading.span, messageId: 'plan-heading', data: { found: heading.year, expected: planYear, year: n, part: quote(part.heading.title) } });
        }
        // “存在的问题及2024年工作打算” names the plan's year for the plan it holds
        const holdsPlan = part.alsoNames?.some((k) => plans.has(k)) && heading?.year === planYear;
        if (heading && past.has(part.kind) && heading.year !== n && !holdsPlan) {
          ok = false;
          report({ span: heading.span, messageId: 'past-heading', data: { found: heading.year, expected: n, part: quote(part.heading.title) } });
        }
      }
      for (const y of doc.years) {
        if (!y.claim) continue;
        const part = inner(y.span[0]);
        if (!part || y.span[0] < part.bodySpan[0] || y.span[1] > part.bodySpan[1]) continue;
        if (plans.has(part.kind) && opensSentence(doc, y) && y.year !== planYear && y.year <= n) {
          ok = false;
          report({ span: y.span, messageId: 'plan-text', data: { found: y.year, expected: planYear, year: n } });
        } else if (past.has(part.kind) && y.year > n) {
          ok = false;
          report({ span: y.span, messageId: 'future-done', data: { found: y.year, year: n, part: quote(part.heading.title) } });
        } else if (comparisons.length && past.has(part.kind) && y.year < n && opensSentence(doc, y) && /^(?:年度?)?[，,]/.test(doc.text.slice(y.span[1], y.span[1] + 3))) {
          // “2022年，我乡办理…”: the sentence is about an earlier year, unless it compares
          const [sentence] = overlapping(doc.sentences, y.span[0], y.span[1]);
          const rest = sentence ? doc.slice([y.span[1], sentence.span[1]]) : '';
          if (!comparisons.some((w) => rest.includes(w))) {
            ok = false;
            report({ span: y.span, messageId: 'past-text', data: { found: y.year, year: n, part: quote(part.heading.title) } });
          }
        }
      }
      // the opening paragraph: “2023年，我镇…” speaks for the report year
      const firstPart = doc.parts[0]?.span[0] ?? doc.text.length;
      const opening = doc.years.find((y) => y.claim && y.span[0] > (doc.title?.span[1] ?? -1) && y.span[1] <= firstPart && opensSentence(doc, y));
      if (opening && opening.year !== n) {
        ok = false;
        report({ span: opening.span, messageId: 'opening', data: { found: opening.year, expected: n } });
      }
      if (ok) pass?.({ span: doc.title?.yearSpan, messageId: 'pass', data: { year: n, planYear } });
    };
  },
});
