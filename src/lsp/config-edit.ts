import { isMap, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from '../types.js';
import { TextIndex } from './edits.js';

/** The content of a new `.lawreport-lint.yaml` that switches one rule off. */
export function newConfigText(rule: string): string {
  return [
    '# lawreport-lint 配置：对本文件夹及其子文件夹中的稿件生效',
    'extends: recommended',
    'rules:',
    `  ${rule}: off`,
    '',
  ].join('\n');
}

/**
 * Edits that set `rules.<rule>: off` in an existing config text, touching as little as
 * possible so the office's comments and layout stay. Returns undefined when the file
 * does not parse: the user has to repair it first (the editor already shows why).
 */
export function disableRuleEdits(text: string, rule: string): TextEdit[] | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length) return undefined;
  const index = new TextIndex(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const insert = (at: number, newText: string): TextEdit[] => [{ range: index.range(at, at), newText }];
  const root = doc.contents;

  const append = (): TextEdit[] => {
    const sep = text.length && !/\r?\n$/.test(text) ? eol : '';
    return insert(text.length, `${sep}rules:${eol}  ${rule}: off${eol}`);
  };
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) {
    return append();
  }
  if (!isMap(root)) return wholeFile(index, doc, rule);
  if (root.flow) return wholeFile(index, doc, rule);
  const rules = (root as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === 'rules') as Pair | undefined;
  if (!rules) return append();
  const value = rules.value;
  if (!isMap(value)) return wholeFile(index, doc, rule);

  const existing = value.items.find((p) => isScalar(p.key) && p.key.value === rule);
  if (existing) {
    if (isScalar(existing.value) && existing.value.range) {
      const [start, end] = existing.value.range;
      return [{ range: index.range(start, end), newText: 'off' }];
    }
    return wholeFile(index, doc, rule);
  }
  if (value.flow && value.range) {
    // `{ a: warning }` → `{ a: warning, rule: off }`
    let close = value.range[1] - 1;
    while (close > value.range[0] && text[close] !== '}') close--;
    let at = close;
    while (at > value.range[0] && /\s/.test(text[at - 1])) at--;
    return value.items.length ? insert(at, `, ${rule}: off`) : insert(at, ` ${rule}: off `);
  }
  const last = value.items[value.items.length - 1];
  const firstKey = value.items[0]?.key;
  if (!last || !isScalar(firstKey) || !firstKey.range) return wholeFile(index, doc, rule);
  const indent = ' '.repeat(index.range(firstKey.range[0], firstKey.range[0]).start.character);
  const lastEnd = (last.value as { range?: [number, number, number] } | null)?.range?.[1] ?? (last.key as { range?: [number, number, number] }).range?.[1];
  if (lastEnd === undefined) return wholeFile(index, doc, rule);
  // after the whole line of the last entry, so its trailing comment stays with it
  const nl = text.indexOf('\n', lastEnd);
  if (nl < 0) return insert(text.length, `${eol}${indent}${rule}: off${eol}`);
  return insert(nl + 1, `${indent}${rule}: off${eol}`);
}

/** Shapes we do not edit in place (a flow-style root, `rules` written as a scalar…): rewrite the file. */
function wholeFile(index: TextIndex, doc: ReturnType<typeof parseDocument>, rule: string): TextEdit[] {
  const rules = doc.get('rules');
  if (isMap(rules)) rules.set(rule, 'off');
  else doc.set('rules', doc.createNode({ [rule]: 'off' }));
  return [{ range: index.range(0, index.text.length), newText: doc.toString() }];
}
