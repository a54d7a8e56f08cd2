/**
 * The smallest character edits from one line to another (Myers' O(ND) diff),
 * as replaced ranges: where `--fix` changed a line, the annotator marks exactly
 * those characters as deleted and inserted, not the whole line.
 */
export interface Hunk { from: number; to: number; text: string }

export function diffChars(a: string, b: string): Hunk[] {
  if (a === b) return [];
  // the common head and tail cost nothing; the rest is short (a fix touches a few characters)
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length, m = y.length, max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) { i++; j++; }
      v[max + k] = i;
      if (i >= n && j >= m) { found = true; break; }
    }
  }
  // walk back: which characters of x were deleted and of y inserted
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
  const hunks: Hunk[] = [];
  let ai = head, bi = head, cur: Hunk | undefined;
  for (const op of ops) {
    if (op === '=') { cur = undefined; ai++; bi++; continue; }
    if (!cur) hunks.push((cur = { from: ai, to: ai, text: '' }));
    if (op === '-') { ai++; cur.to = ai; } else { cur.text += b[bi]; bi++; }
  }
  return hunks;
}
