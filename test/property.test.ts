/**
 * Property test: randomly cut, spliced and corrupted drafts — invalid UTF-8
 * bytes, control characters, lone surrogates, 100,000-character lines, thousands
 * of outline markers — never crash the linter. Through the API every diagnostic
 * range lies inside the text and no rule fails (internal-error); through the CLI
 * every input file gets exactly one result, in order, readable or not.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main, type CliIO } from '../src/cli/index.js';
import { computeLines } from '../src/document/positions.js';
import { decodeDraft, ReadError } from '../src/io/read.js';
import type { Diagnostic } from '../src/types.js';
import { CORPUS, ROOT, linterWith } from './helpers.js';

const DRAFTS = [
  ...['tianxingsi-2022.txt', 'tushan-2023.txt', 'xinji-2023.txt'].map((f) => readFileSync(join(CORPUS, f), 'utf8')),
  ...['markdown-markers.md', 'second-level.txt', 'no-duties.txt'].map((f) => readFileSync(join(ROOT, 'test', 'fixtures', 'drafts', f), 'utf8')),
];

type Op =
  | { kind: 'cut'; a: number; b: number }
  | { kind: 'splice'; other: string; at: number; a: number; b: number }
  | { kind: 'insert'; at: number; s: string }
  | { kind: 'long'; at: number; unit: string }
  | { kind: 'markers'; at: number; marker: string; n: number };

const at = fc.nat({ max: 1_000_000 });
const controls = fc.string({ unit: fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c)), maxLength: 6 });
const surrogates = fc.constantFrom('\ud800', '\udfff', '\ud842', '\udfb7x', '\ufffd', '\u2028', '\u2029', '\ufeff', '\u00a0', '\u3000');
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cut' as const), a: at, b: at }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('splice' as const), other: fc.constantFrom(...DRAFTS), at, a: at, b: at }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, s: fc.oneof(controls, surrogates, fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('\r', '\r\n', '\n\n\n', '<!-- lawreport-lint-disable -->', '```', '【', '《', '“', '#')) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long' as const), at, unit: fc.constantFrom('字', ' ', '，', 'X', '一是', '1.', '\u3000') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('markers' as const), at, marker: fc.constantFrom('一、', '（一）', '(三)', '1.', '2、', '（1）', '①', '第一，', '一是', '## ', '四、2024年工作安排\n'), n: fc.integer({ min: 500, max: 2500 }) }) },
);

function apply(text: string, o: Op): string {
  const pos = (n: number, len = text.length) => (len ? n % (len + 1) : 0);
  switch (o.kind) {
    case 'cut': {
      const [a, b] = [pos(o.a), pos(o.b)].sort((x, y) => x - y);
      return text.slice(0, a) + text.slice(b);
    }
    case 'splice': {
      const [a, b] = [pos(o.a, o.other.length), pos(o.b, o.other.length)].sort((x, y) => x - y);
      const p = pos(o.at);
      return text.slice(0, p) + o.other.slice(a, b) + text.slice(p);
    }
    case 'insert': {
      const p = pos(o.at);
      return text.slice(0, p) + o.s + text.slice(p);
    }
    case 'long': {
      const p = pos(o.at);
      return `${text.slice(0, p)}${o.unit.repeat(Math.ceil(100_000 / o.unit.length))}${text.slice(p)}`;
    }
    case 'markers': {
      const p = pos(o.at);
      const lines = Array.from({ length: o.n }, (_, i) => `${o.marker}第${i}项内容。`).join('\n');
      return `${text.slice(0, p)}\n${lines}\n${text.slice(p)}`;
    }
  }
}

const draft = fc.tuple(fc.constantFrom(...DRAFTS), fc.array(op, { maxLength: 4 })).map(([base, ops]) => ops.reduce(apply, base));

/** Every position of the diagnostic (range, fix edits, related ranges in this file) lies inside `text`. */
let lineCache: { text: string; lines: ReturnType<typeof computeLines> } | undefined;
function expectInside(text: string, d: Diagnostic): void {
  // one line table per text: a generated draft can carry thousands of diagnostics
  if (lineCache?.text !== text) lineCache = { text, lines: computeLines(text) };
  const { lines } = lineCache;
  const ranges = [d.range, ...(d.data?.fix?.edits.map((e) => e.range) ?? [])];
  for (const r of ranges) {
    for (const p of [r.start, r.end]) {
      expect(p.line, JSON.stringify(d)).toBeGreaterThanOrEqual(0);
      expect(p.line, JSON.stringify(d)).toBeLessThan(lines.length);
      expect(p.character, JSON.stringify(d)).toBeGreaterThanOrEqual(0);
      expect(p.character, JSON.stringify(d)).toBeLessThanOrEqual(lines[p.line].end - lines[p.line].start);
    }
    expect(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), JSON.stringify(d)).toBe(true);
  }
}

describe('random drafts never crash the linter', () => {
  it('through the API, as .txt and .md: ranges inside the text, no rule fails', async () => {
    const linter = await linterWith();
    await fc.assert(
      fc.asyncProperty(draft, fc.constantFrom('draft.txt', 'draft.md'), async (text, filePath) => {
        const { diagnostics, document } = linter.lint(text, { filePath });
        expect(document.text).toBe(text);
        expect(diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message)).toEqual([]);
        for (const d of diagnostics) expectInside(text, d);
        for (const p of document.parts) expect(p.span[1]).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 100 },
    );
  }, 240_000);

  it('through the CLI from corrupted bytes: exactly one result per file, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrl-prop-'));
    const bytes = fc.tuple(draft, fc.array(fc.record({ at, byte: fc.constantFrom(0xff, 0xfe, 0xc3, 0xe4, 0x80, 0x00, 0x1b, 0x0c) }), { maxLength: 6 }), fc.nat())
      .map(([text, corruptions, cut]) => {
        const list = [...Buffer.from(text, 'utf8')];
        for (const c of corruptions) list.splice(list.length ? c.at % (list.length + 1) : 0, 0, c.byte);
        // sometimes end in the middle of a multi-byte character
        return Buffer.from(cut % 3 === 0 ? list.slice(0, Math.max(0, list.length - 1)) : list);
      });
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(bytes, { minLength: 1, maxLength: 3 }), async (files) => {
          const names = files.map((_, i) => join(dir, `${i}.${i % 2 ? 'md' : 'txt'}`));
          files.forEach((b, i) => writeFileSync(names[i], b));
          const io: CliIO & { out: string; err: string } = {
            out: '', err: '', cwd: dir, isTTY: false,
            stdout: (s) => { io.out += s; }, stderr: (s) => { io.err += s; }, stdin: async () => Buffer.alloc(0),
          };
          const code = await main(['-f', 'json', '--jobs', '1', ...names], io);
          expect([0, 1, 2]).toContain(code);
          const results = JSON.parse(io.out) as { filePath: string; diagnostics: Diagnostic[]; error?: { code: string } }[];
          expect(results.map((r) => r.filePath)).toEqual(names);
          for (const [i, r] of results.entries()) {
            let text: string | undefined;
            try {
              text = (await decodeDraft(names[i], files[i])).text;
            } catch (err) {
              if (!(err instanceof ReadError)) throw err;
            }
            if (text === undefined) {
              expect(r.error, names[i]).toBeDefined();
              expect(r.diagnostics).toEqual([]);
              expect(code).toBe(2);
            } else {
              expect(r.error, names[i]).toBeUndefined();
              for (const d of r.diagnostics) expectInside(text, d);
            }
          }
        }),
        { numRuns: 30 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
