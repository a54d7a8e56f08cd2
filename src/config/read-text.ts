import type { ConfigProblem } from './errors.js';
import type { ConfigHost } from './host.js';

/**
 * A config, preset, rule or lexicon file's text (UTF-8), or the one problem that
 * says why it cannot be read. On the disk (node-host.ts) only regular files of at
 * most MAX_CONFIG_BYTES are read: a FIFO as --config would wait for a writer for
 * ever, /dev/zero would never end. The host's errors say which (their `code`).
 */
export function readConfigText(file: string, host: ConfigHost, what: string, hint?: string): { text: string } | { problem: ConfigProblem } {
  try {
    return { text: host.readText(file) };
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { kind?: string; sizeText?: string; limitText?: string };
    if (e.code === 'ENOTREG') return { problem: { file, message: `${what}不是普通文件，而是${e.kind}`, hint: hint ?? '请给出 YAML 文件的路径' } };
    if (e.code === 'EFBIG') {
      return { problem: { file, message: `${what}有 ${e.sizeText}，超过了 ${e.limitText} 的上限`, hint: '配置、规则和词表文件一般只有几 KB；请检查是不是选错了文件' } };
    }
    if (e.code === 'ENOENT') return { problem: { file, message: `找不到${what}`, hint } };
    return { problem: { file, message: `无法读取${what}：${e.message}`, hint } };
  }
}
