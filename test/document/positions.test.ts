import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLines, positionAt } from '../../src/document/positions.js';

/** The line table by definition: a line ends before \n, \r\n or a lone \r. */
function reference(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length });
  return out;
}

describe('computeLines', () => {
  it('ends lines before \\n, \\r\\n and a lone \\r', () => {
    expect(computeLines('一、\n二、')).toEqual([{ start: 0, end: 2 }, { start: 3, end: 5 }]);
    expect(computeLines('一、\r\n二、\r\n')).toEqual([{ start: 0, end: 2 }, { start: 4, end: 6 }, { start: 8, end: 8 }]);
    expect(computeLines('甲\r乙\n丙')).toEqual([{ start: 0, end: 1 }, { start: 2, end: 3 }, { start: 4, end: 5 }]);
    expect(computeLines('')).toEqual([{ start: 0, end: 0 }]);
    expect(computeLines('\n\n')).toEqual([{ start: 0, end: 0 }, { start: 1, end: 1 }, { start: 2, end: 2 }]);
    expect(positionAt(computeLines('一\n二三'), 4)).toEqual({ line: 1, character: 2 });
  });

  it('agrees with the definition on any mix of line ends', () => {
    const text = fc.array(fc.constantFrom('\n', '\r', '\r\n', '甲', 'a', ' ', '。'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (t) => { expect(computeLines(t)).toEqual(reference(t)); }), { numRuns: 2000 });
  });
});
