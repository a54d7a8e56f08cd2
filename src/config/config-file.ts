import type { ConfigFileContent } from './builtin.js';
import type { ConfigProblem } from './errors.js';
import type { ConfigHost } from './host.js';
import { readConfigText } from './read-text.js';
import { validateSourceDetailed } from './validate.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

/** Reads and validates a config or preset file (same shape). */
export function readConfigFile(file: string, host: ConfigHost): { value?: ConfigFileContent; source?: YamlSource; problems: ConfigProblem[] } {
  const read = readConfigText(file, host, '配置文件', '检查 --config 或 extends 中的路径（相对路径以配置文件所在文件夹为准）');
  if ('problem' in read) return { problems: [read.problem] };
  const { source, problems } = parseYamlSource(file, read.text);
  if (!source) return { problems };
  if (source.value === null || source.value === undefined) return { value: {}, source, problems };
  if (typeof source.value !== 'object' || Array.isArray(source.value)) {
    return { problems: [{ file, line: 1, column: 1, message: '配置文件应是一个键值表（extends、rules…）', hint: '例如：\n  extends: recommended\n  rules:\n    placeholder: error' }] };
  }
  const { problems: invalid, paths } = validateSourceDetailed('config', source, host);
  // Keep checking what is valid (presets, rule ids, rulesDir), so one run reports
  // every problem: drop only the entries the schema rejected.
  return { value: prune(source.value as ConfigFileContent, paths), source, problems: invalid };
}

/** A copy of `value` without the entries at `paths` (a whole top-level key, or one entry of rules/overrides/lexicons). */
export function prune(value: ConfigFileContent, paths: readonly (string | number)[][]): ConfigFileContent {
  if (!paths.length) return value;
  const out = structuredClone(value) as Record<string, unknown>;
  const dropped = new Map<unknown[], Set<number>>();
  for (const [top, entry] of paths) {
    const container = out[top as string];
    if (entry === undefined || !container || typeof container !== 'object' || !['rules', 'overrides', 'lexicons'].includes(String(top))) {
      delete out[top as string];
    } else if (Array.isArray(container)) {
      if (!dropped.has(container)) dropped.set(container, new Set());
      dropped.get(container)!.add(Number(entry));
    } else {
      delete (container as Record<string, unknown>)[entry as string];
    }
  }
  for (const [list, indices] of dropped) {
    const kept = list.filter((_, i) => !indices.has(i));
    list.length = 0;
    list.push(...kept);
  }
  return out as ConfigFileContent;
}
