import type { Heading, Section, Span } from '../types.js';
import type { SourceLine } from './lines.js';
import { parseLooseMarker, parseMarker } from './markers.js';

/** Sentence ends that close a run-in heading: “（一）强化理论学习，增强法治思想。通过…”. */
const RUN_IN_END = /[。！？!?]/;

/** A title that names a part and reads as a heading: short, no sentence or clause punctuation. */
function partLike(title: string, isBarePart: (title: string) => boolean, maxLength = 40): boolean {
  return title.length <= maxLength && !/[。，；：,;:！？!?]/.test(title) && isBarePart(title);
}

/** A heading candidate with the family that decides its level. */
interface Candidate { heading: Heading; family: string }

function familyOf(h: Heading): string {
  if (h.marker) return h.marker.style;
  return h.mdDepth ? `md${h.mdDepth}` : 'bare';
}

function makeHeading(text: string, l: SourceLine, nextLineStart: number, bare: boolean): Heading | undefined {
  const marker = bare ? undefined : parseMarker(text, l.contentStart);
  if (!marker && !l.mdDepth && !bare) return undefined;
  let titleStart = marker ? marker.span[1] : l.contentStart;
  while (titleStart < l.contentEnd && /[ \t\u3000\u00a0]/.test(text[titleStart])) titleStart++;
  let titleEnd = l.contentEnd;
  let end = l.contentEnd;
  let bodyStart = nextLineStart;
  if (!l.mdDepth) {
    const m = RUN_IN_END.exec(text.slice(titleStart, l.contentEnd));
    if (m) {
      titleEnd = titleStart + m.index;
      end = titleEnd + 1;
      bodyStart = end;
      while (bodyStart < l.contentEnd && /[ \t\u3000\u00a0]/.test(text[bodyStart])) bodyStart++;
      if (bodyStart >= l.contentEnd) bodyStart = nextLineStart;
    }
  }
  return {
    span: [marker ? marker.span[0] : l.contentStart, end],
    marker,
    title: text.slice(titleStart, titleEnd),
    titleSpan: [titleStart, titleEnd],
    line: l.index,
    level: 0,
    mdDepth: l.mdDepth,
    bodyStart: Math.max(bodyStart, end),
  };
}

/**
 * Finds the headings of the outline and infers their levels.
 *
 * The top level is the 一、 family when the draft has one, else Markdown headings,
 * else unnumbered part-like lines (`isBarePart`). Below it, levels follow the order
 * in which marker families appear inside each part, so a part whose second level
 * uses （1） or 1. still gets the right tree; the standard hierarchy is a separate
 * question for `heading-numbering`.
 */
export function findHeadings(
  text: string,
  lines: SourceLine[],
  afterLine: number,
  isBarePart: (title: string) => boolean,
): Heading[] {
  const marked: Candidate[] = [];
  const bare: Candidate[] = [];
  for (const l of lines) {
    if (l.blank || l.index <= afterLine) continue;
    // the body starts at the next content, after blank lines, Word indentation or a Markdown “> ”
    let k = l.index + 1;
    while (k < lines.length && lines[k].blank) k++;
    const next = k < lines.length ? lines[k].contentStart : text.length;
    const h = makeHeading(text, l, next, false);
    if (h) {
      marked.push({ heading: h, family: familyOf(h) });
      continue;
    }
    const content = text.slice(l.contentStart, l.contentEnd);
    // “一 主要举措和成效”: the 一、 family without its punctuation (heading-numbering says 应为“一、”;
    // stray-whitespace leaves a marker's gap alone)
    const loose = parseLooseMarker(content, l.contentStart);
    const lh = loose && partLike(text.slice(loose.titleStart, l.contentEnd), isBarePart) ? makeHeading(text, l, next, true) : undefined;
    if (loose && lh) {
      lh.marker = loose.marker;
      lh.title = text.slice(loose.titleStart, lh.titleSpan[1]);
      lh.titleSpan = [loose.titleStart, lh.titleSpan[1]];
      marked.push({ heading: lh, family: 'cn-dun' });
      continue;
    }
    if (partLike(content, isBarePart, 30)) {
      const b = makeHeading(text, l, next, true);
      if (b) bare.push({ heading: b, family: 'bare' });
    }
  }

  let top: string | undefined;
  if (marked.some((c) => c.family === 'cn-dun')) top = 'cn-dun';
  else {
    const depths = marked.filter((c) => c.family.startsWith('md')).map((c) => c.heading.mdDepth ?? 9);
    if (depths.length) top = `md${depths.reduce((a, b) => Math.min(a, b))}`;
    else if (bare.length) top = 'bare';
    else top = marked[0]?.family;
  }
  let all = top === 'bare' ? [...marked, ...bare].sort((a, b) => a.heading.span[0] - b.heading.span[0]) : marked;
  // A first part headed another way than the rest (“1、…主要举措和成效”, “一 …”, a bare
  // line) before a top family that starts at 二、 is still a part: the numbers say one
  // is missing there, and a heading that names a part fills the gap. Left in the
  // preamble, the part would be reported missing — an error the draft does not deserve.
  // Without the gap, a part-like line before 一、 is a subtitle and stays in the preamble.
  const firstTop = all.findIndex((c) => c.family === top);
  const gap = firstTop >= 0 ? (all[firstTop].heading.marker?.ordinal ?? 1) - 1 : 0;
  if (top && top !== 'bare' && gap > 0) {
    const start = all[firstTop].heading.span[0];
    const before = [...all.slice(0, firstTop), ...bare.filter((c) => c.heading.span[0] < start)].sort((a, b) => a.heading.span[0] - b.heading.span[0]);
    const promoted = before.filter((c) => partLike(c.heading.title, isBarePart)).slice(-gap);
    for (const c of promoted) c.family = top;
    if (promoted.length) all = [...new Set([...all, ...promoted])].sort((a, b) => a.heading.span[0] - b.heading.span[0]);
  }

  // levels: a stack of families per part
  let stack: string[] = [];
  let seenTop = false;
  for (const c of all) {
    if (c.family === top) {
      stack = [c.family];
      seenTop = true;
      c.heading.level = 1;
      continue;
    }
    if (!seenTop) stack = stack.length ? stack : ['preamble'];
    const at = stack.indexOf(c.family);
    if (at > 0) stack = stack.slice(0, at + 1);
    else stack.push(c.family);
    c.heading.level = stack.length;
  }
  return all.map((c) => c.heading);
}

/** Moves `end` back over whitespace so a section does not own the blank lines after it. */
export function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Builds the section tree from headings with levels; preamble headings are left out. */
export function buildSections(text: string, headings: Heading[], lines: SourceLine[]): Section[] {
  const firstTop = headings.findIndex((h) => h.level === 1);
  if (firstTop < 0) return [];
  const hs = headings.slice(firstTop);
  // A section ends where the next heading of its level or above starts: close the
  // open sections on a stack as each heading arrives (linear in the number of headings).
  const ends = new Array<number>(hs.length).fill(text.length);
  const open: number[] = [];
  hs.forEach((h, i) => {
    while (open.length && hs[open[open.length - 1]].level >= h.level) ends[open.pop()!] = lines[h.line].start;
    open.push(i);
  });
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (let i = 0; i < hs.length; i++) {
    const h = hs[i];
    const end = trimEnd(text, h.span[1], ends[i]);
    const bodyStart = Math.min(h.bodyStart, Math.max(end, h.span[1]));
    const span: Span = [h.span[0], Math.max(end, h.span[1])];
    const section: Section = { heading: h, span, bodySpan: [bodyStart, Math.max(bodyStart, end)], children: [] };
    while (stack.length && stack[stack.length - 1].heading.level >= h.level) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(section);
    else roots.push(section);
    stack.push(section);
  }
  return roots;
}
