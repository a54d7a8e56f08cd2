import type { Span } from '../types.js';

/**
 * A set of non-overlapping spans with O(log n) overlap queries: checks that report
 * each character once ask it before reporting, and a 5 MB draft can hold tens of
 * thousands of findings (a linear scan per finding made that quadratic).
 */
export class SpanSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Index of the first span whose end is after `offset`. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  overlaps(span: Span): boolean {
    const i = this.firstEndingAfter(span[0]);
    return i < this.starts.length && this.starts[i] < span[1];
  }

  /** Whether `span` lies wholly inside one member. */
  contains(span: Span): boolean {
    const i = this.firstEndingAfter(span[0]);
    return i < this.starts.length && this.starts[i] <= span[0] && span[1] <= this.ends[i];
  }

  /** Adds a span that overlaps no member (callers check `overlaps` first). */
  add(span: Span): void {
    const i = this.firstEndingAfter(span[0]);
    this.starts.splice(i, 0, span[0]);
    this.ends.splice(i, 0, span[1]);
  }

  static of(spans: Iterable<Span>): SpanSet {
    const set = new SpanSet();
    for (const s of [...spans].sort((a, b) => a[0] - b[0])) if (!set.overlaps(s)) set.add(s);
    return set;
  }
}
