import { vocabularyFrom, type PartVocabulary } from '../document/vocabulary.js';
import type { Lexicons, RuleDefinition, SeverityName } from '../types.js';

/** What sarif, junit, html and the checklist need to know about a rule. */
export interface RuleInfo {
  summary: string;
  /** A short name for headers (半角标点). */
  name?: string;
  /** Effective severity in the run's configuration ('off' = not run). */
  severity: SeverityName;
  help?: string;
  reference?: string;
  docs?: string;
}

/** One line of the review checklist (rules/lexicon/checklist.yaml). */
export interface Requirement {
  id: string;
  label: string;
  help?: string;
  /** The rules whose findings and passes decide the requirement. */
  rules: string[];
}

/** The words people's formats show, from the lexicons (never from TypeScript). */
export interface ReportVocabulary {
  /** The five parts in the regulation's order: full name and a short column label. */
  parts: Pick<PartVocabulary, 'kind' | 'name' | 'short'>[];
  checklist: Requirement[];
}

interface ConfigLike {
  rules: ReadonlyMap<string, RuleDefinition>;
  settings: ReadonlyMap<string, { severity: SeverityName }>;
  lexicons: Lexicons;
}

/**
 * The FormatContext fields the CLI fills from the resolved configuration
 * (`linter.config.resolved`): rule metadata and the report vocabulary.
 */
export function reportContext(config: ConfigLike): { rules: Map<string, RuleInfo>; report: ReportVocabulary } {
  const rules = new Map<string, RuleInfo>();
  for (const [id, def] of config.rules) {
    rules.set(id, {
      summary: def.summary,
      name: def.name,
      severity: config.settings.get(id)?.severity ?? 'off',
      help: def.help,
      reference: def.reference,
      docs: def.docs,
    });
  }
  return { rules, report: reportVocabulary(config.lexicons) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parts as the report model reads parts.yaml, and checklist.yaml read defensively: a malformed requirement is skipped, not fatal, as output must still be written. */
function reportVocabulary(lexicons: Lexicons): ReportVocabulary {
  const checklist = isRecord(lexicons.checklist) ? lexicons.checklist : {};
  const parts = vocabularyFrom(lexicons).parts.map(({ kind, name, short }) => ({ kind, name, short }));
  const requirements: Requirement[] = [];
  for (const r of Array.isArray(checklist.requirements) ? checklist.requirements : []) {
    if (!isRecord(r) || typeof r.id !== 'string' || typeof r.label !== 'string' || !Array.isArray(r.rules)) continue;
    requirements.push({
      id: r.id,
      label: r.label,
      help: typeof r.help === 'string' ? r.help : undefined,
      rules: r.rules.map(String),
    });
  }
  return { parts, checklist: requirements };
}
