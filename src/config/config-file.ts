import { readFileSync } from 'node:fs';
import type { ConfigFileContent } from './builtin.js';
import type { ConfigProblem } from './errors.js';
import { validateSource } from './validate.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

/** Reads and validates a config or preset file (same shape). */
export function readConfigFile(file: string): { value?: ConfigFileContent; source?: YamlSource; problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      problems: [{
        file,
        message: code === 'ENOENT' ? '找不到配置文件' : `无法读取配置文件：${(err as Error).message}`,
        hint: code === 'ENOENT' ? '检查 --config 或 extends 中的路径（相对路径以配置文件所在文件夹为准）' : undefined,
      }],
    };
  }
  const { source, problems } = parseYamlSource(file, text);
  if (!source) return { problems };
  if (source.value === null || source.value === undefined) return { value: {}, source, problems };
  if (typeof source.value !== 'object' || Array.isArray(source.value)) {
    return { problems: [{ file, line: 1, column: 1, message: '配置文件应是一个键值表（extends、rules…）', hint: '例如：\n  extends: recommended\n  rules:\n    placeholder: error' }] };
  }
  const invalid = validateSource('config', source);
  return { value: invalid.length ? undefined : (source.value as ConfigFileContent), source, problems: invalid };
}
