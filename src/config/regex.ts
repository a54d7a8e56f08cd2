import { unsafeRegexReason } from './regex-safety.js';
import type { Pattern } from '../types.js';

export class RegexError extends Error {
  constructor(readonly source: string, message: string, readonly hint?: string) {
    super(message);
  }
}

/** A pattern as quoted in a message: a 300 KB one would otherwise print 300 KB per mention. */
export function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max)}…（共 ${text.length} 个字符）` : text;
}

/** The linear-time engine (re2js, ~260 KB): loaded only by a configuration with office-written rules. */
let linear: typeof import('./linear-regex.js') | undefined;

export async function loadLinearEngine(): Promise<void> {
  linear ??= await import('./linear-regex.js');
}

/**
 * Compiles a regex from YAML in JavaScript syntax, refusing patterns that could
 * backtrack catastrophically. `office`: the pattern was written by an office (its
 * rule files or config), not shipped: it runs on the linear-time engine
 * (src/config/linear-regex.ts), so no pattern can hang a run.
 */
export function compileRegex(source: string, flags = 'gu', office = false): Pattern {
  const unsafe = unsafeRegexReason(source);
  if (unsafe) throw new RegexError(source, `正则表达式 “${clip(source)}” 不安全：${unsafe}`, '去掉嵌套的重复，如把 (a+)+ 写成 a+');
  let native: RegExp;
  try {
    native = new RegExp(source, flags);
  } catch (err) {
    const why = (err as Error).message.replace(/^Invalid regular expression: /, '').replace(`/${source}/${flags}: `, '');
    throw new RegexError(source, `正则表达式 “${clip(source)}” 无法编译：${clip(why, 120)}`,
      '检查括号是否成对、转义是否正确（u 模式下 \\- 之类的多余转义也不允许）');
  }
  if (!office) return native;
  if (!linear) throw new Error('compileRegex: call loadLinearEngine() before compiling office patterns');
  try {
    return new linear.LinearRegExp(source, flags);
  } catch (err) {
    if (!(err instanceof linear.LinearRegexError)) throw err;
    throw new RegexError(source, `正则表达式 “${clip(source)}” 无法使用：${clip(err.message, 120)}`,
      '本单位规则的正则用线性时间的引擎运行，任何写法都不会让检查卡住；它不支持反向引用，向前查找只能写在最后。可改用 words 列出词语，或用 substitution 类型的 before/after 条件');
  }
}
