import picomatch from 'picomatch';
import { OptionError } from '../checks/define.js';
import { checkTypes } from '../checks/index.js';
import { createDocumentBuilder, vocabularyFrom, type DocumentBuilder } from '../document/index.js';
import type { CompileEnv, CompiledRule, RuleDefinition, Severity, SeverityName } from '../types.js';
import { ConfigError, formatProblem, type ConfigProblem } from './errors.js';
import type { ConfigHost } from './host.js';
import type { EffectiveRule, ResolvedConfig } from './load.js';
import { compileRegex, loadLinearEngine, RegexError } from './regex.js';
import { typeOptionSchema } from './schema.js';

export const SEVERITY: Record<Exclude<SeverityName, 'off'>, Severity> = { error: 1, warning: 2, info: 3 };

/** A configuration compiled once: regexes built, lexicons resolved, per-file rule sets cached. */
export interface CompiledConfig {
  resolved: ResolvedConfig;
  builder: DocumentBuilder;
  rulesFor(filePath?: string): CompiledRule[];
  /** The rule settings for a file, its config's `overrides` applied, and which overrides matched it (their indices). */
  settingsFor(filePath?: string): { settings: Map<string, EffectiveRule>; overrides: number[] };
  isIgnored(filePath: string): boolean;
  /** The `ignore` pattern of the config that leaves this file out, if one does. */
  ignoredBy(filePath: string): string | undefined;
}

export async function compileConfig(resolved: ResolvedConfig): Promise<CompiledConfig> {
  const problems: ConfigProblem[] = [];
  // the package's own rules are tested with it; an office's patterns run on the linear engine
  // (by id and file: a configuration compiled in a worker thread holds copies of the definitions)
  const shippedFiles = new Map((await resolved.host.builtins()).rules.map((r) => [r.id, r.file] as const));
  const isShipped = (def: RuleDefinition) => shippedFiles.has(def.id) && shippedFiles.get(def.id) === def.file;
  if (hasOfficeWords(resolved, isShipped)) await loadLinearEngine();
  const env: CompileEnv = { lexicons: resolved.lexicons, regex: compileRegex };

  // Option overrides from config files are validated against their type's schema;
  // a rule whose options are wrong is reported and left out, and checking goes on.
  const needsValidation = [
    ...[...resolved.settings.entries()].map(([id, s]) => ({ id, s, at: ['rules', id] as (string | number)[], file: resolved.origins.get(id) })),
    ...resolved.overrides.flatMap((o, i) => [...o.rules.entries()].map(([id, s]) => ({ id, s, at: ['overrides', i, 'rules', id], file: resolved.configFile }))),
  ].filter(({ s }) => Object.keys(s.options).length);
  const badOptions = new Set<string>();
  if (needsValidation.length) {
    const { validateRuleOptions } = await import('./validate.js');
    for (const { id, s, at, file } of needsValidation) {
      const def = resolved.rules.get(id);
      const type = def && checkTypes[def.type];
      if (!def || !type) continue;
      const options = { ...def.options, ...s.options };
      const found = validateRuleOptions(def.type, typeOptionSchema(type), options, file ?? resolved.configFile ?? '--rule', id, resolved.host);
      // options that name message ids (existence's patterns[].messageId) name ones the rule file words
      const { checkMessages, kindWordsOf } = await import('./messages.js');
      const worded = found.length ? [] : checkMessages({ ...def, options }, {}, kindWordsOf(resolved.lexicons))
        .filter((p) => Object.hasOwn(s.options, p.path[0]))
        .map((p) => ({ file: file ?? resolved.configFile ?? '--rule', message: `规则 ${id} 的选项：${p.message}`, hint: p.hint, path: p.path, key: p.key, needle: p.needle }));
      if (found.length || worded.length) badOptions.add(id);
      problems.push(...[...found, ...worded].map((p) => ({ ...p, path: [...at, ...p.path] })));
    }
  }

  const compileOne = (def: RuleDefinition, eff: EffectiveRule): CompiledRule | undefined => {
    if (eff.severity === 'off' || badOptions.has(def.id)) return undefined;
    const type = checkTypes[def.type];
    if (!type) {
      problems.push({ file: def.file ?? def.id, message: `规则 ${def.id} 的类型 “${def.type}” 不存在` });
      return undefined;
    }
    // Every bad regex of a rule is reported, not just the first one the type compiles.
    const regexErrors: RegexError[] = [];
    const shipped = isShipped(def);
    const ruleEnv: CompileEnv = {
      ...env,
      regex(source, flags) {
        try {
          // a shipped rule's own pattern runs natively; anything an office wrote, on the linear-time engine
          return compileRegex(source, flags, !shipped || !!findValuePath(eff.options, source));
        } catch (err) {
          if (!(err instanceof RegexError)) throw err;
          regexErrors.push(err);
          return /(?!)/;
        }
      },
    };
    const user = { options: eff.options, file: resolved.origins.get(def.id) ?? resolved.configFile };
    try {
      const check = type.compile({ ...def.options, ...eff.options } as never, ruleEnv);
      if (!regexErrors.length) return { def, severity: SEVERITY[eff.severity], check };
    } catch (err) {
      problems.push(ruleProblem(def, err as Error, user));
    }
    problems.push(...regexErrors.map((e) => ruleProblem(def, e, user)));
    return undefined;
  };

  // a rule an override leaves as it is keeps its base compilation (and its base failure)
  const baseRules = new Map<string, CompiledRule | undefined>();
  const compileSet = (settings: Map<string, EffectiveRule>): CompiledRule[] => {
    const out: CompiledRule[] = [];
    for (const [id, eff] of settings) {
      const def = resolved.rules.get(id);
      if (!def) continue;
      const untouched = baseRules.has(id) && eff === resolved.settings.get(id);
      const c = untouched ? baseRules.get(id) : compileOne(def, eff);
      if (c) out.push(c);
    }
    return out.sort((a, b) => (a.def.id < b.def.id ? -1 : 1));
  };

  const base = compileSet(resolved.settings);
  for (const id of resolved.settings.keys()) baseRules.set(id, base.find((r) => r.def.id === id));
  const matchers = resolved.overrides.map((o) => globMatcher(o.files));
  const ignore = resolved.ignore.patterns.length ? globMatcher(resolved.ignore.patterns) : undefined;
  const cache = new Map<string, CompiledRule[]>([['', base]]);
  const overridesFor = (filePath: string) => {
    const rel = resolved.host.path.relative(resolved.overrides[0].base, filePath).split('\\').join('/');
    return matchers.flatMap((m, i) => (m(rel) ? [i] : []));
  };
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
  if (problems.length) {
    // an override that changes only a failing rule's severity compiles it again, and it fails the same way
    const seen = new Set<string>();
    throw new ConfigError((await locate(problems, resolved.host)).filter((p) => {
      const k = formatProblem(p);
      return !seen.has(k) && !!seen.add(k);
    }));
  }

  return {
    resolved,
    builder: createDocumentBuilder(vocabularyFrom(resolved.lexicons), { reportKind: resolved.reportKind }),
    rulesFor(filePath) {
      if (!filePath || !matchers.length) return base;
      const hit = overridesFor(filePath);
      const key = hit.join(',');
      let rules = cache.get(key);
      if (!rules) {
        rules = compileSet(settingsWith(hit));
        cache.set(key, rules);
      }
      return rules;
    },
    settingsFor(filePath) {
      const hit = filePath && matchers.length ? overridesFor(filePath) : [];
      return { settings: hit.length ? settingsWith(hit) : resolved.settings, overrides: hit };
    },
    isIgnored(filePath) {
      if (!ignore) return false;
      const rel = resolved.host.path.relative(resolved.ignore.base, filePath).split('\\').join('/');
      return ignore(rel);
    },
    ignoredBy(filePath) {
      if (!ignore) return undefined;
      const rel = resolved.host.path.relative(resolved.ignore.base, filePath).split('\\').join('/');
      // which pattern: tried one by one only for the files a run reports as ignored
      return ignore(rel) ? resolved.ignore.patterns.find((p) => globMatcher([p])(rel)) : undefined;
    },
  };
}

/** The options from which rule types compile regexes (existence, substitution). */
const PATTERN_OPTIONS = ['patterns', 'entries', 'ignore', 'context'];

/** Whether an office wrote rules, or gave a shipped rule options that may hold patterns. */
function hasOfficeWords(resolved: ResolvedConfig, isShipped: (def: RuleDefinition) => boolean): boolean {
  const options = (s: { options: Record<string, unknown> }) => PATTERN_OPTIONS.some((k) => Object.hasOwn(s.options, k));
  return [...resolved.rules.values()].some((d) => !isShipped(d)) || [...resolved.settings.values()].some(options)
    || resolved.overrides.some((o) => [...o.rules.values()].some(options));
}

/**
 * A glob list as in .gitignore: a pattern with a slash matches the path relative
 * to the config file's folder, one without matches any file name (“*.md”). Two
 * matchers, because picomatch's matchBase applied to “归档/**” matches nothing.
 */
export function globMatcher(patterns: readonly string[]): (relPath: string) => boolean {
  const withSlash = patterns.filter((p) => p.includes('/'));
  const bare = patterns.filter((p) => !p.includes('/'));
  const full = withSlash.length ? picomatch(withSlash, { dot: true }) : undefined;
  const base = bare.length ? picomatch(bare, { dot: true }) : undefined;
  // a bare pattern names a file or a folder anywhere: “*.md”, “归档”
  return (rel) => !!(full?.(rel) || (base && rel.split('/').some((segment) => base(segment))));
}

/** A problem that still has to be pointed at its YAML node (`key`: at the key rather than the value). */
type Located = ConfigProblem & { path?: (string | number)[]; key?: boolean; needle?: string };

/** Points problems that carry a YAML path at their line and column (error path only). */
async function locate(problems: Located[], host: ConfigHost): Promise<ConfigProblem[]> {
  if (!problems.some((p) => p.path)) return problems;
  const { parseYamlSource } = await import('./yaml-source.js');
  return problems.map(({ path, key, needle, ...p }) => {
    if (!path) return p;
    try {
      const { source } = parseYamlSource(p.file, host.readText(p.file));
      return source ? source.problem(path, p.message, p.hint, key, needle) : p;
    } catch {
      return p;
    }
  });
}

/** A compile failure, pointed at the regex's own YAML node: in the user's config when the pattern came from there, else in the rule file. */
function ruleProblem(def: RuleDefinition, err: Error, user?: { options: Record<string, unknown>; file?: string }): ConfigProblem {
  const p: ConfigProblem = { file: def.file ?? def.id, message: `规则 ${def.id}：${err instanceof OptionError ? optionErrorText(err) : err.message}` };
  if (err instanceof RegexError) {
    p.hint = err.hint;
    const fromUser = user?.file && findValuePath(user.options, err.source);
    const path = fromUser ? ['rules', def.id, ...fromUser] : findValuePath(def.options, err.source);
    if (fromUser) p.file = user!.file!;
    if (path && (fromUser || def.file)) (p as Located).path = path;
  }
  return p;
}

/** What a check type found wrong with a rule's options, in words. */
function optionErrorText({ code, data }: OptionError): string {
  switch (code) {
    case 'lexicon-missing': return `${data.option ? `${data.option} 的` : ''}词表引用 “${data.ref}” 不存在`;
    case 'group-empty': return `词组 “${data.group}” 没有词语`;
    case 'swap-not-table': return 'swap 应是“原字符 → 替换字符”的表';
    case 'find-or-regex': return `entries 的第 ${data.entry} 项须给 find 或 regex 之一（不能都给，也不能都不给）`;
  }
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
