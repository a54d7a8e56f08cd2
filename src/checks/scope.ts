import type { Item, Part, PartKind, ReportDocument, Span } from '../types.js';
import { overlapping } from '../document/parts.js';
import { partKindSchema } from './define.js';

/** Which units of a draft a rule looks at: a part as a whole, or each of its items. */
export interface Scope {
  part: PartKind;
  unit?: 'part' | 'item';
  /** Judge headings too (default: a heading is never its own body). */
  includeHeading?: boolean;
}

export const scopeSchema = {
  type: 'object', additionalProperties: false, required: ['part'],
  properties: {
    part: partKindSchema,
    unit: { enum: ['part', 'item'] },
    includeHeading: { type: 'boolean' },
  },
  description: '检查范围：part 部分；unit 为 part（整个部分）或 item（每个条目）；includeHeading 是否连标题一起判断',
};

export interface Unit {
  part: Part;
  item?: Item;
  /** The text judged. */
  span: Span;
  /** Where a finding about this unit is anchored (its heading, or its first sentence). */
  anchor: Span;
  label: string;
}

export function firstSentence(doc: ReportDocument, span: Span): Span {
  // binary search: a scan of every sentence per item was quadratic in a long part
  const s = overlapping(doc.sentences, span[0], span[1]).find((x) => x.span[0] >= span[0]);
  return s ? [s.span[0], Math.min(s.span[1], span[1])] : span;
}

/** The units of `scope` in `doc`; none when the part is missing (another rule reports that). */
export function unitsOf(doc: ReportDocument, scope: Scope): Unit[] {
  const out: Unit[] = [];
  for (const part of doc.parts.filter((p) => p.kind === scope.part)) {
    if ((scope.unit ?? 'part') === 'part') {
      out.push({ part, span: scope.includeHeading ? part.span : part.bodySpan, anchor: part.heading.span, label: part.heading.title });
    } else {
      for (const item of part.items) {
        out.push({
          part, item,
          span: scope.includeHeading ? item.span : item.bodySpan,
          anchor: item.headingSpan && item.kind === 'heading' ? item.headingSpan : firstSentence(doc, item.span),
          label: item.label,
        });
      }
    }
  }
  return out;
}
