import { checkTypes } from '../checks/index.js';
import { vocabularyFrom } from '../document/vocabulary.js';
import type { CheckType, Lexicons, MessageContract, RuleDefinition } from '../types.js';
import { didYouMean } from './errors.js';

/**
 * A rule file's messages checked against its type's contract (ESLint's
 * `meta.messages`, for YAML), when the rule loads: every message id is one the
 * type reports with, every placeholder one the type fills for that id, every id
 * the rule's options name is worded, and every fix title and word the type needs
 * for these options is there. A typo is a load error at its YAML node, never a
 * `{{replace}}` printed as it is or a message that silently falls back.
 */

/** A problem at a YAML path of the rule file (`needle`: the text inside the node, `key`: the key rather than the value). */
export interface MessageProblem { path: (string | number)[]; message: string; hint?: string; key?: boolean; needle?: string }

/** Placeholders as the engine reads them (engine/interpolate.ts), and anything else written between {{ }}. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const NAME = /^\s*([\w-]+)\s*$/;

const braces = (names: Iterable<string>) => [...names].map((n) => `{{${n}}}`).join(' ');

/** The placeholders the engine fills in every rule from the report kind: the `words` of kinds.yaml. */
export function kindWordsOf(lexicons: Lexicons): string[] {
  return [...new Set(vocabularyFrom(lexicons).kinds.list.flatMap((k) => Object.keys(k.words)))];
}

function own<T>(map: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(map, id) ? map[id] : undefined;
}

/** The YAML path of a message: `message:` for a default written so, else `messages.<id>`. */
function pathOf(raw: Record<string, unknown>, id: string): (string | number)[] {
  return id === 'default' && typeof raw.message === 'string' ? ['message'] : ['messages', id];
}

/** What a rule's messages may hold, for its type and options. */
function contractOf(type: CheckType<any>, def: RuleDefinition) {
  const ids = type.messages;
  const named = type.optionMessages?.find(def.options) ?? [];
  const namedIds = new Set(named.flatMap((n) => (n.id === undefined ? [] : [n.id])));
  const used = (c: MessageContract) => !c.usedBy || c.usedBy(def.options) !== undefined;
  const worded = (id: string) => own(def.messages, id) !== undefined;
  // `default` stands in for every finding message the rule does not word: it gets
  // only the placeholders all of those have (every one when none of them uses it)
  const findings = Object.entries(ids).filter(([, c]) => (c.role ?? 'finding') === 'finding');
  const standIns = findings.filter(([id, c]) => (id === 'default' || !worded(id)) && used(c));
  const all = (list: [string, MessageContract][]) => new Set(list.flatMap(([, c]) => c.placeholders));
  const common = standIns.length
    ? new Set(standIns[0][1].placeholders.filter((p) => standIns.every(([, c]) => c.placeholders.includes(p))))
    : all(findings);
  const placeholders = (id: string): Set<string> | undefined => {
    if (id === 'default') return common;
    const c = own(ids, id);
    if (c) return new Set(c.placeholders);
    return namedIds.has(id) ? new Set(type.optionMessages!.placeholders) : undefined;
  };
  const every = new Set([...all(Object.entries(ids)), ...(type.optionMessages?.placeholders ?? [])]);
  return { ids, named, namedIds, used, worded, standIns, placeholders, every };
}

/** Every message problem of a loaded rule; `raw` is its YAML value (to tell `message:` from `messages.default`). */
export function checkMessages(def: RuleDefinition, raw: Record<string, unknown>, kindWords: readonly string[]): MessageProblem[] {
  const type = own(checkTypes, def.type);
  if (!type) return []; // an unknown type is reported on its own
  const c = contractOf(type, def);
  const out: MessageProblem[] = [];
  const known = ['default', ...Object.keys(c.ids).filter((id) => id !== 'default'), ...c.namedIds];

  for (const [id, template] of Object.entries(def.messages)) {
    const allowed = c.placeholders(id);
    if (!allowed) {
      const guess = didYouMean(id, known);
      out.push({
        path: pathOf(raw, id), key: true,
        message: `${def.type} 类型没有 “${id}” 这个消息 id`,
        hint: `${guess ? `是否想写 “${guess}”？` : ''}${def.type} 的消息 id：${known.join(', ')}（lawreport-lint --explain ${def.type} 列出各自的占位符）`,
      });
      continue;
    }
    const standFor = id === 'default' ? c.standIns.filter(([x]) => x !== 'default').map(([x]) => x) : [];
    out.push(...placeholderProblems(template, allowed, kindWords, pathOf(raw, id), `消息 ${id}`, c.every, standFor, type.placeholderAliases));
  }

  for (const n of c.named) {
    if (n.template !== undefined) out.push(...placeholderProblems(n.template, new Set(type.optionMessages!.placeholders), kindWords, n.path, n.path.join('.'), c.every, [], type.placeholderAliases));
    if (n.id === undefined || c.worded(n.id)) continue;
    const guess = didYouMean(n.id, Object.keys(def.messages));
    out.push({
      path: n.path,
      message: `${n.path.join('.')} 指定的消息 “${n.id}” 在 messages 中没有`,
      hint: `${guess ? `是否想写 “${guess}”？` : ''}在 messages 中写上 ${n.id}（可用占位符 ${braces(type.optionMessages!.placeholders)}），或改为已有的消息 id：${Object.keys(def.messages).join(', ') || '（没有）'}`,
    });
  }

  // fix titles and words: nothing to fall back to, so a rule that uses them words them
  for (const [id, contract] of Object.entries(c.ids)) {
    const role = contract.role ?? 'finding';
    if ((role !== 'fix' && role !== 'word') || c.worded(id)) continue;
    const at = contract.usedBy ? contract.usedBy(def.options) : [];
    if (!at) continue;
    if (contract.fills && !contract.fills.in.some((x) => usesPlaceholder(def, c.ids, x, contract.fills!.placeholder))) continue;
    out.push({
      path: at.length ? at : ['type'],
      message: `messages 中缺少 “${id}”：${contract.description}`,
      hint: `在 messages 中写上 ${id}${contract.placeholders.length ? `（可用占位符 ${braces(contract.placeholders)}）` : ''}；内置规则的写法见 lawreport-lint --explain ${def.type}`,
    });
  }

  if (def.help) out.push(...placeholderProblems(def.help, c.every, kindWords, ['help'], 'help', c.every, [], type.placeholderAliases));
  return out;
}

/** Whether the message `id` as the rule words it (a finding's falling back to `default`) uses `{{name}}`. */
function usesPlaceholder(def: RuleDefinition, ids: Readonly<Record<string, MessageContract>>, id: string, name: string): boolean {
  const finding = (own(ids, id)?.role ?? 'finding') === 'finding';
  const template = own(def.messages, id) ?? (finding ? own(def.messages, 'default') : undefined);
  return !!template && [...template.matchAll(PLACEHOLDER)].some((m) => NAME.exec(m[1])?.[1] === name);
}

function placeholderProblems(
  template: string, allowed: Set<string>, kindWords: readonly string[], path: (string | number)[], what: string,
  every: Set<string>, standFor: string[], aliases: Readonly<Record<string, string>> = {},
): MessageProblem[] {
  const out: MessageProblem[] = [];
  const names = [...allowed, ...kindWords];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = NAME.exec(m[1])?.[1];
    if (name !== undefined && (allowed.has(name) || kindWords.includes(name))) continue;
    // an option's name written for the placeholder that holds its value ({{replace}} for {{expected}})
    const alias = name !== undefined ? own(aliases, name) : undefined;
    const guess = alias !== undefined && allowed.has(alias) ? alias : didYouMean(name ?? m[1].trim(), names);
    const list = `可用的占位符：${names.length ? braces(names) : '（没有）'}`;
    if (name === undefined) {
      out.push({ path, needle: m[0], message: `${what} 中的占位符 “${m[0]}” 写法不对：{{ }} 中只能写占位符的名称（字母、数字、_ 和 -）`, hint: `${guess ? `是否想写 “{{${guess}}}”？` : ''}${list}` });
    } else if (standFor.length && every.has(name)) {
      out.push({
        path, needle: m[0],
        message: `消息 default 代替没有写出的 ${standFor.join('、')}，其中有的没有占位符 “{{${name}}}”`,
        hint: `在 messages 中分别写出用到 {{${name}}} 的消息，或从 default 中去掉它；default 可用的占位符：${names.length ? braces(names) : '（没有）'}`,
      });
    } else {
      out.push({ path, needle: m[0], message: `${what} 中的占位符 “${m[0]}” 不存在`, hint: `${guess ? `是否想写 “{{${guess}}}”？` : ''}${list}` });
    }
  }
  return out;
}
