import type { DocumentVocabulary, PartVocabulary } from './vocabulary.js';
import { wordsRegExp } from './vocabulary.js';

/** Where a passage's first clause ends. */
const CLAUSE_END = /[，,。；;：:\n]/;

/** The first clause of `text` from `at` (at most 60 characters), blanks before it skipped. */
export function firstClause(text: string, at: number, end: number): string {
  const head = text.slice(at, Math.min(end, at + 60)).trimStart();
  const stop = head.search(CLAUSE_END);
  return stop < 0 ? head : head.slice(0, stop);
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
