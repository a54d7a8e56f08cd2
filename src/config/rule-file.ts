import type { RuleDefinition, RuleExample } from '../types.js';
import { COMMON_RULE_PROPERTIES, severityName } from './schema.js';

const COMMON = new Set(Object.keys(COMMON_RULE_PROPERTIES));

function examples(v: unknown): RuleExample[] {
  return Array.isArray(v) ? v.map((e) => (typeof e === 'string' ? { text: e } : (e as RuleExample))) : [];
}

/** Splits a validated rule file into the common keys and the type's options. */
export function toRuleDefinition(raw: Record<string, unknown>, file?: string): RuleDefinition {
  const options: Record<string, unknown> = {};
  // defined, not assigned: a key named __proto__ would set the options' prototype
  for (const [k, v] of Object.entries(raw)) if (!COMMON.has(k)) Object.defineProperty(options, k, { value: v, enumerable: true, writable: true, configurable: true });
  const messages: Record<string, string> = { ...((raw.messages as Record<string, string>) ?? {}) };
  if (typeof raw.message === 'string') messages.default = raw.message;
  const ex = (raw.examples ?? {}) as Record<string, unknown>;
  return {
    id: String(raw.id),
    type: String(raw.type),
    summary: String(raw.summary ?? ''),
    name: raw.name as string | undefined,
    severity: severityName(raw.severity as RuleDefinition['severity']) ?? 'warning',
    status: (raw.status as RuleDefinition['status']) ?? 'stable',
    reference: raw.reference as string | undefined,
    docs: raw.docs as string | undefined,
    help: raw.help as string | undefined,
    replacedBy: raw.replacedBy as string | undefined,
    messages,
    examples: { valid: examples(ex.valid), invalid: examples(ex.invalid) },
    options,
    file,
  };
}
