import type { Line, Position } from '../types.js';

/**
 * Line table for a text. A line ends before "\n" or "\r\n" (or a lone "\r"), so
 * CRLF drafts keep their exact offsets and fixes touch only what a rule names.
 */
export function computeLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // most drafts end lines with \n alone: found by the native search, not char by char
  // (a cold batch spends its first drafts in the interpreter, where a loop over every
  // character of a 10 KB draft costs ten times the search)
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      lines.push({ start, end: i });
      start = i + 1;
    }
    lines.push({ start, end: text.length });
    return lines;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push({ start, end: i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i });
      start = i + 1;
    } else if (c === 13 && text.charCodeAt(i + 1) !== 10) {
      lines.push({ start, end: i });
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length });
  return lines;
}

/** Index of the line holding `offset` (binary search over line starts). */
export function lineIndexAt(lines: readonly Line[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** LSP position: 0-based line, character in UTF-16 code units (JS string indices). */
export function positionAt(lines: readonly Line[], offset: number): Position {
  const line = lineIndexAt(lines, offset);
  return { line, character: offset - lines[line].start };
}

export function offsetAt(lines: readonly Line[], textLength: number, pos: Position): number {
  if (pos.line < 0) return 0;
  if (pos.line >= lines.length) return textLength;
  const l = lines[pos.line];
  return Math.min(l.start + Math.max(0, pos.character), l.end);
}
