import { describe, expect, it } from 'vitest';
import { SpanSet } from '../../src/checks/span-set.js';

describe('SpanSet', () => {
  it('answers overlap and containment like a linear scan', () => {
    const spans: [number, number][] = [[10, 20], [30, 31], [40, 60], [0, 5]];
    const set = SpanSet.of(spans);
    const linear = (s: [number, number]) => spans.some(([a, b]) => s[0] < b && a < s[1]);
    for (let a = 0; a < 70; a++) {
      for (let b = a + 1; b < 72; b++) expect(set.overlaps([a, b]), `[${a},${b}]`).toBe(linear([a, b]));
    }
    expect(set.contains([41, 59])).toBe(true);
    expect(set.contains([39, 41])).toBe(false);
    expect(set.overlaps([20, 30])).toBe(false);
  });

  it('keeps answering right with 100,000 members', () => {
    const set = new SpanSet();
    for (let i = 0; i < 100_000; i++) if (!set.overlaps([i * 3, i * 3 + 2])) set.add([i * 3, i * 3 + 2]);
    expect(set.overlaps([299_997, 299_998])).toBe(true);
    expect(set.overlaps([299_999, 300_000])).toBe(false);
  });
});
