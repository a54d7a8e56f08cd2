import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Directive } from '../types.js';
import type { ParagraphRef } from './docx.js';
import { decode, type Encoding } from './encoding.js';

export interface Draft {
  path: string;
  text: string;
  encoding: Encoding | 'docx';
  bom: boolean;
  /**
   * .docx only: where each model line sits in the Word document. Absent when
   * line i is paragraph i; present when a paragraph holds line breaks.
   */
  paragraphs?: ParagraphRef[];
  /** .docx only: Word comments that are `lawreport-lint-disable` directives (build the model with them). */
  directives?: Directive[];
}

export class ReadError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** Extensions that are drafts, and formats we explain how to convert. */
export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'];
/** Found in folders too, so that each is reported with how to convert it rather than silently skipped. */
export const CONVERTIBLE_EXTENSIONS = ['.doc', '.wps', '.pdf', '.rtf', '.odt'];
const CONVERT = new Set(CONVERTIBLE_EXTENSIONS);

/**
 * Reads a draft as text, never modifying it. Bad input gets one clear reason:
 * missing, a folder, empty, binary, or a format to convert first. A .docx
 * becomes one line per Word paragraph (src/io/docx.ts).
 */
export async function readDraft(path: string): Promise<Draft> {
  return decodeDraft(path, await readDraftBytes(path));
}

/** A draft file's bytes (batch runs hash them for the cache before decoding); ReadError when unreadable. */
export async function readDraftBytes(path: string): Promise<Buffer> {
  const ext = extname(path).toLowerCase();
  if (CONVERT.has(ext)) {
    throw new ReadError('unsupported-format',
      `不支持 ${ext} 格式，请先转换为 .docx 或 .txt，例如：libreoffice --headless --convert-to docx "${path}"`);
  }
  try {
    // Synchronous on purpose: a batch worker has nothing else to do meanwhile, and
    // fs/promises' open–stat–read–close round trips through the thread pool cost
    // more than linting a small draft.
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new ReadError('is-directory', '这是一个文件夹，不是稿件文件');
    if (code === 'ENOENT') throw new ReadError('not-found', '找不到这个文件，请检查路径和文件名');
    if (code === 'EACCES' || code === 'EPERM') throw new ReadError('no-permission', '没有读取这个文件的权限');
    throw new ReadError('read-failed', `无法读取：${(err as Error).message}`);
  }
}

/** Bytes (a file's or stdin's) as a draft; `path` decides whether they are a .docx. */
export async function decodeDraft(path: string, bytes: Uint8Array): Promise<Draft> {
  if (extname(path).toLowerCase() === '.docx') return decodeDocx(path, bytes);
  return decodeText(path, bytes);
}

/** A .docx's bytes as a draft (the web page reads picked Word files with it too: bytes in, no Node API). */
export async function decodeDocx(path: string, bytes: Uint8Array): Promise<Draft> {
  if (bytes.length === 0) throw new ReadError('empty', '文件是空的（0 字节），没有可检查的内容');
  const how = '文件可能已损坏或不完整，请用 Word 或 WPS 打开后“另存为” .docx 再检查';
  // an old binary Word file (OLE2) renamed to .docx, or anything else that is not a ZIP
  const magic = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) : 0;
  if (magic === 0xd0cf11e0) {
    throw new ReadError('unsupported-format',
      `这是旧版 Word（.doc）文件，只是扩展名写成了 .docx；请另存为 .docx，或转换：libreoffice --headless --convert-to docx "${path}"`);
  }
  if (magic !== 0x504b0304) throw new ReadError('bad-docx', `这不是有效的 Word（.docx）文件；${how}`);
  const { docxToText, DocxError } = await import('./docx.js');
  let r;
  try {
    r = docxToText(bytes);
  } catch (err) {
    // a hostile file is refused as such; a damaged one gets the way to repair it; nothing escapes this draft
    if (!(err instanceof DocxError)) throw new ReadError('bad-docx', `无法读取这个 Word 文件（读取时出错：${(err as Error).message}）；${how}；如果 Word 能正常打开它，请附上文件报告问题`);
    throw new ReadError(err.code, err.code === 'bad-docx' ? `无法读取这个 Word 文件（${err.message}）；${how}` : `拒绝读取这个 Word 文件：${err.message}`);
  }
  if (!r.text.trim()) throw new ReadError('empty', 'Word 文件中没有文字，没有可检查的内容');
  return { path, text: r.text, encoding: 'docx', bom: false, paragraphs: r.lines, ...(r.directives ? { directives: r.directives } : {}) };
}

/** Text bytes: UTF-8 (BOM or not), UTF-16 with BOM, or GB18030. */
export function decodeText(path: string, bytes: Uint8Array): Draft {
  if (bytes.length === 0) throw new ReadError('empty', '文件是空的（0 字节），没有可检查的内容');
  if (looksBinary(bytes)) throw new ReadError('binary', '这不是文本文件（含有二进制内容）；Word 文件请另存为 .docx，再检查');
  const d = decode(bytes);
  if (!d.text.trim()) throw new ReadError('empty', '文件只有空白，没有可检查的内容');
  return { path, text: d.text, encoding: d.encoding, bom: d.bom };
}

const latin1 = new TextDecoder('latin1');

/** NUL bytes (outside UTF-16), or many control characters, mean binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return false;
  const n = Math.min(bytes.length, 8192);
  // scanned natively: a byte loop in JS was a visible share of a 1,000-draft batch
  // (TextDecoder rather than Buffer, so the web page decodes drafts the same way)
  const head = latin1.decode(bytes.subarray(0, n));
  if (head.includes('\0')) return true;
  const control = head.match(/[\x01-\x07\x0e-\x1a\x1c-\x1f]/g)?.length ?? 0;
  return control / n > 0.1;
}
