import { formatOf } from '../document/index.js';
import type { FileResult } from '../types.js';

/** A Word draft: its lines are paragraphs, and --fix never rewrites it. */
export function isWord(r: Pick<FileResult, 'filePath'>): boolean {
  return formatOf(r.filePath) === 'docx';
}

/**
 * Human location of a place in a file: line:col, or 第N段 for a .docx (line = paragraph).
 * Every report and the Word review name places this one way.
 */
export function placeIn(path: string, line: number, character: number): string {
  return formatOf(path) === 'docx' ? `第${line + 1}段` : `${line + 1}:${character + 1}`;
}

/** Human location of a diagnostic in its draft. */
export function where(r: Pick<FileResult, 'filePath'>, line: number, character: number): string {
  return placeIn(r.filePath, line, character);
}
