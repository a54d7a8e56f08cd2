import type { Quantity, Span } from '../types.js';
import { CN_SMALL_NUMERAL } from '../document/numerals.js';
import { overlapping } from '../document/parts.js';
import { defineCheck, message, quote } from './define.js';
import { scopeSchema, unitsOf, type Scope } from './scope.js';

interface QuantityOptions {
  scope: Scope;
  /** Figures each unit must state (default 1). */
  min?: number;
  /** Part-level minimum of figures per 1,000 characters of body text. */
  density?: number;
  /** Dates (3月, 12月4日) count as concrete too — for duties: when did the leaders act. */
  dates?: boolean;
}

const DATE = new RegExp(`(?:\\d{1,2}|${CN_SMALL_NUMERAL}{1,3})月(?:(?:\\d{1,2}|${CN_SMALL_NUMERAL}{1,3})日)?(?:至|—|-)?`, 'g');

/**
 * quantity — concrete figures (the document model's quantities: a number with a
 * unit, not years, dates, document numbers or names like “八五”普法) per unit, and
 * optionally their density per 1,000 characters of the part.
 * Used by: concrete-numbers, duties-concrete.
 */
export const quantity = defineCheck<QuantityOptions>({
  type: 'quantity',
  summary: '成效、履职情况要有具体数字（件数、人次、百分比、日期）',
  options: {
    scope: scopeSchema,
    min: { type: 'integer', minimum: 1, description: '每个单位至少要有几个具体数字（默认 1）' },
    density: { type: 'number', exclusiveMinimum: 0, description: '整个部分每千字至少要有几个具体数字' },
    dates: { type: 'boolean', description: '日期（如 3月、12月4日）也算具体' },
  },
  required: ['scope'],
  messages: {
    default: message('一个单位的具体数字不够', ['item', 'part', 'count', 'min']),
    density: message('整个部分每千字的具体数字少于 density', ['part', 'count', 'chars', 'density', 'min'], { usedBy: (o: QuantityOptions) => (o.density ? ['density'] : undefined) }),
    pass: message('审核清单中，一条有具体数字的依据', ['item', 'figures'], { role: 'pass' }),
  },
  compile(options) {
    const min = options.min ?? 1;
    return ({ doc, report, pass }) => {
      // quantities are in document order: a binary search per unit, not a scan
      const within = (s: Span) => overlapping(doc.quantities, s[0], s[1]).filter((q: Quantity) => q.span[0] >= s[0] && q.span[1] <= s[1]);
      const units = unitsOf(doc, options.scope);
      for (const unit of units) {
        const figures = within(unit.span).map((q) => ({ span: q.span, text: q.text }));
        if (options.dates) {
          const text = doc.slice(unit.span);
          DATE.lastIndex = 0;
          for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
            figures.push({ span: [unit.span[0] + m.index, unit.span[0] + m.index + m[0].length], text: m[0] });
          }
        }
        if (figures.length >= min) {
          pass?.({ span: figures[0].span, messageId: 'pass', data: { item: quote(unit.label, 20), figures: figures.slice(0, 4).map((f) => f.text).join('、') } });
          continue;
        }
        report({ span: unit.anchor, data: { item: quote(unit.label, 24), part: quote(unit.part.heading.title, 24), count: figures.length, min } });
      }
      if (options.density) {
        for (const part of doc.partsOf(options.scope.part)) {
          const chars = doc.slice(part.bodySpan).replace(/\s/g, '').length;
          if (chars < 200) continue; // too short to measure a density
          const n = within(part.bodySpan).length;
          const density = (n * 1000) / chars;
          if (density < options.density) {
            report({
              span: part.heading.span,
              messageId: 'density',
              data: { part: quote(part.heading.title, 24), count: n, chars, density: density.toFixed(1), min: options.density },
            });
          }
        }
      }
    };
  },
});
