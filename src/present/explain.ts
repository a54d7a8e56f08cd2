import { SEVERITY_NAME_WORD } from './severity.js';
import { stringify } from './yaml-lite.js';
import { checkTypes } from '../checks/index.js';
import type { CompiledConfig } from '../config/compile.js';
import type { MessageRole, RuleDefinition } from '../types.js';

const ROLE: Record<MessageRole, string> = { finding: '', related: '（相关位置）', pass: '（审核清单）', fix: '（修复标题）', word: '（用词）' };

/** `--explain RULE`: the rule rendered from its YAML — what, why, how, options, examples. */
export function explainRule(def: RuleDefinition, effective?: string): string {
  const out: string[] = [];
  out.push(`${def.id} — ${def.summary}`);
  out.push(`类型：${def.type}（${checkTypes[def.type]?.summary ?? ''}）  默认：${SEVERITY_NAME_WORD[def.severity]}${effective ? `  当前：${SEVERITY_NAME_WORD[effective] ?? effective}` : ''}${def.status !== 'stable' ? `  状态：${def.status}` : ''}`);
  if (def.reference) out.push(`依据：${def.reference}`);
  if (def.docs) out.push('', '为什么：', ...def.docs.trim().split('\n').map((l) => `  ${l}`));
  if (def.help) out.push('', `怎样改：${def.help}`);
  const opts = Object.entries(def.options);
  if (opts.length) {
    out.push('', '选项：');
    const schema = checkTypes[def.type]?.options ?? {};
    for (const [k, v] of opts) {
      const d = schema[k]?.description;
      out.push(`  ${k}: ${stringify(v)}${d ? `    # ${d}` : ''}`);
    }
  }
  const ex = def.examples;
  if (ex.valid.length) {
    out.push('', '符合要求的写法：');
    for (const e of ex.valid) out.push(...indent(e.text, e.description));
  }
  if (ex.invalid.length) {
    out.push('', '会被报告的写法：');
    for (const e of ex.invalid) out.push(...indent(e.text, e.description));
  }
  if (def.file) out.push('', `规则文件：${def.file}`);
  return out.join('\n') + '\n';
}

/** Short Markdown for an editor hover: summary, why, reference, a valid example. */
export function hoverMarkdown(def: RuleDefinition): string {
  const out = [`**${def.id}** — ${def.summary}`];
  if (def.docs) out.push('', def.docs.trim());
  if (def.reference) out.push('', `依据：${def.reference}`);
  if (def.help) out.push('', `怎样改：${def.help}`);
  const ok = def.examples.valid[0];
  if (ok) out.push('', '符合要求的写法：', '```text', ok.text, '```');
  return out.join('\n');
}

function indent(text: string, description?: string): string[] {
  const lines = text.split('\n').map((l) => `    ${l}`);
  return description ? [`  · ${description}`, ...lines] : ['  ·', ...lines];
}

export function explainType(type: string): string | undefined {
  const t = checkTypes[type];
  if (!t) return undefined;
  const out = [`规则类型 ${t.type} — ${t.summary}`, '', '选项：'];
  for (const [k, s] of Object.entries(t.options)) out.push(`  ${k}${t.required?.includes(k) ? '（必填）' : ''}: ${s.description ?? ''}`);
  const braces = (names: readonly string[]) => (names.length ? names.map((n) => `{{${n}}}`).join(' ') : '（无）');
  out.push('', '消息（规则文件 messages 中的键；写错 id 或占位符，规则不能加载）：');
  for (const [id, m] of Object.entries(t.messages)) out.push(`  ${id}${ROLE[m.role ?? 'finding']}: ${m.description}`, `      占位符：${braces(m.placeholders)}`);
  if (t.optionMessages) out.push(`  ${t.optionMessages.description}`, `      占位符：${braces(t.optionMessages.placeholders)}`);
  out.push('  各条消息和 help 还可用报告单位类型的示例占位符（rules/lexicon/kinds.yaml 的 words，如 {{organExample}}）；规则没有写出的问题消息用它的 default（也没有时用 summary）。');
  return out.join('\n') + '\n';
}

/** `--list-rules`: every known rule with its default and current severity. */
export function listRules(config: CompiledConfig): string {
  const rows = [...config.resolved.rules.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const w = Math.max(...rows.map((r) => r.id.length));
  const tw = Math.max(...rows.map((r) => r.type.length));
  const lines = rows.map((r) => {
    const eff = config.resolved.settings.get(r.id)?.severity ?? 'off';
    return `${r.id.padEnd(w)}  ${r.type.padEnd(tw)}  ${(SEVERITY_NAME_WORD[eff] ?? eff).padEnd(2, '　')}  ${r.summary}`;
  });
  return [`${'规则'.padEnd(w - 2)}  ${'类型'.padEnd(tw - 2)}  当前  说明`, ...lines].join('\n') + '\n';
}
