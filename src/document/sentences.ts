import type { Paragraph, Sentence, Span } from '../types.js';
import type { SourceLine } from './lines.js';

/**
 * Paragraphs: in plain text each non-empty line; in Markdown the lines of one
 * remark paragraph, split again wherever a line starts an outline heading.
 */
export function findParagraphs(lines: SourceLine[], headingLines: ReadonlySet<number>): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: { start: number; end: number; line: number; block: number } | undefined;
  for (const l of lines) {
    if (l.blank) {
      if (cur) out.push({ span: [cur.start, cur.end], line: cur.line });
      cur = undefined;
      continue;
    }
    if (cur && cur.block === l.block && !headingLines.has(l.index) && l.mdDepth === undefined) {
      cur.end = l.contentEnd;
      continue;
    }
    if (cur) out.push({ span: [cur.start, cur.end], line: cur.line });
    cur = { start: l.contentStart, end: l.contentEnd, line: l.index, block: l.mdDepth !== undefined ? -1 - l.index : l.block };
  }
  if (cur) out.push({ span: [cur.start, cur.end], line: cur.line });
  return out;
}

const SENTENCE_END = /[。！？!?；;]+[”’」』）)]*/g;

/** Sentences end at 。！？； (a closing quote stays with its sentence). */
export function findSentences(text: string, paragraphs: readonly Paragraph[]): Sentence[] {
  const out: Sentence[] = [];
  // One pass over the sentence ends of the whole text, paragraphs taken in order:
  // searching from each paragraph's start ran on to the next sentence end however
  // far it was, so a draft of lines without 。 was quadratic. (No end spans a line
  // break, so none starts before a paragraph and ends inside it.)
  SENTENCE_END.lastIndex = 0;
  let m = SENTENCE_END.exec(text);
  for (const p of paragraphs) {
    const [ps, pe] = p.span;
    while (m && m.index < ps) m = SENTENCE_END.exec(text);
    let from = ps;
    for (; m && m.index < pe; m = SENTENCE_END.exec(text)) {
      const to = Math.min(pe, m.index + m[0].length);
      pushTrimmed(text, out, from, to);
      from = to;
    }
    if (from < pe) pushTrimmed(text, out, from, pe);
  }
  return out;
}

/** What `\s` matches, by char code, without a one-character string per test. */
export function isSpaceCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function pushTrimmed(text: string, out: Sentence[], s: number, e: number): void {
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ span: [s, e] as Span });
}
