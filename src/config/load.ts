import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ReportKindSetting, RuleDefinition, SeverityName } from '../types.js';
import type { ConfigFileContent } from './builtin.js';
import { ConfigError, didYouMean, type ConfigProblem } from './errors.js';
import type { ConfigHost } from './host.js';
import { nodeHost } from './node-host.js';
import { SEVERITIES, severityName } from './schema.js';
import type { YamlSource } from './yaml-source.js';
import { clip } from './regex.js';

export const CONFIG_NAMES = ['.lawreport-lint.yaml', '.lawreport-lint.yml'];

export interface RuleSetting { severity?: SeverityName; options: Record<string, unknown> }
export interface EffectiveRule { severity: SeverityName; options: Record<string, unknown> }

/** Everything a run needs to know, before compilation. */
export interface ResolvedConfig {
  rules: Map<string, RuleDefinition>;
  settings: Map<string, EffectiveRule>;
  overrides: { files: string[]; base: string; rules: Map<string, RuleSetting> }[];
  ignore: { base: string; patterns: string[] };
  lexicons: Record<string, unknown>;
  /** Config, preset and rule files read, for cache keys and watching. */
  files: string[];
  configFile?: string;
  /** Where each setting came from, for --print-config. */
  origins: Map<string, string>;
  /** Where the files were read: compiling locates problems and matches globs with it. */
  host: ConfigHost;
  /** Who reports: set by a preset or the config (the last one wins), else read from each draft. */
  reportKind: ReportKindSetting;
  /** Where `reportKind` was set, for --print-config (undefined: the default, auto). */
  reportKindFrom?: string;
}

export interface ResolveOptions {
  cwd?: string;
  /** --config: used instead of looking upward. */
  configFile?: string;
  /** --preset: replaces the config's `extends`. */
  preset?: string;
  /** --rule id=severity, repeatable. */
  ruleOverrides?: string[];
}

/** The nearest .lawreport-lint.yaml from `dir` upward. */
export function findConfigFile(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    for (const n of CONFIG_NAMES) {
      const f = join(d, n);
      if (existsSync(f) && statSync(f).isFile()) return f;
    }
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

function asList(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function parseSetting(v: unknown): RuleSetting {
  if (typeof v === 'string') return { severity: severityName(v) as SeverityName, options: {} };
  const { severity, ...options } = (v ?? {}) as Record<string, unknown>;
  return { severity: severityName(severity) as SeverityName | undefined, options };
}

/**
 * Resolves presets, the user's config file, office rules (rulesDir) and --rule
 * overrides into one configuration, read from the disk. Every problem is
 * collected; any problem throws one ConfigError holding them all.
 */
export function resolveConfig(options: ResolveOptions = {}): Promise<ResolvedConfig> {
  return resolveConfigOn(nodeHost, options);
}

/** resolveConfig with the files read through `host` (the web page's are in memory). */
export async function resolveConfigOn(host: ConfigHost, options: ResolveOptions = {}): Promise<ResolvedConfig> {
  const { dirname, isAbsolute, resolve } = host.path; // the host's path arithmetic, not node:path's
  const cwd = options.cwd ?? host.cwd();
  const builtins = await host.builtins();
  const problems: ConfigProblem[] = [];
  const rules = new Map(builtins.rules.map((r) => [r.id, r] as const));
  const lexicons: Record<string, unknown> = { ...builtins.lexicons };
  const settings = new Map<string, EffectiveRule>();
  const origins = new Map<string, string>();
  const files: string[] = [];
  const cfg: ResolvedConfig = {
    rules, settings, lexicons, files, origins, overrides: [], host, reportKind: 'auto',
    ignore: { base: cwd, patterns: [] },
  };
  const applyReportKind = (value: ConfigFileContent | undefined, origin: string) => {
    if (value?.reportKind === undefined) return;
    cfg.reportKind = value.reportKind;
    cfg.reportKindFrom = origin;
  };

  // Only a user file needs the YAML parser and validator: load them on demand.
  const readUser = async (file: string) => (await import('./config-file.js')).readConfigFile(file, host);

  /** A problem at a YAML path of a file we parsed (file:line:col), or at the file alone. */
  const at = (file: string, source: YamlSource | undefined, path: (string | number)[], message: string, hint?: string, key = true): ConfigProblem =>
    source ? source.problem(path, message, hint, key) : { file, message, hint };

  const applySettings = (entries: Record<string, unknown> | undefined, origin: string, where: (id: string) => ConfigProblem['file'], source?: YamlSource) => {
    for (const [id, raw] of Object.entries(entries ?? {})) {
      const def = rules.get(id);
      if (!def) {
        const guess = didYouMean(id, rules.keys());
        problems.push(at(where(id), source, ['rules', id], `没有 “${clip(id)}” 这条规则`, guess ? `是否想写 “${guess}”？用 --list-rules 查看全部规则` : '用 --list-rules 查看全部规则'));
        continue;
      }
      const s = parseSetting(raw);
      const prev = settings.get(id);
      const severity = s.severity ?? prev?.severity ?? def.severity;
      settings.set(id, { severity, options: { ...(prev?.options ?? {}), ...s.options } });
      origins.set(id, origin);
    }
  };

  const seen = new Set<string>();
  /** `fromPath`: where `name` is written in `from` (its `extends` entry), for file:line:col. */
  const applyPreset = async (name: string, fromDir: string, from: string, fromSource?: YamlSource, fromPath: (string | number)[] = ['extends']): Promise<void> => {
    // an own property only: `extends: constructor` must not find Object's
    const builtin = Object.hasOwn(builtins.presets, name) ? builtins.presets[name] : undefined;
    let file: string;
    let value: ConfigFileContent | undefined;
    let source: YamlSource | undefined;
    if (builtin) {
      file = builtin.file;
      value = builtin.value;
    } else if (/[\\/]|\.ya?ml$/.test(name)) {
      file = isAbsolute(name) ? name : resolve(fromDir, name);
      const r = await readUser(file);
      problems.push(...r.problems.map((p) => (p.line || !fromSource ? p : at(from, fromSource, fromPath, `${p.message}：${file}`, p.hint, false))));
      value = r.value;
      source = r.source;
    } else {
      const guess = didYouMean(name, Object.keys(builtins.presets));
      problems.push(at(from, fromSource, fromPath, `没有 “${clip(name)}” 这个预设`, `${guess ? `是否想写 “${guess}”？` : ''}可用的预设：${Object.keys(builtins.presets).join(', ')}；也可以写 YAML 文件的路径`, false));
      return;
    }
    if (seen.has(file)) return; // extends cycles end here
    seen.add(file);
    files.push(file);
    if (!value) return;
    const parents = asList(value.extends);
    for (const [i, parent] of parents.entries()) await applyPreset(parent, dirname(file), file, source, Array.isArray(value.extends) ? ['extends', i] : ['extends']);
    await applyLexicons(value.lexicons, dirname(file), file);
    applyReportKind(value, builtin ? `预设 ${name}` : file);
    applySettings(value.rules, builtin ? `预设 ${name}` : file, () => file, source);
  };

  const applyLexicons = async (map: Record<string, string> | undefined, base: string, file: string) => {
    for (const [name, path] of Object.entries(map ?? {})) {
      const { loadLexiconFile } = await import('./rule-files.js');
      const r = loadLexiconFile(resolve(base, path), host, name);
      problems.push(...r.problems.map((p) => ({ ...p, hint: p.hint ?? `在 ${file} 的 lexicons.${name} 中引用` })));
      // defined, not assigned: a lexicon named __proto__ would otherwise replace the table's prototype
      if (r.value !== undefined) Object.defineProperty(lexicons, name, { value: r.value, enumerable: true, writable: true, configurable: true });
      files.push(resolve(base, path));
    }
  };

  let user: ConfigFileContent | undefined;
  let userSource: YamlSource | undefined;
  let userDir = cwd;
  if (options.configFile) {
    const file = resolve(cwd, options.configFile);
    cfg.configFile = file;
    userDir = dirname(file);
    files.push(file);
    const r = await readUser(file);
    problems.push(...r.problems);
    user = r.value;
    userSource = r.source;
  }
  cfg.ignore.base = userDir;

  if (options.preset) await applyPreset(options.preset, userDir, '--preset');
  else if (user?.extends === undefined) await applyPreset('recommended', userDir, '--preset');
  else {
    for (const [i, p] of asList(user.extends).entries()) {
      await applyPreset(p, userDir, cfg.configFile!, userSource, Array.isArray(user.extends) ? ['extends', i] : ['extends']);
    }
  }

  if (user) {
    const file = cfg.configFile!;
    // the office's lexicons first: its rules' messages are checked against the report kinds' words
    await applyLexicons(user.lexicons, userDir, file);
    for (const [i, dir] of asList(user.rulesDir).entries()) {
      const { loadRuleFiles } = await import('./rule-files.js');
      const folder = resolve(userDir, dir);
      const kind = host.kindOf(folder);
      if (kind !== 'folder') {
        const exists = kind !== undefined;
        problems.push(at(file, userSource, Array.isArray(user.rulesDir) ? ['rulesDir', i] : ['rulesDir'],
          exists ? `rulesDir “${dir}” 不是文件夹：${folder}` : `找不到 rulesDir 指定的文件夹 “${dir}”：${folder}`,
          'rulesDir 相对于这个配置文件所在的文件夹；请先建好本单位规则的文件夹（lawreport-lint --init 可生成一个示例），或改正路径', false));
        continue;
      }
      const r = loadRuleFiles(folder, host, lexicons);
      problems.push(...r.problems);
      for (const def of r.rules) {
        const existing = rules.get(def.id);
        if (existing && existing.file !== def.file) {
          problems.push({ file: def.file ?? file, message: `规则 id “${def.id}” 与内置规则重名`, hint: '给本单位的规则换一个 id（如加上单位前缀），或在 rules 中调整内置规则的选项' });
          continue;
        }
        rules.set(def.id, def);
        if (def.file) files.push(def.file);
        // an office's own rules are on at their default severity unless experimental
        if (def.status !== 'experimental') {
          settings.set(def.id, { severity: def.severity, options: {} });
          origins.set(def.id, def.file ?? file);
        }
      }
    }
    applyReportKind(user, file);
    applySettings(user.rules, file, () => file, userSource);
    cfg.ignore.patterns = user.ignore ?? [];
    cfg.overrides = (user.overrides ?? []).map((o, i) => ({
      files: asList(o.files),
      base: userDir,
      rules: new Map(Object.entries(o.rules ?? {}).map(([id, v]) => {
        if (!rules.has(id)) {
          const guess = didYouMean(id, rules.keys());
          problems.push(at(file, userSource, ['overrides', i, 'rules', id], `overrides 中没有 “${clip(id)}” 这条规则`, guess ? `是否想写 “${guess}”？用 --list-rules 查看全部规则` : '用 --list-rules 查看全部规则'));
        }
        return [id, parseSetting(v)] as const;
      })),
    }));
  }

  for (const spec of options.ruleOverrides ?? []) {
    const m = /^([^=]+)=(.+)$/.exec(spec.trim());
    if (!m || !(SEVERITIES as readonly string[]).includes(severityName(m[2]))) {
      const guess = m && didYouMean(m[2], SEVERITIES);
      problems.push({ file: '--rule', message: `“${clip(spec)}” 的写法不对`, hint: `${guess ? `是否想写 “${m[1]}=${guess}”？` : ''}应写作 规则id=严重程度，严重程度可用：${SEVERITIES.join(', ')}` });
      continue;
    }
    applySettings({ [m[1]]: m[2] }, '--rule', () => '--rule');
  }

  if (problems.length) {
    // Compile what did resolve too, so regex and option problems in the same run
    // are reported together with these (problems are collected, not drip-fed).
    try {
      const { compileConfig } = await import('./compile.js');
      await compileConfig(cfg);
    } catch (err) {
      if (err instanceof ConfigError) problems.push(...err.problems);
    }
    throw new ConfigError(problems);
  }
  return cfg;
}
