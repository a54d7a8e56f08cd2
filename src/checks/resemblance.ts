import { defineCheck, expandWords, message, partKindSchema, quote, wordListSchema } from './define.js';
import { unitsOf, type Scope } from './scope.js';

interface ResemblanceOptions {
  /** The part whose items (headings included) are compared. */
  scope: Pick<Scope, 'part'>;
  /** Reference texts, or "$lexicon/name.key". */
  references: string[];
  /** Character-bigram similarity (Dice, 0–1) above which a unit copies a reference. */
  similarity: number;
  /** Share of the units that must copy a reference for a finding (0–1). */
  share: number;
}

/**
 * Character bigrams as 32-bit keys (two UTF-16 units), sorted, repeats kept. A
 * sorted typed array instead of a Map of counts: the keys exceed the small-integer
 * range, so a Map boxed every one of them, and this ran on every item of a batch
 * (a Uint32Array also sorts 2.6× faster than a Float64Array).
 */
interface Bigrams { keys: Uint32Array; total: number }

const NOT_COMPARED = /[\s，。；、：,.;:“”‘’（）()《》\d]/g;

/** The text as compared: without punctuation, spaces and digits. */
const compared = (s: string): string => s.replace(NOT_COMPARED, '');

function bigrams(s: string): Bigrams {
  return bigramsOf(compared(s));
}

function bigramsOf(t: string): Bigrams {
  const keys = new Uint32Array(Math.max(0, t.length - 1));
  for (let i = 0; i < keys.length; i++) keys[i] = t.charCodeAt(i) * 65536 + t.charCodeAt(i + 1);
  return { keys: keys.sort(), total: keys.length };
}

/** Dice coefficient over character bigrams: robust to small edits, needs no segmentation. */
export function dice(a: Bigrams, b: Bigrams): number {
  if (!a.total && !b.total) return 0;
  // a merge of the two sorted lists counts each shared bigram min(count in a, count in b) times
  const x = a.keys;
  const y = b.keys;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return (2 * shared) / (a.total + b.total);
}

/**
 * The best Dice can be for two bigram counts: skips the clauses that cannot reach
 * the threshold — and a long item that can reach none is never split into bigrams.
 */
function reachable(a: number, b: number, min: number): boolean {
  return (2 * Math.min(a, b)) / (a + b || 1) >= min;
}

export { bigrams };

/**
 * resemblance — most units of a part copy reference texts (the duty clauses of the
 * 2016 regulation) instead of saying what was done.
 * Used by: duties-restated.
 */
export const resemblance = defineCheck<ResemblanceOptions>({
  type: 'resemblance',
  summary: '某部分的大部分条目照抄参考条文（如照抄第一责任人职责规定）',
  options: {
    scope: {
      type: 'object', additionalProperties: false, required: ['part'],
      properties: { part: partKindSchema },
      description: '检查范围：part 部分；逐条比较该部分的条目（连同标题）',
    },
    references: { ...wordListSchema, description: '参考条文，或 "$lexicon/名称.键"' },
    similarity: { type: 'number', minimum: 0, maximum: 1, description: '与参考条文的相似度（字符二元组 Dice 系数）达到多少算照抄' },
    share: { type: 'number', minimum: 0, maximum: 1, description: '照抄的条目占多少比例时报告' },
  },
  required: ['scope', 'references', 'similarity', 'share'],
  messages: {
    default: message('一个部分的大部分条目照抄参考条文', ['part', 'copied', 'total']),
    copied: message('指向照抄参考条文的条目的说明', ['part', 'copied', 'total', 'item'], { role: 'related' }),
  },
  compile(options, env) {
    const refs = expandWords(options.references, env.lexicons).map(bigrams);
    return ({ doc, report }) => {
      const units = unitsOf(doc, { part: options.scope.part, unit: 'item', includeHeading: true });
      if (!units.length) return;
      const copied = units.filter((u) => {
        const t = compared(doc.slice(u.span));
        const total = Math.max(0, t.length - 1);
        const candidates = refs.filter((r) => reachable(total, r.total, options.similarity));
        if (!candidates.length) return false;
        const g = bigramsOf(t);
        return candidates.some((r) => dice(g, r) >= options.similarity);
      });
      if (copied.length / units.length >= options.share && copied.length >= 2) {
        const part = units[0].part;
        report({
          span: part.heading.span,
          data: { part: quote(part.heading.title, 24), copied: copied.length, total: units.length },
          related: copied.slice(0, 3).map((u) => ({ span: u.anchor, messageId: 'copied', data: { item: quote(u.label, 30) } })),
        });
      }
    };
  },
});
