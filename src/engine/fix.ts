import type { Diagnostic, Fix } from '../types.js';
import { computeLines, offsetAt } from '../document/positions.js';

export interface FixPolicy {
  unsafe?: boolean;
  rules?: ReadonlySet<string>;
  /**
   * Leave alone every fix whose edits would change a U+FFFD: in a draft with bytes
   * that did not decode, that character stands for them, and they are kept.
   */
  keepReplacementCharacters?: boolean;
}

export function eligible(d: Diagnostic, policy: FixPolicy): Fix | undefined {
  const fix = d.data?.fix;
  if (!fix || !fix.edits.length) return undefined;
  if (!fix.safe && !policy.unsafe) return undefined;
  if (policy.rules && !policy.rules.has(d.code)) return undefined;
  return fix;
}

/**
 * Applies the eligible fixes of one lint pass to `text`. Edits are computed on the
 * original text; a fix is taken whole or not at all, and a fix that overlaps one
 * already taken (earlier in the document, then by rule id) waits for the next pass.
 * `edits`: what was applied, on `text`.
 */
export function applyFixesOnce(text: string, diagnostics: readonly Diagnostic[], policy: FixPolicy): { text: string; applied: Diagnostic[]; edits: OffsetEdit[] } {
  const lines = computeLines(text);
  const taken = new TakenSpans();
  const edits: OffsetEdit[] = [];
  const applied: Diagnostic[] = [];
  for (const d of diagnostics) {
    const fix = eligible(d, policy);
    if (!fix) continue;
    const spans = fix.edits.map((e) => ({
      start: offsetAt(lines, text.length, e.range.start),
      end: offsetAt(lines, text.length, e.range.end),
      text: e.newText,
    }));
    if (spans.some((s) => taken.clashes(s.start, s.end))) continue;
    if (policy.keepReplacementCharacters && spans.some((s) => text.slice(s.start, s.end).includes('\ufffd'))) continue;
    for (const s of spans) taken.add(s.start, s.end);
    edits.push(...spans);
    applied.push(d);
  }
  if (!edits.length) return { text, applied, edits };
  return { text: applyOffsetEdits(text, edits), applied, edits };
}

/**
 * The spans of the fixes taken so far, sorted, with the clash test of
 * applyFixesOnce by binary search: a pass over a draft with tens of thousands of
 * fixes compared each with every earlier one.
 */
class TakenSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Index of the first span that ends at or after `offset` (an insertion there touches it). */
  private firstReaching(offset: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  clashes(s: number, e: number): boolean {
    // taken spans do not overlap, so their ends rise with their starts: only those
    // from the first reaching `s` up to the first starting after `e` can clash
    for (let i = this.firstReaching(s); i < this.starts.length && this.starts[i] <= e; i++) {
      if (clashes(s, e, this.starts[i], this.ends[i])) return true;
    }
    return false;
  }

  add(s: number, e: number): void {
    let i = this.firstReaching(s);
    while (i < this.starts.length && (this.starts[i] < s || (this.starts[i] === s && this.ends[i] <= e))) i++;
    if (i === this.starts.length) {
      this.starts.push(s);
      this.ends.push(e);
    } else {
      this.starts.splice(i, 0, s);
      this.ends.splice(i, 0, e);
    }
  }
}

/** An edit by UTF-16 offsets. */
export interface OffsetEdit { start: number; end: number; text: string }

/**
 * The order fixes are applied in: from the end of the text backwards, the longer
 * edit first at one start, reported order otherwise (the sort is stable). The
 * language server merges touching edits in this order too, so clients get
 * exactly what --fix writes.
 */
export function engineOrder<E extends OffsetEdit>(edits: readonly E[]): E[] {
  return [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
}

/**
 * The edits in the order they appear in the result — the engine's order reversed,
 * so an insertion applied later at the same point comes first — or undefined when
 * two of them overlap (never for one pass of fixes) and only the engine's
 * edit-by-edit application defines the result.
 */
function forwardOrder<E extends OffsetEdit>(edits: readonly E[]): E[] | undefined {
  const forward = engineOrder(edits).reverse();
  let at = -Infinity;
  for (const e of forward) {
    if (e.start < at) return undefined;
    at = e.end;
  }
  return forward;
}

/** Applies edits in the engine's order to `text`, whose first character is at offset `base` of the edits. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[], base = 0): string {
  const forward = forwardOrder(edits);
  if (!forward) {
    let out = text;
    for (const e of engineOrder(edits)) out = out.slice(0, e.start - base) + e.text + out.slice(e.end - base);
    return out;
  }
  // one pass from the start: slicing the result per edit made a draft with many fixes quadratic
  const parts: string[] = [];
  let at = 0;
  for (const e of forward) {
    parts.push(text.slice(at, e.start - base), e.text);
    at = e.end - base;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * The edits of several fix passes as edits of the text the first pass started
 * from: `--fix` writes those into the file's original bytes and leaves every other
 * byte alone. `passes`: each pass's edits on the text that pass started from.
 * Returns ascending, non-overlapping edits; a piece table keeps it linear.
 */
export function composeEdits(originalLength: number, passes: readonly (readonly OffsetEdit[])[]): OffsetEdit[] {
  type Piece = { from: number; to: number } | { text: string };
  let pieces: Piece[] = [{ from: 0, to: originalLength }];
  const length = (p: Piece) => ('text' in p ? p.text.length : p.to - p.from);
  for (const pass of passes) {
    const forward = forwardOrder(pass);
    if (!forward) throw new Error('composeEdits: overlapping edits');
    const next: Piece[] = [];
    let i = 0;     // current piece
    let inside = 0; // offset inside it
    let at = 0;    // text offset of pieces[i] + inside
    const take = (upTo: number, keep: boolean) => {
      while (at < upTo && i < pieces.length) {
        const p = pieces[i];
        const n = Math.min(length(p) - inside, upTo - at);
        if (keep && n > 0) next.push('text' in p ? { text: p.text.slice(inside, inside + n) } : { from: p.from + inside, to: p.from + inside + n });
        inside += n;
        at += n;
        if (inside === length(p)) {
          i++;
          inside = 0;
        }
      }
    };
    for (const e of forward) {
      take(e.start, true);
      if (e.text) next.push({ text: e.text });
      take(e.end, false);
    }
    take(Infinity, true);
    pieces = next;
  }
  const out: OffsetEdit[] = [];
  let kept = 0;
  let pending: string[] = [];
  const flush = (upTo: number) => {
    if (upTo > kept || pending.length) out.push({ start: kept, end: upTo, text: pending.join('') });
    pending = [];
  };
  for (const p of pieces) {
    if ('text' in p) pending.push(p.text);
    else {
      flush(p.from);
      kept = p.to;
    }
  }
  flush(originalLength);
  return out.filter((e) => e.start < e.end || e.text);
}

/**
 * An offset of the text before `edits` (ascending, non-overlapping) as an offset
 * of the text after them; offsets inside an edit go to its start.
 */
export function offsetMapper(edits: readonly OffsetEdit[]): (offset: number) => number {
  const shifts: number[] = [];
  let shift = 0;
  for (const e of edits) shifts.push((shift += e.text.length - (e.end - e.start)));
  return (offset) => {
    // the last edit ending at or before the offset
    let lo = 0;
    let hi = edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edits[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    const inside = lo < edits.length && edits[lo].start < offset;
    return (inside ? edits[lo].start : offset) + (lo ? shifts[lo - 1] : 0);
  };
}

/** Two edits clash when they overlap; an insertion clashes with an edit that touches its point. */
function clashes(s1: number, e1: number, s2: number, e2: number): boolean {
  if (s1 === e1) return s2 <= s1 && s1 <= e2;
  if (s2 === e2) return s1 <= s2 && s2 <= e1;
  return s1 < e2 && s2 < e1;
}
