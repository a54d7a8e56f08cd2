/**
 * The smallest edits from one sequence to another (Myers' O(ND) diff), as replaced
 * ranges: where `--fix` changed a line, the annotator marks exactly those characters
 * as deleted and inserted, not the whole line; --fix-dry-run finds the changed lines
 * of a draft the same way.
 */
export interface Hunk { from: number; to: number; text: string }

/** a[from, to) became b[bFrom, bTo). */
export interface Replaced { from: number; to: number; bFrom: number; bTo: number }

/** Past this many cells of the search's trace, the whole middle is one change (bounded memory on hostile input). */
const MAX_TRACE = 4_000_000;

export function diffSequences<T>(a: ArrayLike<T>, b: ArrayLike<T>): Replaced[] {
  // the common head and tail cost nothing; the rest is short (a fix touches a few characters)
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail, m = b.length - head - tail, max = n + m;
  if (max === 0) return [];
  const whole = [{ from: head, to: head + n, bFrom: head, bTo: head + m }];
  if (n === 0 || m === 0) return whole;
  const x = (i: number) => a[head + i];
  const y = (j: number) => b[head + j];
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    if ((d + 1) * v.length > MAX_TRACE) return whole;
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let j = i - k;
      while (i < n && j < m && x(i) === y(j)) { i++; j++; }
      v[max + k] = i;
      if (i >= n && j >= m) { found = true; break; }
    }
  }
  // walk back: which elements of the middle of a were deleted and of b inserted
  const ops: ('=' | '-' | '+')[] = [];
  let i = n, j = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const w = trace[d];
    const k = i - j;
    const prevK = k === -d || (k !== d && w[max + k - 1] < w[max + k + 1]) ? k + 1 : k - 1;
    const pi = w[max + prevK], pj = pi - prevK;
    while (i > pi && j > pj) { ops.push('='); i--; j--; }
    if (i > pi) { ops.push('-'); i--; } else { ops.push('+'); j--; }
  }
  while (i > 0 && j > 0) { ops.push('='); i--; j--; }
  ops.reverse();
  const out: Replaced[] = [];
  let ai = head, bi = head, cur: Replaced | undefined;
  for (const op of ops) {
    if (op === '=') { cur = undefined; ai++; bi++; continue; }
    if (!cur) out.push((cur = { from: ai, to: ai, bFrom: bi, bTo: bi }));
    if (op === '-') cur.to = ++ai;
    else cur.bTo = ++bi;
  }
  return out;
}

export function diffChars(a: string, b: string): Hunk[] {
  return diffSequences(a, b).map((h) => ({ from: h.from, to: h.to, text: b.slice(h.bFrom, h.bTo) }));
}
