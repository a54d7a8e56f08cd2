import type { Lexicons, RuleDefinition } from '../types.js';
import type { ConfigProblem } from './errors.js';
import type { ConfigHost } from './host.js';
import { checkMessages, kindWordsOf } from './messages.js';
import { readConfigText } from './read-text.js';
import { toRuleDefinition } from './rule-file.js';
import { kebab, validateLexicon, validateSource } from './validate.js';
import { COMMON_RULE_PROPERTIES } from './schema.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

const ID_PATTERN = new RegExp((COMMON_RULE_PROPERTIES.id as { pattern: string }).pattern);

/**
 * Reads and validates every rule file (`*.yaml`) of a folder: its keys, its id (the
 * file name) and its messages against its type's contract. `lexicons`: those the
 * rules will run with (the report kind's words are placeholders of every message).
 */
export function loadRuleFiles(dir: string, host: ConfigHost, lexicons: Lexicons): { rules: RuleDefinition[]; sources: Map<string, YamlSource>; problems: ConfigProblem[] } {
  const { basename, extname, join } = host.path;
  const problems: ConfigProblem[] = [];
  const rules: RuleDefinition[] = [];
  const sources = new Map<string, YamlSource>();
  let names: string[];
  try {
    names = host.list(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件夹不存在' : code === 'ENOTDIR' ? '这不是文件夹' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : (err as Error).message;
    return { rules, sources, problems: [{ file: dir, message: `无法读取规则文件夹：${why}`, hint: '检查规则文件夹的路径（rulesDir 相对于配置文件所在的文件夹）' }] };
  }
  const kindWords = kindWordsOf(lexicons);
  for (const name of names) {
    const file = join(dir, name);
    const read = readConfigText(file, host, '规则文件', '规则文件夹中只放规则的 YAML 文件');
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
    const invalid = validateSource('rule', source, host);
    problems.push(...invalid);
    const raw = source.value as Record<string, unknown>;
    const id = basename(name, extname(name));
    if (typeof raw.id === 'string' && raw.id !== id) {
      // offer only names that are valid ids: a file named 我的规则.yaml or an id my_rule is not one
      const idOk = (s: string) => ID_PATTERN.test(s);
      const options = [idOk(id) ? `把 id 改为 “${id}”` : '', idOk(raw.id) ? `把文件改名为 “${raw.id}.yaml”` : ''].filter(Boolean);
      const fallback = kebab(raw.id) ?? kebab(id);
      problems.push(source.problem(['id'], `规则 id “${raw.id}” 与文件名 “${name}” 不一致`,
        options.length ? options.join('，或') : `id 与文件名须相同，只用小写字母、数字和连字符${fallback ? `，如 id: ${fallback} 与 ${fallback}.yaml` : ''}`));
    }
    if (invalid.length) continue;
    const def = toRuleDefinition(raw, file);
    for (const p of checkMessages(def, raw, kindWords)) problems.push(source.problem(p.path, p.message, p.hint, p.key, p.needle));
    rules.push(def);
    sources.set(raw.id as string, source);
  }
  return { rules, sources, problems };
}

/** Reads every lexicon (`*.yaml`) of a folder, by file name. */
export function loadLexiconDir(dir: string, host: ConfigHost): { lexicons: Record<string, unknown>; problems: ConfigProblem[] } {
  const { basename, extname, join } = host.path;
  const lexicons: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const name of host.list(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const r = loadLexiconFile(join(dir, name), host, basename(name, extname(name)));
    problems.push(...r.problems);
    if (r.value !== undefined) lexicons[basename(name, extname(name))] = r.value;
  }
  return { lexicons, problems };
}

/**
 * Reads the lexicon `name` from `file`, validated against its schema when the
 * package ships one (schema/lexicon/<name>.schema.json); one that is not valid
 * gives problems and no value.
 */
export function loadLexiconFile(file: string, host: ConfigHost, name: string): { value?: unknown; problems: ConfigProblem[] } {
  const read = readConfigText(file, host, '词表文件', '检查 lexicons 中的路径（相对于配置文件所在的文件夹）');
  if ('problem' in read) return { problems: [read.problem] };
  const { source, problems } = parseYamlSource(file, read.text);
  if (!source) return { problems };
  const invalid = validateLexicon(name, source, host);
  return invalid.length ? { problems: [...problems, ...invalid] } : { value: source.value, problems };
}
