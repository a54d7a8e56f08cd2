/**
 * Property: on any cut or splice of the corpus drafts and of our own drafts,
 * `--fix` (Linter.fix, safe fixes only) changes nothing but the safe edits the
 * linter reported, and linting the result reports none of them again.
 *
 * Checked three ways that do not trust each other: an independent re-application
 * of the reported edits pass by pass must give the same text; a canonical form
 * that forgets exactly what safe fixes may change must be equal before and after;
 * and the result must have nothing safe left to fix, and --fix on it is a no-op.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPUS, linterWith } from './helpers.js';

const linter = await linterWith();

const OWN = [
  // Markdown: URLs, inline code and links keep their half-width marks; markers with wrong punctuation
  '# 辛集乡人民政府关于2023年法治政府建设情况的报告\n\n## 一、主要举措和成效\n\n（一）强化学习,详见 https://www.gov.cn/a?b=1,2 与`a,b`。\n(二)、规范决策;落实[通知](./附件(一).md)!\n\n## 二、存在的不足和原因\n\n一是认识不到位。原因是培训不足。\n',
  // Word debris: a leading space before the title, NBSP, a bookmark, 余其, 》、《, “1、” and “一.” markers, （1） as second level
  ' 天星寺镇人民政府关于2022年法治政府建设情况的报告 \r\n一.主要举措和成效\r\n（1） 调解160余其矛盾,学习《宪法》、《民法典》。\r\n（2）\u00a0普法宣传(含“八五”普法)[bookmark: _GoBack]\r\n二、存在的不足和原因\r\n1、认识不到位 ;\r\n2、执法人员不足\r\n \r\n',
  // wrong document type, unsafe wording, a gap and a repeat
  '天星寺镇2022年法治政府建设工作总结\n一、主要举措和成效\n（一）把信访纳入法制化轨道,落实推进法治政府建设第一责任人职责。\n（三）落实法制审核制度;建立学法制度。\n（三）依法制定文件：成功率96.15%,互联网+政务服务。\n',
];
const DRAFTS = [...['tianxingsi-2022.txt', 'tushan-2023.txt', 'xinji-2023.txt'].map((n) => readFileSync(join(CORPUS, n), 'utf8')), ...OWN];
const NOISE = [',', ';', ':', '(', ')', '?', '!', ' ', '\u00a0', '\u3000', '\n', '\r\n', '、', '《法》', '余其', '(三)', '1、', '一.', '[bookmark: _GoBack]', '\u200b', 'https://x.cn/a,b', '96.15%', '法制化', '推进法治政府建设第一责任人', '\n(1) ', '\n（一）、', '\n二 ', '1.2023年', '工作总结'];

interface Edit { start: number; end: number; text: string }

/**
 * Our own fix loop. Each pass takes the reported safe fixes in report order (by
 * position, then rule), each whole or not at all: one that overlaps a fix already
 * taken waits for the next pass (EXPECTED: overlapping edits are resolved
 * deterministically). Then it re-lints, at most 10 passes.
 */
function fixIndependently(text: string): string {
  let t = text;
  for (let pass = 0; pass < 10; pass++) {
    const r = linter.lint(t, { strict: true });
    const taken: Edit[] = [];
    for (const d of r.diagnostics) {
      if (!d.data?.fix?.safe) continue;
      const edits = d.data.fix.edits.map((e) => ({ start: r.document.offsetAt(e.range.start), end: r.document.offsetAt(e.range.end), text: e.newText }));
      const clash = edits.some((e) => taken.some((x) => (e.start < x.end && x.start < e.end) || (e.start === e.end && x.start <= e.start && e.start <= x.end)
        || (x.start === x.end && e.start <= x.start && x.start <= e.end)));
      if (!clash) taken.push(...edits);
    }
    if (!taken.length) return t;
    for (const e of taken.sort((a, b) => b.start - a.start)) t = t.slice(0, e.start) + e.text + t.slice(e.end);
  }
  return t;
}

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** Forgets exactly what safe fixes may change: whitespace, Word debris, half-width marks, 余其, 》、《, marker punctuation. */
function canon(text: string): string {
  // Word debris until none is left: deleting an invisible character or an inner
  // bookmark can complete another bookmark, which the next pass deletes
  let t = text;
  for (let prev = ''; prev !== t;) {
    prev = t;
    t = t.replace(/[\u200b\u200c\u200d\u2060\ufeff\u00ad\ufffd\f\v]/g, '').replace(/\[(?:bookmark|image|footnote|endnote|comment):[^\]\n]{0,80}\]/g, '');
  }
  return t
    .replace(/[ \t\u00a0\u3000]/g, '')
    .replace(/[,;:?!()]/g, (c) => FULL[c])
    .replace(/(?<=[0-9０-９零〇一二两三四五六七八九十百千万])余其/g, '余起')
    .replace(/》、《/g, '》《')
    .replace(/^(#*)([一二三四五六七八九十]{1,3})[.．，,]/gm, '$1$2、')
    .replace(/^(#*)(（[一二三四五六七八九十\d]{1,3}）)[、.．，,]+/gm, '$1$2');
}

function count(text: string, word: string): number {
  return text.split(word).length - 1;
}

const sample = fc.record({
  pieces: fc.array(fc.record({ draft: fc.nat(DRAFTS.length - 1), start: fc.nat(), length: fc.integer({ min: 0, max: 900 }) }), { minLength: 1, maxLength: 4 }),
  noise: fc.array(fc.record({ at: fc.nat(), s: fc.constantFrom(...NOISE) }), { maxLength: 8 }),
});

type Sample = typeof sample extends fc.Arbitrary<infer T> ? T : never;

function build({ pieces, noise }: Sample): string {
  let text = pieces.map((p) => {
    const d = DRAFTS[p.draft];
    const s = p.start % (d.length + 1);
    return d.slice(s, s + p.length);
  }).join('');
  for (const n of noise) {
    const at = text.length ? n.at % (text.length + 1) : 0;
    text = text.slice(0, at) + n.s + text.slice(at);
  }
  return text;
}

function checkProperty(text: string): void {
  const before = linter.lint(text, { strict: true });
  const fixed = linter.fix(text, { strict: true });
  // 1. the production fix equals our own application of the reported safe edits
  expect(fixed.output).toBe(fixIndependently(text));
  // 2. no character that no safe fix names has changed
  expect(canon(fixed.output)).toBe(canon(text));
  // 3. nothing safe is left to fix, and fixing again is a no-op
  const after = linter.lint(fixed.output, { strict: true });
  expect(after.diagnostics.filter((d) => d.data?.fix?.safe).map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  expect(linter.fix(fixed.output).output).toBe(fixed.output);
  // 4. unsafe fixes were not applied: what they name is still there
  for (const d of before.diagnostics.filter((x) => x.data?.fix && !x.data.fix.safe && x.code === 'wording')) {
    const found = text.slice(before.document.offsetAt(d.range.start), before.document.offsetAt(d.range.end));
    // (compared without Word debris: a phrase inside a deleted bookmark goes with it)
    expect(count(canon(fixed.output), found)).toBeGreaterThanOrEqual(count(canon(text), found));
  }
}

describe('--fix changes only what it reports', () => {
  it('on each whole draft (the corpus and our own)', () => {
    for (const d of DRAFTS) checkProperty(d);
    // the drafts do exercise the fixes
    expect(DRAFTS.map((d) => (linter.fix(d).output === d ? 0 : 1))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('on random cuts and splices of them, with Word debris and half-width marks sprinkled in', () => {
    fc.assert(fc.property(sample, (s) => checkProperty(build(s))), { numRuns: 150 });
  });
});
