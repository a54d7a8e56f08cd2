import { formatBytes, MAX_CONFIG_BYTES, NotRegularFileError, readRegularFile, TooLargeError } from '../io/file.js';
import type { ConfigProblem } from './errors.js';

/**
 * A config, preset, rule or lexicon file's text (UTF-8), or the one problem that
 * says why it cannot be read. Only regular files of at most MAX_CONFIG_BYTES: a
 * FIFO as --config would wait for a writer for ever, /dev/zero would never end.
 */
export function readConfigText(file: string, what: string, hint?: string): { text: string } | { problem: ConfigProblem } {
  try {
    return { text: readRegularFile(file, MAX_CONFIG_BYTES).bytes.toString('utf8') };
  } catch (err) {
    if (err instanceof NotRegularFileError) return { problem: { file, message: `${what}不是普通文件，而是${err.kind}`, hint: hint ?? '请给出 YAML 文件的路径' } };
    if (err instanceof TooLargeError) {
      return { problem: { file, message: `${what}有 ${formatBytes(err.size)}，超过了 ${formatBytes(MAX_CONFIG_BYTES)} 的上限`, hint: '配置、规则和词表文件一般只有几 KB；请检查是不是选错了文件' } };
    }
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: { file, message: `找不到${what}`, hint } };
    return { problem: { file, message: `无法读取${what}：${(err as Error).message}`, hint } };
  }
}
