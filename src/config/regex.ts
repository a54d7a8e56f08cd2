import { unsafeRegexReason } from './regex-safety.js';

export class RegexError extends Error {
  constructor(readonly source: string, message: string, readonly hint?: string) {
    super(message);
  }
}

/** Compiles a regex from YAML, refusing patterns that could backtrack catastrophically. */
export function compileRegex(source: string, flags = 'gu'): RegExp {
  const unsafe = unsafeRegexReason(source);
  if (unsafe) throw new RegexError(source, `正则表达式 “${source}” 不安全：${unsafe}`, '去掉嵌套的重复，如把 (a+)+ 写成 a+');
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new RegexError(source, `正则表达式 “${source}” 无法编译：${(err as Error).message.replace(/^Invalid regular expression: /, '')}`,
      '检查括号是否成对、转义是否正确（u 模式下 \\- 之类的多余转义也不允许）');
  }
}
