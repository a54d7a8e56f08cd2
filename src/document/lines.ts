import type { DocumentFormat, Line, Span } from '../types.js';
import { parseMarkdownBlocks } from './markdown.js';
import { alternation, type DocumentVocabulary } from './vocabulary.js';

/**
 * A source line as the outline sees it: where its content starts (after Word
 * indentation, Markdown `#`, `>` and bullets) and which block it belongs to.
 */
export interface SourceLine {
  index: number;
  start: number;
  end: number;          // before the line terminator, trailing whitespace included
  contentStart: number; // first character of content
  contentEnd: number;   // after the last non-blank character
  blank: boolean;
  /** Markdown heading depth when the line is an ATX/setext heading's text. */
  mdDepth?: number;
  /** Lines of one Markdown paragraph share a block id; in plain text every line is its own block. */
  block: number;
}

const INDENT = /[ \t\u3000\u00a0\ufeff]/;

/**
 * Word debris before a line's text (debris.yaml): a “[bookmark: …]” field or an
 * invisible character in front of “（一）” would hide the marker, so the outline
 * reads the line from after it; conversion-artifact still reports it.
 */
export interface Debris { skip(text: string, at: number, end: number): number }

export function compileDebris(v: DocumentVocabulary): Debris {
  const { fields, invisible } = v.debris;
  const chars = invisible ? `[${invisible.replace(/[\\\]^-]/g, '\\$&')}]` : '';
  const field = fields.length ? `\\[(?:${alternation(fields)}):[^\\]\\n]{0,80}\\]` : '';
  const alternatives = [field, chars].filter(Boolean);
  if (!alternatives.length) return { skip: (_t, at) => at };
  const re = new RegExp(`(?:${alternatives.join('|')})+`, 'y');
  const starts = new Set([...invisible].map((c) => c.charCodeAt(0)));
  if (field) starts.add(0x5b); // [
  return {
    skip(text, at, end) {
      if (at >= end || !starts.has(text.charCodeAt(at))) return at;
      re.lastIndex = at;
      return re.test(text) ? Math.min(re.lastIndex, end) : at;
    },
  };
}

function contentBounds(text: string, start: number, end: number, md: boolean, debris?: Debris): [number, number] {
  let s = start;
  while (s < end && INDENT.test(text[s])) s++;
  if (debris) {
    const after = debris.skip(text, s, end);
    if (after > s) {
      s = after;
      while (s < end && INDENT.test(text[s])) s++;
    }
  }
  if (md) {
    // block quotes and bullets are containers, not content
    for (;;) {
      const rest = text.slice(s, Math.min(end, s + 4));
      const m = /^(>\s?|[-*+][ \t]+)/.exec(rest);
      if (!m) break;
      s += m[0].length;
      while (s < end && INDENT.test(text[s])) s++;
    }
  }
  let e = end;
  while (e > s && INDENT.test(text[e - 1])) e--;
  return [s, e];
}

export function scanLines(
  text: string,
  lines: readonly Line[],
  format: DocumentFormat,
  debris?: Debris,
): { sourceLines: SourceLine[]; ignored: Span[]; html: { span: Span; line: number; value: string }[] } {
  const md = format === 'md';
  const sourceLines: SourceLine[] = lines.map((l, index) => {
    const [cs, ce] = contentBounds(text, l.start, l.end, md, debris);
    return { index, start: l.start, end: l.end, contentStart: cs, contentEnd: ce, blank: cs >= ce, block: index };
  });
  const ignored: Span[] = [];
  const html: { span: Span; line: number; value: string }[] = [];
  if (!md) return { sourceLines, ignored, html };

  const blocks = parseMarkdownBlocks(text);
  blocks.forEach((b, id) => {
    const first = sourceLines[b.startLine];
    const last = sourceLines[Math.min(b.endLine, sourceLines.length - 1)];
    if (!first || !last) return;
    const span: Span = [first.start, last.end];
    if (b.kind === 'code') {
      ignored.push(span);
      for (let i = b.startLine; i <= b.endLine; i++) sourceLines[i].blank = true;
    } else if (b.kind === 'html') {
      ignored.push(span);
      html.push({ span, line: b.startLine, value: text.slice(span[0], span[1]) });
      for (let i = b.startLine; i <= b.endLine; i++) sourceLines[i].blank = true;
    } else if (b.kind === 'heading') {
      const line = sourceLines[b.startLine];
      // ATX: strip the #'s and a closing sequence; setext: the underline is not content
      const atx = /^#{1,6}[ \t]*/.exec(text.slice(line.contentStart, line.contentEnd));
      if (atx) {
        line.contentStart += atx[0].length;
        const close = /[ \t]+#+$/.exec(text.slice(line.contentStart, line.contentEnd));
        if (close) line.contentEnd -= close[0].length;
      }
      unwrapStrong(text, line);
      line.mdDepth = b.depth;
      line.blank = line.contentStart >= line.contentEnd;
      for (let i = b.startLine + 1; i <= b.endLine; i++) sourceLines[i].blank = true;
    } else if (b.kind === 'paragraph') {
      for (let i = b.startLine; i <= b.endLine; i++) sourceLines[i].block = 100_000 + id;
      if (b.startLine === b.endLine) unwrapStrong(text, sourceLines[b.startLine]);
    }
  });
  return { sourceLines, ignored, html };
}

/** A line wholly in strong emphasis: “**一、总体情况**”, “__…__”. */
const STRONG_LINE = /^(\*\*|__)(?=\S)((?:(?!\1).)*\S)\1$/;

/**
 * A Markdown line set wholly in bold — how Word's bold headings and title come out
 * of a conversion to Markdown — is read without its `**`, as a heading's `#` is:
 * “**一、总体情况**” is the heading “一、总体情况”.
 */
function unwrapStrong(text: string, line: SourceLine): void {
  if (line.contentEnd - line.contentStart < 5) return;
  if (!STRONG_LINE.test(text.slice(line.contentStart, line.contentEnd))) return;
  line.contentStart += 2;
  line.contentEnd -= 2;
}
