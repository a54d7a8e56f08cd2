import type { Item, Part, PartKind, ReportDocument, Span } from '../types.js';
import { labelOf, overlapping } from '../document/parts.js';
import { partKindSchema } from './define.js';

/**
 * Which units of a draft a rule looks at: each part of the kind, each of its items,
 * or (`whole`) every part of the kind together — the shortcomings written as
 * “二、存在的问题” and “三、原因分析” are one report of 不足和原因.
 */
export interface Scope {
  part: PartKind;
  unit?: 'part' | 'item' | 'whole';
  /** Judge headings too (default: a heading is never its own body). */
  includeHeading?: boolean;
  /**
   * A part written as prose, without numbered items, has its sentences as items;
   * `paragraph` judges each paragraph instead, as a reviewer writes one remark per
   * paragraph, not one per sentence.
   */
  prose?: 'sentence' | 'paragraph';
}

export const scopeSchema = {
  type: 'object', additionalProperties: false, required: ['part'],
  properties: {
    part: partKindSchema,
    unit: { enum: ['part', 'item', 'whole'] },
    includeHeading: { type: 'boolean' },
    prose: { enum: ['sentence', 'paragraph'] },
  },
  description: '检查范围：part 部分；unit 为 part（每个这类部分）、item（每个条目）或 whole（这类部分合在一起）；includeHeading 是否连标题一起判断；prose 为 paragraph 时，没有编号条目的部分按段落（而不是逐句）判断',
};

export interface Unit {
  part: Part;
  item?: Item;
  /** The text judged. */
  span: Span;
  /** `whole`: every part's text (`span` is the first's). */
  parts?: readonly Part[];
  /** Where a finding about this unit is anchored (its heading, or its first sentence). */
  anchor: Span;
  label: string;
}

export function firstSentence(doc: ReportDocument, span: Span): Span {
  // binary search: a scan of every sentence per item was quadratic in a long part
  const s = overlapping(doc.sentences, span[0], span[1]).find((x) => x.span[0] >= span[0]);
  return s ? [s.span[0], Math.min(s.span[1], span[1])] : span;
}

/** A prose part's sentences, grouped into the paragraphs they belong to. */
function byParagraph(doc: ReportDocument, part: Part): Item[] {
  const [bs, be] = part.bodySpan;
  return overlapping(doc.paragraphs, bs, be).flatMap((p) => {
    const span: Span = [Math.max(p.span[0], bs), Math.min(p.span[1], be)];
    return span[1] > span[0] ? [{ kind: 'paragraph' as const, span, bodySpan: span, label: labelOf(doc.text, span) }] : [];
  });
}

/**
 * The units of `scope` in `doc`: of every part of that kind, first-level or written
 * as an item of another part; none when the part is missing (another rule reports that).
 */
export function unitsOf(doc: ReportDocument, scope: Scope): Unit[] {
  const out: Unit[] = [];
  const parts = doc.partsOf(scope.part);
  if (scope.unit === 'whole') {
    const [part] = parts;
    return part ? [{ part, parts, span: scope.includeHeading ? part.span : part.bodySpan, anchor: part.heading.span, label: part.heading.title }] : [];
  }
  for (const part of parts) {
    if ((scope.unit ?? 'part') === 'part') {
      out.push({ part, span: scope.includeHeading ? part.span : part.bodySpan, anchor: part.heading.span, label: part.heading.title });
    } else {
      const prose = scope.prose === 'paragraph' && part.items.length > 0 && part.items.every((i) => i.kind === 'sentence');
      for (const item of prose ? byParagraph(doc, part) : part.items) {
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
