import { MarkupKind, type Hover } from 'vscode-languageserver';
import { explainRule, hoverMarkdown } from '../present/explain.js';
import type { Diagnostic, Position, Range, RuleDefinition } from '../types.js';
import { contains } from './ranges.js';

/**
 * Hover over a finding: the rule's summary, why it matters, the regulation it cites
 * and an example that satisfies it, from the rule's YAML (the text `--explain` shows).
 * Several findings under the cursor each get their rule once.
 */
export function hoverFor(
  diagnostics: readonly Diagnostic[],
  position: Position,
  rules: ReadonlyMap<string, RuleDefinition>,
  markdown: boolean,
): Hover | null {
  const under = diagnostics.filter((d) => contains(d.range, position));
  const seen = new Set<string>();
  const sections: string[] = [];
  let range: Range | undefined;
  for (const d of under) {
    const def = rules.get(d.code);
    if (!def || seen.has(def.id)) continue;
    seen.add(def.id);
    range ??= d.range;
    sections.push(markdown ? hoverMarkdown(def) : explainRule(def).trimEnd());
  }
  if (!sections.length) return null;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: sections.join(markdown ? '\n\n---\n\n' : '\n\n') },
    range,
  };
}
