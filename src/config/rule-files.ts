import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { RuleDefinition } from '../types.js';
import type { ConfigProblem } from './errors.js';
import { readConfigText } from './read-text.js';
import { toRuleDefinition } from './rule-file.js';
import { validateSource } from './validate.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

/** Reads and validates every rule file (`*.yaml`) of a folder; the id must equal the file name. */
export function loadRuleFiles(dir: string): { rules: RuleDefinition[]; sources: Map<string, YamlSource>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const rules: RuleDefinition[] = [];
  const sources = new Map<string, YamlSource>();
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (err) {
    return { rules, sources, problems: [{ file: dir, message: `无法读取规则文件夹：${(err as Error).message}`, hint: '检查 rulesDir 的路径（相对于配置文件所在的文件夹）' }] };
  }
  for (const name of names) {
    const file = join(dir, name);
    const read = readConfigText(file, '规则文件', '规则文件夹中只放规则的 YAML 文件');
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const { source, problems: parse } = parseYamlSource(file, read.text);
    problems.push(...parse);
    if (!source) continue;
    if (!source.value || typeof source.value !== 'object' || Array.isArray(source.value)) {
      problems.push({ file, line: 1, column: 1, message: '规则文件应是一个键值表（id、type、summary…）' });
      continue;
    }
    const invalid = validateSource('rule', source);
    problems.push(...invalid);
    const raw = source.value as Record<string, unknown>;
    const id = basename(name, extname(name));
    if (typeof raw.id === 'string' && raw.id !== id) {
      problems.push(source.problem(['id'], `规则 id “${raw.id}” 与文件名 “${name}” 不一致`, `把 id 改为 “${id}”，或把文件改名为 “${raw.id}.yaml”`));
    }
    if (invalid.length) continue;
    rules.push(toRuleDefinition(raw, file));
    sources.set(raw.id as string, source);
  }
  return { rules, sources, problems };
}

/** Reads every lexicon (`*.yaml`) of a folder, by file name. */
export function loadLexiconDir(dir: string): { lexicons: Record<string, unknown>; problems: ConfigProblem[] } {
  const lexicons: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const r = loadLexiconFile(join(dir, name));
    problems.push(...r.problems);
    if (r.value !== undefined) lexicons[basename(name, extname(name))] = r.value;
  }
  return { lexicons, problems };
}

export function loadLexiconFile(file: string): { value?: unknown; problems: ConfigProblem[] } {
  const read = readConfigText(file, '词表文件', '检查 lexicons 中的路径（相对于配置文件所在的文件夹）');
  if ('problem' in read) return { problems: [read.problem] };
  const { source, problems } = parseYamlSource(file, read.text);
  return { value: source?.value, problems };
}
