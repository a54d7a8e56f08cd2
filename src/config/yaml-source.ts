import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { codeFrame, type ConfigProblem } from './errors.js';

/** A parsed YAML file that can point at any of its nodes by path. */
export interface YamlSource {
  file: string;
  text: string;
  value: unknown;
  /** Where the node at `path` is (its key's place with `key`); with `needle`, where that text is inside the node. */
  locate(path: (string | number)[], key?: boolean, needle?: string): { line: number; column: number; width: number };
  problem(path: (string | number)[], message: string, hint?: string, key?: boolean, needle?: string): ConfigProblem;
}

const GENERAL_HINT = '检查缩进（只能用空格，不能用 Tab）、冒号后的空格和引号是否成对';

/** What the yaml package's error codes mean, in Chinese (its messages are English). */
const MEANING: Record<string, string> = {
  BAD_INDENT: '缩进不对',
  TAB_AS_INDENT: '用 Tab 缩进了（YAML 只能用空格缩进）',
  MULTILINE_IMPLICIT_KEY: '键名没有写在一行上，或键名后缺少冒号',
  BLOCK_AS_IMPLICIT_KEY: '键名后缺少冒号',
  MISSING_CHAR: '缺少成对的引号或括号',
  DUPLICATE_KEY: '同一个键写了两次',
  UNEXPECTED_TOKEN: '这里不应出现这个字符',
  BAD_SCALAR_START: '值不能以这个字符开头（以 @、` 或 % 开头的值请加引号）',
  BAD_DQ_ESCAPE: '双引号中的转义写法不对（\\ 要写成 \\\\）',
  KEY_OVER_1024_CHARS: '键名太长',
  MULTIPLE_DOCS: '一个文件里只能有一份配置（去掉多余的 ---）',
  BAD_ALIAS: '别名（*名称）找不到对应的锚点（&名称）',
};

/**
 * An error of the yaml package in Chinese, with how to fix it. A full-width colon
 * after a key (“rules：”, typed with a Chinese input method) is the most common
 * mistake and the package's message says nothing of it.
 */
function inChinese(code: string, english: string, line: string): { message: string; hint: string; column?: number } {
  const fullWidth = /^(\s*)([^\s#：:'"]+)\s*：/.exec(line);
  if (fullWidth && !/^\s*[^\s#：:'"]+\s*:\s/.test(line)) {
    return {
      message: `键 “${fullWidth[2]}” 后面用了全角冒号“：”`,
      hint: '改成半角冒号“:”，冒号后留一个空格，如 “rules: …”（中文输入法下请切换到英文标点）',
      column: line.indexOf('：') + 1,
    };
  }
  const unclosed = /end with an? ([\]}])/.exec(english)?.[1];
  if (unclosed) return { message: `${unclosed === ']' ? '方括号 [ ' : '花括号 { '}没有闭合（缺少 “${unclosed}”）`, hint: GENERAL_HINT };
  return { message: MEANING[code] ?? `无法解析（${code}）`, hint: GENERAL_HINT };
}

export function parseYamlSource(file: string, text: string): { source?: YamlSource; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    const said = inChinese(e.code, e.message, text.split(/\r?\n/)[pos.line - 1] ?? '');
    problems.push({
      file, line: said.column ? pos.line : pos.line, column: said.column ?? pos.col,
      message: `YAML 语法错误：${said.message}`,
      hint: said.hint,
      frame: codeFrame(text, pos.line, said.column ?? pos.col),
    });
  }
  if (problems.length) return { problems };
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (err) {
    // the yaml library refuses to expand an alias bomb (a few lines that would become billions of nodes)
    return {
      problems: [{
        file, line: 1, column: 1,
        message: `YAML 无法展开：${(err as Error).message.includes('alias') ? '别名（*名称）引用的次数过多，展开后过大' : (err as Error).message}`,
        hint: '配置和规则文件中不要用别名层层引用别名；直接写出要用的值',
      }],
    };
  }
  const locate = (path: (string | number)[], key = false, needle?: string) => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let keyNode: Node | undefined;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
        if (!pair) break;
        keyNode = pair.key as Node;
        node = pair.value as Node;
      } else if (isSeq(node)) {
        keyNode = undefined;
        node = node.items[Number(seg)] as Node;
      } else break;
    }
    const target = key && keyNode ? keyNode : node ?? keyNode;
    const range = target?.range ?? [0, 0];
    // a placeholder inside a message: its own column (a YAML escape before it would shift it, so only text found as written)
    const inside = needle ? text.slice(range[0], range[1]).indexOf(needle) : -1;
    if (inside >= 0) {
      const at = lineCounter.linePos(range[0] + inside);
      return { line: at.line, column: at.col, width: needle!.length };
    }
    const pos = lineCounter.linePos(range[0]);
    const endPos = lineCounter.linePos(range[1]);
    const width = endPos.line === pos.line ? Math.max(1, endPos.col - pos.col) : 1;
    return { line: pos.line, column: pos.col, width };
  };
  const source: YamlSource = {
    file, text, value,
    locate,
    problem(path, message, hint, key, needle) {
      const { line, column, width } = locate(path, key, needle);
      return { file, line, column, message, hint, frame: codeFrame(text, line, column, width) };
    },
  };
  return { source, problems };
}
