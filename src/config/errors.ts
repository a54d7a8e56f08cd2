/**
 * Configuration problems are collected, not thrown one at a time: the CLI prints
 * them all (file:line:col, what, allowed values, “did you mean”) and exits 2.
 */
export interface ConfigProblem {
  file: string;
  line?: number;     // 1-based
  column?: number;   // 1-based
  message: string;
  hint?: string;
  /** Source lines around the problem, for a code frame. */
  frame?: string;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    const ordered = inFileOrder(problems);
    super(ordered.map(formatProblem).join('\n'));
    this.problems = ordered;
    this.name = 'ConfigError';
  }
}

/**
 * Problems as a reader goes through the files: files in the order they were first
 * reported, and within a file by line and column (a problem of the whole file first).
 * They are found in another order (schema, then rule ids, then compilation).
 */
function inFileOrder(problems: readonly ConfigProblem[]): ConfigProblem[] {
  const fileOrder = new Map<string, number>();
  for (const p of problems) if (!fileOrder.has(p.file)) fileOrder.set(p.file, fileOrder.size);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => fileOrder.get(a.p.file)! - fileOrder.get(b.p.file)! || (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.column ?? 0) - (b.p.column ?? 0) || a.i - b.i)
    .map((x) => x.p);
}

/** file:line:column of a problem, or the file alone. */
export function problemLocation(p: ConfigProblem): string {
  return p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
}

export function formatProblem(p: ConfigProblem): string {
  let s = `${problemLocation(p)}  错误  ${p.message}`;
  if (p.frame) s += `\n${p.frame}`;
  if (p.hint) s += `\n  提示：${p.hint}`;
  return s;
}

/** Characters of a long source line shown on each side of the problem's column. */
const FRAME_CONTEXT = 60;

/** A code frame of the lines around `line` (1-based), with a caret under `column`. */
export function codeFrame(source: string, line: number, column: number, width = 1): string {
  const lines = source.split(/\r?\n/);
  const from = Math.max(1, line - 1);
  const to = Math.min(lines.length, line + 1);
  const pad = String(to).length;
  const out: string[] = [];
  // a line of 300 KB (a long pattern) is shown around the column, not whole
  const start = Math.max(0, column - 1 - FRAME_CONTEXT);
  const clipLine = (l: string) => (l.length <= 2 * FRAME_CONTEXT ? l : `${start ? '…' : ''}${l.slice(start, start + 2 * FRAME_CONTEXT)}…`);
  const shift = (l: string) => (l.length <= 2 * FRAME_CONTEXT || !start ? 0 : start - 1);
  for (let n = from; n <= to; n++) {
    const l = lines[n - 1] ?? '';
    out.push(`  ${n === line ? '>' : ' '} ${String(n).padStart(pad)} | ${clipLine(l)}`);
    if (n === line) out.push(`    ${' '.repeat(pad)} | ${' '.repeat(Math.max(0, column - 1 - shift(l)))}${'^'.repeat(Math.max(1, Math.min(width, 2 * FRAME_CONTEXT)))}`);
  }
  return out.join('\n');
}

/** Levenshtein distance, for “did you mean”. */
export function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > 100) return undefined; // no name is that long, and the distance is quadratic
  let best: string | undefined;
  let bestD = Infinity;
  const list = [...candidates];
  // a word cut short (“warn” for “warning”) is too far for the edit distance alone
  const prefixed = word.length >= 3 ? list.filter((c) => c.toLowerCase().startsWith(word.toLowerCase())) : [];
  if (prefixed.length === 1) return prefixed[0];
  for (const c of list) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { bestD = d; best = c; }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
