import type { Item, Part, PartEvidence, PartKind, Quantity, Section, YearMention } from '../types.js';
import { YEAR_WITH_NIAN as HEADING_YEAR, yearValue } from './numerals.js';
import { compileOpening, firstClause } from './opening.js';
import { overlapping } from './parts.js';
import { wordsRegExp, type DocumentVocabulary, type PartVocabulary } from './vocabulary.js';

/** A thematic heading: two phrases joined by a comma, “补齐短板，提升执法水平”. */
const THEME = /[，,；;]/;

const isTheme = (title: string): boolean => THEME.test(title);

export interface HeadingClass {
  kind: PartKind;
  matched?: string;
  year?: number;
  /** The keyword only names the part outside a theme (parts.yaml `weak`), and this heading is one. */
  weak?: boolean;
  /** Placed by its year (N + 1: plan), not by a keyword. */
  byYear?: boolean;
  /** The plan keyword a heading placed by its year holds too (“2024年工作安排”). */
  planWord?: string;
  /** Other parts the heading names, joined to this one (“存在的问题及下一步打算” → plan). */
  also?: PartKind[];
}

/** The parts' keywords by their first character: a heading is scanned once, not once per keyword. */
const keywordIndexes = new WeakMap<readonly PartVocabulary[], Map<number, { p: PartVocabulary; k: string }[]>>();
function keywordIndex(parts: readonly PartVocabulary[]): Map<number, { p: PartVocabulary; k: string }[]> {
  let index = keywordIndexes.get(parts);
  if (!index) {
    index = new Map();
    for (const p of parts) {
      for (const k of p.keywords) {
        const c = k.charCodeAt(0);
        if (!index.has(c)) index.set(c, []);
        index.get(c)!.push({ p, k });
      }
    }
    keywordIndexes.set(parts, index);
  }
  return index;
}

/** Words that join the names of two parts in one heading: “存在的问题及下一步打算”. */
const JOIN = /[及和与并]/;

/**
 * Classifies a first-level heading by its words: every lexicon keyword it contains
 * scores its length and the longest wins (“工作思路目标举措” → plan through 目标举措);
 * of two as long, the one ending later (“主要工作安排” → 工作安排). A heading that
 * joins the names of two parts (their `items` words, “工作情况及存在的问题”) is the
 * earlier one in the regulation's order and names the other too. Else a heading year
 * of N+1 means plan. A weak keyword in a theme is reported as such: structure decides.
 */
export function classifyHeading(title: string, parts: readonly PartVocabulary[], reportYear: number | undefined): HeadingClass {
  const y = HEADING_YEAR.exec(title);
  const year = y ? yearValue(y[1]) : undefined;
  const byFirst = keywordIndex(parts);
  let best: { p?: PartVocabulary; word?: string; at: number } = { at: -1 };
  for (let at = 0; at < title.length; at++) {
    for (const { p, k } of byFirst.get(title.charCodeAt(at)) ?? []) {
      const len = best.word?.length ?? 0;
      // equal lengths: the later word wins, as a Chinese noun phrase ends in its head (主要工作安排 is an 安排)
      if (k.length >= len && title.startsWith(k, at) && (k.length > len || at + k.length > best.at + len)) best = { p, word: k, at };
    }
  }
  if (!best.p || !best.word) {
    if (year !== undefined && reportYear !== undefined && year === reportYear + 1) return { kind: 'plan', matched: `${year}年`, year, byYear: true };
    return { kind: 'unknown', year };
  }
  const primary = { p: best.p, word: best.word, at: best.at };
  const joined: { p: PartVocabulary; word: string }[] = [];
  for (const p of parts) {
    if (p.kind === primary.p.kind) continue;
    for (const k of p.items.keywords) {
      const at = title.indexOf(k);
      if (at < 0 || (at < primary.at + primary.word.length && at + k.length > primary.at)) continue;
      const between = at > primary.at ? title.slice(primary.at + primary.word.length, at) : title.slice(at + k.length, primary.at);
      if (JOIN.test(between)) {
        joined.push({ p, word: k });
        break;
      }
    }
  }
  if (joined.length) {
    const named = [primary, ...joined].sort((a, b) => parts.indexOf(a.p) - parts.indexOf(b.p));
    return { kind: named[0].p.kind, matched: named[0].word, year, also: named.slice(1).map((n) => n.p.kind) };
  }
  if (year !== undefined && reportYear !== undefined && year === reportYear + 1 && primary.p.kind !== 'other') {
    return { kind: 'plan', matched: `${year}年`, year, byYear: true, ...(primary.p.kind === 'plan' ? { planWord: primary.word } : {}) };
  }
  const weak = primary.p.weak.includes(primary.word) && isTheme(title);
  return { kind: primary.p.kind, matched: primary.word, year, ...(weak ? { weak } : {}) };
}

/** What the model has read of the draft when it places its sections. */
export interface PlacementInput {
  text: string;
  sections: readonly Section[];
  year?: number;
  quantities: readonly Quantity[];
  years: readonly YearMention[];
  itemsOf(section: Section): Item[];
}

const CLOSING = new Set<PartKind>(['shortcomings', 'plan', 'other']);

/**
 * Places each first-level section in one of the regulation's parts (README “报告模型”):
 * 1. keywords of the heading, the strongest signal; a heading year of N+1 → plan;
 * 2. what keywords leave open, structure decides: a section before the closing parts
 *    (shortcomings, plan, other) is the report year's work — achievements; a section
 *    right after the shortcomings that analyses causes continues them;
 * 3. the section's text is evidence too: figures, finished work and the year N say
 *    achievements, problem words and causes say shortcomings, next year's words plan.
 * An achievements keyword after a closing part is out of place and set aside: the
 * heading's next keyword decides, else 2 and 3.
 * Position and content are scored; the best kind with 2 points and no tie wins, else
 * a weak keyword decides, else the section stays unknown.
 * Then parts written as items of another part (duties as “（一）…第一责任人职责”) are
 * found, when the draft has no first-level part of their kind.
 */
export function compilePlacement(v: DocumentVocabulary) {
  const re = {
    past: wordsRegExp(v.content.past, 'g'),
    problems: wordsRegExp(v.content.problems, 'g'),
    future: wordsRegExp(v.content.future, 'g'),
    causes: wordsRegExp(v.content.causes, 'g'),
  };
  const count = (r: RegExp, s: string): number => {
    if (!r.global) return 0;
    let n = 0;
    r.lastIndex = 0;
    while (r.exec(s)) n++;
    return n;
  };
  const rank = (k: PartKind) => v.parts.findIndex((p) => p.kind === k);
  // the parts a heading may name once its achievements keyword is set aside
  const laterParts = v.parts.filter((p) => p.kind !== 'achievements');
  // the parts an item of another part can report
  const itemWords = v.parts.filter((p) => p.items.keywords.length);
  const opens = compileOpening(v);

  return (input: PlacementInput): { parts: Part[]; itemParts: Part[] } => {
    const { text, sections, year: n } = input;
    // every part has the same properties in the same order: the rules read parts in
    // hot loops, and objects of one shape keep those reads fast
    const part = (s: Section, kind: PartKind, matched: string | undefined, evidence: PartEvidence[], year?: number, alsoNames?: PartKind[], within?: Part): Part => ({
      kind, heading: s.heading, span: s.span, bodySpan: s.bodySpan, year, items: input.itemsOf(s), section: s, matched, evidence, within, alsoNames,
    });
    const classes = sections.map((s) => classifyHeading(s.heading.title, v.parts, n));
    // a section's part is decided by its heading when a keyword names it outside a theme
    const decide = (c: HeadingClass) => (c.kind !== 'unknown' && !c.weak ? c.kind : undefined);
    const decided: (PartKind | undefined)[] = classes.map(decide);
    // The year's work comes before the parts that close a report. An achievements keyword
    // after one of them is out of place — “三、领导干部带头推进法治建设情况” after the
    // problems is the duties in words no list has, not achievements by its 建设情况 —
    // so the keyword is set aside there: the heading's next keyword (“下阶段工作举措”: 下阶段)
    // decides, else position and text, or nothing does.
    const setAside: (string | undefined)[] = [];
    for (let j = 0, closed = false; j < sections.length; j++) {
      if (closed && classes[j].kind === 'achievements') {
        setAside[j] = classes[j].matched;
        classes[j] = classifyHeading(sections[j].heading.title, laterParts, n);
        decided[j] = decide(classes[j]);
      }
      const k = decided[j];
      if (k && CLOSING.has(k)) closed = true;
    }
    const asideEvidence = (i: number): PartEvidence[] =>
      setAside[i] === undefined ? [] : [{ by: 'keyword', word: setAside[i]!, kind: 'achievements', setAside: true }];
    // Placed by position and text in two rounds: first among the sections keywords decided;
    // then, when that placed a section as a closing part (a theme read as the shortcomings by
    // its text), once more with it among them, so that the theme after it (“锚定目标任务，
    // 持续用力推进”) is read as standing after the shortcomings, not among the year's work.
    let layout = layoutOf(decided);
    let placed = sections.map((_, i) => (decided[i] ? undefined : score(i, layout)));
    if (placed.some((p) => p && CLOSING.has(p.kind))) {
      layout = layoutOf(decided.map((k, i) => k ?? (placed[i] && CLOSING.has(placed[i]!.kind) ? placed[i]!.kind : undefined)));
      placed = sections.map((_, i) => (decided[i] ? undefined : score(i, layout)));
    }

    const parts: Part[] = sections.map((s, i) => {
      const c = classes[i];
      const p = placed[i];
      if (!p) {
        const evidence: PartEvidence[] = c.byYear
          ? [{ by: 'year', year: c.year! }, ...(c.planWord ? [{ by: 'keyword' as const, word: c.planWord, kind: c.kind }] : [])]
          : [{ by: 'keyword', word: c.matched!, kind: c.kind }];
        return part(s, c.kind, c.matched, [...asideEvidence(i), ...evidence], c.year, c.also);
      }
      // a keyword set aside is shown first, whatever decided instead
      return part(s, p.kind, p.kind === c.kind ? c.matched : undefined, [...asideEvidence(i), ...p.evidence], c.year, c.also);
    });

    /**
     * Each section's nearest neighbours of a known kind and whether a closing part came
     * before it, in two passes: asked per section, they made a draft of thousands of
     * headings quadratic.
     */
    function layoutOf(kinds: readonly (PartKind | undefined)[]) {
      const prevOf: (number | undefined)[] = [];
      const closedBeforeOf: boolean[] = [];
      for (let j = 0, prev: number | undefined, closed = false; j < kinds.length; j++) {
        prevOf.push(prev);
        closedBeforeOf.push(closed);
        const k = kinds[j];
        if (k) {
          prev = j;
          closed ||= CLOSING.has(k);
        }
      }
      const nextOf: (number | undefined)[] = new Array(kinds.length);
      for (let j = kinds.length - 1, next: number | undefined; j >= 0; j--) {
        nextOf[j] = next;
        if (kinds[j]) next = j;
      }
      const counts = new Map<PartKind | undefined, number>();
      for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
      return { kinds, prevOf, nextOf, closedBeforeOf, counts };
    }

    function score(i: number, layout: ReturnType<typeof layoutOf>): { kind: PartKind; evidence: PartEvidence[] } {
      const s = sections[i];
      const c = classes[i];
      const { kinds } = layout;
      const prev = layout.prevOf[i];
      const next = layout.nextOf[i];
      const closedBefore = layout.closedBeforeOf[i];
      // a part elsewhere in the draft (in the second round, not this section's own first placing)
      const present = (k: PartKind) => (layout.counts.get(k) ?? 0) - (kinds[i] === k ? 1 : 0) > 0;
      const scores = new Map<PartKind, { n: number; evidence: PartEvidence[] }>();
      const add = (k: PartKind, points: number, e: PartEvidence) => {
        if (points <= 0) return;
        const cur = scores.get(k) ?? { n: 0, evidence: [] };
        cur.n += points;
        cur.evidence.push(e);
        scores.set(k, cur);
      };
      const position: PartEvidence = { by: 'position', after: prev === undefined ? undefined : kinds[prev], before: next === undefined ? undefined : kinds[next] };
      if (!closedBefore) add('achievements', next !== undefined ? 2 : 1, position);
      else if (prev !== undefined && kinds[prev] === 'shortcomings') {
        add('shortcomings', 1, position);
        if (!present('plan') && (next === undefined || kinds[next] === 'other')) add('plan', 1, position);
      }
      if (c.weak) add(c.kind, 1, { by: 'keyword', word: c.matched!, kind: c.kind, weak: true });
      if (n !== undefined && c.year === n) add('achievements', 1, { by: 'year', year: n });

      const body = text.slice(s.bodySpan[0], s.bodySpan[1]);
      const heading = s.heading.title;
      const figures = overlapping(input.quantities, s.bodySpan[0], s.bodySpan[1]).length;
      const inBody = overlapping(input.years, s.bodySpan[0], s.bodySpan[1]).filter((y) => y.claim);
      const yearN = n === undefined ? 0 : inBody.filter((y) => y.year === n).length;
      const yearNext = n === undefined ? 0 : inBody.filter((y) => y.year === n + 1).length;
      const seen = {
        figures,
        past: count(re.past, body) + yearN,
        future: count(re.future, body) + count(re.future, heading) + 2 * yearNext,
        problems: count(re.problems, body),
        causes: count(re.causes, body) + count(re.causes, heading),
      };
      const content = (kind: PartKind): PartEvidence => ({ by: 'content', kind, ...seen });
      add('achievements', (seen.figures > 0 ? 1 : 0) + (seen.figures >= 3 || seen.past >= 2 ? 1 : 0), content('achievements'));
      add('shortcomings', (seen.problems >= 2 ? 1 : 0) + (seen.causes > 0 ? 1 : 0), content('shortcomings'));
      add('plan', (seen.future >= 2 ? 1 : 0) + (seen.future >= 4 ? 1 : 0), content('plan'));

      const ranked = [...scores.entries()].sort((a, b) => b[1].n - a[1].n);
      const [first, second] = ranked;
      if (first && first[1].n >= 2 && (!second || second[1].n < first[1].n)) return { kind: first[0], evidence: first[1].evidence };
      if (c.weak) return { kind: c.kind, evidence: [{ by: 'keyword', word: c.matched!, kind: c.kind, weak: true }] };
      return { kind: 'unknown', evidence: [] };
    }

    // Parts written as items of another part, for kinds no first-level part has. An
    // item holds a part that comes later in the regulation's order (duties in the
    // achievements, the plan in “存在的问题及下一步打算”), never an earlier one: a plan
    // item “持续推进…第一责任人职责” is next year's work, not this year's report.
    const top = new Set(parts.map((p) => p.kind));
    const itemParts: Part[] = [];
    const namedBy = (title: string, words: typeof itemWords) => {
      for (const w of words) {
        if (!w.items.inThemes && isTheme(title)) continue;
        const word = w.items.keywords.find((k) => title.includes(k));
        if (word) return { kind: w.kind, word };
      }
      return undefined;
    };
    // an item whose text opens with the part; its actions are counted in the text, not the
    // heading (“加强组织领导” is a theme, not an action)
    const openedBy = (s: Section, words: typeof itemWords) => {
      const clause = firstClause(text, s.bodySpan[0], s.bodySpan[1]).text;
      for (const w of words) {
        const word = opens(w, clause, text.slice(s.bodySpan[0], s.bodySpan[1]));
        if (word) return { kind: w.kind, word };
      }
      return undefined;
    };
    // an item or, below an item that names no part, a subitem (一、→（一）→1.)
    const visit = (p: Part, children: readonly Section[], words: typeof itemWords, depth: number) => {
      for (const child of children) {
        const named = namedBy(child.heading.title, words);
        // an item with subitems is read through them; a leaf, by its text's opening too
        const nested = !named && child.children.length > 0 && depth < 2;
        if (nested) visit(p, child.children, words, depth + 1);
        const hit = named ?? (nested ? undefined : openedBy(child, words));
        if (!hit) continue;
        itemParts.push(part(child, hit.kind, hit.word, [{ by: 'item', word: hit.word, ...(named ? {} : { opening: true }) }], undefined, undefined, p));
      }
    };
    for (const p of parts) {
      const words = itemWords.filter((w) => !top.has(w.kind) && (p.kind === 'unknown' || rank(w.kind) > rank(p.kind)));
      if (words.length) visit(p, p.section.children, words, 1);
    }
    if (!itemParts.length) return { parts, itemParts };
    itemParts.sort((a, b) => a.span[0] - b.span[0]);
    // an item reported as a part of its own is no longer an item of its parent; a
    // parent left with one item that names the parent's own part reads that item's items
    const taken = new Set(itemParts.map((ip) => ip.section));
    for (const p of parts) {
      if (!p.items.some((it) => it.section && taken.has(it.section))) continue;
      const kept = p.items.filter((it) => !(it.section && taken.has(it.section)));
      const own = v.parts.find((pv) => pv.kind === p.kind)?.items.keywords ?? [];
      const only = kept.length === 1 ? kept[0].section : undefined;
      p.items = only && own.some((k) => only.heading.title.includes(k)) ? input.itemsOf(only) : kept;
    }
    return { parts, itemParts };
  };
}
