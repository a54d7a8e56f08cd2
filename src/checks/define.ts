import type { CheckType, OptionSchema, PartKind, Span } from '../types.js';
import { PART_KINDS } from '../types.js';

/** Identity helper that keeps a check type's options typed. */
export function defineCheck<O>(t: CheckType<O>): CheckType<O> {
  return t;
}

/** Reusable option schemas. */
export const partKindSchema: OptionSchema = { type: 'string', enum: PART_KINDS as unknown as string[] };
export const partListSchema: OptionSchema = {
  type: 'array', items: partKindSchema, uniqueItems: true,
  description: '报告部分：achievements 举措成效 / shortcomings 不足原因 / duties 第一责任人职责 / plan 下一年度安排 / other 其他 / unknown',
};
export const wordListSchema: OptionSchema = {
  type: 'array', items: { type: 'string', minLength: 1 }, description: '词语列表，或 "$lexicon/名称[.键]" 引用词表',
};

/** Resolves "$lexicon/name.key" entries to the words they name, flattening. */
export function expandWords(words: readonly unknown[] | undefined, lexicons: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const w of words ?? []) {
    if (typeof w === 'string' && w.startsWith('$lexicon/')) {
      const [file, ...path] = w.slice('$lexicon/'.length).split('.');
      let v: unknown = lexicons[file];
      for (const k of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
      if (Array.isArray(v)) out.push(...v.map(String));
      else if (v && typeof v === 'object') out.push(...Object.values(v).flat().map(String));
      else throw new Error(`词表引用 “${w}” 不存在`);
    } else if (typeof w === 'string') {
      out.push(w);
    }
  }
  return out;
}

export function inSpan(offset: number, span: Span): boolean {
  return offset >= span[0] && offset < span[1];
}

export function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

export function quote(s: string, max = 24): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export type { PartKind };
