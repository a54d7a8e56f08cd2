import { isRawPath } from './raw-paths.js';
import type { DraftFile } from './read.js';
import { SpliceError, spliceEdits, type TextEdit } from './splice.js';
import { writeFixedDraft, WriteRefused } from './write.js';

/**
 * --fix's write: the fixed draft's bytes are the original bytes with each edit's
 * span replaced (nothing else changes: encoding, BOM, line ends, undecodable
 * bytes), written over the file only if it is still the file that was read.
 * `edits`: on the text read (FixOutput.edits). Throws WriteRefused (one line,
 * nothing changed) or the system's error.
 */
export function saveFixedDraft(file: DraftFile, edits: readonly TextEdit[]): void {
  const { draft } = file;
  if (draft.encoding === 'docx') throw new WriteRefused('not-regular', 'Word 文档（.docx）不会被自动修复');
  if (isRawPath(draft.path)) throw new WriteRefused('not-regular', '文件名不是 UTF-8 编码（如从 Windows 压缩包解出的 GBK 文件名），--fix 不改写它；请先把文件改名再修复');
  let bytes: Uint8Array;
  try {
    bytes = spliceEdits(file.bytes, { ...draft, encoding: draft.encoding }, edits);
  } catch (err) {
    if (!(err instanceof SpliceError)) throw err;
    throw new WriteRefused('encoding', `${err.message}，为免损坏稿件，未写入修复；请先核对这些地方，或把稿件“另存为” UTF-8 后再运行 --fix`);
  }
  writeFixedDraft({ path: draft.path, bytes: file.bytes, identity: file.identity }, bytes);
}
