import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { decode, type Encoding } from './encoding.js';

export interface Draft {
  path: string;
  text: string;
  encoding: Encoding | 'docx';
  bom: boolean;
  /** Paragraph starts for .docx (line i = paragraph i). */
}

export class ReadError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Extensions that are drafts, and formats we explain how to convert. */
export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt'];
const CONVERT = new Set(['.doc', '.wps', '.pdf', '.rtf', '.odt']);

/**
 * Reads a draft as text, never modifying it. Bad input gets one clear reason:
 * missing, a folder, empty, binary, or a format to convert first.
 */
export function readDraft(path: string): Draft {
  const ext = extname(path).toLowerCase();
  if (CONVERT.has(ext)) {
    throw new ReadError('unsupported-format',
      `不支持 ${ext} 格式，请先转换为 .docx 或 .txt，例如：libreoffice --headless --convert-to docx "${path}"`);
  }
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new ReadError('is-directory', '这是一个文件夹，不是稿件文件');
    bytes = readFileSync(path);
  } catch (err) {
    if (err instanceof ReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ReadError('not-found', '找不到这个文件，请检查路径和文件名');
    if (code === 'EACCES' || code === 'EPERM') throw new ReadError('no-permission', '没有读取这个文件的权限');
    throw new ReadError('read-failed', `无法读取：${(err as Error).message}`);
  }
  return decodeDraft(path, bytes);
}

export function decodeDraft(path: string, bytes: Uint8Array): Draft {
  if (bytes.length === 0) throw new ReadError('empty', '文件是空的（0 字节），没有可检查的内容');
  if (looksBinary(bytes)) throw new ReadError('binary', '这不是文本文件（含有二进制内容）；Word 文件请另存为 .docx，再检查');
  const d = decode(bytes);
  if (!d.text.trim()) throw new ReadError('empty', '文件只有空白，没有可检查的内容');
  return { path, text: d.text, encoding: d.encoding, bom: d.bom };
}

/** NUL bytes (outside UTF-16), or many control characters, mean binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return false;
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control / n > 0.1;
}
