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
  for (const p of paragraphs) {
    const [ps, pe] = p.span;
    const body = text.slice(ps, pe);
    let from = 0;
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(body); m; m = SENTENCE_END.exec(body)) {
      const to = m.index + m[0].length;
      pushTrimmed(text, out, ps + from, ps + to);
      from = to;
    }
    if (from < body.length) pushTrimmed(text, out, ps + from, pe);
  }
  return out;
}

function pushTrimmed(text: string, out: Sentence[], s: number, e: number): void {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (e > s) out.push({ span: [s, e] as Span });
}
