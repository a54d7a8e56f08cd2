import type { Span } from '../types.js';
import { alternation } from '../document/vocabulary.js';
import { compileGroups, defineCheck, expandWords, message, quote, wordListSchema, type WordGroup } from './define.js';
import { scopeSchema, unitsOf, type Scope } from './scope.js';

interface CoverageOptions {
  scope: Scope;
  /** Group name → words, or "$lexicon/name.key" naming such a map (values may be {label, words}). */
  groups: string | Record<string, unknown>;
  /** How many groups must be mentioned (default: all). */
  minGroups?: number;
  /** Heading words that promise what the body must deliver (不足和“原因”). */
  promisedBy?: string[];
  /**
   * Headings that are themselves what the groups ask for: a section “三、原因分析” is
   * the analysis, whatever its body's words. Its heading is read with its body.
   */
  deliveredBy?: string[];
}

/** What a finding about a unit is filled with. */
const UNCOVERED = ['item', 'part', 'found', 'missing', 'count', 'min', 'promised'];

/**
 * coverage — every unit in `scope` mentions words of at least `minGroups` of the
 * `groups` (all by default). The heading is not the body, so a heading that
 * promises something (存在的不足和原因) does not deliver it.
 * Used by: first-responsible-person, causes-stated, off-topic-achievement.
 */
export const coverage = defineCheck<CoverageOptions>({
  type: 'coverage',
  summary: '范围内的每个单位都须提到足够多组词语中的词',
  options: {
    scope: scopeSchema,
    groups: {
      oneOf: [{ type: 'string', pattern: '^\\$lexicon/' }, { type: 'object', additionalProperties: { oneOf: [wordListSchema, { type: 'object' }] } }],
      description: '词组：组名 → 词语列表，或 "$lexicon/名称.键" 引用词表中的词组',
    },
    minGroups: { type: 'integer', minimum: 1, description: '至少要提到几组（默认全部）' },
    promisedBy: { ...wordListSchema, description: '标题中出现这些词时，消息说明“标题写了但正文没有”' },
    deliveredBy: { ...wordListSchema, description: '标题本身就说明了所要求内容的写法（如“原因分析”）：连同标题一起判断' },
  },
  required: ['scope', 'groups'],
  messages: {
    default: message('一个单位提到的词组不够', UNCOVERED),
    promised: message('标题写了 promisedBy 中的词、正文却没有做到', UNCOVERED, { usedBy: (o: CoverageOptions) => (o.promisedBy?.length ? ['promisedBy'] : undefined) }),
    pass: message('审核清单中，一条写到了足够方面的依据', ['item', 'found'], { role: 'pass' }),
    none: message('一组也没有提到时 {{found}} 的写法（如“无”）', [], { role: 'word', fills: { placeholder: 'found', in: ['default', 'promised'] } }),
  },
  compile(options, env) {
    const groups = compileGroups(options.groups, env);
    const min = Math.min(options.minGroups ?? groups.length, groups.length);
    const promise = options.promisedBy?.length ? new RegExp(alternation(expandWords(options.promisedBy, env.lexicons))) : undefined;
    const delivered = options.deliveredBy?.length ? new RegExp(alternation(expandWords(options.deliveredBy, env.lexicons))) : undefined;
    return ({ doc, report, pass }) => {
      for (const unit of unitsOf(doc, options.scope)) {
        // the text judged: the unit's, or every part's of a whole; a heading that delivers is read too
        const spans: Span[] = unit.parts
          ? unit.parts.map((p) => (options.scope.includeHeading || delivered?.test(p.heading.title) ? p.span : p.bodySpan))
          : [unit.item || !delivered?.test(unit.part.heading.title) ? unit.span : unit.part.span];
        const found: { g: WordGroup; at: Span; word: string }[] = [];
        const missing: WordGroup[] = [];
        for (const g of groups) {
          let hit: { g: WordGroup; at: Span; word: string } | undefined;
          for (const span of spans) {
            const m = g.re.exec(doc.slice(span));
            if (m) {
              hit = { g, at: [span[0] + m.index, span[0] + m.index + m[0].length], word: m[0] };
              break;
            }
          }
          if (hit) found.push(hit);
          else missing.push(g);
        }
        if (found.length >= min) {
          pass?.({ span: found[0]?.at, messageId: 'pass', data: { item: quote(unit.label, 20), found: found.map((f) => `${f.g.label}（“${f.word}”）`).join('；') } });
          continue;
        }
        const heading = doc.slice(unit.item?.headingSpan ?? unit.part.heading.span);
        const promised = promise?.exec(heading)?.[0];
        report({
          span: unit.anchor,
          messageId: promised ? 'promised' : undefined,
          data: {
            item: quote(unit.label, 24),
            part: quote(unit.part.heading.title, 24),
            found: found.length ? found.map((f) => f.g.label).join('；') : { messageId: 'none' },
            missing: missing.map((g) => g.label).join('；'),
            count: found.length,
            min,
            promised: promised ?? '',
          },
        });
      }
    };
  },
});
