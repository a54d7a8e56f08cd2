import { matchTable } from '../checks/correspondence.js';
import { compileRegex } from '../config/regex.js';
import type { Linter } from '../linter.js';
import type { Segment } from '../document/terms.js';
import type { ReportDocument } from '../types.js';
import { displayWidth, padEnd } from './width.js';

/**
 * `--explain-matches FILE`: the shortcoming × plan score table of
 * plan-answers-shortcomings, with what each best match shares — the first thing to
 * look at when that rule cries wolf or stays silent.
 */
/**
 * The score table of a correspondence rule on a draft, with the options the
 * configuration gives it; null when there is no such rule, undefined when the
 * draft lacks one of the two parts. `segment` swaps the segmenter (benchmark).
 */
export function matchTableFor(linter: Linter, doc: ReportDocument, ruleId: string, segment?: Segment, previous?: ReportDocument): ReturnType<typeof matchTable> | null {
  const r = linter.config.resolved;
  const def = r.rules.get(ruleId);
  if (!def) return null;
  const options = { ...def.options, ...(r.settings.get(ruleId)?.options ?? {}) } as unknown as Parameters<typeof matchTable>[0];
  return matchTable(options, { lexicons: r.lexicons, regex: compileRegex }, doc, previous, segment);
}

/**
 * How people read a topic group's name: the `labels` of the lexicon the rule's topics
 * come from (“$lexicon/topics.groups” → topics.labels), else the name itself.
 */
function topicNames(linter: Linter, ruleId: string): (name: string) => string {
  const r = linter.config.resolved;
  const topics = ({ ...r.rules.get(ruleId)?.options, ...r.settings.get(ruleId)?.options } as { topics?: unknown }).topics;
  const lexicon = typeof topics === 'string' ? /^\$lexicon\/([\w-]+)\./.exec(topics)?.[1] : undefined;
  const labels = lexicon && Object.hasOwn(r.lexicons, lexicon) ? (r.lexicons[lexicon] as { labels?: Record<string, string> }).labels : undefined;
  return (name) => (labels && Object.hasOwn(labels, name) ? labels[name] : name);
}

/** How a table names its two sides: shortcomings against plan items, or last year's plan against this year's achievements. */
const SIDES: Record<string, { from: string; to: string; missing: string }> = {
  'plan-answers-shortcomings': { from: '不足', to: '安排', missing: '稿件中缺少“存在的不足”或“下一年度安排”部分，没有可匹配的内容。' },
  'previous-plan-followed': { from: '上年安排', to: '今年成效', missing: '上一年度报告中没有“下一年度安排”部分，或今年的稿件中没有“主要举措和成效”部分，没有可匹配的内容。' },
};

/**
 * The table of a correspondence rule: every `from` unit against every `to` unit.
 * For previous-plan-followed, `previous` is last year's report (--previous).
 */
export function explainMatches(linter: Linter, doc: ReportDocument, ruleId = 'plan-answers-shortcomings', previous?: ReportDocument): string {
  const t = matchTableFor(linter, doc, ruleId, undefined, previous);
  const sides = SIDES[ruleId] ?? { from: '条目', to: '对应', missing: '没有可匹配的内容。' };
  if (t === null) return `没有 ${ruleId} 这条规则\n`;
  if (!t) return `${sides.missing}\n`;
  const topicName = topicNames(linter, ruleId);
  const out: string[] = [];
  out.push(`${ruleId}：匹配度 = 0.6 × 领域重合 + 0.4 × 词语重合；低于 ${t.threshold} 即报告`);
  out.push('');
  out.push(`${sides.to}：`);
  t.to.forEach((label, j) => out.push(`  P${j + 1}  ${label}`));
  out.push('');
  const labels = t.from.map((l, i) => `S${i + 1} ${l}`);
  const w = Math.max(8, ...labels.map(displayWidth)) + 2;
  const head = `${padEnd(sides.from, w)}${t.to.map((_, j) => padEnd(`P${j + 1}`, 7)).join('')}`;
  out.push(head);
  t.scores.forEach((row, i) => {
    const best = row.reduce((b, s, j) => (s.score > row[b].score ? j : b), 0);
    const cells = row.map((s, j) => padEnd(`${s.score.toFixed(2)}${j === best ? (s.score >= t.threshold ? '✓' : '✗') : ''}`, 7)).join('');
    out.push(`${padEnd(labels[i], w)}${cells}`);
    const b = row[best];
    if (b) out.push(`${' '.repeat(6)}最接近 P${best + 1}：共同领域 ${b.topics.map(topicName).join('、') || '无'}；共同词语 ${b.terms.join('、') || '无'}`);
  });
  return out.join('\n') + '\n';
}
