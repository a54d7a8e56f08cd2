/**
 * XML of a Word package through saxes, a strict streaming parser: elements and
 * attributes named by their namespace (as Word defines them, whatever prefixes a
 * file declares on its root), no DOCTYPE at all (so no entities to expand,
 * external or internal), and any well-formedness error thrown as a DocxError
 * naming the part.
 */
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
  /** Attribute by canonical name (`w:val`, `r:id`, `Target`). */
  attr(name: string): string | undefined;
  selfClosing: boolean;
  /** The prefix the file itself uses for this element (an annotator writes back in the file's prefixes). */
  prefix: string;
}

/**
 * Prefixes as the root element declares them (Word, WPS and LibreOffice declare
 * every namespace there), mapped to the readers' names. Namespace processing
 * per element (saxes' xmlns mode) doubled the parse; when a file uses the
 * usual prefixes (nearly always) names are taken as written.
 */
class Names {
  private readonly map = new Map<string, string | undefined>();
  readonly identity: boolean;
  constructor(attributes: Record<string, string>) {
    let identity = true;
    for (const [k, uri] of Object.entries(attributes)) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
      const prefix = k === 'xmlns' ? '' : k.slice(6);
      const canonical = PREFIXES[uri];
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

export interface XmlHandlers {
  open?(tag: Tag, parser: SaxesParser): void;
  close?(tag: Tag, parser: SaxesParser): void;
  text?(text: string, parser: SaxesParser): void;
  /** The offset where each start tag begins ('<'), when the caller needs source positions. */
  openStart?(offset: number): void;
}

/** Parses one part, calling the handlers in document order; throws DocxError when the part is not well-formed XML. */
export function parseXml(xml: string, part: string, h: XmlHandlers): void {
  const p = new SaxesParser({ position: true });
  const tags: Tag[] = [];
  let names: Names | undefined;
  p.on('doctype', () => {
    throw new DocxError('docx-unsafe', `${part} 含有 DOCTYPE 声明（Word 从不写入），可能是恶意构造的文件（XML 外部实体），已拒绝读取`);
  });
  if (h.openStart) {
    const openStart = h.openStart;
    p.on('opentagstart', () => openStart(xml.lastIndexOf('<', p.position - 1)));
  }
  p.on('opentag', (t) => {
    const attributes = t.attributes as Record<string, string>;
    names ??= new Names(attributes);
    const n = names;
    const i = t.name.indexOf(':');
    const tag: Tag = {
      name: n.name(t.name),
      attr: n.identity ? (name) => attributes[name] : (name) => {
        for (const k in attributes) if (n.name(k, true) === name) return attributes[k];
        return undefined;
      },
      selfClosing: t.isSelfClosing,
      prefix: i < 0 ? '' : t.name.slice(0, i),
    };
    tags.push(tag);
    h.open?.(tag, p);
  });
  p.on('closetag', () => {
    const tag = tags.pop()!;
    h.close?.(tag, p);
  });
  if (h.text) {
    const text = h.text;
    p.on('text', (t) => text(t, p));
  }
  try {
    p.write(xml).close();
  } catch (err) {
    if (err instanceof DocxError) throw err;
    throw new DocxError('bad-docx', `${part} 不是完整的 XML：${(err as Error).message}`);
  }
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Text or an attribute value as XML; characters XML 1.0 cannot hold become U+FFFD (same length, so offsets hold). */
export function escapeXml(s: string): string {
  return s
    .replace(/[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"]/g, (c) => ESC[c]);
}
