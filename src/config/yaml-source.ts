import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { codeFrame, type ConfigProblem } from './errors.js';

/** A parsed YAML file that can point at any of its nodes by path. */
export interface YamlSource {
  file: string;
  text: string;
  value: unknown;
  locate(path: (string | number)[], key?: boolean): { line: number; column: number; width: number };
  problem(path: (string | number)[], message: string, hint?: string, key?: boolean): ConfigProblem;
}

export function parseYamlSource(file: string, text: string): { source?: YamlSource; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    problems.push({
      file, line: pos.line, column: pos.col,
      message: `YAML 语法错误：${e.message.split('\n')[0]}`,
      hint: '检查缩进（只能用空格，不能用 Tab）、冒号后的空格和引号是否成对',
      frame: codeFrame(text, pos.line, pos.col),
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
  const locate = (path: (string | number)[], key = false) => {
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
    const pos = lineCounter.linePos(range[0]);
    const endPos = lineCounter.linePos(range[1]);
    const width = endPos.line === pos.line ? Math.max(1, endPos.col - pos.col) : 1;
    return { line: pos.line, column: pos.col, width };
  };
  const source: YamlSource = {
    file, text, value,
    locate,
    problem(path, message, hint, key) {
      const { line, column, width } = locate(path, key);
      return { file, line, column, message, hint, frame: codeFrame(text, line, column, width) };
    },
  };
  return { source, problems };
}
