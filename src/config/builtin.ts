import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReportKindSetting, RuleDefinition } from '../types.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { nodeHost } from './node-host.js';
import { packageRoot } from './paths.js';

/** A preset or config file's content, as validated against schema/config.schema.json. */
export interface ConfigFileContent {
  extends?: string | string[];
  reportKind?: ReportKindSetting;
  rules?: Record<string, unknown>;
  rulesDir?: string | string[];
  lexicons?: Record<string, string>;
  ignore?: string[];
  overrides?: { files: string | string[]; rules?: Record<string, unknown> }[];
}

export interface Builtins {
  rules: RuleDefinition[];
  lexicons: Record<string, unknown>;
  presets: Record<string, { file: string; value: ConfigFileContent }>;
}

let cached: Builtins | undefined;

/**
 * The rules, lexicons and presets shipped with the package. An installed CLI
 * reads dist/builtin.json, written and validated by the build, so a cold start
 * parses no YAML and loads no ajv; tests and development read the YAML itself.
 */
export async function loadBuiltins(): Promise<Builtins> {
  if (cached) return cached;
  const root = packageRoot();
  const json = join(root, 'dist', 'builtin.json');
  const fromDist = fileURLToPath(import.meta.url).startsWith(join(root, 'dist') + sep);
  if (fromDist && existsSync(json)) {
    const b = JSON.parse(readFileSync(json, 'utf8')) as Builtins;
    for (const r of b.rules) if (r.file) r.file = join(root, r.file);
    for (const p of Object.values(b.presets)) p.file = join(root, p.file);
    return (cached = b);
  }
  return (cached = await loadBuiltinsFromYaml(root));
}

export async function loadBuiltinsFromYaml(root = packageRoot()): Promise<Builtins> {
  // imported here so the dist path never evaluates yaml or ajv
  const problems: ConfigProblem[] = [];
  const { loadRuleFiles, loadLexiconDir } = await import('./rule-files.js');
  const l = loadLexiconDir(join(root, 'rules', 'lexicon'), nodeHost);
  problems.push(...l.problems);
  const r = loadRuleFiles(join(root, 'rules'), nodeHost, l.lexicons);
  problems.push(...r.problems);
  const presets: Builtins['presets'] = {};
  const { readConfigFile } = await import('./config-file.js');
  for (const name of readdirSync(join(root, 'presets')).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const file = join(root, 'presets', name);
    const c = readConfigFile(file, nodeHost);
    problems.push(...c.problems);
    if (c.value) presets[basename(name, extname(name))] = { file, value: c.value };
  }
  if (problems.length) throw new ConfigError(problems);
  return { rules: r.rules, lexicons: l.lexicons, presets };
}

