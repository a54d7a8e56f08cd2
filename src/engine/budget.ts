/**
 * The time each rule may take on one draft. Office-written patterns run on a
 * linear-time engine whose matching checks this clock as it reads the text
 * (src/config/linear-regex.ts): a rule past its time stops there, is reported by
 * name (`rule-timeout`), and the other rules still run. Built-in checks are
 * linear and never consult it.
 */
export const RULE_TIME_LIMIT_MS = 1000;

export class RuleTimeout extends Error {
  constructor(readonly limitMs: number) {
    super(`超过了 ${limitMs} 毫秒的时间上限`);
  }
}

let deadline = Number.POSITIVE_INFINITY;
let limit = RULE_TIME_LIMIT_MS;

/** Runs `fn` with a clock of `ms` milliseconds; the previous clock is restored after. */
export function withBudget<T>(ms: number, fn: () => T): T {
  const outerDeadline = deadline;
  const outerLimit = limit;
  deadline = Math.min(outerDeadline, performance.now() + ms);
  limit = ms;
  try {
    return fn();
  } finally {
    deadline = outerDeadline;
    limit = outerLimit;
  }
}

/** Throws RuleTimeout once the running rule's time is up. */
export function checkBudget(): void {
  if (performance.now() > deadline) throw new RuleTimeout(limit);
}
