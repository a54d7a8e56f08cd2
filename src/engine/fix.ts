import type { Diagnostic, Fix } from '../types.js';
import { computeLines, offsetAt } from '../document/positions.js';

export interface FixPolicy { unsafe?: boolean; rules?: ReadonlySet<string> }

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
 */
export function applyFixesOnce(text: string, diagnostics: readonly Diagnostic[], policy: FixPolicy): { text: string; applied: Diagnostic[] } {
  const lines = computeLines(text);
  const taken: [number, number][] = [];
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
    const clash = spans.some((s) => taken.some(([a, b]) => clashes(s.start, s.end, a, b)));
    if (clash) continue;
    for (const s of spans) taken.push([s.start, s.end]);
    edits.push(...spans);
    applied.push(d);
  }
  if (!edits.length) return { text, applied };
  return { text: applyOffsetEdits(text, edits), applied };
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

/** Applies edits in the engine's order to `text`, whose first character is at offset `base` of the edits. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[], base = 0): string {
  let out = text;
  for (const e of engineOrder(edits)) out = out.slice(0, e.start - base) + e.text + out.slice(e.end - base);
  return out;
}

/** Two edits clash when they overlap; an insertion clashes with an edit that touches its point. */
function clashes(s1: number, e1: number, s2: number, e2: number): boolean {
  if (s1 === e1) return s2 <= s1 && s1 <= e2;
  if (s2 === e2) return s1 <= s2 && s2 <= e1;
  return s1 < e2 && s2 < e1;
}
