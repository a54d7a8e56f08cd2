/**
 * Writes review comments (批注) and tracked changes (修订) into a .docx: bytes in,
 * bytes out. Ranges are on the model text (what the reader gives and the linter
 * saw); each becomes a place in document.xml. A run that a range starts, ends or
 * cuts inside is rewritten as one run per piece of text with the same
 * properties, so a comment covers exactly its characters and a deletion exactly
 * the characters --fix removes. Everything else in the package is kept as it was.
 */
import type { Range } from '../types.js';
import type { RunChild, RunInfo, WalkParagraph } from './document.js';
import { readDocx, type DocxRead } from './read.js';
import { escapeXml, parseXml } from './xml.js';
import { rewriteZip } from './zip.js';

export interface WordComment {
  range: Range;
  /** Paragraphs of the comment, one per line. */
  text: string;
}

export interface WordChange { range: Range; newText: string }

export interface AnnotateOptions {
  comments: readonly WordComment[];
  /** Tracked changes; each must lie within one paragraph and outside Word's numbering. */
  changes?: readonly WordChange[];
  author?: string;
  initials?: string;
  /** ISO 8601, e.g. 2024-02-01T09:00:00Z. */
  date: string;
}

export interface AnnotateResult {
  bytes: Uint8Array;
  comments: number;
  changes: number;
  /** Changes that could not be tracked (across paragraphs, in Word's numbering, in a text box): each is a comment instead. */
  skipped: number;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

/** A place in a paragraph: `at` is an offset in its text (the numbering marker excluded). */
interface Event {
  at: number;
  /** Order among events at the same place: ends before starts, so ranges never cross. */
  order: number;
  kind: 'start' | 'end' | 'point' | 'delete' | 'insert';
  /** Markup to write (comments), or the text to insert. */
  xml: string;
  to?: number;
}

export function annotateDocx(bytes: Uint8Array, o: AnnotateOptions): AnnotateResult {
  const read = readDocx(bytes, { positions: true });
  const xml = read.xml!;
  const pf = read.walk.prefix;
  const author = escapeXml(o.author ?? 'lawreport-lint');
  const initials = escapeXml(o.initials ?? 'LL');
  const date = escapeXml(o.date);
  let nextId = Math.max(read.walk.maxId, maxCommentId(xml.comments, read.paths.comments)) + 1;
  const byPara = new Map<number, Event[]>();
  const add = (para: number, e: Event) => {
    let list = byPara.get(para);
    if (!list) byPara.set(para, (list = []));
    list.push(e);
  };
  const place = placer(read);
  const comments: string[] = [];

  // A change Word cannot track here becomes a comment on its text, saying what to change by hand.
  const trackedChanges: { change: WordChange; a: Place; b: Place }[] = [];
  const untracked: WordComment[] = [];
  for (const ch of o.changes ?? []) {
    const a = place(ch.range.start), b = place(ch.range.end);
    const why = a.para !== b.para ? '跨段落' : a.inMarker || b.inMarker ? '在 Word 自动编号中' : !trackable(read.walk.paragraphs[a.para]) ? '所在段落中有文本框等对象' : undefined;
    if (!why) {
      trackedChanges.push({ change: ch, a, b });
      continue;
    }
    const what = ch.newText ? `改为“${ch.newText}”` : '删去这段文字';
    untracked.push({ range: ch.range, text: `lawreport-lint：此处应${what}。这处修改不能标为修订（${why}），请在 Word 或 WPS 中手工修改。` });
  }

  for (const c of [...o.comments, ...untracked]) {
    const id = nextId++;
    const start = place(c.range.start);
    const end = place(c.range.end);
    const ref = `<${pf}:r><${pf}:commentReference ${pf}:id="${id}"/></${pf}:r>`;
    if (start.para === end.para && start.at >= end.at) {
      add(start.para, { at: start.at, order: 1, kind: 'point', xml: `<${pf}:commentRangeStart ${pf}:id="${id}"/><${pf}:commentRangeEnd ${pf}:id="${id}"/>${ref}` });
    } else {
      add(start.para, { at: start.at, order: 2, kind: 'start', xml: `<${pf}:commentRangeStart ${pf}:id="${id}"/>` });
      add(end.para, { at: end.at, order: 0, kind: 'end', xml: `<${pf}:commentRangeEnd ${pf}:id="${id}"/>${ref}` });
    }
    const paras = c.text.split('\n').map((line, i) =>
      `<w:p>${i === 0 ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`);
    comments.push(`<w:comment xmlns:w="${W}" w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${initials}">${paras.join('')}</w:comment>`);
  }

  for (const { change: ch, a, b } of trackedChanges) {
    if (b.at > a.at) add(a.para, { at: a.at, order: 3, kind: 'delete', xml: '', to: b.at });
    // before a comment that ends here: the inserted text stays inside the comment's range
    if (ch.newText) add(a.para, { at: b.at, order: -1, kind: 'insert', xml: ch.newText });
  }

  const edits: { start: number; end: number; text: string }[] = [];
  const tracked = () => `${pf}:id="${nextId++}" ${pf}:author="${author}" ${pf}:date="${date}"`;
  for (const [para, events] of byPara) edits.push(...rewriteParagraph(read.walk.paragraphs[para], events, pf, xml.document, tracked));
  edits.sort((x, y) => x.start - y.start || x.end - y.end);
  let document = '';
  let pos = 0;
  for (const e of edits) {
    document += xml.document.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  document += xml.document.slice(pos);

  const parts = new Map<string, string>([[read.paths.document, document]]);
  if (comments.length) {
    if (xml.comments) {
      const close = xml.comments.lastIndexOf('</');
      parts.set(read.paths.comments, xml.comments.slice(0, close) + comments.join('') + xml.comments.slice(close));
    } else {
      parts.set(read.paths.comments, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}">${comments.join('')}</w:comments>`);
    }
    const rels = xml.documentRels ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    if (!hasRelationship(rels, read.paths.documentRels)) {
      const target = relativeTo(read.paths.document, read.paths.comments);
      const close = rels.lastIndexOf('</');
      parts.set(read.paths.documentRels, `${rels.slice(0, close)}<Relationship Id="rIdLawreportLintComments" Type="${COMMENTS_TYPE}" Target="${escapeXml(target)}"/>${rels.slice(close)}`);
    }
    const types = xml.contentTypes;
    if (types && !hasOverride(types, `/${read.paths.comments}`)) {
      const close = types.lastIndexOf('</');
      parts.set('[Content_Types].xml', `${types.slice(0, close)}<Override PartName="/${escapeXml(read.paths.comments)}" ContentType="${COMMENTS_CT}"/>${types.slice(close)}`);
    }
  }
  return { bytes: rewriteZip(bytes, parts), comments: comments.length, changes: trackedChanges.length, skipped: untracked.length };
}

/** A place in the Word document: a paragraph, an offset in its text, and whether it falls in the numbering marker. */
interface Place { para: number; at: number; inMarker: boolean }

/** Model position → paragraph and offset in its text. */
function placer(read: DocxRead): (p: { line: number; character: number }) => Place {
  return (p) => {
    const ref = read.lines[Math.min(p.line, read.lines.length - 1)] ?? { paragraph: 0, column: 0 };
    const para = read.walk.paragraphs[ref.paragraph];
    const length = para ? para.parts.reduce((n, s) => n + s.length, 0) + para.parts.length - 1 : 0;
    const raw = ref.column + p.character - (read.markers[ref.paragraph]?.length ?? 0);
    return { para: ref.paragraph, at: Math.max(0, Math.min(length, raw)), inMarker: raw < 0 };
  };
}

/** A change is tracked where the paragraph's text is in runs the annotator may rewrite. */
function trackable(p: WalkParagraph | undefined): boolean {
  return !!p?.runs?.length && p.runs.every((r) => !r.opaque);
}

interface Piece { run: RunInfo; child: RunChild; from: number; to: number }

/** The edits to document.xml that put a paragraph's events in place. */
function rewriteParagraph(p: WalkParagraph, events: Event[], pf: string, source: string, tracked: () => string): { start: number; end: number; text: string }[] {
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  const runs = (p.runs ?? []).filter((r) => !r.opaque && r.end > r.start && r.children.some((c) => c.kind !== 'none'));
  // cut every text at every event's place (and a deletion's end)
  const cuts = new Set<number>();
  for (const e of events) { cuts.add(e.at); if (e.to !== undefined) cuts.add(e.to); }
  const pieces: Piece[] = [];
  for (const run of runs) {
    for (const child of run.children) {
      const len = child.text.length;
      if (child.kind !== 't' || len < 2) { pieces.push({ run, child, from: child.at, to: child.at + len }); continue; }
      let from = child.at;
      for (let i = child.at + 1; i < child.at + len; i++) {
        if (cuts.has(i)) { pieces.push({ run, child, from, to: i }); from = i; }
      }
      pieces.push({ run, child, from, to: child.at + len });
    }
  }
  const texty = pieces.filter((x) => x.to > x.from);
  const before = new Map<Piece, string[]>();
  const after = new Map<Piece, string[]>();
  const deleted = new Set<Piece>();
  const push = (m: Map<Piece, string[]>, x: Piece, s: string) => { const l = m.get(x); if (l) l.push(s); else m.set(x, [s]); };
  let atEnd = '';
  const runFor = (x: Piece | undefined, content: string) => `<${pf}:r>${x?.run.rPr ?? ''}${content}</${pf}:r>`;
  for (const e of events) {
    const next = texty.find((x) => x.from >= e.at);
    const prev = [...texty].reverse().find((x) => x.to <= e.at);
    if (e.kind === 'delete') {
      for (const x of texty) if (x.from >= e.at && x.to <= e.to!) deleted.add(x);
      continue;
    }
    const markup = e.kind === 'insert' ? `<${pf}:ins ${tracked()}>${runFor(prev ?? next, insertContent(e.xml, pf))}</${pf}:ins>` : e.xml;
    // a range's end and an insertion follow the text before them; a start precedes the text after it
    const [first, second] = e.kind === 'end' || e.kind === 'insert' ? [prev && after, next && before] : [next && before, prev && after];
    const [x, y] = e.kind === 'end' || e.kind === 'insert' ? [prev, next] : [next, prev];
    if (first && x) push(first, x, markup);
    else if (second && y) push(second, y, markup);
    else atEnd += markup;
  }
  const edits: { start: number; end: number; text: string }[] = [];
  const byRun = new Map<RunInfo, Piece[]>();
  for (const x of pieces) {
    const l = byRun.get(x.run);
    if (l) l.push(x);
    else byRun.set(x.run, [x]);
  }
  for (const run of runs) {
    let out = '';
    for (const x of byRun.get(run) ?? []) {
      out += (before.get(x) ?? []).join('');
      const body = pieceXml(x, pf, source, deleted.has(x));
      out += deleted.has(x) ? `<${pf}:del ${tracked()}>${run.openTag}${run.rPr}${body}</${pf}:r></${pf}:del>` : `${run.openTag}${run.rPr}${body}</${pf}:r>`;
      out += (after.get(x) ?? []).join('');
    }
    edits.push({ start: run.start, end: run.end, text: out });
  }
  // a paragraph without text (or whose text is all in a text box): at the end of its content
  if (atEnd) {
    if (p.empty) edits.push({ start: p.empty.start, end: p.empty.end, text: `${p.empty.openTag.replace(/\s*\/>$/, '>')}${atEnd}</${pf}:p>` });
    else edits.push({ start: p.contentEnd!, end: p.contentEnd!, text: atEnd });
  }
  return edits;
}

/** One piece of a run as XML: its part of a w:t (as w:delText when deleted), or the child as written. */
function pieceXml(x: Piece, pf: string, source: string, deleted: boolean): string {
  if (x.child.kind !== 't') return source.slice(x.child.start, x.child.end);
  const text = escapeXml(x.child.text.slice(x.from - x.child.at, x.to - x.child.at));
  const tag = deleted ? `${pf}:delText` : `${pf}:t`;
  return `<${tag} xml:space="preserve">${text}</${tag}>`;
}

function insertContent(text: string, pf: string): string {
  return text.split('\n').map((line) => line.split('\t').map((t) => (t ? `<${pf}:t xml:space="preserve">${escapeXml(t)}</${pf}:t>` : '')).join(`<${pf}:tab/>`)).join(`<${pf}:br/>`);
}

function maxCommentId(xml: string | undefined, part: string): number {
  let max = -1;
  if (xml) parseXml(xml, part, { open(t) { if (t.name === 'w:comment') max = Math.max(max, Number.parseInt(t.attr('w:id') ?? '-1', 10) || 0); } });
  return max;
}

function hasRelationship(xml: string, part: string): boolean {
  let found = false;
  parseXml(xml, part, { open(t) { if (t.name === 'rel:Relationship' && t.attr('Type') === COMMENTS_TYPE) found = true; } });
  return found;
}

function hasOverride(xml: string, partName: string): boolean {
  let found = false;
  parseXml(xml, '[Content_Types].xml', { open(t) { if (t.name === 'ct:Override' && t.attr('PartName') === partName) found = true; } });
  return found;
}

function relativeTo(from: string, to: string): string {
  const dir = from.slice(0, from.lastIndexOf('/') + 1);
  return to.startsWith(dir) ? to.slice(dir.length) : `/${to}`;
}
