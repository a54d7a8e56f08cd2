import type { CompileEnv } from '../types.js';
import { CN_SMALL_NUMERAL } from '../document/numerals.js';
import { segmentWords, type Segment } from '../document/terms.js';
import { compileGroups, expandWords, resolveLexicon } from './define.js';

/**
 * How well one passage (a shortcoming, last year's plan item) is answered by
 * another (a plan item, this year's achievements). Two signals:
 *  - topics: the task areas (rules/lexicon/topics.yaml) both passages name, so
 *    “执法人员专业知识不足” meets “加大行政执法培训力度” with no word in common;
 *  - terms: the specific words of the passage to answer (segmented, generic words
 *    such as 法治, 工作, 进一步 left out: rules/lexicon/generic-terms.yaml) that the
 *    answering passage contains.
 * score = 0.6 · topic share + 0.4 · term share, each weighted from the side of the
 * passage that must be answered; 0 … 1.
 */
export interface MatchModel {
  topics: { name: string; weight: number; re: RegExp }[];
  generic: Set<string>;
  segment: Segment;
}

/** A passage's topics (cheap: one regex per group) and, computed on demand, its terms (segmentation). */
export interface Profile { text: string; topics: Set<string>; terms?: Set<string> }

export interface Score { score: number; topics: string[]; terms: string[] }

export function buildMatchModel(topics: unknown, weights: unknown, generic: unknown[], env: CompileEnv): MatchModel {
  const w = (weights ? resolveLexicon(weights, env.lexicons, 'weights', true) : {}) as Record<string, number>;
  return {
    topics: compileGroups(topics, env, 'topics').map(({ name, re }) => ({ name, weight: typeof w[name] === 'number' ? w[name] : 1, re })),
    generic: new Set(expandWords(generic, env.lexicons)),
    segment: segmentWords,
  };
}


export function profile(text: string, model: MatchModel): Profile {
  return { text, topics: new Set(model.topics.filter((t) => t.re.test(text)).map((t) => t.name)) };
}

/** Numbers and enumeration markers (一是, 二是) say nothing about the content. */
const NOT_TERMS = new RegExp(`^[\\d.%]+$|^${CN_SMALL_NUMERAL}+是$`);

function termsOf(p: Profile, model: MatchModel): Set<string> {
  p.terms ??= new Set(
    model.segment(p.text).filter((w) => w.length >= 2 && !model.generic.has(w) && !NOT_TERMS.test(w)),
  );
  return p.terms;
}

/**
 * The score of `b` answering `a`. With `withTerms` false only the topics count —
 * a lower bound that needs no segmentation, enough when it already passes. Terms
 * come from segmenting `a` only: a term of `a` is shared when `b`'s text holds it,
 * so the candidates `b` (every plan item) are never segmented.
 */
export function score(a: Profile, b: Profile, model: MatchModel, withTerms = true): Score {
  const weight = (name: string) => model.topics.find((t) => t.name === name)?.weight ?? 1;
  const sharedTopics = [...a.topics].filter((t) => b.topics.has(t));
  const topicTotal = [...a.topics].reduce((s, t) => s + weight(t), 0);
  const topic = topicTotal ? sharedTopics.reduce((s, t) => s + weight(t), 0) / topicTotal : 0;
  let term = 0;
  let sharedTerms: string[] = [];
  if (withTerms) {
    const ta = termsOf(a, model);
    sharedTerms = [...ta].filter((t) => b.text.includes(t));
    term = ta.size ? sharedTerms.length / ta.size : 0;
  }
  const value = a.topics.size ? 0.6 * topic + 0.4 * term : term;
  return { score: Math.round(value * 100) / 100, topics: sharedTopics, terms: sharedTerms };
}
