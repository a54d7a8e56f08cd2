/**
 * Decoding drafts: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK,
 * which Windows Notepad and WPS still write for Chinese text. The result records
 * what was found — the encoding, the BOM, and every place whose bytes did not
 * decode — so `--fix` can splice its edits into the original bytes and leave every
 * other byte as it was (src/io/splice.ts).
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Bytes that did not decode: the one U+FFFD at `offset` of the text stands for `length` bytes at `byteOffset`. */
export interface Undecodable { offset: number; byteOffset: number; length: number; /** The bytes in hex, “FF” or “D6 D0”. */ hex?: string }

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** Places whose bytes did not decode in `encoding`, in text order; absent when every byte decoded. */
  undecodable?: Undecodable[];
  /**
   * The encoding is a best guess: the bytes are clean in no encoding and valid
   * UTF-8 does not dominate them. Such a file is linted but never rewritten.
   */
  guessed?: boolean;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lax = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Valid UTF-8 sequences of two bytes or more per undecodable place below which a
 * file is no longer taken for UTF-8 with a few damaged places: a UTF-8 draft with
 * one stray byte, a character cut at the end or one pasted GBK phrase has
 * thousands of valid sequences per bad one, a GBK file read as UTF-8 has fewer
 * valid sequences than bad ones.
 */
const UTF8_DOMINANCE = 4;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { ...decodeUtf8(bytes, 3), encoding: 'utf-8', bom: true };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ...decodeUtf16(bytes, true), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ...decodeUtf16(bytes, false), encoding: 'utf-16be', bom: true };
  const bomless = utf16WithoutBom(bytes);
  if (bomless) return { ...decodeUtf16(bytes, bomless === 'le', 0), encoding: bomless === 'le' ? 'utf-16le' : 'utf-16be', bom: false };
  try {
    return { text: utf8Fatal.decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // not clean UTF-8: a UTF-8 draft with a few bad bytes, or GBK/GB18030 (Chinese Windows)
  }
  const utf8 = decodeUtf8(bytes, 0);
  const bad = utf8.undecodable!.length;
  if (utf8.multiByte >= UTF8_DOMINANCE * bad) return { text: utf8.text, undecodable: utf8.undecodable, encoding: 'utf-8', bom: false };
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030', bom: false };
  } catch {
    // neither decodes cleanly: take the one with fewer bad places, and say it is a guess
  }
  const gb = new TextDecoder('gb18030').decode(bytes);
  const gbBad: Undecodable[] = [];
  for (let i = gb.indexOf('\ufffd'); i >= 0; i = gb.indexOf('\ufffd', i + 1)) gbBad.push({ offset: i, byteOffset: -1, length: 0 });
  if (gbBad.length < bad) return { text: gb, undecodable: gbBad, encoding: 'gb18030', bom: false, guessed: true };
  return { text: utf8.text, undecodable: utf8.undecodable, encoding: 'utf-8', bom: false, guessed: true };
}

/**
 * UTF-16 without a byte order mark (Notepad's “Unicode” without one, some exports):
 * every line end and ASCII character is a NUL byte beside its code, nearly all on the
 * same side, and the code units are what a Chinese draft holds (CJK, CJK and full-width
 * punctuation, ASCII). Plain UTF-8 and GB18030 never have NULs, so they are never
 * taken for it; without the NULs this would be a guess, and it is not made.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, 8192) & ~1;
  // a native search first: a draft without NULs (every UTF-8 and GB18030 one) costs nothing more
  if (n < 16 || bytes.subarray(0, n).indexOf(0) < 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i & 1 ? odd++ : even++);
  // ASCII and line ends put their NULs on one side; a CJK character ending in 00 (U+5E00) now and then on the other
  if (Math.max(even, odd) < 4 * Math.min(even, odd)) return undefined;
  const le = odd > even;
  let plausible = 0;
  for (let i = 0; i < n; i += 2) {
    const u = le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
    if (u === 0x09 || u === 0x0a || u === 0x0d || (u >= 0x20 && u <= 0x7e) || (u >= 0xa0 && u <= 0xff) || (u >= 0x2000 && u <= 0x206f)
      || (u >= 0x3000 && u <= 0x30ff) || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xff00 && u <= 0xffef)) plausible++;
  }
  return plausible >= 0.95 * (n / 2) ? (le ? 'le' : 'be') : undefined;
}

/**
 * UTF-8 from `from` on, each maximal invalid subsequence one U+FFFD (as the
 * WHATWG decoder does), with where each stands; `multiByte` counts the valid
 * sequences of two bytes or more. Valid runs are decoded natively.
 */
function decodeUtf8(bytes: Uint8Array, from: number): { text: string; undecodable?: Undecodable[]; multiByte: number } {
  if (from) {
    try {
      return { text: utf8Fatal.decode(bytes.subarray(from)), multiByte: 0 };
    } catch {
      // decoded below, place by place
    }
  }
  const parts: string[] = [];
  const undecodable: Undecodable[] = [];
  let multiByte = 0;
  let runStart = from;
  let textLength = 0;
  const n = bytes.length;
  for (let i = from; i < n;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    }
    let k = 1;
    if (need) {
      for (; k <= need; k++) {
        const c = bytes[i + k];
        if (i + k >= n || c < (k === 1 ? lower : 0x80) || c > (k === 1 ? upper : 0xbf)) break;
      }
      if (k > need) {
        multiByte++;
        i += k;
        continue;
      }
    }
    // bytes i … i+k-1 are one invalid subsequence
    const run = utf8Lax.decode(bytes.subarray(runStart, i));
    parts.push(run, '\ufffd');
    textLength += run.length;
    undecodable.push({ offset: textLength, byteOffset: i, length: k, hex: hex(bytes.subarray(i, i + k)) });
    textLength++;
    i += k;
    runStart = i;
  }
  parts.push(utf8Lax.decode(bytes.subarray(runStart)));
  return { text: parts.join(''), undecodable: undecodable.length ? undecodable : undefined, multiByte };
}

/** UTF-16 after its BOM; an unpaired surrogate or a final odd byte is one U+FFFD, as the decoder makes it. */
/** UTF-16 after its byte order mark (`from` 2), or from the start of a file without one. */
function decodeUtf16(bytes: Uint8Array, le: boolean, from = 2): { text: string; undecodable?: Undecodable[] } {
  const body = bytes.subarray(from);
  const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(body);
  const undecodable: Undecodable[] = [];
  const unit = (i: number) => (le ? body[i] | (body[i + 1] << 8) : (body[i] << 8) | body[i + 1]);
  const units = body.length >> 1;
  for (let u = 0; u < units; u++) {
    const c = unit(2 * u);
    if (c >= 0xd800 && c <= 0xdbff && u + 1 < units) {
      const d = unit(2 * u + 2);
      if (d >= 0xdc00 && d <= 0xdfff) {
        u++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) undecodable.push({ offset: u, byteOffset: from + 2 * u, length: 2, hex: hex(body.subarray(2 * u, 2 * u + 2)) });
  }
  if (body.length & 1) undecodable.push({ offset: units, byteOffset: from + 2 * units, length: 1, hex: hex(body.subarray(body.length - 1)) });
  return undecodable.length ? { text, undecodable } : { text };
}

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

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

/** Bytes a BOM of this decoding takes before the text. */
export function bomLength(d: Pick<Decoded, 'encoding' | 'bom'>): number {
  return !d.bom ? 0 : d.encoding === 'utf-8' ? 3 : 2;
}

let gbTable: Map<number, number> | undefined;
let gbFour: Map<number, number> | undefined;

/**
 * Node has a GB18030 decoder but no encoder. The two-byte table (GBK: every common
 * Chinese character) is the decoder's inverse over the two-byte range; the rest
 * of the BMP is the four-byte range, whose 39,420 codes are decoded once, in one
 * call; a character beyond the BMP is four bytes computed from its code point.
 * Every step is a table lookup: linear in the text.
 */
function encodeGb18030(text: string): Uint8Array {
  gbTable ??= twoByteTable();
  const out = Buffer.allocUnsafe(text.length * 4);
  let n = 0;
  const four = (pointer: number) => {
    out[n++] = 0x81 + Math.floor(pointer / 12600);
    out[n++] = 0x30 + (Math.floor(pointer / 1260) % 10);
    out[n++] = 0x81 + (Math.floor(pointer / 10) % 126);
    out[n++] = 0x30 + (pointer % 10);
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    const two = cp <= 0xffff ? gbTable.get(cp) : undefined;
    if (two !== undefined) {
      out[n++] = two >> 8;
      out[n++] = two & 0xff;
    } else if (cp > 0xffff) four(cp - 0x10000 + 189000);
    else {
      gbFour ??= fourByteTable();
      const p = gbFour.get(cp);
      if (p === undefined) throw new Error(`无法用 GB18030 编码字符 “${ch}”`);
      four(p);
    }
  }
  return out.subarray(0, n);
}

function twoByteTable(): Map<number, number> {
  const table = new Map<number, number>();
  const dec = new TextDecoder('gb18030');
  const pair = new Uint8Array(2);
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      pair[0] = a;
      pair[1] = b;
      const s = dec.decode(pair);
      if (s.length === 1 && s !== '\ufffd' && !table.has(s.charCodeAt(0))) table.set(s.charCodeAt(0), (a << 8) | b);
    }
  }
  return table;
}

/** BMP code point → four-byte pointer, from one decode of every four-byte code of the BMP range. */
function fourByteTable(): Map<number, number> {
  const COUNT = 39420;
  const bytes = new Uint8Array(COUNT * 4);
  for (let p = 0; p < COUNT; p++) {
    bytes[4 * p] = 0x81 + Math.floor(p / 12600);
    bytes[4 * p + 1] = 0x30 + (Math.floor(p / 1260) % 10);
    bytes[4 * p + 2] = 0x81 + (Math.floor(p / 10) % 126);
    bytes[4 * p + 3] = 0x30 + (p % 10);
  }
  const chars = new TextDecoder('gb18030').decode(bytes);
  const table = new Map<number, number>();
  // every code is one BMP character (U+FFFD for the few unassigned ones)
  if (chars.length === COUNT) {
    for (let p = 0; p < COUNT; p++) {
      const c = chars.charCodeAt(p);
      if (c !== 0xfffd && !table.has(c)) table.set(c, p);
    }
  }
  return table;
}
