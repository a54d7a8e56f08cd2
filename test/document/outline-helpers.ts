/** Compact views of a ReportDocument for outline tests: 1-based lines, as EXPECTED.md writes them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item, Part, ReportDocument, Span } from '../../src/types.js';
import { CORPUS, model, ROOT } from '../helpers.js';

export const lineOf = (doc: ReportDocument, offset: number): number => doc.positionAt(offset).line + 1;

export function partView(doc: ReportDocument, p: Part) {
  return {
    kind: p.kind,
    line: lineOf(doc, p.heading.span[0]),
    heading: doc.slice(p.heading.span),
    items: p.items.map((i) => `${i.kind}@L${lineOf(doc, i.span[0])}`),
  };
}

export function outline(doc: ReportDocument) {
  return doc.parts.map((p) => partView(doc, p));
}

export function itemText(doc: ReportDocument, item: Item, which: 'span' | 'bodySpan' | 'headingSpan' = 'span'): string {
  const span = item[which];
  return span ? doc.slice(span) : '';
}

export function inside(outer: Span, inner: Span): boolean {
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}

export async function corpusDoc(name: string): Promise<ReportDocument> {
  return model(readFileSync(join(CORPUS, name), 'utf8'), 'txt');
}

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'drafts');

export async function fixtureDoc(name: string): Promise<ReportDocument> {
  return model(readFileSync(join(FIXTURES, name), 'utf8'), name.endsWith('.md') ? 'md' : 'txt');
}

/** The quantities whose span lies inside `span`, as written. */
export function figuresIn(doc: ReportDocument, span: Span): string[] {
  return doc.quantities.filter((q) => inside(span, q.span)).map((q) => q.text);
}
