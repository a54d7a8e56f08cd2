import type { Lexicons, PartKind, ReportKind } from '../types.js';

/**
 * The words the document model needs (part headings, title words, units, report
 * kinds), compiled once per configuration from rules/lexicon/{parts,title,quantities,
 * kinds,years,debris,causes,duties}.yaml.
 */
export interface PartVocabulary {
  kind: Exclude<PartKind, 'unknown'>;
  name: string;
  /** Column label and order-list name: 举措成效, 不足原因 … */
  short: string;
  official: string;
  keywords: string[];
  /** Keywords that name the part only in a heading that is not a theme. */
  weak: string[];
  /** An item of another part headed with these reports this part there. */
  /**
   * `opening`: word groups that, each found in an item's first clause, say the item
   * reports this part, if it tells of `actions` of the duties' groups (DocumentVocabulary.duties).
   */
  items: { keywords: string[]; inThemes: boolean; opening: string[][]; actions: number };
  mentions: string[];
  /** A paragraph of another part whose first clause holds one of these reports this part there. */
  paragraphs: string[];
}

export interface KindVocabulary {
  kind: ReportKind;
  label: string;
  /** How an organ of this kind ends (镇, 县, 局 …). */
  ends: string[];
  /** How the text calls its own organ (我镇, 我局 …). */
  self: string[];
  /** Examples for messages, by placeholder name. */
  words: Record<string, string>;
}

export interface DocumentVocabulary {
  parts: PartVocabulary[];
  /** Words a section's text shows its part by (parts.yaml `content`, causes.yaml `words`). */
  content: { past: string[]; problems: string[]; future: string[]; causes: string[] };
  title: { subject: string[]; about: string; report: string[]; summary: string[]; organSuffixes: string[]; determiners: string[] };
  quantities: { units: string[]; approxBefore: string[]; approxAfter: string[]; notFigures: string[] };
  kinds: { list: KindVocabulary[]; governments: string[]; default: ReportKind };
  /** Years that name a document: drafting verbs, document words, words of taking effect (years.yaml). */
  documents: { verbs: string[]; nouns: string[]; effective: string[] };
  /** Word debris before a line's text (debris.yaml). */
  debris: { fields: string[]; invisible: string };
  /** The words of each of the leaders' duties (duties.yaml `groups`): what an item reporting them tells of. */
  duties: string[][];
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

const record = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function vocabularyFrom(lexicons: Lexicons): DocumentVocabulary {
  const partsLexicon = record(lexicons.parts);
  const parts = record(partsLexicon.parts);
  const content = record(partsLexicon.content);
  const title = record(lexicons.title);
  const q = record(lexicons.quantities);
  const kinds = record(lexicons.kinds);
  const documents = record(record(lexicons.years).documents);
  const debris = record(lexicons.debris);
  return {
    parts: Object.entries(parts).map(([kind, raw]) => {
      const p = record(raw);
      const items = record(p.items);
      return {
        kind: kind as PartVocabulary['kind'],
        name: String(p.name ?? kind),
        short: String(p.short ?? p.name ?? kind),
        official: String(p.official ?? p.name ?? kind),
        keywords: list(p.keywords),
        weak: list(p.weak),
        items: { keywords: list(items.keywords), inThemes: items.inThemes === true, opening: (Array.isArray(items.opening) ? items.opening : []).map(list).filter((g) => g.length), actions: Number(items.actions ?? 0) },
        mentions: list(p.mentions),
        paragraphs: list(p.paragraphs),
      };
    }),
    content: { past: list(content.past), problems: list(content.problems), future: list(content.future), causes: list(record(lexicons.causes).words) },
    title: {
      subject: list(title.subject), about: String(title.about ?? '关于'), report: list(title.report),
      summary: list(title.summary), organSuffixes: list(title.organSuffixes), determiners: list(title.determiners),
    },
    quantities: {
      units: list(q.units), approxBefore: list(q.approxBefore), approxAfter: list(q.approxAfter),
      notFigures: [...list(q.notFigures), ...list(q.setPhrases)],
    },
    kinds: {
      list: Object.entries(record(kinds.kinds)).map(([kind, raw]) => {
        const k = record(raw);
        return {
          kind: kind as ReportKind, label: String(k.label ?? kind), ends: list(k.ends), self: list(k.self),
          words: Object.fromEntries(Object.entries(record(k.words)).map(([n, w]) => [n, String(w)])),
        };
      }),
      governments: list(kinds.governments),
      default: (kinds.default ?? 'township') as ReportKind,
    },
    documents: { verbs: list(documents.verbs), nouns: list(documents.nouns), effective: list(documents.effective) },
    debris: { fields: list(debris.fields), invisible: typeof debris.invisible === 'string' ? debris.invisible : '' },
    duties: Object.values(record(record(lexicons.duties).groups)).map((g) => list(record(g).words)).filter((w) => w.length),
  };
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation, longest words first so 人次 wins over 人. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/** A regex matching any of `words` (flags as given), or one that never matches when there are none. */
export function wordsRegExp(words: readonly string[], flags = ''): RegExp {
  return words.length ? new RegExp(alternation(words), flags) : /(?!)/;
}
