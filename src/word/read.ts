/**
 * A .docx as the report model reads it: one model line per Word paragraph (and
 * per manual line break inside one), Word's numbering rebuilt as the markers a
 * reader sees, and comments that are disable directives. With `positions`, also
 * everything the annotator needs to write comments and tracked changes back.
 */
import type { Directive } from '../types.js';
import { walkDocument, type Walk } from './document.js';
import { ListCounter, markerPrefix, parseNumbering, parseStyleNums, resolveRef, type Numbering } from './numbering.js';
import { parseXml } from './xml.js';
import { DocxError, listEntries, readParts } from './zip.js';

/** A model line's place in the Word document. */
export interface ParagraphRef {
  /** 0-based index of the Word paragraph. */
  paragraph: number;
  /** UTF-16 offset of the line inside that paragraph (after a Shift+Enter line break), the marker included. */
  column: number;
}

export interface DocxRead {
  text: string;
  /** One entry per model line. */
  lines: ParagraphRef[];
  /** Per paragraph: the numbering marker (and separator) the model text starts with, not in the XML. */
  markers: string[];
  /** Per paragraph: offset of its text in `text`. */
  starts: number[];
  /** `lawreport-lint-disable` comments, on the model text. */
  directives: Directive[];
  walk: Walk;
  /** Package paths of the parts (for the annotator). */
  paths: { document: string; documentRels: string; comments: string };
  /** positions only: the parts' XML as read. */
  xml?: { document: string; documentRels?: string; comments?: string; contentTypes?: string };
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/** Relationship targets by type (the last segment of the type URI), resolved against the source part's folder. */
function relationships(xml: string | undefined, part: string, base: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!xml) return out;
  parseXml(xml, part, {
    open(t) {
      if (t.name !== 'rel:Relationship' || t.attr('TargetMode') === 'External') return;
      const type = t.attr('Type') ?? '';
      const target = t.attr('Target');
      const kind = type.startsWith(REL) ? type.slice(REL.length) : type.startsWith(REL_STRICT) ? type.slice(REL_STRICT.length) : '';
      if (kind && target && !out.has(kind)) out.set(kind, resolvePath(base, target));
    },
  });
  return out;
}

function resolvePath(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const s of target.split('/')) {
    if (s === '..') segments.pop();
    else if (s && s !== '.') segments.push(s);
  }
  return segments.join('/');
}

const relsOf = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
};

const DIRECTIVE = /^\s*lawreport-lint-disable(?![-\w])([^]*)$/;

/** Reads a .docx; throws DocxError when it is not a readable (or a safe) Word document. */
export function readDocx(bytes: Uint8Array, options: { positions?: boolean } = {}): DocxRead {
  const entries = listEntries(bytes);
  const root = relationships(readParts(bytes, ['_rels/.rels'], entries).get('_rels/.rels'), '_rels/.rels', '');
  const document = root.get('officeDocument') ?? 'word/document.xml';
  const documentRels = relsOf(document);
  const first = readParts(bytes, [document, documentRels, ...(options.positions ? ['[Content_Types].xml'] : [])], entries);
  const documentXml = first.get(document);
  if (documentXml === undefined) throw new DocxError('bad-docx', `找不到正文部分（${document}）`);
  const rels = relationships(first.get(documentRels), documentRels, document.slice(0, document.lastIndexOf('/') + 1));
  const walk = walkDocument(documentXml, options.positions);

  const numberingPath = rels.get('numbering') ?? 'word/numbering.xml';
  const commentsPath = rels.get('comments') ?? 'word/comments.xml';
  const needsNumbering = walk.paragraphs.some((p) => p.numbering || p.style);
  const needsComments = walk.marks.length > 0 || options.positions;
  const more = readParts(bytes, [
    ...(needsNumbering && numberingPath ? [numberingPath] : []),
    ...(needsComments && commentsPath ? [commentsPath] : []),
  ], entries);
  const numberingXml = numberingPath && more.get(numberingPath);
  let numbering: Numbering | undefined;
  if (numberingXml) {
    const stylesPath = rels.get('styles');
    // styles.xml only when a list links to a numbering style (rare), to keep the common read small
    const styles = /numStyleLink/.test(numberingXml) && stylesPath ? readParts(bytes, [stylesPath], entries).get(stylesPath) : undefined;
    const styleNums = styles ? parseStyleNums(styles) : undefined;
    numbering = parseNumbering(numberingXml, (s) => styleNums?.get(s));
  }

  const counter = numbering && new ListCounter(numbering);
  const texts: string[] = [];
  const lines: ParagraphRef[] = [];
  const markers: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  walk.paragraphs.forEach((p, paragraph) => {
    let marker = '';
    if (numbering && counter && (p.numbering || p.style)) {
      const r = resolveRef(numbering, { ...p.numbering, style: p.style });
      if (r) marker = markerPrefix(counter.marker(r), p.parts[0]);
    }
    markers.push(marker);
    starts.push(offset);
    let column = 0;
    p.parts.forEach((part, i) => {
      const line = i === 0 ? marker + part : part;
      texts.push(line);
      lines.push({ paragraph, column });
      column += line.length + 1;
      offset += line.length + 1;
    });
  });
  const text = texts.join('\n');

  const commentsXml = more.get(commentsPath);
  const lineStarts = lines.map((l) => starts[l.paragraph] + l.column);
  const lineOf = (offset: number) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const directives = commentsXml && walk.marks.length
    ? commentDirectives(commentsXml, commentsPath, walk, (para, at) => starts[para] + markers[para].length + at, lineOf)
    : [];
  return {
    text, lines, markers, starts, directives, walk,
    paths: { document, documentRels, comments: commentsPath },
    xml: options.positions ? { document: documentXml, documentRels: first.get(documentRels), comments: commentsXml, contentTypes: first.get('[Content_Types].xml') } : undefined,
  };
}

/** Comments whose text starts with `lawreport-lint-disable RULE … -- 理由`, as directives on the text they are anchored to. */
function commentDirectives(xml: string, part: string, walk: Walk, offsetOf: (para: number, at: number) => number, lineOf: (offset: number) => number): Directive[] {
  const texts = new Map<string, string>();
  let id: string | undefined;
  let inText = false;
  let paragraphs = 0;
  parseXml(xml, part, {
    open(t) {
      if (t.name === 'w:comment') { id = t.attr('w:id'); paragraphs = 0; if (id !== undefined) texts.set(id, ''); }
      else if (t.name === 'w:p' && id !== undefined && paragraphs++) texts.set(id, `${texts.get(id)}\n`);
      else if (t.name === 'w:t') inText = true;
    },
    text(s) {
      if (inText && id !== undefined) texts.set(id, texts.get(id) + s);
    },
    close(name) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:comment') id = undefined;
    },
  });
  const places = new Map<string, { start?: number; end?: number; ref?: number }>();
  for (const m of walk.marks) {
    const at = offsetOf(m.para, m.at);
    const p = places.get(m.id) ?? {};
    if (!(m.kind in p)) p[m.kind] = at;
    places.set(m.id, p);
  }
  const out: Directive[] = [];
  for (const [cid, place] of places) {
    const m = DIRECTIVE.exec(texts.get(cid) ?? '');
    if (!m) continue;
    const start = place.start ?? place.ref ?? place.end!;
    const end = Math.max(start, place.end ?? place.ref ?? start);
    const [body, reason] = m[1].split(/\s--\s?/, 2);
    out.push({
      kind: 'range', rules: body.split(/[\s,，、]+/).filter(Boolean), span: [start, end], rulesEnd: start, line: lineOf(start),
      reason: reason?.trim() || undefined, comment: cid,
    });
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}
