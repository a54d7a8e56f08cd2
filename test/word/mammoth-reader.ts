/**
 * The oracle of the differential test: the reader lawreport-lint had before
 * src/word/, kept verbatim (mammoth for the text, regexes over numbering.xml for
 * the markers). Test-only: mammoth is a development dependency. Its numbering
 * code is the quadratic one issue 12 found; feed it only small test files.
 */
import { inflateRawSync } from 'node:zlib';
import { chineseNumeral } from '../../src/document/numerals.js';

/** A model line's place in the Word document. */
export interface ParagraphRef {
  /** 0-based index of the Word paragraph. */
  paragraph: number;
  /** UTF-16 offset of the line inside that paragraph (after a Shift+Enter line break). */
  column: number;
}

export interface DocxText {
  text: string;
  /** One entry per model line; present only when a paragraph holds line breaks, so lines ≠ paragraphs. */
  lines?: ParagraphRef[];
}

export class DocxError extends Error {}

// ───────────────────────────── zip ─────────────────────────────

/** The few entries we need from a .docx (a ZIP): found via the central directory, stored or deflated. */
function readZipEntries(buf: Buffer, wanted: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new DocxError('not a zip');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && p + 46 <= buf.length; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) break;
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (!wanted.includes(name)) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
  }
  return out;
}

// ───────────────────────────── numbering.xml ─────────────────────────────

interface Level { numFmt: string; lvlText: string; start: number; suff: string; pStyle?: string }
interface Numbering {
  /** abstractNumId → ilvl → level */
  abstract: Map<string, Map<number, Level>>;
  /** numId → abstractNumId, plus levels whose start the instance overrides */
  nums: Map<string, { abstractId: string; restart: Set<number> }>;
}

const attr = (xml: string, name: string): string | undefined => new RegExp(`${name}="([^"]*)"`).exec(xml)?.[1];
const childVal = (xml: string, tag: string): string | undefined => {
  const m = new RegExp(`<${tag}\\b[^>]*?w:val="([^"]*)"`).exec(xml);
  return m ? unescapeXml(m[1]) : undefined;
};
function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : e === 'apos' ? "'"
    : String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))));
}

function parseNumbering(xml: string): Numbering {
  const abstract = new Map<string, Map<number, Level>>();
  for (const a of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(a[1], 'w:abstractNumId');
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of a[2].matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      levels.set(Number(attr(l[1], 'w:ilvl') ?? 0), {
        numFmt: childVal(l[2], 'w:numFmt') ?? 'decimal',
        lvlText: childVal(l[2], 'w:lvlText') ?? '',
        start: Number(childVal(l[2], 'w:start') ?? 1),
        suff: childVal(l[2], 'w:suff') ?? 'tab',
        pStyle: childVal(l[2], 'w:pStyle'),
      });
    }
    abstract.set(id, levels);
  }
  const nums = new Map<string, { abstractId: string; restart: Set<number> }>();
  for (const n of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(n[1], 'w:numId');
    const abstractId = childVal(n[2], 'w:abstractNumId');
    if (id === undefined || abstractId === undefined) continue;
    const restart = new Set<number>();
    for (const o of n[2].matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      if (/<w:startOverride\b/.test(o[2])) restart.add(Number(attr(o[1], 'w:ilvl') ?? 0));
    }
    nums.set(id, { abstractId, restart });
  }
  return { abstract, nums };
}

/** (numId, ilvl) of each numbered paragraph of document.xml, in document order, resolved as mammoth resolves them. */
function numberedParagraphs(documentXml: string, numbering: Numbering): { numId: string; ilvl: number }[] {
  const byStyle = new Map<string, { numId: string; ilvl: number }>();
  for (const [abstractId, levels] of numbering.abstract) {
    const numId = [...numbering.nums].find(([, n]) => n.abstractId === abstractId)?.[0];
    if (numId === undefined) continue;
    for (const [ilvl, l] of levels) if (l.pStyle && !byStyle.has(l.pStyle)) byStyle.set(l.pStyle, { numId, ilvl });
  }
  const out: { numId: string; ilvl: number }[] = [];
  // each paragraph's own properties come first: <w:p …><w:pPr>…</w:pPr>
  for (const m of documentXml.matchAll(/<w:p(?:\s[^>]*)?>(\s*<w:pPr\b(?:\s*\/>|[\s\S]*?<\/w:pPr>))?/g)) {
    // a tracked change keeps the old properties inside <w:pPrChange>: not the paragraph's numbering
    const pPr = (m[1] ?? '').split('<w:pPrChange')[0];
    const numPr = /<w:numPr\b[\s\S]*?<\/w:numPr>/.exec(pPr)?.[0];
    const ilvl = numPr ? childVal(numPr, 'w:ilvl') : undefined;
    const numId = numPr ? childVal(numPr, 'w:numId') : undefined;
    let ref: { numId: string; ilvl: number } | undefined;
    if (ilvl !== undefined && numId !== undefined) ref = { numId, ilvl: Number(ilvl) };
    else {
      const style = childVal(pPr, 'w:pStyle');
      if (style && byStyle.has(style)) ref = byStyle.get(style);
      else if (numId !== undefined) ref = { numId, ilvl: 0 };
    }
    if (ref && levelOf(numbering, ref)) out.push(ref);
  }
  return out;
}

function levelOf(numbering: Numbering, ref: { numId: string; ilvl: number }): Level | undefined {
  const num = numbering.nums.get(ref.numId);
  return num && numbering.abstract.get(num.abstractId)?.get(ref.ilvl);
}

// ───────────────────────────── number formats ─────────────────────────────

const CN_DIGITS = '〇一二三四五六七八九';
/** Word writes zero as 〇; otherwise its counting numerals are the outline markers' (十二, 二十). */
const chineseCounting = (n: number): string => (n === 0 ? CN_DIGITS[0] : chineseNumeral(n));
function letters(n: number): string {
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}
function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let s = '';
  for (const [v, r] of table) while (n >= v) { s += r; n -= v; }
  return s;
}

/** A counter as Word displays it for a `w:numFmt`. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'taiwaneseCounting':
    case 'koreanCounting': case 'ideographLegalTraditional':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n).replace(/[一二三四五六七八九十〇]/g, (c) => '壹贰叁肆伍陆柒捌玖拾零'['一二三四五六七八九十〇'.indexOf(c)]);
    case 'ideographTraditional': return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10];
    case 'ideographZodiac': return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12];
    case 'ideographDigital': case 'taiwaneseDigital': case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]);
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen': return `(${n})`;
    case 'decimalFullWidth': case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero': return n < 10 ? `0${n}` : String(n);
    case 'lowerLetter': return letters(n);
    case 'upperLetter': return letters(n).toUpperCase();
    case 'lowerRoman': return roman(n);
    case 'upperRoman': return roman(n).toUpperCase();
    case 'none': case 'bullet': return '';
    default: return String(n);
  }
}

/**
 * Counts Word's lists the way Word does: instances of one abstract list share
 * their counters (unless an instance restarts a level), and a level restarts
 * after any shallower level of the same list.
 */
class ListCounter {
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();
  constructor(private readonly numbering: Numbering) {}

  marker(ref: { numId: string; ilvl: number }): Marker {
    const num = this.numbering.nums.get(ref.numId)!;
    const levels = this.numbering.abstract.get(num.abstractId)!;
    const level = levels.get(ref.ilvl)!;
    if (level.numFmt === 'bullet') return { marker: '', suff: 'nothing' };
    const key = num.restart.size ? `num:${ref.numId}` : `abs:${num.abstractId}`;
    const c = this.counters.get(key) ?? [];
    this.counters.set(key, c);
    const startKey = `${key}/${ref.ilvl}`;
    if (num.restart.has(ref.ilvl) && !this.started.has(startKey)) c[ref.ilvl] = undefined as never;
    this.started.add(startKey);
    c[ref.ilvl] = c[ref.ilvl] === undefined ? level.start : c[ref.ilvl] + 1;
    c.length = ref.ilvl + 1;
    const text = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      const value = c[i] ?? l?.start ?? 1;
      return formatNumber(value, l?.numFmt ?? 'decimal');
    });
    return { marker: text, suff: level.suff };
  }
}

/**
 * Word separates the number from the text by a tab or a space. Typed drafts
 * write “一、强化”, “（一）强化” and “1.完善” with nothing between, so nothing is
 * added, except where the text would run into the number (“1.” + “2023年”).
 */
function joinMarker(marker: string, suff: string, text: string): string {
  if (!marker || suff === 'nothing') return marker + text;
  return /[\x21-\x7e]$/.test(marker) && /^[0-9A-Za-z.]/.test(text) ? `${marker} ${text}` : marker + text;
}

interface Marker { marker: string; suff: string }

/** When numbering.xml cannot be matched to mammoth's paragraphs: the standard hierarchy by list level. */
const STANDARD = [
  (n: number) => `${chineseCounting(n)}、`,
  (n: number) => `（${chineseCounting(n)}）`,
  (n: number) => `${n}.`,
  (n: number) => `（${n}）`,
  (n: number) => String.fromCharCode(0x2460 + Math.min(n, 20) - 1),
];

// ───────────────────────────── mammoth's document ─────────────────────────────

interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  breakType?: string;
  numbering?: { isOrdered: boolean; level: string } | null;
  styleName?: string | null;
}

interface Para { parts: string[]; numbering?: { isOrdered: boolean; level: number } }

/** Paragraphs in document order; a line break (Shift+Enter) starts a new model line. */
function collectParagraphs(root: MammothElement): Para[] {
  const out: Para[] = [];
  const visit = (e: MammothElement, into: Para | undefined): void => {
    if (e.type === 'paragraph') {
      const p: Para = { parts: [''] };
      if (e.numbering) p.numbering = { isOrdered: e.numbering.isOrdered, level: Number(e.numbering.level) || 0 };
      out.push(p);
      for (const c of e.children ?? []) visit(c, p);
      return;
    }
    if (into) {
      if (e.type === 'text') into.parts[into.parts.length - 1] += (e.value ?? '').replace(/[\r\n\v\f\u2028\u2029]/g, ' ');
      else if (e.type === 'tab') into.parts[into.parts.length - 1] += '\t';
      else if (e.type === 'break' && e.breakType === 'line') into.parts.push('');
    }
    for (const c of e.children ?? []) visit(c, into);
  };
  visit(root, undefined);
  return out;
}

/** Reads a .docx into model text (throws DocxError when the file is not a readable Word document). */
export async function mammothDocxToText(bytes: Buffer): Promise<DocxText> {
  let root: MammothElement | undefined;
  try {
    // loaded on the first .docx only: text drafts never pay for it
    const mammoth = (await import('mammoth')).default;
    await mammoth.convertToHtml({ buffer: bytes }, {
      // capture the document tree and hand mammoth an empty one: we need no HTML
      transformDocument: (d: MammothElement) => {
        root = d;
        return { ...d, children: [] };
      },
    });
  } catch (err) {
    throw new DocxError((err as Error).message);
  }
  if (!root) throw new DocxError('no document body');
  const paras = collectParagraphs(root);

  // markers for auto-numbered paragraphs
  const numbered = paras.filter((p) => p.numbering);
  if (numbered.length) {
    const markers = markersFromNumberingXml(bytes, numbered) ?? markersByLevel(numbered);
    numbered.forEach((p, i) => { p.parts[0] = joinMarker(markers[i].marker, markers[i].suff, p.parts[0]); });
  }

  const hasBreaks = paras.some((p) => p.parts.length > 1);
  const lines: ParagraphRef[] | undefined = hasBreaks ? [] : undefined;
  const texts: string[] = [];
  paras.forEach((p, paragraph) => {
    let column = 0;
    for (const part of p.parts) {
      texts.push(part);
      lines?.push({ paragraph, column });
      column += part.length + 1;
    }
  });
  return { text: texts.join('\n'), lines };
}

/** Exact markers from numbering.xml, when its numbered paragraphs line up with mammoth's. */
function markersFromNumberingXml(bytes: Buffer, numbered: Para[]): Marker[] | undefined {
  let entries: Map<string, string>;
  try {
    entries = readZipEntries(bytes, ['word/numbering.xml', 'word/document.xml']);
  } catch {
    return undefined;
  }
  const numberingXml = entries.get('word/numbering.xml');
  const documentXml = entries.get('word/document.xml');
  if (!numberingXml || !documentXml) return undefined;
  const numbering = parseNumbering(numberingXml);
  const refs = numberedParagraphs(documentXml, numbering);
  if (refs.length !== numbered.length || refs.some((r, i) => r.ilvl !== numbered[i].numbering!.level)) return undefined;
  const counter = new ListCounter(numbering);
  return refs.map((r) => counter.marker(r));
}

function markersByLevel(numbered: Para[]): Marker[] {
  const counts: number[] = [];
  return numbered.map((p) => {
    const { level, isOrdered } = p.numbering!;
    counts[level] = (counts[level] ?? 0) + 1;
    counts.length = level + 1;
    return { marker: isOrdered ? STANDARD[Math.min(level, STANDARD.length - 1)](counts[level]) : '', suff: 'tab' };
  });
}
