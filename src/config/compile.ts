import picomatch from 'picomatch';
import { relative } from 'node:path';
import { checkTypes } from '../checks/index.js';
import { createDocumentBuilder, vocabularyFrom, type DocumentBuilder } from '../document/index.js';
import type { CompileEnv, CompiledRule, RuleDefinition, Severity, SeverityName } from '../types.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import type { EffectiveRule, ResolvedConfig } from './load.js';
import { compileRegex, RegexError } from './regex.js';
import { typeOptionSchema } from './schema.js';

export const SEVERITY: Record<Exclude<SeverityName, 'off'>, Severity> = { error: 1, warning: 2, info: 3 };

/** A configuration compiled once: regexes built, lexicons resolved, per-file rule sets cached. */
export interface CompiledConfig {
  resolved: ResolvedConfig;
  builder: DocumentBuilder;
  rulesFor(filePath?: string): CompiledRule[];
  isIgnored(filePath: string): boolean;
}

export async function compileConfig(resolved: ResolvedConfig): Promise<CompiledConfig> {
  const problems: ConfigProblem[] = [];
  const env: CompileEnv = { lexicons: resolved.lexicons, regex: compileRegex };

  // Option overrides from config files are validated against their type's schema.
  const needsValidation = [...resolved.settings.entries(), ...resolved.overrides.flatMap((o) => [...o.rules.entries()])]
    .filter(([, s]) => Object.keys(s.options).length);
  if (needsValidation.length) {
    const { validateRuleOptions } = await import('./validate.js');
    for (const [id, s] of needsValidation) {
      const def = resolved.rules.get(id);
      const type = def && checkTypes[def.type];
      if (!def || !type) continue;
      problems.push(...validateRuleOptions(def.type, typeOptionSchema(type), { ...def.options, ...s.options }, resolved.origins.get(id) ?? resolved.configFile ?? '--rule', id));
    }
    if (problems.length) throw new ConfigError(problems);
  }

  const compileOne = (def: RuleDefinition, eff: EffectiveRule): CompiledRule | undefined => {
    if (eff.severity === 'off') return undefined;
    const type = checkTypes[def.type];
    if (!type) {
      problems.push({ file: def.file ?? def.id, message: `规则 ${def.id} 的类型 “${def.type}” 不存在` });
      return undefined;
    }
    try {
      return { def, severity: SEVERITY[eff.severity], check: type.compile({ ...def.options, ...eff.options } as never, env) };
    } catch (err) {
      problems.push(ruleProblem(def, err as Error));
      return undefined;
    }
  };

  const compileSet = (settings: Map<string, EffectiveRule>): CompiledRule[] => {
    const out: CompiledRule[] = [];
    for (const [id, eff] of settings) {
      const def = resolved.rules.get(id);
      if (!def) continue;
      const c = compileOne(def, eff);
      if (c) out.push(c);
    }
    return out.sort((a, b) => (a.def.id < b.def.id ? -1 : 1));
  };

  const base = compileSet(resolved.settings);
  const matchers = resolved.overrides.map((o) => picomatch(o.files, { dot: true, matchBase: !o.files.some((f) => f.includes('/')) }));
  const ignore = resolved.ignore.patterns.length ? picomatch(resolved.ignore.patterns, { dot: true, matchBase: true }) : undefined;
  const cache = new Map<string, CompiledRule[]>([['', base]]);
  const settingsWith = (indices: number[]) => {
    const s = new Map(resolved.settings);
    for (const i of indices) {
      for (const [id, o] of resolved.overrides[i].rules) {
        const def = resolved.rules.get(id);
        if (!def) continue;
        const prev = s.get(id);
        s.set(id, { severity: o.severity ?? prev?.severity ?? def.severity, options: { ...(prev?.options ?? {}), ...o.options } });
      }
    }
    return s;
  };
  // compile each override once now, so its errors surface at load time
  resolved.overrides.forEach((_, i) => cache.set(String(i), compileSet(settingsWith([i]))));
  if (problems.length) throw new ConfigError(await locate(problems));

  return {
    resolved,
    builder: createDocumentBuilder(vocabularyFrom(resolved.lexicons)),
    rulesFor(filePath) {
      if (!filePath || !matchers.length) return base;
      const rel = relative(resolved.overrides[0].base, filePath).split('\\').join('/');
      const hit = matchers.flatMap((m, i) => (m(rel) ? [i] : []));
      const key = hit.join(',');
      let rules = cache.get(key);
      if (!rules) {
        rules = compileSet(settingsWith(hit));
        cache.set(key, rules);
      }
      return rules;
    },
    isIgnored(filePath) {
      if (!ignore) return false;
      const rel = relative(resolved.ignore.base, filePath).split('\\').join('/');
      return ignore(rel);
    },
  };
}

type Located = ConfigProblem & { path?: (string | number)[] };

/** Points problems that carry a YAML path at their line and column (error path only). */
async function locate(problems: Located[]): Promise<ConfigProblem[]> {
  if (!problems.some((p) => p.path)) return problems;
  const { readFileSync } = await import('node:fs');
  const { parseYamlSource } = await import('./yaml-source.js');
  return problems.map(({ path, ...p }) => {
    if (!path) return p;
    try {
      const { source } = parseYamlSource(p.file, readFileSync(p.file, 'utf8'));
      return source ? source.problem(path, p.message, p.hint) : p;
    } catch {
      return p;
    }
  });
}

function ruleProblem(def: RuleDefinition, err: Error): ConfigProblem {
  const p: ConfigProblem = { file: def.file ?? def.id, message: `规则 ${def.id}：${err.message}` };
  if (err instanceof RegexError) {
    p.hint = err.hint;
    const path = findValuePath(def.options, err.source);
    if (path && def.file) {
      p.message = err.message;
      (p as Located).path = path;
    }
  }
  return p;
}

/** Path of the first string equal to `needle` inside a parsed YAML value. */
export function findValuePath(value: unknown, needle: string, path: (string | number)[] = []): (string | number)[] | undefined {
  if (value === needle) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = findValuePath(value[i], needle, [...path, i]);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = findValuePath(v, needle, [...path, k]);
      if (p) return p;
    }
  }
  return undefined;
}
