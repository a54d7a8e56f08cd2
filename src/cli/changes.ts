/**
 * What --fix changes, for --fix-dry-run: each change with a few characters
 * around it, `[-removed-]{+inserted+}` as wdiff writes it, at the line and
 * column of the draft as it is. A unified diff printed each 500-character
 * paragraph twice for one changed comma.
 */
import type { Diagnostic } from '../types.js';
import { diffChars, diffSequences, type Hunk } from '../word/diff.js';

/** Characters shown on each side of a change. */
const CONTEXT = 10;

interface Change { line: number; column: number; text: string }

export function changeList(before: string, after: string, paint: (style: 'red' | 'green' | 'gray', s: string) => string = (_, s) => s): string[] {
  if (before === after) return [];
  const a = before.split('\n');
  const b = after.split('\n');
  const out: Change[] = [];
  const del = (s: string) => paint('red', `[-${s}-]`);
  const ins = (s: string) => paint('green', `{+${s}+}`);
  for (const block of lineBlocks(a, b)) {
    // a changed line is shown by its changes; lines taken out or put in (a bookmark line
    // deleted, a missing part inserted) are shown whole
    let i = 0;
    let j = 0;
    const added = (upTo: number) => {
      if (upTo > j) out.push({ line: block.at + i, column: 0, text: block.added.slice(j, upTo).map(ins).join(paint('gray', '⏎')) });
      j = upTo;
    };
    for (const [pi, pj] of [...pairSimilar(block.removed, block.added), [block.removed.length, block.added.length] as const]) {
      for (; i < pi; i++) out.push({ line: block.at + i, column: 0, text: del(block.removed[i]) });
      added(pj);
      if (pi < block.removed.length) out.push(...inLine(block.at + i, block.removed[i], block.added[j], del, ins));
      i = pi + 1;
      j = pj + 1;
    }
  }
  const loc = (c: Change) => `${c.line + 1}:${c.column + 1}`;
  const width = Math.max(...out.map((c) => loc(c).length));
  return out.map((c) => `  ${paint('gray', loc(c).padEnd(width))}  ${c.text}`);
}

/** Fixes applied, by rule: “fullwidth-punctuation 62 处，conversion-artifact 1 处”. */
export function byRule(applied: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of applied) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return [...counts].map(([rule, n]) => `${rule} ${n} 处`).join('，');
}

interface Block { at: number; removed: string[]; added: string[] }

/** Runs of changed lines, by the same diff the Word writer uses for characters. */
function lineBlocks(a: string[], b: string[]): Block[] {
  return diffSequences(a, b).map((h) => ({ at: h.from, removed: a.slice(h.from, h.to), added: b.slice(h.bFrom, h.bTo) }));
}

/**
 * Which removed line became which added line, in order: the pairing with the most
 * in common (character pairs shared, as a Dice score), counting only pairs at least
 * half alike, or alike but for surrounding blanks.
 */
function pairSimilar(removed: readonly string[], added: readonly string[]): [number, number][] {
  const n = removed.length;
  const m = added.length;
  if (!n || !m || n * m > 10_000) return [];
  const sims = removed.map((x) => added.map((y) => similarity(x, y)));
  const dp = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sims[i][j];
      dp[i][j] = Math.max(dp[i + 1][j], dp[i][j + 1], s ? s + dp[i + 1][j + 1] : 0);
    }
  }
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    const s = sims[i][j];
    if (s && dp[i][j] === s + dp[i + 1][j + 1]) out.push([i++, j++]);
    else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return out;
}

/** Dice score of two lines' character pairs when at least 0.5; 1 for lines equal but for surrounding blanks; else 0. */
function similarity(x: string, y: string): number {
  if (x.trim() === y.trim()) return 1;
  const pairs = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const a = pairs(x);
  const b = pairs(y);
  let common = 0;
  for (const [k, n] of a) common += Math.min(n, b.get(k) ?? 0);
  const dice = (2 * common) / Math.max(1, x.length - 1 + y.length - 1);
  return dice >= 0.5 ? dice : 0;
}

/** The changes inside one changed line, each with its context; up to three changes closer than the context share a line. */
function inLine(line: number, a: string, b: string, del: (s: string) => string, ins: (s: string) => string): Change[] {
  const groups: Hunk[][] = [];
  for (const h of diffChars(a, b)) {
    const last = groups[groups.length - 1];
    if (last && last.length < 3 && h.from - last[last.length - 1].to <= CONTEXT) last.push(h);
    else groups.push([h]);
  }
  return groups.map((g) => {
    const from = Math.max(0, g[0].from - CONTEXT);
    const to = Math.min(a.length, g[g.length - 1].to + CONTEXT);
    let text = from > 0 ? '…' : '';
    let at = from;
    for (const h of g) {
      text += a.slice(at, h.from);
      if (h.to > h.from) text += del(a.slice(h.from, h.to));
      if (h.text) text += ins(h.text);
      at = h.to;
    }
    text += a.slice(at, to) + (to < a.length ? '…' : '');
    return { line, column: g[0].from, text };
  });
}
