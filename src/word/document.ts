/**
 * word/document.xml as the report model needs it, in one streaming pass:
 * paragraphs in reading order (tables cell by cell, text boxes after the
 * paragraph that holds them), their text as Word shows it with all changes
 * accepted (insertions kept, deletions and moved-away text dropped, fields
 * showing their results), manual line breaks, numbering and style references,
 * and where comments start and end. With `positions`, also where every run and
 * piece of text sits in the XML, for the annotator.
 *
 * Which elements carry text follows mammoth's reader (the differential test
 * holds both to the same lines), except where mammoth drops what Word shows:
 * simple fields (w:fldSimple), bidi wrappers (w:dir, w:bdo) and w:cr breaks.
 */
import type { NumberingRef } from './numbering.js';
import { parseXml, type Tag } from './xml.js';

/** A direct child of a run, with its source range and what it adds to the paragraph's text. */
export interface RunChild {
  start: number;
  end: number;
  /** 't': text (w:t), 'br': a line break ('\n'), 'char': tab, hyphen…, 'none': no text (fldChar, a picture…). */
  kind: 't' | 'br' | 'char' | 'none';
  text: string;
  /** Offset of this child's text in its paragraph (line breaks count one). */
  at: number;
  /** 't' only: the source range of the text inside <w:t>…</w:t>. */
  contentStart?: number;
  contentEnd?: number;
}

export interface RunInfo {
  start: number;
  end: number;
  /** `<w:r …>` as written. */
  openTag: string;
  /** `<w:rPr>…</w:rPr>` as written, or ''. */
  rPr: string;
  children: RunChild[];
  /** Holds a text box or another paragraph: never rewritten. */
  opaque: boolean;
}

export interface WalkParagraph {
  parts: string[];
  numbering?: NumberingRef;
  style?: string;
  /** positions only: */
  runs?: RunInfo[];
  /** Where markup may go at the start and end of the paragraph's content (its last w:p when several were merged). */
  contentStart?: number;
  contentEnd?: number;
  /** A `<w:p …/>` with no content: [start, end) of it, to be rewritten with content. */
  empty?: { start: number; end: number; openTag: string };
}

export interface CommentMark { id: string; kind: 'start' | 'end' | 'ref'; para: number; at: number }

export interface Walk {
  paragraphs: WalkParagraph[];
  /** Comment ranges by paragraph index (in `paragraphs`) and offset in its text. */
  marks: CommentMark[];
  /** positions only: the largest w:id in the part (new annotations take higher ones), and the prefix of Word's namespace. */
  maxId: number;
  prefix: string;
}

interface Para extends WalkParagraph {
  deleted: boolean;
  /** Paragraphs inside this one (a text box in a w:object), then those in a w:pict (mammoth puts those after). */
  nested: Para[];
  extras: Para[];
  marks: { id: string; kind: CommentMark['kind']; at: number }[];
  depth: number;
  pictsAtOpen: number;
  dropped?: boolean;
  length: number;
}

interface Cell { depth: number; vMerge: boolean; span: number; paras: Para[] }
interface Table { depth: number; columns: Set<number>; odd: boolean; rowDepth: number; rowDeleted: boolean; cellIndex: number; merged: Para[] }

/** Elements whose content is read as the document's (everything else is skipped whole). */
const TRANSPARENT = new Set([
  'w:document', 'w:body', 'w:hyperlink', 'w:sdtContent', 'w:customXml', 'w:smartTag', 'w:ins', 'w:moveTo',
  'w:fldSimple', 'w:dir', 'w:bdo', 'w:object', 'v:shape', 'v:textbox', 'v:roundrect', 'v:group', 'v:rect',
  'w:txbxContent', 'mc:AlternateContent', 'mc:Fallback',
]);

const LINE_SEPARATORS = /[\r\n\v\f\u2028\u2029]/g;

export function walkDocument(xml: string, positions = false): Walk {
  const top: Para[] = [];
  const open: Para[] = [];
  let skip = 0;
  let depth = 0;
  let picts = 0;
  let openStart = 0;
  let carry: Para | undefined;
  let lastClosed: Para | undefined;
  const pendingStarts: { id: string; kind: CommentMark['kind'] }[] = [];
  let maxId = -1;
  let prefix = 'w';
  // w:pPr of the open paragraph, and its w:numPr and w:rPr
  let pPrDepth = -1, numPrDepth = -1, pRPrDepth = -1;
  // the open run (only one: a run inside a text box inside a run is not tracked) and its current direct child
  let run: RunInfo | undefined;
  let runDepth = -1;
  let runPara: Para | undefined;
  let child: { start: number; kind: RunChild['kind']; text: string } | undefined;
  let rPrStart = -1;
  let tDepth = -1, tText = '', tContentStart = 0;
  const sdts: { checkbox: boolean; dropped: boolean }[] = [];
  let sdtPrDepth = -1;
  const tables: Table[] = [];
  const cells: Cell[] = [];
  let tcPrDepth = -1;

  const current = (): Para | undefined => open[open.length - 1];

  const addText = (p: Para, kind: RunChild['kind'], text: string, start: number, end: number, content?: [number, number]) => {
    const at = p.length;
    if (kind === 'br') {
      p.parts.push('');
      p.length++;
    } else if (text) {
      p.parts[p.parts.length - 1] += text;
      p.length += text.length;
    }
    if (positions && run && runPara === p) {
      const c: RunChild = { start, end, kind, text: kind === 'br' ? '\n' : text, at };
      if (content) [c.contentStart, c.contentEnd] = content;
      run.children.push(c);
    }
  };

  /** A checkbox content control shows a box instead of its first text (as mammoth reads it). */
  const checkboxDrops = (text: string): boolean => {
    if (!text) return false;
    for (let i = sdts.length - 1; i >= 0; i--) if (sdts[i].checkbox && !sdts[i].dropped) return (sdts[i].dropped = true);
    return false;
  };

  const openParagraph = (t: Tag, position: number) => {
    // every field from the start: paragraphs of one shape keep the walk's property reads monomorphic
    const p: Para = {
      parts: [''], deleted: false, nested: [], extras: [], marks: [], depth, pictsAtOpen: picts, length: 0, dropped: false,
      numbering: undefined, style: undefined, runs: undefined, contentStart: undefined, contentEnd: undefined, empty: undefined,
    };
    if (carry) {
      // the text of a paragraph whose mark was deleted starts this one
      p.parts = carry.parts;
      p.length = carry.length;
      p.nested = carry.nested;
      p.extras = carry.extras;
      p.marks = carry.marks;
      p.runs = carry.runs;
      carry = undefined;
    }
    if (positions) {
      p.runs ??= [];
      p.contentStart = position;
      if (t.selfClosing) p.empty = { start: openStart, end: position, openTag: xml.slice(openStart, position) };
    }
    if (pendingStarts.length) for (const s of pendingStarts.splice(0)) p.marks.push({ ...s, at: p.length });
    const parent = current();
    if (parent) (picts > parent.pictsAtOpen ? parent.extras : parent.nested).push(p);
    else top.push(p);
    if (run) run.opaque = true;
    const cell = cells[cells.length - 1];
    if (cell && (!parent || cell.depth > parent.depth)) cell.paras.push(p);
    open.push(p);
  };

  parseXml(xml, 'word/document.xml', {
    openStart: positions ? (o) => { openStart = o; } : undefined,
    open(t, tagEnd) {
      depth++;
      if (positions) {
        const id = t.attr('w:id');
        if (id !== undefined && /^\d{1,9}$/.test(id)) maxId = Math.max(maxId, Number(id));
        if (depth === 1) prefix = t.prefix || 'w';
      }
      if (skip) {
        skip++;
        // the few properties read inside skipped blocks
        if (sdtPrDepth >= 0) {
          if (t.name === 'w14:checkbox') sdts[sdts.length - 1].checkbox = true;
        } else if (tcPrDepth >= 0) {
          if (depth === tcPrDepth + 1) {
            const cell = cells[cells.length - 1];
            if (t.name === 'w:vMerge') { const v = t.attr('w:val'); cell.vMerge = v === 'continue' || !v; }
            else if (t.name === 'w:gridSpan') cell.span = Number.parseInt(t.attr('w:val') ?? '1', 10) || 1;
          }
        } else if (t.name === 'w:del' && tables.length && tables[tables.length - 1].rowDepth === depth - 2) {
          tables[tables.length - 1].rowDeleted = true;
        }
        return;
      }
      const p = current();
      if (pPrDepth >= 0) {
        // direct children of w:pPr only: w:pPrChange holds the properties before a tracked change
        if (depth === pPrDepth + 1 && t.name === 'w:numPr') { numPrDepth = depth; p!.numbering ??= {}; return; }
        if (depth === pPrDepth + 1 && t.name === 'w:rPr') { pRPrDepth = depth; return; }
        if (depth === pPrDepth + 1 && t.name === 'w:pStyle') p!.style = t.attr('w:val');
        else if (depth === numPrDepth + 1 && t.name === 'w:ilvl') p!.numbering!.ilvl = Math.min(8, Math.max(0, Number.parseInt(t.attr('w:val') ?? '0', 10) || 0));
        else if (depth === numPrDepth + 1 && t.name === 'w:numId') p!.numbering!.numId = t.attr('w:val');
        else if (depth === pRPrDepth + 1 && t.name === 'w:del') p!.deleted = true;
        skip = 1;
        return;
      }
      const runChild = run !== undefined && depth === runDepth + 1;
      if (runChild) child = { start: openStart, kind: 'none', text: '' };
      switch (t.name) {
        case 'w:p':
          openParagraph(t, tagEnd);
          return;
        case 'w:pPr':
          if (p && depth === p.depth + 1) pPrDepth = depth;
          else skip = 1;
          return;
        case 'w:r':
          if (p && !run) {
            runDepth = depth;
            runPara = p;
            run = { start: openStart, end: -1, openTag: positions ? xml.slice(openStart, tagEnd) : '', rPr: '', children: [], opaque: false };
            if (positions) p.runs!.push(run);
          }
          return;
        case 'w:rPr':
          if (runChild) { rPrStart = openStart; child = undefined; }
          skip = 1;
          return;
        case 'w:t':
          if (p) { tDepth = depth; tText = ''; tContentStart = tagEnd; }
          return;
        case 'w:tab': case 'w:noBreakHyphen': case 'w:softHyphen': case 'w:br': case 'w:cr':
          if (p && child) {
            const type = t.name === 'w:br' ? t.attr('w:type') : undefined;
            if (t.name === 'w:cr' || (t.name === 'w:br' && (type === undefined || type === 'textWrapping'))) child.kind = 'br';
            else if (t.name !== 'w:br') {
              const text = t.name === 'w:tab' ? '\t' : t.name === 'w:noBreakHyphen' ? '\u2011' : '\u00ad';
              child.kind = 'char';
              child.text = text !== '\t' && checkboxDrops(text) ? '' : text;
            }
          } else if (p && t.name !== 'w:br') {
            // text outside a tracked run (a run inside a text box inside a run)
            addText(p, t.name === 'w:cr' ? 'br' : 'char', t.name === 'w:tab' ? '\t' : t.name === 'w:noBreakHyphen' ? '\u2011' : t.name === 'w:softHyphen' ? '\u00ad' : '', 0, 0);
          } else if (p) {
            const type = t.attr('w:type');
            if (type === undefined || type === 'textWrapping') addText(p, 'br', '', 0, 0);
          }
          skip = 1;
          return;
        case 'w:commentRangeStart': case 'w:commentRangeEnd': case 'w:commentReference': {
          const id = t.attr('w:id');
          const kind = t.name === 'w:commentRangeStart' ? 'start' : t.name === 'w:commentRangeEnd' ? 'end' : 'ref';
          if (id !== undefined) {
            if (p) p.marks.push({ id, kind, at: p.length });
            else if (kind === 'start') pendingStarts.push({ id, kind });
            else if (lastClosed) lastClosed.marks.push({ id, kind, at: lastClosed.length });
          }
          skip = 1;
          return;
        }
        case 'w:sdt':
          sdts.push({ checkbox: false, dropped: false });
          break;
        case 'w:sdtPr':
          sdtPrDepth = depth;
          skip = 1;
          return;
        case 'w:pict':
          picts++;
          break;
        case 'w:tbl':
          tables.push({ depth, columns: new Set(), odd: false, rowDepth: -1, rowDeleted: false, cellIndex: 0, merged: [] });
          return;
        case 'w:tr': {
          const tb = tables[tables.length - 1];
          if (tb) Object.assign(tb, { rowDepth: depth, rowDeleted: false, cellIndex: 0 });
          return;
        }
        case 'w:tc':
          if (tables[tables.length - 1]?.rowDeleted) skip = 1;
          else cells.push({ depth, vMerge: false, span: 1, paras: [] });
          return;
        case 'w:tcPr':
          tcPrDepth = depth;
          skip = 1;
          return;
        case 'w:bookmarkStart': {
          // a bookmark between rows or cells makes mammoth keep merged cells' paragraphs
          const tb = tables[tables.length - 1];
          const cell = cells[cells.length - 1];
          if (tb && !p && t.attr('w:name') !== '_GoBack' && (!cell || cell.depth < tb.depth)) tb.odd = true;
          skip = 1;
          return;
        }
        default:
          if (!TRANSPARENT.has(t.name)) {
            skip = 1;
            return;
          }
      }
      // a run holding more than text (a text box, a content control …) is copied, never rewritten
      if (runChild && run) { run.opaque = true; child = undefined; }
    },
    text(s) {
      if (tDepth === depth && !skip) tText += s;
    },
    close(name, selfClosing, end) {
      const d = depth--;
      if (skip) {
        skip--;
        if (d === sdtPrDepth) sdtPrDepth = -1;
        else if (d === tcPrDepth) tcPrDepth = -1;
        else if (positions && run && d === runDepth + 1 && name === 'w:rPr') run.rPr = xml.slice(rPrStart, end);
        if (!skip && child && run && d === runDepth + 1) {
          addText(runPara!, child.kind, child.text, child.start, end);
          child = undefined;
        }
        return;
      }
      const p = current();
      if (pPrDepth >= 0) {
        if (d === pPrDepth) {
          pPrDepth = -1;
          if (positions && p) p.contentStart = end;
        } else if (d === numPrDepth) numPrDepth = -1;
        else if (d === pRPrDepth) pRPrDepth = -1;
        return;
      }
      switch (name) {
        case 'w:t':
          if (d === tDepth && p) {
            tDepth = -1;
            let text = tText.replace(LINE_SEPARATORS, ' ');
            if (checkboxDrops(text)) text = '';
            if (child && run && d === runDepth + 1) {
              addText(p, 't', text, child.start, end, positions ? [tContentStart, selfClosing ? tContentStart : xml.lastIndexOf('<', end - 1)] : undefined);
              child = undefined;
            } else addText(p, 't', text, 0, 0);
          }
          return;
        case 'w:r':
          if (d === runDepth) {
            run!.end = end;
            run = undefined;
            runDepth = -1;
            runPara = undefined;
          }
          return;
        case 'w:p':
          if (!p || d !== p.depth) return;
          open.pop();
          if (positions) p.contentEnd = p.empty ? p.empty.end : xml.lastIndexOf('<', end - 1);
          if (p.deleted) {
            // a deleted paragraph mark joins this paragraph to the next (ECMA-376 17.13.5.15)
            p.dropped = true;
            carry = p;
          } else lastClosed = p;
          return;
        case 'w:pict':
          picts--;
          return;
        case 'w:sdt':
          sdts.pop();
          return;
        case 'w:tc': {
          const cell = cells.pop();
          const tb = tables[tables.length - 1];
          if (cell && tb) {
            if (cell.vMerge && tb.columns.has(tb.cellIndex)) tb.merged.push(...cell.paras);
            else tb.columns.add(tb.cellIndex);
            tb.cellIndex += cell.span;
          }
          return;
        }
        case 'w:tbl': {
          const tb = tables.pop();
          // the continuation of a vertically merged cell shows nothing of its own: mammoth drops it
          if (tb && !tb.odd) for (const m of tb.merged) m.dropped = true;
          return;
        }
      }
    },
  }, positions);

  const paragraphs: WalkParagraph[] = [];
  const marks: CommentMark[] = [];
  // each paragraph, then those inside it, then its text boxes' (iterative: nesting depth is the file's choice)
  const stack = [...top].reverse();
  while (stack.length) {
    const p = stack.pop()!;
    if (p.dropped) continue;
    const para = paragraphs.length;
    paragraphs.push(p);
    for (const m of p.marks) marks.push({ ...m, para });
    for (let i = p.extras.length - 1; i >= 0; i--) stack.push(p.extras[i]);
    for (let i = p.nested.length - 1; i >= 0; i--) stack.push(p.nested[i]);
  }
  return { paragraphs, marks, maxId, prefix };
}
