/**
 * Item 9 of issue 12: work that grew with the square of the input. Each case is
 * an input that took minutes (or ran out of stack) before and must now simply
 * give the right answer; the test's own timeout is what a return of the
 * quadratic behaviour would hit. `npm run bench fix` measures --fix on 1 MB.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFixesOnce, applyOffsetEdits, composeEdits, engineOrder, type OffsetEdit } from '../../src/engine/fix.js';
import { decode, encode } from '../../src/io/encoding.js';
import { bracketRanges } from '../../src/document/quantities.js';
import type { Diagnostic } from '../../src/types.js';
import { linterWith, model } from '../helpers.js';

/** The engine's own definition: edit by edit, from the end backwards. */
function oneByOne(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of engineOrder(edits)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

describe('fixes', () => {
  it('applyOffsetEdits: 300,000 edits on 600,000 characters, as edit-by-edit application defines', () => {
    const text = '中,'.repeat(300_000);
    const edits = Array.from({ length: 300_000 }, (_, i) => ({ start: 2 * i + 1, end: 2 * i + 2, text: '，' }));
    expect(applyOffsetEdits(text, edits)).toBe('中，'.repeat(300_000));
  });

  it('applyOffsetEdits gives what edit-by-edit application gives, insertions at one point included', () => {
    const edit = fc.record({ start: fc.nat(30), len: fc.nat(3), text: fc.string({ maxLength: 3 }) });
    fc.assert(fc.property(fc.string({ minLength: 30, maxLength: 40 }), fc.array(edit, { maxLength: 8 }), (text, raw) => {
      // non-overlapping, as the engine takes them (insertions may share a point)
      const edits: OffsetEdit[] = [];
      for (const r of raw) {
        const e = { start: r.start, end: Math.min(text.length, r.start + r.len), text: r.text };
        if (edits.every((o) => e.end <= o.start || o.end <= e.start || (e.start === e.end && o.start === o.end && e.start === o.start))) edits.push(e);
      }
      expect(applyOffsetEdits(text, edits)).toBe(oneByOne(text, edits));
    }));
  });

  it('applyFixesOnce takes 100,000 fixes in one pass', () => {
    const text = '中,'.repeat(100_000);
    const diagnostics = Array.from({ length: 100_000 }, (_, i): Diagnostic => ({
      range: { start: { line: 0, character: 2 * i + 1 }, end: { line: 0, character: 2 * i + 2 } },
      severity: 2, code: 'fullwidth-punctuation', source: 'lawreport-lint', message: '',
      data: { fix: { title: '', safe: true, edits: [{ range: { start: { line: 0, character: 2 * i + 1 }, end: { line: 0, character: 2 * i + 2 } }, newText: '，' }] } },
    }));
    const r = applyFixesOnce(text, diagnostics, {});
    expect(r.applied).toHaveLength(100_000);
    expect(r.text).toBe('中，'.repeat(100_000));
  });

  it('composeEdits: several passes become edits of the first text that give the same result', () => {
    const raw = fc.array(fc.array(fc.record({ at: fc.nat(40), len: fc.nat(2), text: fc.string({ maxLength: 2 }) }), { maxLength: 5 }), { minLength: 1, maxLength: 3 });
    fc.assert(fc.property(fc.string({ minLength: 5, maxLength: 20 }), raw, (text, rawPasses) => {
      let current = text;
      const passes: OffsetEdit[][] = [];
      for (const r of rawPasses) {
        const edits: OffsetEdit[] = [];
        for (const x of r) {
          const start = x.at % (current.length + 1);
          const e = { start, end: Math.min(current.length, start + x.len), text: x.text };
          // one pass: edits that do not overlap or touch (as the engine's clash rule keeps them)
          if (edits.every((o) => e.end < o.start || o.end < e.start)) edits.push(e);
        }
        passes.push(edits);
        current = oneByOne(current, edits);
      }
      expect(oneByOne(text, composeEdits(text.length, passes))).toBe(current);
    }));
  });
});

describe('model and encoding', () => {
  it('bracketRanges over 300,000 opening brackets and one closing bracket', () => {
    const chunk = `${'《'.repeat(300_000)}》`;
    expect(bracketRanges(chunk)).toHaveLength(60); // those within 60 characters of it
  });

  it('figures among 50,000 brackets in one paragraph, and 300,000 lines without a sentence end', async () => {
    const doc = await model(`关于2023年法治政府建设情况的报告\n一、主要举措和成效\n${'《1名》2名'.repeat(50_000)}\n`);
    expect(doc.quantities).toHaveLength(50_000);
    expect(doc.quantities[0].text).toBe('2名');
    const lines = await model(`${'a\n'.repeat(300_000)}`);
    expect(lines.sentences).toHaveLength(300_000);
  });

  it('一是…一是…一是…: 100,000 runs of one item, each item ends where the next starts', async () => {
    const linter = await linterWith();
    const text = `关于2023年法治政府建设情况的报告\n一、主要举措和成效\n${'一是加强学习。'.repeat(100_000)}\n`;
    const out = linter.lint(text, { filePath: 'draft.txt' });
    const items = out.document.parts[0].items;
    expect(items).toHaveLength(100_000);
    expect(items.every((it, i) => it.span[1] - it.span[0] === 7 && (i === 0 || items[i - 1].span[1] === it.span[0]))).toBe(true);
  });

  it('100,000 first-level headings no keyword places: each placed by position, with its neighbours found once', async () => {
    const doc = await model(`关于2023年法治政府建设情况的报告\n${'一、标题\n'.repeat(100_000)}`);
    expect(doc.parts).toHaveLength(100_000);
    // no keyword, no content, and no placed part after them: position alone is not enough
    expect(doc.parts.every((p) => p.kind === 'unknown')).toBe(true);
    // with a plan at the end, every section before it is the year's work, by its position
    const planned = await model(`关于2023年法治政府建设情况的报告\n${'一、标题\n'.repeat(100_000)}二、2024年工作安排\n加强学习。\n`);
    expect(planned.parts.at(-1)?.kind).toBe('plan');
    expect(planned.parts.slice(0, -1).every((p) => p.kind === 'achievements' && p.evidence[0]?.by === 'position')).toBe(true);
    expect(planned.parts[0].evidence[0]).toMatchObject({ by: 'position', before: 'plan' });
  });

  it('GB18030: 30,000 characters of CJK Ext-B and the four-byte BMP range, encoded and read back', () => {
    const rare = Array.from({ length: 30_000 }, (_, i) => String.fromCodePoint(i % 2 ? 0x20000 + i : 0x0080 + (i % 0x60))).join('');
    expect(decode(encode(rare, 'gb18030', false)).text).toBe(rare);
  });
});
