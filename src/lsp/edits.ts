import { computeLines, offsetAt, positionAt } from '../document/positions.js';
import { applyOffsetEdits, engineOrder, type OffsetEdit } from '../engine/fix.js';
import type { Line, TextEdit } from '../types.js';

/** A text with its line table, so many edits convert between positions and offsets cheaply. */
export class TextIndex {
  /** `lines`: the text's line table when already computed (a report model has one). */
  constructor(readonly text: string, readonly lines: readonly Line[] = computeLines(text)) {}
  offset(p: TextEdit['range']['start']): number {
    return offsetAt(this.lines, this.text.length, p);
  }
  range(start: number, end: number): TextEdit['range'] {
    return { start: positionAt(this.lines, start), end: positionAt(this.lines, end) };
  }
}

/**
 * Turns the edits of one or more fixes into edits any LSP client applies the same way
 * `engine/fix.ts` does. Clients disagree on edits that touch (an insertion at the start
 * of a replaced range, two insertions at one point); the engine applies them from the
 * end of the text backwards. So touching edits are merged into one edit whose text is
 * what the engine would produce, and edits that change nothing are dropped.
 */
export function clientEdits(index: TextIndex, edits: readonly TextEdit[]): TextEdit[] {
  const { text } = index;
  const spans: OffsetEdit[] = edits
    .map((e) => ({ start: index.offset(e.range.start), end: index.offset(e.range.end), text: e.newText }))
    .filter((e) => text.slice(e.start, e.end) !== e.text);
  if (!spans.length) return [];
  const ascending = engineOrder(spans).reverse();
  const groups: OffsetEdit[][] = [];
  let groupEnd = -1;
  for (const e of ascending) {
    if (groups.length && e.start <= groupEnd) {
      groups[groups.length - 1].push(e);
      groupEnd = Math.max(groupEnd, e.end);
    } else {
      groups.push([e]);
      groupEnd = e.end;
    }
  }
  return groups.map((g) => {
    const start = g.reduce((m, e) => Math.min(m, e.start), Infinity);
    const end = g.reduce((m, e) => Math.max(m, e.end), -Infinity);
    // g ascends, the reverse of the engine's order: reversed, equal edits keep their reported order
    return { range: index.range(start, end), newText: applyOffsetEdits(text.slice(start, end), [...g].reverse(), start) };
  });
}

/** Applies non-overlapping LSP edits to a text (as a client would). */
export function applyEdits(index: TextIndex, edits: readonly TextEdit[]): string {
  const spans = edits
    .map((e, i) => ({ start: index.offset(e.range.start), end: index.offset(e.range.end), text: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += index.text.slice(at, s.start) + s.text;
    at = Math.max(at, s.end);
  }
  return out + index.text.slice(at);
}

/**
 * Edits that turn `index.text` into `output`: the given candidate edits when they do
 * exactly that (the usual single pass), otherwise one edit over the changed region
 * (fixes that needed several passes build on each other and have no edits on the
 * original text).
 */
export function editsTo(index: TextIndex, output: string, candidates: readonly TextEdit[]): TextEdit[] {
  if (output === index.text) return [];
  const merged = clientEdits(index, candidates);
  if (merged.length && applyEdits(index, merged) === output) return merged;
  const a = index.text;
  let start = 0;
  while (start < a.length && start < output.length && a.charCodeAt(start) === output.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = output.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === output.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  return [{ range: index.range(start, endA), newText: output.slice(start, endB) }];
}
