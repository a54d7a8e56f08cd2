import { clip } from './clip.js';
import type { Item, Section, Span } from '../types.js';
import { CN_SMALL_NUMERAL } from './numerals.js';

const ENUM = new RegExp(`(${CN_SMALL_NUMERAL}{1,2})是`, 'g');
const ENUM_BEFORE = /[。；;！？：:，,\s“]/;
const CN_ORD: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function ordinalOf(s: string): number | undefined {
  if (s.length === 1) return CN_ORD[s];
  if (s[0] === '十') return 10 + (CN_ORD[s[1]] ?? 0);
  return undefined;
}

/**
 * Inline enumerations 一是…二是…三是… inside [start, end): each run that starts
 * at 一是 and counts up. An item runs to the next marker; the last one to the end
 * of its paragraph.
 */
export function findEnumerations(
  text: string,
  start: number,
  end: number,
  paragraphEnd: (offset: number) => number,
): Item[] {
  const hits: { at: number; len: number; n: number; i: number }[] = [];
  ENUM.lastIndex = 0;
  const body = text.slice(start, end);
  for (let m = ENUM.exec(body); m; m = ENUM.exec(body)) {
    const n = ordinalOf(m[1]);
    const at = start + m.index;
    const before = at > start ? text[at - 1] : '\n';
    if (n === undefined || !(ENUM_BEFORE.test(before) || at === start || /[比如即]/.test(before))) continue;
    hits.push({ at, len: m[0].length, n, i: hits.length });
  }
  const items: Item[] = [];
  let expected = 1;
  const run: typeof hits = [];
  const flush = () => {
    run.forEach((h, i) => {
      const next = run[i + 1];
      // the last item of a run ends where the paragraph does, or where the next run starts:
      // items that ran over later runs made 一是…一是…一是… quadratic for every check reading them
      const stop = next ? next.at : Math.min(paragraphEnd(h.at), end, hits[h.i + 1]?.at ?? end);
      let e = stop;
      while (e > h.at && /[\s，,；;]/.test(text[e - 1])) e--;
      const bodyStart = h.at + h.len;
      const label = text.slice(h.at, Math.min(e, h.at + 40)).split(/[。；;]/)[0];
      items.push({ kind: 'enumeration', span: [h.at, e], headingSpan: [h.at, bodyStart], bodySpan: [bodyStart, Math.max(bodyStart, e)], label });
    });
    run.length = 0;
  };
  for (const h of hits) {
    if (h.n === expected) {
      run.push(h);
      expected++;
    } else if (h.n === 1) {
      flush();
      run.push(h);
      expected = 2;
    }
  }
  flush();
  return items.filter((it) => it.span[1] > it.span[0]);
}

export function labelOf(text: string, span: Span, max = 30): string {
  const s = text.slice(span[0], span[1]).trim();
  const first = s.split(/[。；;！？]/)[0];
  return clip(first, max);
}

/**
 * The items of a part: its direct outline children whatever their marker; where it
 * has none, its inline enumerations (一是…); else its paragraphs; else its sentences.
 */
export function itemsOf(
  text: string,
  section: Section,
  paragraphs: readonly { span: Span }[],
  sentences: readonly { span: Span }[],
  paragraphEnd: (offset: number) => number,
): Item[] {
  if (section.children.length) {
    return section.children.map((c) => ({
      kind: 'heading' as const,
      span: c.span,
      headingSpan: c.heading.span,
      bodySpan: c.bodySpan,
      label: c.heading.title || text.slice(c.heading.span[0], c.heading.span[1]),
      section: c,
    }));
  }
  const [bs, be] = section.bodySpan;
  if (be <= bs) return [];
  const enums = findEnumerations(text, bs, be, paragraphEnd);
  if (enums.length) return enums;
  const inside = (s: Span) => s[0] >= bs && s[1] <= be && s[1] > s[0];
  const paras = overlapping(paragraphs, bs, be)
    .map((p) => ({ span: [Math.max(p.span[0], bs), Math.min(p.span[1], be)] as Span }))
    .filter((p) => inside(p.span));
  if (paras.length > 1) {
    return paras.map((p) => ({ kind: 'paragraph' as const, span: p.span, bodySpan: p.span, label: labelOf(text, p.span) }));
  }
  const sents = overlapping(sentences, bs, be).filter((s) => inside(s.span));
  if (sents.length) {
    return sents.map((s) => ({ kind: 'sentence' as const, span: s.span, bodySpan: s.span, label: labelOf(text, s.span) }));
  }
  return paras.map((p) => ({ kind: 'paragraph' as const, span: p.span, bodySpan: p.span, label: labelOf(text, p.span) }));
}

/**
 * The entries of a list of spans in document order (paragraphs, sentences) that
 * overlap [start, end), found by binary search: a draft with thousands of parts
 * must not scan every paragraph for each of them.
 */
export function overlapping<T extends { span: Span }>(list: readonly T[], start: number, end: number): T[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].span[1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < list.length && list[i].span[0] < end; i++) out.push(list[i]);
  return out;
}
