import type { Marker, MarkerStyle } from '../types.js';
import { chineseNumeral, CIRCLED_CHARS, circledValue, CN_SMALL_NUMERAL, parseChineseNumber } from './numerals.js';

/**
 * Outline markers at the start of a line (GB/T 9704: 一、 →（一）→ 1. →（1）).
 * Recognises the common wrong spellings too — “(三)”, “（一）、”, “一.”, “一，”, “1、” —
 * so the outline holds and `heading-numbering` can report them.
 */
const CN = `${CN_SMALL_NUMERAL}{1,3}`;
const PATTERNS: { style: MarkerStyle; re: RegExp }[] = [
  // （一） (一) （一）、 — the bracket pair may be mixed half/full width
  { style: 'cn-paren', re: new RegExp(`^([（(])(${CN})([）)])([、.．，,]?)`) },
  { style: 'ar-paren', re: /^([（(])(\d{1,2})([）)])([、.．，,]?)/ },
  // 一、 一. 一． 一，  (not 一是, 一中心 …: the punctuation is required); “一，” is a slip of
  // the same key in Chinese input, and reading past it would lose a part
  { style: 'cn-dun', re: new RegExp(`^()(${CN})()([、.．，,])`) },
  // 1. 1、 1．  — but not 1.5万 or 2023年; “1.2023年…” is a marker before a year
  { style: 'ar-dot', re: /^()(\d{1,2})()([.．](?!\d)|[.．](?=(?:19|20)\d\d年)|、)/ },
  { style: 'circled', re: new RegExp(`^()([${CIRCLED_CHARS}])()([、.．]?)`) },
  // 第一，第二、 (a reasoned list) — the punctuation is required so 第一责任人 is not a marker
  { style: 'cn-di', re: new RegExp(`^(第)(${CN})()([，,、：:])`) },
];

/**
 * “一 主要举措和成效”: a numeral of the 一、 family with a space where its 、 belongs —
 * a marker only when what follows reads as a heading, which the outline decides. The
 * marker is the numeral, the space the gap before the title. Not “一 .”: that is 一.
 * with a stray space, which stray-whitespace removes.
 */
const LOOSE_CN_DUN = new RegExp(`^(${CN})[ \\u3000]+(?=[^\\s、.．，,])`);

/** A loose 一、 marker at the start of `line` (a line's content, starting at `offset` in the text), and where its title starts. */
export function parseLooseMarker(line: string, offset: number): { marker: Marker; titleStart: number } | undefined {
  const m = LOOSE_CN_DUN.exec(line);
  if (!m) return undefined;
  const numeral = m[1];
  return {
    marker: { text: numeral, span: [offset, offset + numeral.length], style: 'cn-dun', ordinal: parseChineseNumber(numeral) ?? 1, halfWidth: false, punct: '' },
    titleStart: offset + m[0].length,
  };
}

export function parseMarker(text: string, offset: number): Marker | undefined {
  const rest = text.slice(offset, offset + 12);
  for (const { style, re } of PATTERNS) {
    const m = re.exec(rest);
    if (!m) continue;
    const [whole, open, numeral, close, punct] = m;
    const ordinal =
      style === 'ar-dot' || style === 'ar-paren' ? Number(numeral)
      : style === 'circled' ? circledValue(numeral)
      : parseChineseNumber(numeral);
    if (ordinal === undefined || ordinal === 0) continue;
    const halfWidth = open === '(' || close === ')';
    return { text: whole, span: [offset, offset + whole.length], style, ordinal, halfWidth, punct };
  }
  return undefined;
}

/** A marker of this family numbered `n`, with these brackets and this punctuation after it: （三）, 3., 第三， */
export function markerText(style: MarkerStyle, n: number, punct: string, [open, close]: readonly string[] = ['（', '）']): string {
  switch (style) {
    case 'cn-paren': case 'ar-paren': return `${open}${numeralFor(style, n)}${close}${punct}`;
    case 'cn-di': return `第${numeralFor(style, n)}${punct}`;
    default: return `${numeralFor(style, n)}${punct}`;
  }
}

/** Where the numeral stands in a marker's text: “（三）” → [1, 2], “第十二，” → [1, 3]. */
export function numeralSpan(marker: Pick<Marker, 'text' | 'style'>): [number, number] {
  const re = marker.style === 'ar-dot' || marker.style === 'ar-paren' ? /\d+/
    : marker.style === 'circled' ? new RegExp(`[${CIRCLED_CHARS}]`)
    : new RegExp(`${CN_SMALL_NUMERAL}+`);
  const m = re.exec(marker.text);
  return m ? [m.index, m.index + m[0].length] : [0, 0];
}

/** The numeral `n` as a marker of this family writes it: 4, 四, ④. */
export function numeralFor(style: MarkerStyle, n: number): string {
  if (style === 'ar-dot' || style === 'ar-paren') return String(n);
  if (style === 'circled') return CIRCLED_CHARS[n - 1] ?? String(n);
  return chineseNumeral(n);
}

/** `marker` as written, numbered `n` instead: “三、” → “四、”, “(3)” → “(4)”. */
export function renumbered(marker: Pick<Marker, 'text' | 'style'>, n: number): string {
  const [s, e] = numeralSpan(marker);
  return marker.text.slice(0, s) + numeralFor(marker.style, n) + marker.text.slice(e);
}
