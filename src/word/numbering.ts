/**
 * Word's automatic numbering, rebuilt as the markers a reader sees (一、 （一） 1.):
 * numbering.xml read into lists and levels, then counted paragraph by paragraph.
 * Linear in the document and numbering sizes, and every value clamped, so a
 * hostile numbering.xml (a start of 10^15, 20,000 lists, a 100,000-entry
 * lvlText) costs no more than an ordinary one.
 */
import { chineseNumeral } from '../document/numerals.js';
import { parseXml } from './xml.js';

interface Level { numFmt: string; lvlText: string; start: number; suff: string; pStyle?: string }
interface AbstractNum { levels: Map<number, Level>; styleLink?: string }
interface Num { abstractId: string; restart: Map<number, number> }

export interface Numbering {
  abstract: Map<string, AbstractNum>;
  nums: Map<string, Num>;
  /** Paragraph style → the list level that numbers it (a level's w:pStyle). */
  byStyle: Map<string, { numId: string; ilvl: number }>;
}

/** What a paragraph's properties say about its numbering. */
export interface NumberingRef { numId?: string; ilvl?: number; style?: string }

/** Largest value shown: Word's own limit for a list's start. */
const MAX_VALUE = 32767;
const MAX_LEVEL = 8;
/** Word's lvlText is at most a few characters per level; longer is hostile. */
const MAX_LVL_TEXT = 255;

const clampInt = (s: string | undefined, min: number, max: number, fallback: number): number => {
  const n = s === undefined ? NaN : Number.parseInt(s, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

/**
 * Reads numbering.xml. `styleNums` (from styles.xml, only needed when a list
 * links to a numbering style) resolves w:numStyleLink as Word does.
 */
export function parseNumbering(xml: string, styleNums: (styleLink: string) => string | undefined = () => undefined): Numbering {
  const abstract = new Map<string, AbstractNum>();
  const nums = new Map<string, Num>();
  let curAbs: AbstractNum | undefined;
  let curLvl: Level | undefined;
  let curNum: Num | undefined;
  let curOverride: number | undefined;
  let depth = 0;
  let lvlDepth = -1;
  parseXml(xml, 'word/numbering.xml', {
    open(t) {
      depth++;
      switch (t.name) {
        case 'w:abstractNum': {
          const id = t.attr('w:abstractNumId');
          curAbs = { levels: new Map() };
          if (id !== undefined && !abstract.has(id)) abstract.set(id, curAbs);
          break;
        }
        case 'w:lvl':
          if (curAbs && lvlDepth < 0) {
            curLvl = { numFmt: 'decimal', lvlText: '', start: 1, suff: 'tab' };
            lvlDepth = depth;
            const ilvl = clampInt(t.attr('w:ilvl'), 0, MAX_LEVEL, 0);
            if (!curAbs.levels.has(ilvl)) curAbs.levels.set(ilvl, curLvl);
          }
          break;
        case 'w:numFmt': if (curLvl && depth === lvlDepth + 1) curLvl.numFmt = t.attr('w:val') ?? 'decimal'; break;
        case 'w:lvlText': if (curLvl && depth === lvlDepth + 1) curLvl.lvlText = (t.attr('w:val') ?? '').slice(0, MAX_LVL_TEXT); break;
        case 'w:start': if (curLvl && depth === lvlDepth + 1) curLvl.start = clampInt(t.attr('w:val'), 0, MAX_VALUE, 1); break;
        case 'w:suff': if (curLvl && depth === lvlDepth + 1) curLvl.suff = t.attr('w:val') ?? 'tab'; break;
        case 'w:pStyle': if (curLvl && depth === lvlDepth + 1) curLvl.pStyle = t.attr('w:val'); break;
        case 'w:numStyleLink': if (curAbs && !curLvl) curAbs.styleLink = t.attr('w:val'); break;
        case 'w:num': {
          const id = t.attr('w:numId');
          curNum = { abstractId: '', restart: new Map() };
          if (id !== undefined && !nums.has(id)) nums.set(id, curNum);
          break;
        }
        case 'w:abstractNumId': if (curNum && !curNum.abstractId) curNum.abstractId = t.attr('w:val') ?? ''; break;
        case 'w:lvlOverride': if (curNum) curOverride = clampInt(t.attr('w:ilvl'), 0, MAX_LEVEL, 0); break;
        case 'w:startOverride':
          if (curNum && curOverride !== undefined) curNum.restart.set(curOverride, clampInt(t.attr('w:val'), 0, MAX_VALUE, 1));
          break;
      }
    },
    close(name) {
      if (name === 'w:lvl' && depth === lvlDepth) { curLvl = undefined; lvlDepth = -1; }
      else if (name === 'w:abstractNum') curAbs = undefined;
      else if (name === 'w:num') curNum = undefined;
      else if (name === 'w:lvlOverride') curOverride = undefined;
      depth--;
    },
  });
  for (const [id, n] of nums) if (!n.abstractId || !abstract.has(n.abstractId)) nums.delete(id);
  // a list that only links to a numbering style takes the levels of the list that style uses
  for (const a of abstract.values()) {
    if (a.levels.size || !a.styleLink) continue;
    const target = nums.get(styleNums(a.styleLink) ?? '');
    const levels = target && abstract.get(target.abstractId)?.levels;
    if (levels) a.levels = levels;
  }
  // a level's w:pStyle numbers every paragraph of that style, in the first list that uses the level's list
  const firstNum = new Map<string, string>();
  for (const [id, n] of nums) if (!firstNum.has(n.abstractId)) firstNum.set(n.abstractId, id);
  const byStyle = new Map<string, { numId: string; ilvl: number }>();
  for (const [abstractId, a] of abstract) {
    const numId = firstNum.get(abstractId);
    if (numId === undefined) continue;
    for (const [ilvl, l] of a.levels) if (l.pStyle && !byStyle.has(l.pStyle)) byStyle.set(l.pStyle, { numId, ilvl });
  }
  return { abstract, nums, byStyle };
}

/** styles.xml: numbering style id → the w:numId its properties name (for w:numStyleLink). */
export function parseStyleNums(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  let style: string | undefined;
  parseXml(xml, 'word/styles.xml', {
    open(t) {
      if (t.name === 'w:style') style = t.attr('w:type') === 'numbering' ? t.attr('w:styleId') : undefined;
      else if (t.name === 'w:numId' && style !== undefined && !out.has(style)) out.set(style, t.attr('w:val') ?? '');
    },
    close(name) {
      if (name === 'w:style') style = undefined;
    },
  });
  return out;
}

/** Resolves a paragraph's numbering the way mammoth (and Word) does: its own w:numPr, else its style's list level. */
export function resolveRef(numbering: Numbering, ref: NumberingRef): { numId: string; ilvl: number; level: Level } | undefined {
  let r: { numId: string; ilvl: number } | undefined;
  if (ref.numId !== undefined && ref.ilvl !== undefined) r = { numId: ref.numId, ilvl: ref.ilvl };
  else if (ref.style !== undefined && numbering.byStyle.has(ref.style)) r = numbering.byStyle.get(ref.style);
  else if (ref.numId !== undefined) r = { numId: ref.numId, ilvl: 0 };
  if (!r) return undefined;
  const num = numbering.nums.get(r.numId);
  const level = num && numbering.abstract.get(num.abstractId)?.levels.get(r.ilvl);
  return level && { ...r, level };
}

// ───────────────────────────── number formats ─────────────────────────────

const CN_DIGITS = '〇一二三四五六七八九';
/** Word writes zero as 〇; otherwise its counting numerals are the outline markers' (十二, 二十). */
const chineseCounting = (n: number): string => (n === 0 ? CN_DIGITS[0] : chineseNumeral(n));
function letters(n: number): string {
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}
function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  for (const [v, r] of table) while (n >= v) { s += r; n -= v; }
  return s;
}

/** A counter as Word displays it for a `w:numFmt`; values are clamped to 0…32767 first. */
export function formatNumber(value: number, fmt: string): string {
  const n = Number.isFinite(value) ? Math.min(MAX_VALUE, Math.max(0, Math.trunc(value))) : 1;
  switch (fmt) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting':
    case 'koreanCounting': case 'ideographLegalTraditional':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n).replace(/[一二三四五六七八九十〇]/g, (c) => '壹贰叁肆伍陆柒捌玖拾零'['一二三四五六七八九十〇'.indexOf(c)]);
    case 'ideographTraditional': return n ? '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] : '';
    case 'ideographZodiac': return n ? '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] : '';
    case 'ideographDigital': case 'taiwaneseDigital': case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen': return `(${n})`;
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    // letters repeat (aa, bbb …) and roman numerals grow: beyond a few hundred Word's own output is unreadable
    case 'lowerLetter': return n >= 1 && n <= 780 ? letters(n) : String(n);
    case 'upperLetter': return n >= 1 && n <= 780 ? letters(n).toUpperCase() : String(n);
    case 'lowerRoman': return n >= 1 && n <= 3999 ? roman(n) : String(n);
    case 'upperRoman': return n >= 1 && n <= 3999 ? roman(n).toUpperCase() : String(n);
    case 'none': case 'bullet': return '';
    default: return String(n);
  }
}

export interface Marker { marker: string; suff: string }

/**
 * Counts Word's lists the way Word does: instances of one abstract list share
 * their counters (unless an instance restarts a level), and a level restarts
 * after any shallower level of the same list. O(1) per paragraph.
 */
export class ListCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();
  constructor(private readonly numbering: Numbering) {}

  marker(r: { numId: string; ilvl: number; level: Level }): Marker {
    const { level, ilvl, numId } = r;
    if (level.numFmt === 'bullet') return { marker: '', suff: 'nothing' };
    const num = this.numbering.nums.get(numId)!;
    const levels = this.numbering.abstract.get(num.abstractId)!.levels;
    const key = num.restart.size ? `num:${numId}` : `abs:${num.abstractId}`;
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = []));
    const startKey = `${key}/${ilvl}`;
    const restart = num.restart.get(ilvl);
    if (restart !== undefined && !this.started.has(startKey)) c[ilvl] = undefined as never;
    this.started.add(startKey);
    c[ilvl] = c[ilvl] === undefined ? restart ?? level.start : Math.min(MAX_VALUE, c[ilvl] + 1);
    c.length = ilvl + 1;
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      return formatNumber(c[i] ?? l?.start ?? 1, l?.numFmt ?? 'decimal');
    });
    return { marker: text, suff: level.suff };
  }
}

/**
 * Word separates the number from the text by a tab or a space. Typed drafts
 * write “一、强化”, “（一）强化” and “1.完善” with nothing between, so nothing is
 * added, except where the text would run into the number (“1.” + “2023年”).
 */
export function markerPrefix(m: Marker, text: string): string {
  if (!m.marker || m.suff === 'nothing') return m.marker;
  return /[\x21-\x7e]$/.test(m.marker) && /^[0-9A-Za-z.]/.test(text) ? `${m.marker} ` : m.marker;
}
