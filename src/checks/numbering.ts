import type { Finding, Heading, Marker, MarkerStyle, Span } from '../types.js';
import { markerText } from '../document/markers.js';
import { chineseNumeral } from '../document/numerals.js';
import { defineCheck, message, quote } from './define.js';

type PunctTable = Partial<Record<MarkerStyle, string[]>>;
interface NumberingOptions {
  hierarchy: MarkerStyle[];
  maxSkip?: number;
  brackets?: string[];
  punctuation?: PunctTable;
  tolerated?: PunctTable;
  /** Report a first-level heading without a number among numbered ones (it then counts in the sequence). */
  unnumbered?: boolean;
}

const byUnnumbered = (o: NumberingOptions) => (o.unnumbered ? ['unnumbered'] : undefined);

/** What a marker's finding is filled with, by what is wrong with it. */
const HIERARCHY = ['found', 'parent', 'rank', 'expected'];
const SEQUENCE = ['found', 'expected', 'previous'];
const FORM = ['found', 'expected'];

const STYLES = ['cn-dun', 'cn-paren', 'ar-dot', 'ar-paren', 'circled', 'cn-di'];
const punctTable = { type: 'object', propertyNames: { enum: STYLES }, additionalProperties: { type: 'array', items: { type: 'string' } } };

/**
 * numbering — the outline's markers (GB/T 9704: 一、→（一）→ 1. →（1））: each level
 * follows the hierarchy (skipping at most `maxSkip` levels), numbers run 1, 2, 3…
 * without gaps, repeats or restarts, one family per level, full-width brackets and
 * the right punctuation after the numeral. One finding per offending marker: the
 * first problem found, in that order. Form fixes are safe; changing a marker's
 * family (（1）→（一）) is offered as an unsafe fix.
 * Used by: heading-numbering.
 */
export const numbering = defineCheck<NumberingOptions>({
  type: 'numbering',
  summary: '标题序号的层级、连续性和写法（一、→（一）→1.→（1））',
  options: {
    hierarchy: { type: 'array', items: { enum: STYLES }, minItems: 1, uniqueItems: true, description: '从第一级起各级序号的写法：cn-dun 一、 / cn-paren （一） / ar-dot 1. / ar-paren （1） / circled ① / cn-di 第一，' },
    maxSkip: { type: 'integer', minimum: 0, default: 1, description: '允许越过的层级数（1：“一、”下直接用“1.”）' },
    unnumbered: { type: 'boolean', description: '报告其他一级标题都有序号、自己却没有的一级标题（它在编号中占一个位置）' },
    brackets: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 1 }, minItems: 2, maxItems: 2, description: '序号应使用的括号，如 ["（", "）"]' },
    punctuation: { ...punctTable, description: '各写法序号后应有的标点，第一个为首选；"" 表示不加标点' },
    tolerated: { ...punctTable, description: '可以容忍、但仍提示改为首选写法的标点（如“1、”）' },
  },
  required: ['hierarchy'],
  messages: {
    top: message('第一级标题用了别的写法的序号', FORM),
    level: message('序号越过了太多层级', HIERARCHY),
    inverted: message('高一级的序号用在了低一级之下', HIERARCHY),
    mixed: message('接着上一级编号、却换了写法的序号', ['found', 'parent', 'expected']),
    start: message('同一级的序号不从一开始', SEQUENCE),
    unnumbered: message('一级标题缺少序号，而同一级的其他标题有序号（{{title}} 为这个标题）', ['title', 'expected'], { usedBy: byUnnumbered }),
    gap: message('序号跳号', SEQUENCE),
    repeat: message('序号重复', SEQUENCE),
    restart: message('序号在同一级中重新开始或倒退', SEQUENCE),
    halfwidth: message('序号用了半角括号', FORM),
    punct: message('序号后的标点不规范', FORM),
    tolerated: message('序号后的标点可以容忍、但宜改为首选写法', FORM),
    fix: message('改正序号的修复的标题（{{form}} 为改后的序号，通常即 {{expected}}）', [...FORM, 'form'], { role: 'fix' }),
    fixForm: message('序号不连续时只改写法、不改数字的修复的标题（{{form}} 为改后的序号）', [...SEQUENCE, 'form'], { role: 'fix' }),
    fixNumber: message('给缺少序号的一级标题加上序号的修复的标题', ['title', 'expected'], { role: 'fix', usedBy: byUnnumbered }),
  },
  compile(o) {
    const maxSkip = o.maxSkip ?? 1;
    const [lb, rb] = o.brackets ?? ['（', '）'];
    const rankOf = (s: MarkerStyle) => o.hierarchy.indexOf(s) + 1;
    const expectedPunct = (s: MarkerStyle, own: string) => o.punctuation?.[s]?.[0] ?? own;
    const render = (s: MarkerStyle, n: number, own = ''): string => markerText(s, n, expectedPunct(s, own), [lb, rb]);
    /** The marker with its own numeral, its brackets made full-width and its punctuation corrected. */
    const normalize = (m: Marker, tolerate: boolean): string => {
      let body = m.text.slice(0, m.text.length - m.punct.length);
      if (m.halfWidth) body = body.replace(/^\(/, lb).replace(/\)$/, rb);
      const ok = o.punctuation?.[m.style];
      const fine = !ok || ok.includes(m.punct) || (tolerate && !!o.tolerated?.[m.style]?.includes(m.punct));
      return body + (fine ? m.punct : ok[0]);
    };

    /** Without the punctuation its family requires (“一 主要…”): read as a marker from the title after it, a guess. */
    const unpunctuated = (m: Marker) => !m.punct && !(o.punctuation?.[m.style] ?? ['']).includes('');

    return ({ doc, report }) => {
      const first = doc.headings.findIndex((h) => h.level === 1);
      if (first < 0) return;
      const parentOf = new Map<Heading, Heading | undefined>();
      const kids = new Map<Heading | undefined, Heading[]>();
      const stack: Heading[] = [];
      for (const h of doc.headings.slice(first)) {
        while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
        const p = stack[stack.length - 1];
        stack.push(h);
        if (!h.marker) continue;
        parentOf.set(h, p);
        const list = kids.get(p);
        if (list) list.push(h);
        else kids.set(p, [h]);
      }
      const found = new Map<Heading, Finding>();
      const flag = (h: Heading, messageId: string, data: Record<string, string>, fix?: { text: string; safe: boolean; messageId?: string; span?: Span }) => {
        if (found.has(h)) return;
        const m = h.marker!;
        found.set(h, {
          span: m.span, messageId, data: { found: m.text, ...data },
          fix: fix && fix.text !== m.text ? { messageId: fix.messageId ?? 'fix', data: { form: fix.text }, safe: fix.safe, edits: [{ span: fix.span ?? m.span, text: fix.text }] } : undefined,
        });
      };
      const label = (p: Heading) => p.marker?.text ?? p.title;

      // One family per level: children that continue their parent's numbers, and are
      // continued by the parent's next sibling (（二）→ 3. →（四）), are siblings written differently.
      const continued = new Map<Heading, number>();
      const position = new Map<Heading, number>();
      for (const list of kids.values()) list.forEach((h, i) => position.set(h, i));
      for (const [p, cs] of kids) {
        if (!p?.marker) continue;
        const n = p.marker.ordinal;
        let k = 0;
        while (k < cs.length && cs[k].marker!.ordinal === n + 1 + k) k++;
        const sibs = kids.get(parentOf.get(p))!;
        if (!k || sibs[position.get(p)! + 1]?.marker!.ordinal !== n + k + 1) continue;
        for (const c of cs.slice(0, k)) {
          const expected = render(p.marker.style, c.marker!.ordinal, p.marker.punct);
          flag(c, 'mixed', { parent: p.marker.text, expected }, { text: expected, safe: false });
        }
        continued.set(p, n + k);
      }

      // Hierarchy: a child is one level below its parent, or `maxSkip` more. A parent
      // written in the wrong family (“1、…” as a first-level heading) counts at the rank
      // it should have: its children are not wrong for being right under it.
      const rankDue = new Map<Heading, number>();
      for (const [h, p] of parentOf) {
        const m = h.marker!;
        const r = rankOf(m.style);
        if (!r) continue;
        const pr = !p ? 0 : rankDue.get(p) ?? (p.marker ? rankOf(p.marker.style) : p.level);
        if (p && !pr) continue;
        const jump = r - pr;
        if (p ? jump >= 1 && jump <= 1 + maxSkip : r === 1) continue;
        const target = o.hierarchy[pr];
        const expected = target ? render(target, m.ordinal) : '';
        const fix = target ? { text: expected, safe: false } : undefined;
        if (!p) flag(h, 'top', { expected }, fix);
        else flag(h, jump < 1 ? 'inverted' : 'level', { parent: label(p), rank: chineseNumeral(r), expected }, fix);
        rankDue.set(h, pr + 1);
      }

      // A first-level heading without a number among numbered ones (“2023年…主要举措和成效”
      // before “二、…”) holds its place in the count: it is reported, and 二、 is not a wrong start.
      const top = kids.get(undefined);
      const unnumbered = o.unnumbered && top?.length ? doc.headings.slice(first).filter((h) => h.level === 1 && !h.marker) : [];

      // Sequence within a level; after a wrong number, a next one that fits the
      // expected count means this one was a typo (1,2,2,4), else counting goes on from it.
      for (const [parent, all] of kids) {
        const sibs = [...all.filter((h) => found.get(h)?.messageId !== 'mixed'), ...(parent ? [] : unnumbered)].sort((a, b) => a.span[0] - b.span[0]);
        let e = 1;
        sibs.forEach((h, i) => {
          if (!h.marker) {
            const expected = render(all[0].marker!.style, e, all[0].marker!.punct);
            found.set(h, {
              span: h.titleSpan, messageId: 'unnumbered', data: { title: quote(h.title, 30), expected },
              fix: { messageId: 'fixNumber', safe: false, edits: [{ span: [h.titleSpan[0], h.titleSpan[0]], text: expected }] },
            });
            e++;
            return;
          }
          const m = h.marker!;
          const n = m.ordinal;
          if (n !== e) {
            const prev = sibs[i - 1]?.marker;
            const id = !sibs[i - 1] ? 'start' : prev && n === prev.ordinal ? 'repeat' : n > e ? 'gap' : 'restart';
            const norm = normalize(m, true);
            // a marker read without its punctuation is a guess: its form is the drafter's to fix
            flag(h, id, { expected: render(m.style, e, m.punct), previous: prev?.text ?? '' }, { text: norm, safe: !unpunctuated(m), messageId: 'fixForm' });
            e = sibs[i + 1]?.marker?.ordinal === e + 1 ? e + 1 : n + 1;
          } else e = n + 1;
          if (continued.has(h)) e = continued.get(h)! + 1;
        });
      }

      // Form: full-width brackets, the punctuation after the numeral.
      for (const h of parentOf.keys()) {
        const m = h.marker!;
        const strict = normalize(m, false);
        const loose = normalize(m, true);
        if (m.halfWidth) flag(h, 'halfwidth', { expected: loose }, { text: loose, safe: true });
        else if (unpunctuated(m)) {
          // no punctuation at all (“一 主要举措和成效”): --fix leaves the guess to the drafter; the fix takes the gap too
          flag(h, 'punct', { expected: loose }, { text: loose, safe: false, span: [m.span[0], h.titleSpan[0]] });
        } else if (loose !== m.text) flag(h, 'punct', { expected: loose }, { text: loose, safe: true });
        else if (strict !== m.text) flag(h, 'tolerated', { expected: strict }, { text: strict, safe: false });
      }
      for (const f of found.values()) report(f);
    };
  },
});
