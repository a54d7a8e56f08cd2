import type { DocumentVocabulary, PartVocabulary } from './vocabulary.js';
import { wordsRegExp } from './vocabulary.js';

/** Where a passage's first clause ends. */
const CLAUSE_END = /[，,。；;：:\n]/;

/**
 * The first clause of `text` from `at` (at most 60 characters), blanks before it
 * skipped; `ends`: what ends it (a lead-in such as “在取得成绩的同时，还存在一些不足：”
 * runs past its commas), and where it starts in the text.
 */
export function firstClause(text: string, at: number, end: number, ends: RegExp = CLAUSE_END): { text: string; start: number } {
  const head = text.slice(at, Math.min(end, at + 60));
  const start = at + head.length - head.trimStart().length;
  const rest = text.slice(start, Math.min(end, at + 60));
  const stop = rest.search(ends);
  return { text: stop < 0 ? rest : rest.slice(0, stop), start };
}

/**
 * Whether a passage (an item's text, a paragraph) reports a part by how it opens
 * (parts.yaml `items.opening`, `items.actions`): its first clause holds a word of
 * each group — who, and the duty — and the passage tells of at least `actions` of
 * the duties' groups (duties.yaml). Returns the last group's word found (the duty).
 */
export function compileOpening(v: DocumentVocabulary): (part: PartVocabulary, clause: string, passage: string) => string | undefined {
  const groups = v.duties.map((words) => wordsRegExp(words));
  const actionsIn = (s: string): number => groups.reduce((n, re) => n + (re.test(s) ? 1 : 0), 0);
  return (part, clause, passage) => {
    const { opening, actions } = part.items;
    if (!opening.length) return undefined;
    const found = opening.map((group) => group.find((k) => clause.includes(k)));
    if (!found.every(Boolean) || actionsIn(passage) < actions) return undefined;
    return found[found.length - 1];
  };
}
