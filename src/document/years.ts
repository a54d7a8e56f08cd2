import type { Span, YearMention } from '../types.js';
import { bracketRanges, RangeCursor } from './quantities.js';
import { CN_YEAR_NUMBER, mayHoldCnYear, YEAR_NUMBER, yearValue } from './numerals.js';
import { alternation, type DocumentVocabulary } from './vocabulary.js';

const AFTER_YEAR = '(?=\\s*年|\\s*[-—–~至到])';
const YEAR = new RegExp(`(?<![\\d.〔\\[])((?:19|20)\\d{2})${AFTER_YEAR}`, 'g');
/** Years in Chinese numerals: tried only on a chunk with a Chinese zero (mayHoldCnYear), most have none. */
const CN_YEAR = new RegExp(`(?<![〇零○Ｏ一二三四五六七八九十])(${CN_YEAR_NUMBER})${AFTER_YEAR}`, 'g');
/** What follows a year that opens a range: 2021-2025年, 二〇二一至二〇二五年, 2021—25年. */
const RANGE_AFTER = new RegExp(`^\\s*(?:年\\s*)?[-—–~至到]\\s*(?:${YEAR_NUMBER}|\\d{2})`);

/**
 * Whether the year at `i` of `chunk` names a document rather than dates work
 * (years.yaml): drawn up then — a drafting verb right before it (制定了2024年度…)
 * and a document word in the phrase it opens (…工作计划) before any “，。；” — or
 * the date it takes effect (自2024年1月1日起施行).
 */
export type DocumentName = (chunk: string, i: number) => boolean;

export function compileDocumentNames(v: DocumentVocabulary): DocumentName {
  const { verbs, nouns, effective } = v.documents;
  const never = /(?!)/;
  const verb = verbs.length ? new RegExp(`(?:${alternation(verbs)})了?\\s*$`) : never;
  const noun = nouns.length ? new RegExp(`^[^，。；！？,;：:\\n]{0,30}?(?:${alternation(nouns)})`) : never;
  const takesEffect = effective.length ? new RegExp(`^\\s*年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?\\s*(?:${alternation(effective)})`) : never;
  return (chunk, i) =>
    (verb.test(chunk.slice(Math.max(0, i - 8), i)) && noun.test(chunk.slice(i + 4, i + 40))) || takesEffect.test(chunk.slice(i + 4, i + 24));
}

/**
 * Years written in the text. A mention is a *claim* about the report's period
 * unless it sits inside 《》 or “”, is part of a range (2021-2025年), a document
 * number (〔2020〕113号), or names a document drawn up (制定了2024年度工作计划).
 */
export function findYears(text: string, spans: readonly Span[], documentName: DocumentName = () => false): YearMention[] {
  const out: YearMention[] = [];
  for (const [s, e] of spans) {
    const chunk = text.slice(s, e);
    let brackets: RangeCursor | undefined;
    const matches: RegExpExecArray[] = [];
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(chunk); m; m = YEAR.exec(chunk)) matches.push(m);
    if (mayHoldCnYear(chunk)) {
      CN_YEAR.lastIndex = 0;
      for (let m = CN_YEAR.exec(chunk); m; m = CN_YEAR.exec(chunk)) matches.push(m);
      matches.sort((a, b) => a.index - b.index); // the bracket cursor is asked in order
    }
    for (const m of matches) {
      const after = chunk.slice(m.index + 4, m.index + 12);
      const before = chunk.slice(Math.max(0, m.index - 3), m.index);
      // 2021-2025年 is a range; 2023-12-04 is a date, and a claim about its year
      const date = /^-\d{1,2}-\d{1,2}(?!\d)/.test(after);
      const range = !date && (RANGE_AFTER.test(after) || /[-—–~至到]\s*$/.test(before));
      const claim = !range && !(brackets ??= new RangeCursor(bracketRanges(chunk))).any(m.index, m.index + 1) && !documentName(chunk, m.index);
      out.push({ span: [s + m.index, s + m.index + m[0].length], year: yearValue(m[1]), claim });
    }
  }
  return out;
}
