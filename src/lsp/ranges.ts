import type { Position, Range } from '../types.js';

/** `a` is at or before `b`. */
export function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

/** The position lies in the range, ends included (a cursor right after a finding is on it). */
export function contains(range: Range, p: Position): boolean {
  return before(range.start, p) && before(p, range.end);
}

/** The two ranges overlap or touch. */
export function touches(a: Range, b: Range): boolean {
  return before(a.start, b.end) && before(b.start, a.end);
}
