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
  // 1.06万余件  30余次  96.15%  上千余件  两名  9万余人
  const re = units
    ? new RegExp(`${prefix}(${num})${approx}(?:[万亿]${approx})?(${units})`, 'g')
    : /(?!)/g;
  const notFigure = v.quantities.notFigures.length ? new RegExp(alternation(v.quantities.notFigures), 'g') : undefined;
  const before = new RegExp(`^(?:${alternation(q.approxBefore) || '(?!)'})`);
  const after = new RegExp(alternation(q.approxAfter) || '(?!)');

  return {
    find(text, spans) {
      const out: Quantity[] = [];
      for (const [s, e] of spans) {
        const chunk = text.slice(s, e);
        const blocked = blockedRanges(chunk, notFigure);
        re.lastIndex = 0;
        for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
          const at = m.index;
          const end = at + m[0].length;
          const numeral = m[1];
          const arabic = /^\d/.test(numeral);
          if (!arabic && !/[一二两三四五六七八九十百千万亿几]/.test(numeral)) continue;
          const prev = chunk[at - 1] ?? '';
          // ordinals, parts of longer numbers or of Latin words
          if (prev === '第' || (arabic && /[\d.A-Za-z]/.test(prev))) continue;
          // a unit glued to a following numeral is the start of another count (“一村一”)
          if (blocked.some(([bs, be]) => at < be && end > bs)) continue;
          if (insideBrackets(chunk, at)) continue;
          const base = arabic ? Number(numeral) : parseChineseNumber(numeral.replace(/几/g, ''));
          // what follows the number: 余/多, and a 万/亿 that scales it (1.06万余件, 9万余人)
          const tail = m[0].slice(m[0].indexOf(numeral) + numeral.length);
          const scale = tail.slice(0, tail.length - m[2].length);
          const value = base === undefined ? undefined : base * (scale.includes('亿') ? 1e8 : scale.includes('万') ? 1e4 : 1);
          out.push({
            span: [s + at, s + end],
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

function blockedRanges(chunk: string, notFigure: RegExp | undefined): [number, number][] {
  if (!notFigure) return [];
  const out: [number, number][] = [];
  notFigure.lastIndex = 0;
  for (let m = notFigure.exec(chunk); m; m = notFigure.exec(chunk)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const OPEN = '《“「『〔[【';
const CLOSE = '》”」』〕]】';

/** Inside 《…》 titles, “…” names or 〔…〕 document numbers, within the same chunk. */
export function insideBrackets(chunk: string, at: number): boolean {
  for (let k = 0; k < OPEN.length; k++) {
    const o = chunk.lastIndexOf(OPEN[k], at);
    if (o < 0) continue;
    const c = chunk.indexOf(CLOSE[k], o + 1);
    if (c >= at && c - o <= 60) return true;
  }
  return false;
}

export { escapeRegExp };
