import type { Span, YearMention } from '../types.js';
import { bracketRanges, RangeCursor } from './quantities.js';

const YEAR = /(?<![\d.〔\[])((?:19|20)\d{2})(?=\s*年|\s*[-—–~至到])/g;

/**
 * Years written in the text. A mention is a *claim* about the report's period
 * unless it sits inside 《》 or “”, is part of a range (2021-2025年), or a document
 * number (〔2020〕113号).
 */
export function findYears(text: string, spans: readonly Span[]): YearMention[] {
  const out: YearMention[] = [];
  for (const [s, e] of spans) {
    const chunk = text.slice(s, e);
    let brackets: RangeCursor | undefined;
    YEAR.lastIndex = 0;
    for (let m = YEAR.exec(chunk); m; m = YEAR.exec(chunk)) {
      const after = chunk.slice(m.index + 4, m.index + 12);
      const before = chunk.slice(Math.max(0, m.index - 3), m.index);
      // 2021-2025年 is a range; 2023-12-04 is a date, and a claim about its year
      const date = /^-\d{1,2}-\d{1,2}(?!\d)/.test(after);
      const range = !date && (/^\s*(?:年\s*)?[-—–~至到]\s*(?:(?:19|20)\d{2}|\d{2})/.test(after) || /[-—–~至到]\s*$/.test(before));
      const claim = !range && !(brackets ??= new RangeCursor(bracketRanges(chunk))).any(m.index, m.index + 1);
      out.push({ span: [s + m.index, s + m.index + m[0].length], year: Number(m[1]), claim });
    }
  }
  return out;
}
