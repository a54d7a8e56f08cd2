import type { ParagraphRef } from '../io/docx.js';
import { ReadError } from '../io/read.js';

/** A Word file's text for the page: one line per paragraph, and where each line sits when paragraphs hold line breaks. */
export interface DocxText { text: string; paragraphs?: ParagraphRef[] }

/**
 * The one place the page reads .docx files. The browser-ready reader (bytes in,
 * bytes out, issue 14) has not landed yet; until it does, a .docx gets one clear
 * reason instead of findings.
 */
export async function readDocx(_bytes: Uint8Array): Promise<DocxText> {
  throw new ReadError('unsupported-format', '此页面暂不能读取 .docx 文件：请在 Word 或 WPS 中“另存为”纯文本（.txt，编码选 UTF-8），再打开 .txt 文件；或在装有 lawreport-lint 的电脑上用命令行检查 .docx');
}
