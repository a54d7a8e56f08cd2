import { clipSpaced } from './clip.js';
import type { Diagnostic, DraftSummary, PassEvidence, ReportDocument, Sentence } from '../types.js';

/** How much of the sentence around a finding is quoted on each side. */
const CONTEXT = 30;

/**
 * A serialisable digest of a linted draft for batch formatters. `quotes`: the text of each finding and its sentence (what pages and tables
 * quote; a record such as jsonl's needs none: then `quotes` is empty).
 */
export function summarize(doc: ReportDocument, diagnostics: readonly Diagnostic[], evidence: readonly { rule: string; evidence: PassEvidence[] }[], quotes = true): DraftSummary {
  const line = (offset: number) => doc.positionAt(offset).line;
  const spans = quotes ? diagnostics.map((d) => [doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)] as const) : [];
  return {
    organ: doc.title?.organ?.text,
    year: doc.year,
    title: doc.title?.text,
    // parts written as items (duties as an achievements item) count as found: required-parts says where they are
    parts: [...doc.parts, ...doc.itemParts].sort((a, b) => a.span[0] - b.span[0]).map((p) => ({ kind: p.kind, title: p.heading.title, line: line(p.heading.span[0]) })),
    passes: evidence.map((e) => ({
      rule: e.rule,
      evidence: e.evidence.map((x) => ({ message: x.message, line: x.span ? line(x.span[0]) : undefined })),
    })),
    quotes: spans.map(([s, e]) => clipSpaced(doc.text.slice(s, e), 80)),
    ...(quotes ? { contexts: spans.map(([s, e]) => sentenceAround(doc, s, e)) } : {}),
  };
}

/** The rest of the sentence holding [s, e): what comes before s and after e in it, up to CONTEXT characters each. */
function sentenceAround(doc: ReportDocument, s: number, e: number): [string, string] {
  // conversion debris (“[bookmark: _GoBack]”) stands outside the sentence it precedes: quote that one
  const sentence = sentenceAt(doc.sentences, s) ?? sentenceAfter(doc, e);
  if (!sentence) return ['', ''];
  const from = Math.min(sentence.span[0], s);
  const to = sentence.span[1];
  const flat = (t: string) => t.replace(/\s+/g, ' ');
  const before = s - from > CONTEXT ? `…${doc.text.slice(s - CONTEXT, s)}` : doc.text.slice(from, s);
  const after = e >= to ? '' : to - e > CONTEXT ? `${doc.text.slice(e, e + CONTEXT)}…` : doc.text.slice(e, to);
  return [flat(before).trimStart(), flat(after).trimEnd()];
}

/** The sentence that starts on the same line right after `offset` (blanks between allowed), if any. */
function sentenceAfter(doc: ReportDocument, offset: number): Sentence | undefined {
  let lo = 0;
  let hi = doc.sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.sentences[mid].span[0] < offset) lo = mid + 1;
    else hi = mid;
  }
  const next = doc.sentences[lo];
  return next && /^[^\S\n]*$/.test(doc.text.slice(offset, next.span[0])) ? next : undefined;
}

/** The sentence that contains an offset (sentences are sorted and disjoint). */
function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = sentences[mid].span;
    if (offset < a) hi = mid - 1;
    else if (offset >= b) lo = mid + 1;
    else return sentences[mid];
  }
  return undefined;
}
