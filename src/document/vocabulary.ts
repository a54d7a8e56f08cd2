import type { Lexicons, PartKind } from '../types.js';

/**
 * The words the document model needs (part headings, title words, units),
 * compiled once per configuration from rules/lexicon/{parts,title,quantities}.yaml.
 */
export interface PartVocabulary {
  kind: Exclude<PartKind, 'unknown'>;
  name: string;
  /** Column label and order-list name: 举措成效, 不足原因 … */
  short: string;
  official: string;
  keywords: string[];
  mentions: string[];
}

export interface DocumentVocabulary {
  parts: PartVocabulary[];
  title: { subject: string[]; about: string; report: string[]; summary: string[]; organSuffixes: string[] };
  quantities: { units: string[]; approxBefore: string[]; approxAfter: string[]; notFigures: string[] };
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

export function vocabularyFrom(lexicons: Lexicons): DocumentVocabulary {
  const parts = (lexicons.parts as { parts?: Record<string, Record<string, unknown>> } | undefined)?.parts ?? {};
  const title = (lexicons.title ?? {}) as Record<string, unknown>;
  const q = (lexicons.quantities ?? {}) as Record<string, unknown>;
  return {
    parts: Object.entries(parts).map(([kind, p]) => ({
      kind: kind as PartVocabulary['kind'],
      name: String(p.name ?? kind),
      short: String(p.short ?? p.name ?? kind),
      official: String(p.official ?? p.name ?? kind),
      keywords: list(p.keywords),
      mentions: list(p.mentions),
    })),
    title: {
      subject: list(title.subject), about: String(title.about ?? '关于'), report: list(title.report),
      summary: list(title.summary), organSuffixes: list(title.organSuffixes),
    },
    quantities: { units: list(q.units), approxBefore: list(q.approxBefore), approxAfter: list(q.approxAfter), notFigures: list(q.notFigures) },
  };
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation, longest words first so 人次 wins over 人. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}
