import type { CompileEnv, Item, Part, PartKind, ReportDocument, Span } from '../types.js';
import type { Segment } from '../document/terms.js';
import { alternation } from '../document/vocabulary.js';
import { defineCheck, expandWords, message, partKindSchema, quote, wordListSchema } from './define.js';
import { buildMatchModel, profile, score, type MatchModel, type Score } from './matching.js';

interface Side { part: PartKind; document?: 'current' | 'previous' }

interface CorrespondenceOptions {
  from: Side;
  to: Side;
  topics: string | Record<string, unknown>;
  topicWeights?: string | Record<string, number>;
  generic?: string[];
  /** `from` units starting with these are left out (cause analysis: 存在上述问题的原因…). */
  skipStartingWith?: string[];
  /** `from` units that begin (first 30 characters) with these are left out (intros: 虽然取得了一定成效，但…). */
  skipContaining?: string[];
  threshold: number;
}

const sideSchema = {
  type: 'object', additionalProperties: false, required: ['part'],
  properties: { part: partKindSchema, document: { enum: ['current', 'previous'] } },
  description: 'part 部分；document 为 current（本稿）或 previous（上一年度的报告）',
};

/** What a finding about an unanswered unit, and the places it points at, are filled with. */
const UNANSWERED = ['from', 'to', 'score', 'threshold'];

export interface MatchRow { from: Item; best?: { item: Item; score: Score }; scores: Score[] }

/** A correspondence rule's options compiled: its match model and matcher (`segment` swaps the segmenter, for the benchmark). */
function compileCorrespondence(options: CorrespondenceOptions, env: CompileEnv, segment?: Segment) {
  const model = buildMatchModel(options.topics, options.topicWeights, options.generic ?? [], env);
  if (segment) model.segment = segment;
  const re = (words?: string[]) => (words?.length ? new RegExp(alternation(expandWords(words, env.lexicons))) : undefined);
  return compileMatcher(options, model, re(options.skipStartingWith), re(options.skipContaining));
}

/** Compiled matching: the units on each side and their scores (also for --explain-matches). */
function compileMatcher(options: CorrespondenceOptions, model: MatchModel, skipStart?: RegExp, skipIn?: RegExp) {
  /** Where the cause analysis starts: a lead (存在上述问题的原因…) opening a sentence of the part body. */
  const causesFrom = (doc: ReportDocument, p: Part): number => {
    if (!skipStart) return Infinity;
    const body = doc.slice(p.bodySpan);
    const re = new RegExp(skipStart.source, 'g');
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const before = body.slice(0, m.index).trimEnd();
      if (!before || /[。；！？\n]$/.test(before)) return p.bodySpan[0] + m.index;
    }
    return Infinity;
  };
  const fromItems = (doc: ReportDocument, p: Part): Item[] => {
    // a section headed as cause analysis (“三、原因分析”) is causes throughout
    if (skipStart?.test(p.heading.title.slice(0, 16))) return [];
    const causes = causesFrom(doc, p);
    return p.items.filter((item) => {
      const text = doc.slice(item.span).trim();
      if (skipStart?.test(text.slice(0, 16))) return false;
      if (item.kind !== 'heading' && item.span[0] >= causes) return false;
      if (skipIn?.test(text.slice(0, 30))) return false;
      return text.replace(/\s/g, '').length >= 4;
    });
  };
  return {
    /**
     * One row per `from` unit. Unless `full`, a unit that a target already answers
     * on topics alone is not segmented (segmentation is most of the cost).
     */
    rows(current: ReportDocument, previous?: ReportDocument, full = false): { rows: MatchRow[]; fromDoc: ReportDocument; toDoc: ReportDocument; toPart: Part } | undefined {
      const fromDoc = options.from.document === 'previous' ? previous : current;
      const toDoc = options.to.document === 'previous' ? previous : current;
      // every part of the kind: achievements written as several thematic sections, a
      // plan written as an item of the shortcomings part
      const fps = fromDoc?.partsOf(options.from.part) ?? [];
      const tps = toDoc?.partsOf(options.to.part) ?? [];
      const tp = tps[0];
      if (!fromDoc || !toDoc || !fps.length || !tp) return undefined;
      const targets = tps.flatMap((p) => (p.items.length ? p.items : [{ kind: 'paragraph', span: p.bodySpan, bodySpan: p.bodySpan, label: p.heading.title } as Item]));
      const profiles = targets.map((t) => profile(toDoc.slice(t.span), model));
      const rows = fps.flatMap((fp) => fromItems(fromDoc, fp)).map((from) => {
        const pa = profile(fromDoc.slice(from.span), model);
        let scores = profiles.map((pb) => score(pa, pb, model, false));
        if (full || !scores.some((s) => s.score >= options.threshold)) scores = profiles.map((pb) => score(pa, pb, model));
        let best: MatchRow['best'];
        scores.forEach((s, i) => { if (!best || s.score > best.score.score) best = { item: targets[i], score: s }; });
        return { from, best, scores };
      });
      return { rows, fromDoc, toDoc, toPart: { ...tp, items: targets } };
    },
  };
}

/** The score table behind a correspondence rule, for `--explain-matches`. */
export function matchTable(options: CorrespondenceOptions, env: CompileEnv, doc: ReportDocument, previous?: ReportDocument, segment?: Segment) {
  const r = compileCorrespondence(options, env, segment).rows(doc, previous, true);
  if (!r) return undefined;
  const label = (d: ReportDocument, i: Item) => quote(d.slice(quoteSpan(d, i)), 24);
  return {
    threshold: options.threshold,
    from: r.rows.map((row) => label(r.fromDoc, row.from)),
    to: r.toPart.items.map((i) => label(r.toDoc, i)),
    scores: r.rows.map((row) => row.scores),
  };
}

/** The span that quotes an item: its heading, or its first clause. */
function quoteSpan(doc: ReportDocument, item: Item): Span {
  if (item.kind === 'heading' && item.headingSpan) return item.headingSpan;
  const text = doc.slice(item.span);
  const end = text.search(/[。；;]/);
  return [item.span[0], item.span[0] + (end > 0 ? end : text.length)];
}

/**
 * correspondence — each unit of one part must be answered by a unit of another:
 * shortcomings by plan items, last year's plan by this year's achievements. The
 * finding sits on the unanswered unit (or, across documents, on the part of this
 * draft that should answer it) and points at the closest candidate with its score.
 * Used by: plan-answers-shortcomings, previous-plan-followed.
 */
export const correspondence = defineCheck<CorrespondenceOptions>({
  type: 'correspondence',
  summary: '一个部分的每一条都应在另一个部分中有对应（如不足 → 下一年度安排）',
  options: {
    from: sideSchema,
    to: sideSchema,
    topics: { oneOf: [{ type: 'string', pattern: '^\\$lexicon/' }, { type: 'object' }], description: '主题词组（组名 → 词语），或 "$lexicon/topics.groups"' },
    topicWeights: { oneOf: [{ type: 'string', pattern: '^\\$lexicon/' }, { type: 'object' }], description: '各主题组的权重（默认 1）' },
    generic: { ...wordListSchema, description: '过于常见、不能说明对应关系的词' },
    skipStartingWith: { ...wordListSchema, description: '以这些词开头的条目及其后的条目不参与匹配（原因分析）' },
    skipContaining: { ...wordListSchema, description: '开头含这些词的条目不参与匹配（如“虽然取得了一定成效，但…”）' },
    threshold: { type: 'number', minimum: 0, maximum: 1, description: '匹配度达到多少算有对应（0–1）' },
  },
  required: ['from', 'to', 'topics', 'threshold'],
  messages: {
    default: message('一条在另一部分中找不到对应', UNANSWERED),
    from: message('跨年度对照时，指向上一年度报告中那一条的说明', UNANSWERED, { role: 'related' }),
    closest: message('指向最接近的一条的说明', UNANSWERED, { role: 'related' }),
    pass: message('审核清单中，一条有了对应的依据', ['from', 'to', 'score'], { role: 'pass' }),
  },
  compile(options, env) {
    const matcher = compileCorrespondence(options, env);
    // a place in last year's report is marked so; a finding sits in this draft: on the
    // part that should answer, or on the unanswered unit when that is this draft's
    const docOf = (side: Side) => (side.document === 'previous' ? ('previous' as const) : undefined);
    const crossDocument = options.from.document === 'previous' || options.to.document === 'previous';
    return ({ doc, previous, report, pass }) => {
      const r = matcher.rows(doc, previous);
      if (!r) return;
      for (const row of r.rows) {
        const fromQuote = quote(r.fromDoc.slice(quoteSpan(r.fromDoc, row.from)), 40);
        const best = row.best;
        const toQuote = best ? quote(r.toDoc.slice(quoteSpan(r.toDoc, best.item)), 30) : '';
        if (best && best.score.score >= options.threshold) {
          pass?.({ span: docOf(options.from) ? r.toPart.heading.span : quoteSpan(r.fromDoc, row.from), messageId: 'pass', data: { from: fromQuote, to: toQuote, score: best.score.score.toFixed(2) } });
          continue;
        }
        const fromSpan = quoteSpan(r.fromDoc, row.from);
        report({
          span: docOf(options.from) ? r.toPart.heading.span : fromSpan,
          data: { from: fromQuote, to: toQuote, score: best ? best.score.score.toFixed(2) : '0', threshold: options.threshold },
          related: [
            ...(crossDocument ? [{ span: fromSpan, messageId: 'from', document: docOf(options.from) }] : []),
            ...(best ? [{ span: quoteSpan(r.toDoc, best.item), messageId: 'closest', document: docOf(options.to) }] : []),
          ],
        });
      }
    };
  },
});
