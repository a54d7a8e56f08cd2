import type { PartKind, Span } from '../types.js';
import { escapeRegExp } from '../document/vocabulary.js';
import { defineCheck, expandWords, message, partListSchema, quote, wordListSchema } from './define.js';
import { SpanSet } from './span-set.js';

interface Pattern {
  regex?: string;
  words?: string[];
  messageId?: string;
  /** An exception: its matches are not reported, and later patterns' matches that overlap one are dropped. */
  allow?: boolean;
  /** Replacement for the match; '' deletes it. */
  fix?: { replace: string; safe?: boolean; title?: string };
}

interface ExistenceOptions {
  patterns: Pattern[];
  parts?: PartKind[];
  skipMarkerGap?: boolean;
}

/**
 * existence — text that must not appear: a regex or a word list per pattern, each
 * with its own message and optional fix. Patterns are tried in order and a later
 * match overlapping an earlier one is dropped, so one character is reported once.
 * Used by: placeholder, conversion-artifact, stray-whitespace, vague-quantity,
 * contradictory-approximation.
 */
export const existence = defineCheck<ExistenceOptions>({
  type: 'existence',
  summary: '查找不应出现的文字（占位符、转换残留、多余空白、模糊数量等）',
  options: {
    patterns: {
      type: 'array', minItems: 1,
      items: {
        type: 'object', additionalProperties: false,
        properties: {
          regex: { type: 'string', minLength: 1, description: '正则表达式（JavaScript 语法，u 标志）' },
          words: wordListSchema,
          messageId: { type: 'string', description: '使用 messages 中的哪条消息（须在 messages 中写出，可用 {{found}}）' },
          allow: { type: 'boolean', description: '例外：这一项匹配到的文字不报告，后面各项与它重叠的匹配也不报告（写在要排除的模式之前）' },
          fix: {
            type: 'object', additionalProperties: false, required: ['replace'],
            properties: { replace: { type: 'string' }, safe: { type: 'boolean' }, title: { type: 'string', description: '修复的标题，可用 {{found}}；不写时用 messages 中的 fix' } },
          },
        },
      },
      description: '要查找的模式，每项给 regex 或 words',
    },
    parts: { ...partListSchema, description: '只在这些部分中查找（默认全文）' },
    skipMarkerGap: { type: 'boolean', description: '忽略标题序号后的空格，如“（1） 基层…”' },
  },
  required: ['patterns'],
  messages: {
    default: message('没有 messageId 的模式找到的文字', ['found']),
    fix: message('没有 title 的修复的标题', ['found'], {
      role: 'fix',
      usedBy: (o: ExistenceOptions) => {
        const i = o.patterns.findIndex((p) => p.fix && p.fix.title === undefined);
        return i < 0 ? undefined : ['patterns', i, 'fix'];
      },
    }),
  },
  placeholderAliases: { regex: 'found', words: 'found' },
  optionMessages: {
    description: 'patterns 各项的 messageId 指定的消息，和 fix.title 修复的标题',
    placeholders: ['found'],
    find: (o: ExistenceOptions) => o.patterns.flatMap((p, i) => [
      ...(p.messageId !== undefined ? [{ path: ['patterns', i, 'messageId'], id: p.messageId }] : []),
      ...(p.fix?.title !== undefined ? [{ path: ['patterns', i, 'fix', 'title'], template: p.fix.title }] : []),
    ]),
  },
  compile(options, env) {
    const compiled = options.patterns.map((p) => {
      const words = expandWords(p.words, env.lexicons);
      const source = p.regex ?? words.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
      return { re: env.regex(source, 'gmu'), p };
    });
    return ({ doc, report }) => {
      const scopes: Span[] = options.parts
        ? doc.parts.filter((p) => options.parts!.includes(p.kind)).map((p) => p.bodySpan)
        : [[0, doc.text.length]];
      const gaps = SpanSet.of(options.skipMarkerGap
        ? doc.headings.filter((h) => h.marker && h.titleSpan[0] > h.marker.span[1]).map((h) => [h.marker!.span[1], h.titleSpan[0]] as Span)
        : []);
      const ignored = SpanSet.of(doc.ignored);
      const taken = new SpanSet();
      for (const { re, p } of compiled) {
        for (const [s, e] of scopes) {
          const chunk = doc.text.slice(s, e);
          re.lastIndex = 0;
          for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
            if (m[0].length === 0) { re.lastIndex++; continue; }
            const span: Span = [s + m.index, s + m.index + m[0].length];
            if (ignored.overlaps(span) || gaps.contains(span) || taken.overlaps(span)) continue;
            taken.add(span);
            if (p.allow) continue;
            report({
              span,
              messageId: p.messageId,
              data: { found: quote(m[0]) },
              fix: p.fix ? { title: p.fix.title, messageId: 'fix', safe: p.fix.safe ?? true, edits: [{ span, text: p.fix.replace }] } : undefined,
            });
          }
        }
      }
    };
  },
});
