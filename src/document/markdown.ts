/**
 * Markdown block boundaries from remark-parse. Loaded lazily: a .txt draft never
 * pays for unified + remark (≈70 ms of imports on a cold start).
 */
export interface MdBlock {
  kind: 'heading' | 'paragraph' | 'html' | 'code' | 'other';
  startLine: number;   // 0-based
  endLine: number;     // 0-based, inclusive
  depth?: number;
  value?: string;
  fenced?: boolean;
}

type Parse = (text: string) => MdBlock[];
let parser: Parse | undefined;

export async function loadMarkdown(): Promise<void> {
  if (parser) return;
  const [{ unified }, { default: remarkParse }] = await Promise.all([import('unified'), import('remark-parse')]);
  const processor = unified().use(remarkParse);
  parser = (text) => {
    if (lineCount(text) > MAX_REMARK_LINES) return simpleBlocks(text);
    const tree = processor.parse(flattenForParsing(text));
    const blocks: MdBlock[] = [];
    // a stack, not recursion: a tree 10,000 levels deep overflowed unist-util-visit
    const stack: any[] = [tree];
    while (stack.length) {
      const node = stack.pop();
      const pos = node.position;
      const base = pos && { startLine: pos.start.line - 1, endLine: pos.end.line - 1 };
      switch (node.type) {
        case 'heading': blocks.push({ kind: 'heading', depth: node.depth, ...base }); continue;
        case 'html': blocks.push({ kind: 'html', value: node.value, ...base }); continue;
        case 'code': {
          // An indented line is prose (Word indentation), never code: only fences are code.
          const fenced = /^\s{0,3}(```|~~~)/.test(text.slice(pos.start.offset, pos.start.offset + 8));
          blocks.push({ kind: fenced ? 'code' : 'paragraph', fenced, ...base });
          continue;
        }
        case 'paragraph': blocks.push({ kind: 'paragraph', ...base }); continue;
        default:
          if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
      }
    }
    return blocks.sort((a, b) => a.startLine - b.startLine);
  };
}

export function parseMarkdownBlocks(text: string): MdBlock[] {
  if (!parser) throw new Error('Markdown parser not loaded: call loadMarkdown() first');
  return parser(text);
}

/**
 * Lines past which a Markdown draft is read by simpleBlocks instead of remark:
 * remark takes about 0.1 ms a block, so 250,000 list items (1 MB) took 40 s. A
 * report has a few thousand lines.
 */
export const MAX_REMARK_LINES = 10_000;

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && n <= MAX_REMARK_LINES; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The blocks of a long Markdown draft in one linear pass: ATX and setext
 * headings, fenced code, HTML blocks (to a blank line, comments to their end),
 * and paragraphs — runs of non-blank lines, a list item or a quote's first line
 * starting a new one. Containers are not nested: what the model needs of them
 * (the content after `>` and bullets) it reads from the line itself.
 */
export function simpleBlocks(text: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  let para: MdBlock | undefined;
  let fence: { char: string; len: number; block: MdBlock } | undefined;
  let html: { comment: boolean; block: MdBlock } | undefined;
  const close = () => {
    para = undefined;
  };
  for (let n = 0, at = 0; at <= text.length; n++) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const raw = text.slice(at, end > at && text[end - 1] === '\r' ? end - 1 : end);
    at = end + 1;
    // what follows the containers (quote marks and list bullets)
    const body = /^(?:[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+))*(.*)$/.exec(raw)![1];
    const item = body.length !== raw.length;
    if (fence) {
      fence.block.endLine = n;
      const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(body);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len) fence = undefined;
      continue;
    }
    if (html) {
      html.block.endLine = n;
      if (html.comment ? raw.includes('-->') : !raw.trim()) html = undefined;
      continue;
    }
    if (!raw.trim()) {
      close();
      continue;
    }
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(body);
    if (open) {
      close();
      const block: MdBlock = { kind: 'code', fenced: true, startLine: n, endLine: n };
      blocks.push(block);
      fence = { char: open[1][0], len: open[1].length, block };
      continue;
    }
    if (/^ {0,3}</.test(body)) {
      close();
      const block: MdBlock = { kind: 'html', startLine: n, endLine: n };
      blocks.push(block);
      const comment = body.includes('<!--');
      if (!(comment && body.includes('-->', body.indexOf('<!--') + 4))) html = { comment, block };
      block.value = raw;
      continue;
    }
    const atx = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(body);
    if (atx) {
      close();
      blocks.push({ kind: 'heading', depth: atx[1].length, startLine: n, endLine: n });
      continue;
    }
    const setext = /^ {0,3}(=+|-+)[ \t]*$/.exec(body);
    if (!(setext && para) && /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(body)) {
      close(); // a thematic break
      continue;
    }
    if (setext && para && !item && para.startLine === para.endLine) {
      para.kind = 'heading';
      para.depth = setext[1][0] === '=' ? 1 : 2;
      para.endLine = n;
      close();
      continue;
    }
    if (para && !item) {
      para.endLine = n;
      continue;
    }
    para = { kind: 'paragraph', startLine: n, endLine: n };
    blocks.push(para);
  }
  return blocks;
}

/** Block quotes and lists deeper than this are flattened before parsing: a report never needs more. */
export const MAX_MARKDOWN_NESTING = 10;
/** Indentation beyond this many columns is flattened too (nested lists by indentation). */
const MAX_INDENT = 4 * MAX_MARKDOWN_NESTING;
/**
 * Characters of inline syntax a run of non-blank lines may hold before the rest of
 * them is flattened; a report's paragraph has a handful.
 */
export const MAX_INLINE_MARKS = 256;

const INLINE = /[*_`[\]!<>&\\()~]/;

/**
 * The text remark parses: the same length and line breaks as the draft (block
 * positions stay valid), with what makes remark superlinear or deeply recursive
 * written as plain letters — container markers (`>`, `-`, `1.`) past
 * MAX_MARKDOWN_NESTING on a line, indentation past MAX_INDENT columns, and the
 * inline marks (`*`, `[`, `<` …) of a run of lines past its first MAX_INLINE_MARKS
 * (a line's first character, which may open a fence, an HTML block or a rule, is
 * kept). A draft within these limits parses exactly as written. Only block
 * boundaries are read from the tree; the model reads the draft's own text.
 */
export function flattenForParsing(text: string): string {
  let chars: string[] | undefined;
  const flatten = (from: number, to: number) => {
    chars ??= text.split('');
    for (let k = from; k < to; k++) if (text[k] !== '\t' && text[k] !== '\r') chars[k] = 'x';
  };
  let marks = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // leading indentation and container markers
    let i = start;
    let depth = 0;
    for (;;) {
      while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      if (i - start > MAX_INDENT) {
        flatten(start + MAX_INDENT, i);
        break;
      }
      const m = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/.exec(text.slice(i, Math.min(end, i + 11)));
      if (!m) break;
      if (++depth > MAX_MARKDOWN_NESTING) {
        // every marker from here on is text
        let j = i;
        while (j < end && /[>\-*+.)\d \t]/.test(text[j])) j++;
        flatten(i, j);
        i = j;
        break;
      }
      i += m[0].length;
    }
    // inline marks in a run of non-blank lines
    let blank = true;
    for (let k = i; k < end; k++) {
      const c = text[k];
      if (c !== ' ' && c !== '\t' && c !== '\r') blank = false;
      if (k > i && INLINE.test(c) && ++marks > MAX_INLINE_MARKS) flatten(k, k + 1);
    }
    if (blank) marks = 0;
    start = end + 1;
  }
  return chars ? chars.join('') : text;
}
