/**
 * The parts of a .docx (a ZIP package) that the reader and the annotator need,
 * through fflate, with limits: a zip bomb is refused from the sizes the archive
 * declares before anything is inflated, and each part inflates into a buffer of
 * its declared size, so memory stays bounded even when a part lies about it.
 * Bytes in, strings out: no file system, no Node-only API (the offline page uses it).
 */
import { strFromU8, unzipSync, zipSync, type Zippable } from 'fflate';

export type DocxErrorCode = 'bad-docx' | 'docx-too-large' | 'docx-unsafe';

/** A .docx that cannot be read: `message` is one Chinese sentence saying what is wrong with the file. */
export class DocxError extends Error {
  constructor(readonly code: DocxErrorCode, message: string) {
    super(message);
  }
}

const MB = 1024 * 1024;
/**
 * Limits far above any report (a 200 KB report is ~1–2 MB of document.xml),
 * far below what would hurt a batch. The compressed limit bounds the time spent
 * on a part whose declared size is a lie: deflate expands at most ~1,032×, and
 * inflating 512 KB that way takes ~3 s here; its output is cut at the declared size.
 */
export const LIMITS = {
  /** Inflated size of one part the reader reads (document.xml, numbering.xml …). */
  part: 16 * MB,
  /** Compressed size of one part the reader reads. */
  partCompressed: 512 * 1024,
  /** Inflated size of all the parts read together. */
  parts: 32 * MB,
  /**
   * Declared inflated size of the whole archive, images included: beyond it, a
   * bomb. Also what an annotated copy holds in memory (every entry is copied).
   */
  archive: 256 * MB,
};

const mb = (n: number) => `${Math.round(n / MB)} MB`;

/** Deflate never makes data more than a few bytes per 64 KB larger: a bigger entry hides its real size. */
const lies = (e: { size: number; originalSize: number }) => e.size > e.originalSize + (e.originalSize >> 10) + 1024;

/** Declared size and compressed size of every entry, read from the central directory without inflating anything. */
export function listEntries(bytes: Uint8Array): Map<string, { size: number; originalSize: number }> {
  const out = new Map<string, { size: number; originalSize: number }>();
  try {
    unzipSync(bytes, { filter: (f) => (out.set(f.name, { size: f.size, originalSize: f.originalSize }), false) });
  } catch (err) {
    throw new DocxError('bad-docx', `ZIP 结构已损坏：${(err as Error).message}`);
  }
  return out;
}

/**
 * Inflates the named parts that exist (others are simply absent from the result),
 * after checking every declared size against LIMITS.
 */
export function readParts(bytes: Uint8Array, names: readonly string[], entries = listEntries(bytes)): Map<string, string> {
  let archive = 0;
  for (const e of entries.values()) archive += e.originalSize;
  if (archive > LIMITS.archive) {
    throw new DocxError('docx-too-large', `解压后共 ${mb(archive)}，超过 ${mb(LIMITS.archive)} 的上限，可能是恶意构造的压缩包（zip 炸弹），已拒绝读取`);
  }
  let total = 0;
  const wanted = new Set<string>();
  for (const name of names) {
    const e = entries.get(name);
    if (!e) continue;
    if (e.originalSize > LIMITS.part || e.size > LIMITS.partCompressed) {
      throw new DocxError('docx-too-large', `${name} 解压后 ${mb(e.originalSize)}（压缩 ${Math.ceil(e.size / 1024)} KB），超过上限（${mb(LIMITS.part)}，压缩 ${LIMITS.partCompressed / 1024} KB），远大于任何一份报告，可能是恶意构造的压缩包（zip 炸弹），已拒绝读取`);
    }
    if (lies(e)) {
      throw new DocxError('docx-unsafe', `${name} 声明的大小（${e.originalSize} 字节）与压缩数据（${e.size} 字节）不符，可能是恶意构造的压缩包，已拒绝读取`);
    }
    total += e.originalSize;
    wanted.add(name);
  }
  if (total > LIMITS.parts) {
    throw new DocxError('docx-too-large', `需要读取的部分解压后共 ${mb(total)}，超过 ${mb(LIMITS.parts)} 的上限，可能是恶意构造的压缩包（zip 炸弹），已拒绝读取`);
  }
  let files;
  try {
    files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  } catch (err) {
    throw new DocxError('bad-docx', `ZIP 数据已损坏：${(err as Error).message}`);
  }
  const out = new Map<string, string>();
  for (const name of wanted) if (files[name]) out.set(name, decodeXml(files[name]));
  return out;
}

const utf16 = new TextDecoder('utf-16le');

/**
 * XML bytes as a string: UTF-8 (Word, WPS, LibreOffice) or UTF-16 with its BOM; a
 * UTF-8 BOM dropped. fflate's strFromU8 decodes a document.xml in half the time a
 * TextDecoder of our own took on Node 20 (0.017 against 0.038 ms for 23 KB).
 */
function decodeXml(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return utf16.decode(b.subarray(2));
  const s = strFromU8(b);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

const encoder = new TextEncoder();

/**
 * A new package: the original's entries with some replaced or added (all deflated,
 * the original's order kept, new ones at the end). Entries not replaced are
 * copied inflated-then-deflated by fflate, within the same limits as reading.
 */
export function rewriteZip(bytes: Uint8Array, replace: ReadonlyMap<string, string>): Uint8Array {
  const entries = listEntries(bytes);
  let archive = 0;
  for (const [name, e] of entries) {
    archive += e.originalSize;
    if (lies(e)) throw new DocxError('docx-unsafe', `${name} 声明的大小（${e.originalSize} 字节）与压缩数据（${e.size} 字节）不符，可能是恶意构造的压缩包，已拒绝处理`);
  }
  if (archive > LIMITS.archive) throw new DocxError('docx-too-large', `解压后共 ${mb(archive)}，超过 ${mb(LIMITS.archive)} 的上限，已拒绝处理`);
  let files;
  try {
    files = unzipSync(bytes);
  } catch (err) {
    throw new DocxError('bad-docx', `ZIP 数据已损坏：${(err as Error).message}`);
  }
  const out: Zippable = {};
  // images and other binaries are compressed already: stored, not deflated again
  const level = (name: string) => (/\.(xml|rels)$/i.test(name) ? 6 : 0);
  for (const [name, data] of Object.entries(files)) out[name] = [replace.has(name) ? encoder.encode(replace.get(name)!) : data, { level: level(name) }];
  for (const [name, text] of replace) if (!(name in out)) out[name] = encoder.encode(text);
  return zipSync(out, { level: 6 });
}

/** A package from scratch (the plain .docx a text draft becomes). */
export function makeZip(parts: ReadonlyMap<string, string>): Uint8Array {
  const out: Zippable = {};
  for (const [name, text] of parts) out[name] = encoder.encode(text);
  return zipSync(out, { level: 6 });
}
