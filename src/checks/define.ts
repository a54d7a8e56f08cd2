import { clipSpaced } from '../document/clip.js';
import { alternation } from '../document/vocabulary.js';
import type { CheckType, CompileEnv, MessageContract, OptionSchema, PartKind } from '../types.js';
import { PART_KINDS } from '../types.js';

/** Identity helper that keeps a check type's options typed. */
export function defineCheck<O>(t: CheckType<O>): CheckType<O> {
  return t;
}

/**
 * Options a type cannot compile (a lexicon reference that names nothing, a word
 * group without words), as a code and what it concerns: src/config words it for
 * the rule file's author (config/compile.ts).
 */
export class OptionError extends Error {
  constructor(readonly code: 'lexicon-missing' | 'group-empty' | 'swap-not-table' | 'find-or-regex', readonly data: Readonly<Record<string, string | number>> = {}) {
    super(`${code} ${JSON.stringify(data)}`);
    this.name = 'OptionError';
  }
}

/** One message of a type's contract: what it says, the placeholders the type fills, and how it is used. */
export function message(description: string, placeholders: readonly string[], more: Omit<MessageContract, 'description' | 'placeholders'> = {}): MessageContract {
  return { description, placeholders, ...more };
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

/**
 * The value a "$lexicon/name.key" reference names (rules/lexicon/name.yaml, then the
 * keys); any other value is returned as it is. `what` names the option in the error;
 * `map` requires the reference to name a table (group → words).
 */
export function resolveLexicon(value: unknown, lexicons: Readonly<Record<string, unknown>>, what = '', map = false): unknown {
  if (typeof value !== 'string' || !value.startsWith('$lexicon/')) return value;
  const [file, ...path] = value.slice('$lexicon/'.length).split('.');
  // own properties only: “$lexicon/constructor” names no lexicon
  const own = (o: unknown, k: string) => (o && typeof o === 'object' && Object.hasOwn(o, k) ? (o as Record<string, unknown>)[k] : undefined);
  let v: unknown = own(lexicons, file);
  for (const k of path) v = own(v, k);
  if (v === undefined || v === null || (map && typeof v !== 'object')) throw new OptionError('lexicon-missing', { ref: value, option: what });
  return v;
}

/** A group of words compiled to one regex (coverage groups, correspondence topics). */
export interface WordGroup { name: string; label: string; re: RegExp }

/**
 * Group name → words (or {label, words}), inline or as a "$lexicon/name.key"
 * reference, each group compiled to one alternation; a group without words is an
 * error (its regex would match everything).
 */
export function compileGroups(ref: unknown, env: CompileEnv, what = ''): WordGroup[] {
  const map = resolveLexicon(ref ?? {}, env.lexicons, what, true) ?? {};
  return Object.entries(map as Record<string, unknown>).map(([name, v]) => {
    const g = Array.isArray(v) ? { label: name, words: v } : (v as { label?: string; words?: unknown[] });
    const words = expandWords(g.words ?? [], env.lexicons);
    if (!words.length) throw new OptionError('group-empty', { group: name });
    return { name, label: g.label ?? name, re: new RegExp(alternation(words)) };
  });
}

/** Words, with "$lexicon/name.key" entries replaced by the words they name (a table's words flattened). */
export function expandWords(words: readonly unknown[] | undefined, lexicons: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const w of words ?? []) {
    if (typeof w !== 'string') continue;
    const v = resolveLexicon(w, lexicons);
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) out.push(String(x));
    else if (v && typeof v === 'object') for (const x of Object.values(v).flat()) out.push(String(x));
    else throw new OptionError('lexicon-missing', { ref: w, option: '' });
  }
  return out;
}

export function quote(s: string, max = 24): string {
  return clipSpaced(s.trim(), max);
}

export type { PartKind };
