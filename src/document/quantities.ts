import type { Quantity, Span } from '../types.js';
import { CN_NUMERAL_CHARS, parseChineseNumber } from './numerals.js';
import { alternation, escapeRegExp, type DocumentVocabulary } from './vocabulary.js';

/**
 * Concrete figures (DOMAIN.md §5): a number, Arabic or Chinese, with a unit or
 * measure word — 78名, 30余次, 1.06万余件, 96.15%, 两名, 每月一个, 上千件.
 * Not figures: years and dates (no unit), document numbers 〔2020〕113号, ordinals
 * (第三次), anything inside 《》 or “” (“八五”普法, “三项制度”), and the names in
 * quantities.yaml `notFigures` (三重一大, 一站式 …).
 */
export interface QuantityMatcher { find(text: string, spans: readonly Span[]): Quantity[] }

export function compileQuantities(v: DocumentVocabulary): QuantityMatcher {
  const units = alternation(v.quantities.units);
  const cn = `[${CN_NUMERAL_CHARS}几]+`;
  const num = `(?:\\d+(?:\\.\\d+)?|${cn})`;
  const q = v.quantities;
  const prefix = q.approxBefore.length ? `(?:${alternation(q.approxBefore)})?` : '';
  const approx = q.approxAfter.length ? `(?:${alternation(q.approxAfter)})?` : '';
  // 1.06万余件  30余次  96.15%  上千余件  两名  9万余人 — sticky: tried only where
  // `chars` says a figure can start (see below)
  const re = units
    ? new RegExp(`${prefix}(${num})${approx}(?:[万亿]${approx})?(${units})`, 'y')
    : /(?!)/y;
  const chars = figureChars(v);
  const notFigure = v.quantities.notFigures.length ? new RegExp(alternation(v.quantities.notFigures), 'g') : undefined;
  const before = new RegExp(`^(?:${alternation(q.approxBefore) || '(?!)'})`);
  const after = new RegExp(alternation(q.approxAfter) || '(?!)');

  return {
    find(text, spans) {
      const out: Quantity[] = [];
      for (const [s, e] of spans) {
        const chunk = text.slice(s, e);
        let blocked: RangeCursor | undefined;
        let brackets: RangeCursor | undefined;
        const starts = new StartScan(chunk, chars);
        for (let at = 0; at < chunk.length;) {
          // most characters cannot start a figure: the table says so without a call
          if (!(chars[chunk.charCodeAt(at)] & START)) {
            at++;
            continue;
          }
          const could = starts.could(at);
          const m = could ? matchAt(re, chunk, at) : null;
          if (!m) {
            // The pattern failed here: it fails at every later start in the same run of
            // digits (or of Chinese numerals), whose numeral can only end where this one
            // could. Skipping the run keeps a 100,000-digit line linear.
            at = could ? runEnd(chunk, at, chars) : at + 1;
            continue;
          }
          const end = at + m[0].length;
          const start = at;
          at = end;
          const numeral = m[1];
          const arabic = /^\d/.test(numeral);
          if (!arabic && !/[一二两三四五六七八九十百千万亿几]/.test(numeral)) continue;
          const prev = chunk[start - 1] ?? '';
          // ordinals, parts of longer numbers or of Latin words
          if (prev === '第' || (arabic && /[\d.A-Za-z]/.test(prev))) continue;
          // a unit glued to a following numeral is the start of another count (“一村一”)
          blocked ??= new RangeCursor(blockedRanges(chunk, notFigure));
          if (blocked.any(start, end)) continue;
          brackets ??= new RangeCursor(bracketRanges(chunk));
          if (brackets.any(start, start + 1)) continue;
          const base = arabic ? Number(numeral) : parseChineseNumber(numeral.replace(/几/g, ''));
          // what follows the number: 余/多, and a 万/亿 that scales it (1.06万余件, 9万余人)
          const tail = m[0].slice(m[0].indexOf(numeral) + numeral.length);
          const scale = tail.slice(0, tail.length - m[2].length);
          const value = base === undefined ? undefined : base * (scale.includes('亿') ? 1e8 : scale.includes('万') ? 1e4 : 1);
          out.push({
            span: [s + start, s + end],
            text: m[0],
            value: Number.isFinite(value) ? value : undefined,
            unit: m[2],
            approx: before.test(m[0]) || after.test(scale),
          });
        }
      }
      return out;
    },
  };
}

function matchAt(re: RegExp, chunk: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(chunk);
}

/** Character classes of the figure pattern, as flags per UTF-16 unit. */
const START = 1; // a figure can start here: a digit, a Chinese numeral, an approximation word
const RUN = 2;   // can stand before the unit: numerals, 余/多, 万/亿, approximation words
const UNIT = 4;  // a unit starts here
const NUMERAL = 8; // a digit or a Chinese numeral: the pattern's number itself

/**
 * A regex tried at every character of a draft cost more than the rest of the
 * model: most characters cannot start a figure, and one that can is followed by
 * a unit within its run of numerals (or right after it) or not at all. The
 * tables say which characters those are, from the same vocabulary as the regex.
 */
function figureChars(v: DocumentVocabulary): Uint8Array {
  const t = new Uint8Array(65536);
  const mark = (chars: string, flag: number) => { for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] |= flag; };
  const numerals = `0123456789${CN_NUMERAL_CHARS}几`;
  mark(numerals, START | RUN | NUMERAL);
  mark('.', RUN); // 1.06万件
  for (const w of v.quantities.approxBefore) {
    mark(w[0] ?? '', START);
    mark(w, RUN);
  }
  for (const w of v.quantities.approxAfter) mark(w, RUN);
  for (const u of v.quantities.units) mark(u[0] ?? '', UNIT);
  return t;
}

/**
 * Whether a figure could start at a position: its character can start one, and
 * a unit begins somewhere after it before the run of numeral-like characters
 * ends. A necessary condition only; the regex decides. Every position of one run
 * ends its scan at the same character, so the answer is remembered for the run:
 * one pass over the chunk however long its runs are.
 */
class StartScan {
  private until = -1;
  private answer = false;

  constructor(private readonly chunk: string, private readonly t: Uint8Array) {}

  could(at: number): boolean {
    const { chunk, t } = this;
    if (!(t[chunk.charCodeAt(at)] & START)) return false;
    if (at >= this.until) {
      let i = at + 1;
      while (i < chunk.length && !(t[chunk.charCodeAt(i)] & UNIT) && t[chunk.charCodeAt(i)] & RUN) i++;
      this.until = i;
      this.answer = i < chunk.length && (t[chunk.charCodeAt(i)] & UNIT) !== 0;
    }
    return this.answer;
  }
}

/** The end of the run of digits, or of Chinese numerals, that starts at `at` (at + 1 for any other character). */
function runEnd(chunk: string, at: number, t: Uint8Array): number {
  const digit = (c: number) => c >= 48 && c <= 57;
  const first = chunk.charCodeAt(at);
  const same = digit(first) ? digit : t[first] & NUMERAL ? (c: number) => (t[c] & NUMERAL) !== 0 && !digit(c) : undefined;
  if (!same) return at + 1;
  let i = at + 1;
  while (i < chunk.length && same(chunk.charCodeAt(i))) i++;
  return i;
}

/**
 * Whether spans, asked in ascending order, touch any of some ranges: the ranges
 * sorted once, a cursor and the furthest end among those started. A linear scan
 * of the ranges per figure made a paragraph of tens of thousands of figures and
 * brackets quadratic.
 */
export class RangeCursor {
  private readonly ranges: [number, number][];
  private next = 0;
  private furthest = -1;
  constructor(ranges: [number, number][]) {
    // matches of one pattern come in order already; sorting would copy them for nothing
    let sorted = true;
    for (let i = 1; i < ranges.length && sorted; i++) sorted = ranges[i - 1][0] <= ranges[i][0];
    this.ranges = sorted ? ranges : ranges.sort((a, b) => a[0] - b[0]);
  }

  /** Whether a range overlaps [s, e); `e` never decreases from one call to the next. */
  any(s: number, e: number): boolean {
    while (this.next < this.ranges.length && this.ranges[this.next][0] < e) this.furthest = Math.max(this.furthest, this.ranges[this.next++][1]);
    return this.furthest > s;
  }
}

function blockedRanges(chunk: string, notFigure: RegExp | undefined): [number, number][] {
  if (!notFigure) return [];
  const out: [number, number][] = [];
  notFigure.lastIndex = 0;
  for (let m = notFigure.exec(chunk); m; m = notFigure.exec(chunk)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const OPEN = '《“「『〔[【';
const CLOSE = '》”」』〕]】';

/**
 * What is inside 《…》 titles, “…” names or 〔…〕 document numbers of a chunk: each
 * opening bracket with the first closing one after it, at most 60 characters on,
 * as an end-exclusive range [open, close + 1). For one position this is the same
 * as asking whether the last opening bracket before it closes after it (within 60):
 * that bracket shares its first closing bracket with every earlier one that
 * reaches past the position (test/document/quantities.test.ts holds the two equal).
 */
export function bracketRanges(chunk: string): [number, number][] {
  const out: [number, number][] = [];
  for (let k = 0; k < OPEN.length; k++) {
    // the first closing bracket after each opening one moves only forward: one pass
    // (searched anew per opening bracket, 《《《…》 was quadratic)
    let c = -1;
    for (let o = chunk.indexOf(OPEN[k]); o >= 0; o = chunk.indexOf(OPEN[k], o + 1)) {
      if (c <= o) c = chunk.indexOf(CLOSE[k], o + 1);
      if (c < 0) break;
      if (c - o <= 60) out.push([o, c + 1]);
    }
  }
  return out;
}

export { escapeRegExp };
