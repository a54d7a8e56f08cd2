/**
 * A unified diff of two texts, line based, for --fix-dry-run. Fixes change few
 * lines, so the common head and tail are cut first and only the middle is compared.
 */
export function unifiedDiff(name: string, before: string, after: string, context = 2): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  const ops = diffLines(a, b);
  const out = [`--- ${name}`, `+++ ${name}（修复后）`];
  // group into hunks
  let i = 0;
  while (i < ops.length) {
    if (ops[i].op === ' ') { i++; continue; }
    let start = Math.max(0, i - context);
    let end = i;
    while (end < ops.length) {
      if (ops[end].op !== ' ') { end++; continue; }
      let run = 0;
      while (end + run < ops.length && ops[end + run].op === ' ') run++;
      if (run > context * 2 || end + run >= ops.length) { end = Math.min(ops.length, end + context); break; }
      end += run;
    }
    const hunk = ops.slice(start, end);
    const aStart = hunk.find((o) => o.a !== undefined)?.a ?? 0;
    const bStart = hunk.find((o) => o.b !== undefined)?.b ?? 0;
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${aStart + 1},${aLen} +${bStart + 1},${bLen} @@`);
    for (const o of hunk) out.push(`${o.op}${o.text}`);
    i = end;
    start = end;
  }
  return out.join('\n') + '\n';
}

interface Op { op: ' ' | '-' | '+'; text: string; a?: number; b?: number }

function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [];
  for (let i = 0; i < head; i++) ops.push({ op: ' ', text: a[i], a: i, b: i });
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  if (am.length * bm.length <= 4_000_000) {
    // LCS table on the middle
    const n = am.length, m = bm.length;
    const dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = am[i] === bm[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    let i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) { ops.push({ op: ' ', text: am[i], a: head + i, b: head + j }); i++; j++; }
      // removals before additions, as diff(1) prints a changed line
      else if (i < n && (j >= m || dp[i + 1][j] >= dp[i][j + 1])) { ops.push({ op: '-', text: am[i], a: head + i }); i++; }
      else { ops.push({ op: '+', text: bm[j], b: head + j }); j++; }
    }
  } else {
    am.forEach((t, k) => ops.push({ op: '-', text: t, a: head + k }));
    bm.forEach((t, k) => ops.push({ op: '+', text: t, b: head + k }));
  }
  for (let k = tail; k > 0; k--) ops.push({ op: ' ', text: a[a.length - k], a: a.length - k, b: b.length - k });
  return ops;
}
