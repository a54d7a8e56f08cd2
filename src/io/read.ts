import { lstatSync } from 'node:fs';
import { extname } from 'node:path';
import type { ParagraphRef } from './docx.js';
import { decode, type Encoding, type Undecodable } from './encoding.js';
import type { Note, Span } from '../types.js';
import { fsPath } from './raw-paths.js';
import { DEFAULT_MAX_DRAFT_BYTES, formatBytes, NotRegularFileError, readRegularFile, TooLargeError, type FileIdentity } from './file.js';

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
  /** Places whose bytes did not decode (each one U+FFFD in `text`): reported, and never overwritten by --fix. */
  undecodable?: Undecodable[];
  /** The encoding is a best guess (see src/io/encoding.ts): linted, never rewritten. */
  guessed?: boolean;
}

/** A draft file as read for --fix: its text, and the bytes and identity the fixed file is written against. */
export interface DraftFile { draft: Draft; bytes: Buffer; identity: FileIdentity }

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
export async function readDraft(path: string, maxBytes = DEFAULT_MAX_DRAFT_BYTES): Promise<Draft> {
  return decodeDraft(path, await readDraftBytes(path, maxBytes), maxBytes);
}

/** A draft file with the bytes and identity --fix needs to write it back safely. */
export async function readDraftFile(path: string, maxBytes = DEFAULT_MAX_DRAFT_BYTES): Promise<DraftFile> {
  const read = readDraftBytesAndIdentity(path, maxBytes);
  return { draft: await decodeDraft(path, read.bytes, maxBytes), ...read };
}

/** A draft file's bytes (batch runs hash them for the cache before decoding); ReadError when unreadable. */
export async function readDraftBytes(path: string, maxBytes = DEFAULT_MAX_DRAFT_BYTES): Promise<Buffer> {
  return readDraftBytesAndIdentity(path, maxBytes).bytes;
}

function readDraftBytesAndIdentity(path: string, maxBytes: number): { bytes: Buffer; identity: FileIdentity } {
  const ext = extname(path).toLowerCase();
  if (CONVERT.has(ext)) {
    throw new ReadError('unsupported-format',
      `不支持 ${ext} 格式，请先转换为 .docx 或 .txt，例如：libreoffice --headless --convert-to docx "${path}"`);
  }
  try {
    // Synchronous on purpose: a batch worker has nothing else to do meanwhile, and
    // fs/promises' open–stat–read–close round trips through the thread pool cost
    // more than linting a small draft. Only regular files, and only so much of them.
    return readRegularFile(fsPath(path), ext === '.docx' ? Math.max(maxBytes, DOCX_MIN_BYTES) : maxBytes);
  } catch (err) {
    if (err instanceof NotRegularFileError) {
      if (err.directory) throw new ReadError('is-directory', '这是一个文件夹，不是稿件文件');
      throw new ReadError('not-regular-file', `${err.message}，不能作为稿件检查；请给出稿件文件本身`);
    }
    if (err instanceof TooLargeError) throw tooLarge(err.size, maxBytes);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new ReadError('is-directory', '这是一个文件夹，不是稿件文件');
    if (code === 'ENOENT') {
      if (isSymlink(path)) throw new ReadError('not-found', '这是一个符号链接，它指向的文件不存在');
      throw new ReadError('not-found', '找不到这个文件，请检查路径和文件名');
    }
    if (code === 'EACCES' || code === 'EPERM') throw new ReadError('no-permission', '没有读取这个文件的权限');
    if (code === 'ELOOP') throw new ReadError('not-found', '这是一个循环的符号链接，找不到它指向的文件');
    throw new ReadError('read-failed', `无法读取：${(err as Error).message}`);
  }
}

/**
 * A .docx holds images and styles besides its text: its file may be larger than
 * the text limit. What its text may be is checked after conversion.
 */
const DOCX_MIN_BYTES = 64 * 1024 * 1024;

function isSymlink(path: string): boolean {
  try {
    return lstatSync(fsPath(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Bytes of the size limit per line allowed: the report model costs memory per line
 * (a 1 MB draft of 256,000 four-byte lines took 320 MB), so a draft may have one
 * line per ten bytes of the limit — 104,857 lines at 1 MB, where a report has a
 * few thousand.
 */
export const BYTES_PER_LINE = 10;

function checkLines(text: string, maxBytes: number): void {
  const limit = Math.floor(maxBytes / BYTES_PER_LINE);
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    if (++lines > limit) {
      let total = lines;
      for (let j = text.indexOf('\n', i + 1); j >= 0; j = text.indexOf('\n', j + 1)) total++;
      throw new ReadError('too-many-lines',
        `稿件有 ${total.toLocaleString('en-US')} 行，超过了检查的上限 ${limit.toLocaleString('en-US')} 行（年度报告一般只有几千行）；确需检查时用 --max-draft-size 调高上限（每 ${BYTES_PER_LINE} 字节一行），如 --max-draft-size ${Math.max(2, Math.ceil((total * BYTES_PER_LINE * 1.25) / 1024 / 1024))}MB`);
    }
  }
}

/** The one line for a draft over the size limit: how large, the limit, and how to raise it. */
export function tooLarge(size: number, maxBytes: number): ReadError {
  const suggest = Math.max(2, Math.ceil((size * 1.25) / 1024 / 1024));
  return new ReadError('too-large',
    `稿件有 ${formatBytes(size)}，超过了检查的上限 ${formatBytes(maxBytes)}（年度报告一般不超过 200 KB）；确需检查时用 --max-draft-size 调高上限，如 --max-draft-size ${suggest}MB`);
}

/** Bytes (a file's or stdin's) as a draft; `path` decides whether they are a .docx. */
export async function decodeDraft(path: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_DRAFT_BYTES): Promise<Draft> {
  if (extname(path).toLowerCase() === '.docx') {
    const draft = await decodeDocx(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const size = Buffer.byteLength(draft.text, 'utf8');
    if (size > maxBytes) throw tooLarge(size, maxBytes);
    checkLines(draft.text, maxBytes);
    return draft;
  }
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  const draft = decodeText(path, bytes);
  checkLines(draft.text, maxBytes);
  return draft;
}

async function decodeDocx(path: string, bytes: Buffer): Promise<Draft> {
  if (bytes.length === 0) throw new ReadError('empty', '文件是空的（0 字节），没有可检查的内容');
  const how = '文件可能已损坏或不完整，请用 Word 或 WPS 打开后“另存为” .docx 再检查';
  // an old binary Word file (OLE2) renamed to .docx, or anything else that is not a ZIP
  const magic = bytes.length >= 4 ? bytes.readUInt32BE(0) : 0;
  if (magic === 0xd0cf11e0) {
    throw new ReadError('unsupported-format',
      `这是旧版 Word（.doc）文件，只是扩展名写成了 .docx；请另存为 .docx，或转换：libreoffice --headless --convert-to docx "${path}"`);
  }
  if (magic !== 0x504b0304) throw new ReadError('bad-docx', `这不是有效的 Word（.docx）文件；${how}`);
  const { docxToText, DocxError } = await import('./docx.js');
  let r;
  try {
    r = await docxToText(bytes);
  } catch (err) {
    if (err instanceof DocxError) throw new ReadError('bad-docx', `无法读取这个 Word 文件（${err.message}）；${how}`);
    throw err;
  }
  if (!r.text.trim()) throw new ReadError('empty', 'Word 文件中没有文字，没有可检查的内容');
  return { path, text: r.text, encoding: 'docx', bom: false, paragraphs: r.lines };
}

/** Text bytes: UTF-8 (BOM or not), UTF-16 with BOM, or GB18030. */
export function decodeText(path: string, bytes: Uint8Array): Draft {
  if (bytes.length === 0) throw new ReadError('empty', '文件是空的（0 字节），没有可检查的内容');
  if (looksBinary(bytes)) throw new ReadError('binary', '这不是文本文件（含有二进制内容）；Word 文件请另存为 .docx，再检查');
  const d = decode(bytes);
  if (!d.text.trim()) throw new ReadError('empty', '文件只有空白，没有可检查的内容');
  const draft: Draft = { path, text: d.text, encoding: d.encoding, bom: d.bom };
  if (d.undecodable) draft.undecodable = d.undecodable;
  if (d.guessed) draft.guessed = true;
  return draft;
}

/** How many undecodable places are reported one by one; the rest are counted in one more note. */
const NOTED_PLACES = 10;

/**
 * What reading found that the drafter should see beside the findings: bytes that
 * did not decode, each where it stands, or a guessed encoding. A draft whose
 * decoding was a guess is never rewritten by --fix, and neither are bytes that
 * did not decode.
 */
export function readNotes(draft: Draft): Note[] {
  const places = draft.undecodable;
  if (!places?.length) return [];
  const enc = draft.encoding.toUpperCase();
  const at = (offset: number): Span => [offset, Math.min(offset + 1, draft.text.length)];
  if (draft.guessed) {
    return [{
      code: 'encoding', span: at(places[0].offset), severity: 2,
      message: `无法确定稿件的编码：按 ${enc} 读取，仍有 ${places.length} 处字节无法解码（显示为“\ufffd”）`,
      help: '用记事本或 WPS 打开稿件，“另存为” UTF-8 编码后再检查；在此之前 --fix 不会改写这份稿件',
    }];
  }
  const notes: Note[] = places.slice(0, NOTED_PLACES).map((p) => ({
    code: 'encoding', span: at(p.offset), severity: 2,
    message: `这里有无法按 ${enc} 解码的字节${p.hex ? `（${p.hex}）` : ''}，显示为“\ufffd”：可能混入了其他编码（如 GBK）的文字，或有字符被截断`,
    help: '核对这里原本的文字并重新输入；--fix 不会改动这些字节',
  }));
  if (places.length > NOTED_PLACES) {
    notes.push({
      code: 'encoding', span: at(places[NOTED_PLACES].offset), severity: 2,
      message: `另有 ${places.length - NOTED_PLACES} 处字节无法按 ${enc} 解码`,
      help: '核对这些地方原本的文字；如整份稿件是其他编码，请“另存为” UTF-8 后再检查',
    });
  }
  return notes;
}

/** NUL bytes (outside UTF-16), or many control characters, mean binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) return false;
  const n = Math.min(bytes.length, 8192);
  // scanned natively: a byte loop in JS was a visible share of a 1,000-draft batch
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1');
  if (head.includes('\0')) return true;
  const control = head.match(/[\x01-\x07\x0e-\x1a\x1c-\x1f]/g)?.length ?? 0;
  return control / n > 0.1;
}
