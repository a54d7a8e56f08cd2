/**
 * Bytes as a draft: text (UTF-8, UTF-16, GB18030, one bad byte noted, not guessed
 * away) or a .docx, within the size and line limits. Bytes in, no file system, so
 * the offline web page decodes a picked file exactly as the CLI decodes a read one
 * (src/io/read.ts reads files and hands their bytes here).
 */
import type { Directive, Note, Span } from '../types.js';
import type { ParagraphRef } from './docx.js';
import { decode, utf16WithoutBom, type Encoding, type Undecodable } from './encoding.js';
import { DEFAULT_MAX_DRAFT_BYTES, formatBytes } from './limits.js';

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
  /** Places whose bytes did not decode (each one U+FFFD in `text`): reported, and never overwritten by --fix. */
  undecodable?: Undecodable[];
  /** The encoding is a best guess (see src/io/encoding.ts): linted, never rewritten. */
  guessed?: boolean;
}

export class ReadError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

/** “.DOCX” → “.docx”: a file name's extension, lower case ('' when none). */
export function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
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
  if (extensionOf(path) === '.docx') {
    const draft = await decodeDocx(path, bytes);
    const size = new TextEncoder().encode(draft.text).length;
    if (size > maxBytes) throw tooLarge(size, maxBytes);
    checkLines(draft.text, maxBytes);
    return draft;
  }
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  const draft = decodeText(path, bytes);
  checkLines(draft.text, maxBytes);
  return draft;
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
export function readNotes(draft: Pick<Draft, 'text' | 'encoding' | 'undecodable' | 'guessed'>): Note[] {
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

/**
 * The first `n` bytes as text, one character per byte. Node's Buffer does it
 * natively; TextDecoder('latin1') is windows-1252 through ICU there, 40× slower
 * (73 µs for a draft's first 8 KB: 7% of a 1,000-draft batch's reading thread).
 * The web page has no Buffer and a fast TextDecoder.
 */
const bytesAsText: (bytes: Uint8Array, n: number) => string = typeof Buffer === 'function'
  ? (bytes, n) => Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1')
  : (() => {
    const latin1 = new TextDecoder('latin1');
    return (bytes, n) => latin1.decode(bytes.subarray(0, n));
  })();

/** NUL bytes (outside UTF-16), or many control characters, mean binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16 || utf16WithoutBom(bytes)) return false;
  const n = Math.min(bytes.length, 8192);
  // scanned natively: a byte loop in JS was a visible share of a 1,000-draft batch
  const head = bytesAsText(bytes, n);
  if (head.includes('\0')) return true;
  const control = head.match(/[\x01-\x07\x0e-\x1a\x1c-\x1f]/g)?.length ?? 0;
  return control / n > 0.1;
}
