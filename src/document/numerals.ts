/** Chinese numerals as written in outline markers and counts: 一 … 九十九, 两, 百, 千, 万. */
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** A year of this century in Chinese numerals, digit by digit as official documents often write it: 二〇二三 (the zero also 零, ○ or Ｏ). */
export const CN_YEAR_NUMBER = '二[〇零○Ｏ][〇零○Ｏ一二三四五六七八九]{2}';

/** A year as written: 2023, or 二〇二三 — a regex source. */
export const YEAR_NUMBER = `(?:(?:19|20)\\d{2}|${CN_YEAR_NUMBER})`;

/** Whether a text may hold a year in Chinese numerals (each has a zero): a cheap test before the pattern. */
export const mayHoldCnYear = (s: string): boolean => /[〇零○Ｏ]/.test(s);

/** A year with its 年, in a title or a heading: “2023年”, “二〇二三年度”. */
export const YEAR_WITH_NIAN = new RegExp(`(${YEAR_NUMBER})\\s*年`);

/** The value of a year matched by YEAR_NUMBER: 2023 for “2023” and for “二〇二三”. */
export function yearValue(s: string): number {
  if (/^\d/.test(s)) return Number(s);
  let n = 0;
  for (const c of s) n = n * 10 + (DIGITS[c] ?? 0); // ○ and Ｏ, the zero's other spellings, are 0 too
  return n;
}

/** One character of the small Chinese numerals of outline markers, 一是 enumerations and dates (一 … 九十九). */
export const CN_SMALL_NUMERAL = '[一二三四五六七八九十]';

/** Value of a Chinese numeral such as 十二, 二十, 一千五百, 三万; undefined when not a numeral. */
export function parseChineseNumber(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      section += (digit < 0 ? 1 : digit) * SMALL_UNITS[ch];
      digit = -1;
    } else if (ch === '万' || ch === '亿') {
      section += Math.max(digit, 0);
      total = (total + section) * (ch === '万' ? 10_000 : 100_000_000);
      section = 0;
      digit = -1;
    } else {
      return undefined;
    }
  }
  return total + section + Math.max(digit, 0);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export function circledValue(ch: string): number | undefined {
  const i = CIRCLED.indexOf(ch);
  return i < 0 ? undefined : i + 1;
}
export const CIRCLED_CHARS = CIRCLED;

const DIGIT_CHARS = '零一二三四五六七八九';

/** The Chinese numeral of 1 … 99 as outline markers write it (十, 十二, 二十); Arabic beyond. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGIT_CHARS[n];
  if (n < 100) return `${n >= 20 ? DIGIT_CHARS[Math.floor(n / 10)] : ''}十${n % 10 ? DIGIT_CHARS[n % 10] : ''}`;
  return String(n);
}
