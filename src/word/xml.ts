/**
 * XML of a Word package through a streaming parser: elements and attributes
 * named by their namespace (as Word defines them, whatever prefixes a file
 * declares on its root), no DOCTYPE at all (so no entities to expand, external
 * or internal), and a part that is not well-formed thrown as a DocxError naming it.
 *
 * Two maintained parsers, for two jobs. Reading (every .docx a batch or the page
 * lints) goes through saxen: it finds tags with indexOf and parses an element's
 * attributes only when asked, 2× faster than saxes on Word's attribute-heavy
 * XML, and it checks what matters for a draft (tags balanced, nothing cut off);
 * it never expands an entity. The annotator needs where every tag starts and
 * ends in the source, to splice comments and tracked changes into the file as
 * written: saxes, a strict parser that reports those positions, reads with
 * `positions`. test/word/reader.test.ts holds both to the same reading.
 */
import { Parser } from 'saxen';
import { SaxesParser } from 'saxes';
import { DocxError } from './zip.js';

const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
};

/** An element as the readers see it: `w:p`, `mc:Fallback`, `{prefix}local` for other namespaces. */
export interface Tag {
  name: string;
  /** Attribute by canonical name (`w:val`, `r:id`, `Target`), its references decoded; readable in `open` only. */
  attr(name: string): string | undefined;
  selfClosing: boolean;
  /** The prefix the file itself uses for this element (an annotator writes back in the file's prefixes). */
  prefix: string;
}

/**
 * Prefixes as the root element declares them (Word, WPS and LibreOffice declare
 * every namespace there), mapped to the readers' names. Namespace processing
 * per element doubled the parse; when a file uses the usual prefixes (nearly
 * always) names are taken as written.
 */
class Names {
  private readonly map = new Map<string, string | undefined>();
  readonly identity: boolean;
  constructor(attributes: Record<string, string>, decode: (s: string) => string) {
    let identity = true;
    for (const k in attributes) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
      const prefix = k === 'xmlns' ? '' : k.slice(6);
      const canonical = PREFIXES[decode(attributes[k])];
      this.map.set(prefix, canonical);
      if (canonical !== prefix && (canonical !== undefined || Object.values(PREFIXES).includes(prefix))) identity = false;
    }
    this.identity = identity;
  }

  name(qname: string, attribute = false): string {
    if (this.identity) return qname;
    const i = qname.indexOf(':');
    if (i < 0 && attribute) return qname;
    const prefix = i < 0 ? '' : qname.slice(0, i);
    if (prefix === 'xml' || prefix === 'xmlns') return qname;
    const mapped = this.map.get(prefix);
    const local = qname.slice(i + 1);
    return mapped ? `${mapped}:${local}` : i < 0 && !this.map.has('') ? local : `{${prefix}}${local}`;
  }
}

/**
 * The element being opened: one object per parse, updated for each element (a
 * thousand tags a draft, each an object, were a third of the read), so a handler
 * reads it during `open` and keeps what it needs, never the tag itself.
 */
class Current implements Tag {
  name = '';
  selfClosing = false;
  /** The name as the file writes it. */
  qname = '';
  /** The parser's attributes of this element (saxen parses them when first asked for). */
  attributes: () => Record<string, string> = () => ({});
  constructor(readonly names: Names, private readonly decode: (s: string) => string) {}

  set(qname: string, selfClosing: boolean, attributes: () => Record<string, string>): this {
    this.qname = qname;
    this.name = this.names.name(qname);
    this.selfClosing = selfClosing;
    this.attributes = attributes;
    return this;
  }

  get prefix(): string {
    const i = this.qname.indexOf(':');
    return i < 0 ? '' : this.qname.slice(0, i);
  }

  attr(name: string): string | undefined {
    const a = this.attributes();
    if (this.names.identity) {
      const v = a[name];
      return v === undefined ? undefined : this.decode(v);
    }
    for (const k in a) if (this.names.name(k, true) === name) return this.decode(a[k]);
    return undefined;
  }
}

export interface XmlHandlers {
  /** `end`: with `positions`, the offset just past the start tag's '>' (else 0). */
  open?(tag: Tag, end: number): void;
  /** An element ends (`name` as Tag.name); `end`: with `positions`, the offset just past its end tag (of the tag itself when self-closing; else 0). */
  close?(name: string, selfClosing: boolean, end: number): void;
  /** Character data, references decoded and line ends normalised, in pieces. */
  text?(text: string): void;
  /** With `positions`: the offset where each start tag begins ('<'). */
  openStart?(offset: number): void;
}

const unsafe = (part: string) => new DocxError('docx-unsafe', `${part} 含有 DOCTYPE 声明（Word 从不写入），可能是恶意构造的文件（XML 外部实体），已拒绝读取`);
const broken = (part: string, err: Error) => (err instanceof DocxError ? err : new DocxError('bad-docx', `${part} 不是完整的 XML：${err.message}`));

/**
 * Parses one part, calling the handlers in document order; throws DocxError when
 * the part is not well-formed XML. `positions` (the annotator) reports offsets.
 */
export function parseXml(xml: string, part: string, h: XmlHandlers, positions = false): void {
  if (positions) return parseWithPositions(xml, part, h);
  const p = new Parser();
  let tag: Current | undefined;
  p.on('attention', () => {
    throw unsafe(part);
  });
  p.on('error', (err: Error) => {
    throw broken(part, err);
  });
  // warnings (an unquoted or repeated attribute, text outside the root) leave the text readable
  p.on('warn', () => {});
  p.on('openTag', (qname: string, attributes: () => Record<string, string>, _decode: unknown, selfClosing: boolean) => {
    tag ??= new Current(new Names(attributes(), decodeAttribute), decodeAttribute);
    h.open?.(tag.set(qname, selfClosing, attributes), 0);
  });
  if (h.close) {
    const close = h.close;
    p.on('closeTag', (qname: string, _decode: unknown, selfClosing: boolean) => close(tag!.names.name(qname), selfClosing, 0));
  }
  if (h.text) {
    const text = h.text;
    p.on('text', (raw: string) => text(decodeText(raw)));
  }
  try {
    p.parse(xml);
  } catch (err) {
    throw broken(part, err as Error);
  }
}

function parseWithPositions(xml: string, part: string, h: XmlHandlers): void {
  const p = new SaxesParser({ position: true });
  let tag: Current | undefined;
  p.on('doctype', () => {
    throw unsafe(part);
  });
  if (h.openStart) {
    const openStart = h.openStart;
    p.on('opentagstart', () => openStart(xml.lastIndexOf('<', p.position - 1)));
  }
  p.on('opentag', (t) => {
    const attributes = t.attributes as Record<string, string>;
    tag ??= new Current(new Names(attributes, same), same);
    h.open?.(tag.set(t.name, t.isSelfClosing, () => attributes), p.position);
  });
  p.on('closetag', (t) => {
    h.close?.(tag!.names.name(t.name), t.isSelfClosing, p.position);
  });
  if (h.text) p.on('text', h.text);
  try {
    p.write(xml).close();
  } catch (err) {
    throw broken(part, err as Error);
  }
}

const same = (s: string) => s;

const REFERENCE = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The five predefined entities and character references; anything else stays as written (no entity is ever expanded). */
function decodeReferences(s: string): string {
  return s.replace(REFERENCE, (_, dec: string | undefined, hex: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named];
    const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Character data as XML defines it: CR LF and a lone CR are one line feed (XML 1.0 §2.11), then references. */
function decodeText(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return s.includes('&') ? decodeReferences(s) : s;
}

/** An attribute value as XML defines it: literal tabs and line ends are spaces (§3.3.3), then references. */
function decodeAttribute(raw: string): string {
  const s = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
  return s.includes('&') ? decodeReferences(s) : s;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Text or an attribute value as XML; characters XML 1.0 cannot hold become U+FFFD (same length, so offsets hold). */
export function escapeXml(s: string): string {
  return s
    .replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"]/g, (c) => ESC[c]);
}
