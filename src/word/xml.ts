/**
 * XML of a Word package through saxes, a strict streaming parser: elements and
 * attributes named by namespace URI (as Word defines them, whatever prefixes a
 * file uses), no DOCTYPE at all (so no entities to expand, external or internal),
 * and any well-formedness error thrown as a DocxError naming the part.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
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

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** An element as the readers see it: `w:p`, `mc:Fallback`, `{uri}local` for other namespaces. */
export interface Tag {
  name: string;
  /** Attribute by canonical name (`w:val`, `r:id`, `Target`). */
  attr(name: string): string | undefined;
  selfClosing: boolean;
  /** The source's own qualified name and prefix (an annotator writes back in the file's prefixes). */
  raw: SaxesTagNS;
}

const canonical = (uri: string, local: string) => {
  const p = PREFIXES[uri];
  return p ? `${p}:${local}` : uri ? `{${uri}}${local}` : local;
};

function makeTag(t: SaxesTagNS): Tag {
  return {
    name: canonical(t.uri, t.local),
    attr(name) {
      const a = t.attributes as Record<string, SaxesAttributeNS>;
      for (const k in a) if (canonical(a[k].uri, a[k].local) === name) return a[k].value;
      return undefined;
    },
    selfClosing: t.isSelfClosing,
    raw: t,
  };
}

export interface XmlHandlers {
  open?(tag: Tag, parser: SaxesParser<{ xmlns: true }>): void;
  close?(tag: Tag, parser: SaxesParser<{ xmlns: true }>): void;
  text?(text: string, parser: SaxesParser<{ xmlns: true }>): void;
  /** The offset where each start tag begins ('<'), when the caller needs source positions. */
  openStart?(offset: number): void;
}

/** Parses one part, calling the handlers in document order; throws DocxError when the part is not well-formed XML. */
export function parseXml(xml: string, part: string, h: XmlHandlers): void {
  const p = new SaxesParser({ xmlns: true, position: true });
  const tags: Tag[] = [];
  p.on('doctype', () => {
    throw new DocxError('docx-unsafe', `${part} 含有 DOCTYPE 声明（Word 从不写入），可能是恶意构造的文件（XML 外部实体），已拒绝读取`);
  });
  if (h.openStart) {
    const openStart = h.openStart;
    p.on('opentagstart', () => openStart(xml.lastIndexOf('<', p.position - 1)));
  }
  p.on('opentag', (t) => {
    const tag = makeTag(t as SaxesTagNS);
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
