/**
 * Word (.docx) drafts as text the report model can read: one line per Word
 * paragraph, so a finding's line is the paragraph index (第N段). The reader
 * (src/word/) takes bytes and gives text: fflate for the ZIP, saxen (saxes where positions are needed) for the XML,
 * Word's automatic numbering rebuilt as the markers a reader sees.
 */
import type { Directive } from '../types.js';
import { readDocx, type ParagraphRef } from '../word/read.js';

export type { ParagraphRef } from '../word/read.js';
export { DocxError } from '../word/zip.js';

export interface DocxText {
  text: string;
  /** One entry per model line; present only when a paragraph holds line breaks, so lines ≠ paragraphs. */
  lines?: ParagraphRef[];
  /** Word comments that are `lawreport-lint-disable` directives, on the model text. */
  directives?: Directive[];
}

/** Reads a .docx into model text (throws DocxError when the file is not a readable Word document). */
export function docxToText(bytes: Uint8Array): DocxText {
  const r = readDocx(bytes);
  return {
    text: r.text,
    lines: r.lines.length !== r.walk.paragraphs.length ? r.lines : undefined,
    directives: r.directives.length ? r.directives : undefined,
  };
}
