import { lstatSync } from 'node:fs';
import { extname } from 'node:path';
import { decodeDraft, ReadError, tooLarge, type Draft } from './decode.js';
import { fsPath } from './raw-paths.js';
import { NotRegularFileError, readRegularFile, TooLargeError, type FileIdentity } from './file.js';
import { DEFAULT_MAX_DRAFT_BYTES } from './limits.js';

export { decodeDocx, decodeDraft, decodeText, ReadError, readNotes, BYTES_PER_LINE, type Draft } from './decode.js';

/** A draft file as read for --fix: its text, and the bytes and identity the fixed file is written against. */
export interface DraftFile { draft: Draft; bytes: Buffer; identity: FileIdentity }

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

