/**
 * Decoding drafts: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK,
 * which Windows Notepad and WPS still write for Chinese text. The result records
 * what was found so `--fix` can write the file back exactly as it came.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded { text: string; encoding: Encoding; bom: boolean }

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // not valid UTF-8: Chinese Windows text is GB18030 (a superset of GBK and GB2312)
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
  }
}

export function encode(text: string, encoding: Encoding, bom: boolean): Uint8Array {
  switch (encoding) {
    case 'utf-8': {
      const body = Buffer.from(text, 'utf8');
      return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
    }
    case 'utf-16le': {
      const body = Buffer.from(text, 'utf16le');
      return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
    }
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), le]) : le;
    }
    case 'gb18030':
      return encodeGb18030(text);
  }
}

let gbTable: Map<number, number[]> | undefined;

/**
 * Node has a GB18030 decoder but no encoder. Build the reverse table once from the
 * decoder over the two-byte range (GBK, every common Chinese character) and fall
 * back to four-byte sequences computed the same way for the rest.
 */
function encodeGb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    const pair = new Uint8Array(2);
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        pair[0] = a;
        pair[1] = b;
        const s = dec.decode(pair);
        if (s.length === 1 && s !== '\ufffd' && !gbTable.has(s.charCodeAt(0))) gbTable.set(s.charCodeAt(0), [a, b]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else {
      const two = cp <= 0xffff ? gbTable.get(cp) : undefined;
      if (two) out.push(...two);
      else out.push(...fourByte(ch));
    }
  }
  return Uint8Array.from(out);
}

const fourCache = new Map<string, number[]>();
function fourByte(ch: string): number[] {
  const hit = fourCache.get(ch);
  if (hit) return hit;
  // search the four-byte space by decoding (rare characters only: slow but exact)
  const dec = new TextDecoder('gb18030');
  const q = new Uint8Array(4);
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) {
    q[0] = a; q[1] = b; q[2] = c; q[3] = d;
    if (dec.decode(q) === ch) {
      const r = [a, b, c, d];
      fourCache.set(ch, r);
      return r;
    }
  }
  throw new Error(`无法用 GB18030 编码字符 “${ch}”`);
}
