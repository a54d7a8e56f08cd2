import { bomLength, encode, type Decoded } from './encoding.js';

/** A replacement of the text between two UTF-16 offsets of a decoded draft. */
export interface TextEdit { start: number; end: number; text: string }

/** Why fixed bytes cannot be made: the file would not come back as it was outside the edits. */
export class SpliceError extends Error {
  constructor(readonly code: 'guessed-encoding' | 'touches-undecodable' | 'not-round-trip', message: string) {
    super(message);
  }
}

/**
 * The bytes of a draft with `edits` (ascending, non-overlapping, on the decoded
 * text) applied: each edit's new text encoded in the draft's encoding and put in
 * place of the bytes of its span; every other byte — a BOM, line ends, bytes that
 * did not decode, a character the encoder would write differently — is copied
 * from the original as it was. Linear in the size of the draft.
 */
export function spliceEdits(original: Uint8Array, d: Decoded, edits: readonly TextEdit[]): Uint8Array {
  if (d.guessed) {
    throw new SpliceError('guessed-encoding', `无法确定稿件的编码（按 ${d.encoding.toUpperCase()} 读取时仍有 ${d.undecodable?.length ?? 0} 处字节无法解码）`);
  }
  const bytesOf = byteLength(d, original);
  const bad = d.undecodable ?? [];
  let b = 0; // next undecodable place
  let text = 0;
  let byte = bomLength(d);
  /** The byte offset of text offset `to` (≥ the last one asked), walking over undecodable places. */
  const advance = (to: number): number => {
    while (b < bad.length && bad[b].offset < to) {
      byte += bytesOf(text, bad[b].offset) + bad[b].length;
      text = bad[b].offset + 1;
      b++;
    }
    byte += bytesOf(text, to);
    text = to;
    return byte;
  };
  const out: Uint8Array[] = [];
  let copied = 0;
  for (const e of edits) {
    const from = advance(e.start);
    const hit = bad[b];
    if (hit && hit.offset < e.end) {
      throw new SpliceError('touches-undecodable', `修复会改动无法解码的字节（文本第 ${hit.offset + 1} 个字符处）`);
    }
    out.push(original.subarray(copied, from), encode(e.text, d.encoding, false));
    copied = advance(e.end);
  }
  out.push(original.subarray(copied));
  return Buffer.concat(out);
}

/**
 * Byte length of text[a, b) as it stands in the original bytes. UTF-8 and UTF-16
 * are exact by construction; for GB18030 the encoder must give back the original
 * bytes of the whole text, or lengths could differ where the decoder maps two
 * byte sequences to one character.
 */
function byteLength(d: Decoded, original: Uint8Array): (a: number, b: number) => number {
  const { text } = d;
  switch (d.encoding) {
    case 'utf-8':
      return (a, b) => (b > a ? Buffer.byteLength(text.slice(a, b), 'utf8') : 0);
    case 'utf-16le':
    case 'utf-16be':
      return (a, b) => 2 * (b - a);
    case 'gb18030': {
      const again = encode(text, 'gb18030', false);
      if (d.undecodable || Buffer.compare(Buffer.from(again), Buffer.from(original.buffer, original.byteOffset, original.byteLength)) !== 0) {
        throw new SpliceError('not-round-trip', '稿件中有 GB18030 编码器写不回原样的字节');
      }
      return (a, b) => (b > a ? encode(text.slice(a, b), 'gb18030', false).length : 0);
    }
  }
}
