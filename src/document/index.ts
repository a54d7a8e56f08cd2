import type { Directive, DocumentFormat, Part, PartKind, ReportDocument, Span } from '../types.js';
import { findDirectives } from './directives.js';
import { scanLines } from './lines.js';
import { loadMarkdown } from './markdown.js';
import { buildSections, findHeadings } from './outline.js';
import { buildPart, classifyHeading, itemsOf, overlapping } from './parts.js';
import { computeLines, offsetAt, positionAt } from './positions.js';
import { compileQuantities, type QuantityMatcher } from './quantities.js';
import { findParagraphs, findSentences } from './sentences.js';
import { compileTitleVocabulary, findTitle, type TitleVocabulary } from './title.js';
import type { DocumentVocabulary } from './vocabulary.js';
import { findYears } from './years.js';

export { loadMarkdown } from './markdown.js';
export { vocabularyFrom, type DocumentVocabulary } from './vocabulary.js';

/** Everything compiled once per vocabulary, shared by every draft it reads. */
export interface DocumentBuilder {
  vocabulary: DocumentVocabulary;
  /** `directives`: from outside the text (a Word draft's comments), on its offsets. */
  build(text: string, options?: { path?: string; format?: DocumentFormat; directives?: readonly Directive[] }): ReportDocument;
}

export function formatOf(path: string | undefined): DocumentFormat {
  if (!path) return 'txt';
  const p = path.toLowerCase();
  if (p.endsWith('.md') || p.endsWith('.markdown')) return 'md';
  if (p.endsWith('.docx')) return 'docx';
  return 'txt';
}

/** Loads what a format needs before `build` (remark for Markdown); cheap when already loaded. */
export async function prepareFormat(format: DocumentFormat): Promise<void> {
  if (format === 'md') await loadMarkdown();
}

export function createDocumentBuilder(vocabulary: DocumentVocabulary): DocumentBuilder {
  const tv: TitleVocabulary = compileTitleVocabulary(vocabulary);
  const qm: QuantityMatcher = compileQuantities(vocabulary);
  const keywords = vocabulary.parts.flatMap((p) => p.keywords);
  const isBarePart = (t: string) => keywords.some((k) => t.includes(k));
  return {
    vocabulary,
    build(text, options = {}) {
      const format = options.format ?? formatOf(options.path);
      return buildDocument(text, { ...options, format, tv, qm, isBarePart, vocabulary });
    },
  };
}

function buildDocument(
  text: string,
  o: {
    path?: string; format: DocumentFormat; tv: TitleVocabulary; qm: QuantityMatcher;
    isBarePart: (t: string) => boolean; vocabulary: DocumentVocabulary; directives?: readonly Directive[];
  },
): ReportDocument {
  const lines = computeLines(text);
  const { sourceLines, ignored, html } = scanLines(text, lines, o.format === 'md' ? 'md' : 'txt');
  const { title, lineIndex } = findTitle(text, sourceLines, o.tv);
  const headings = findHeadings(text, sourceLines, lineIndex, o.isBarePart);
  const sections = buildSections(text, headings, sourceLines);
  const headingLines = new Set(headings.map((h) => h.line));
  const paragraphs = findParagraphs(sourceLines, headingLines);
  const sentences = findSentences(text, paragraphs);
  const paraSpans = paragraphs.map((p) => p.span);
  const paragraphEnd = (offset: number): number => {
    const [p] = overlapping(paragraphs, offset, offset + 1);
    return p && p.span[0] <= offset ? p.span[1] : offset;
  };
  const year = title?.year;
  const parts: Part[] = sections.map((s) => {
    const c = classifyHeading(s.heading.title, o.vocabulary.parts, year);
    return buildPart(s, c.kind, c.matched, c.year, itemsOf(text, s, paragraphs, sentences, paragraphEnd));
  });
  const bodySpans: Span[] = title ? paraSpans.filter((s) => s[0] >= title.span[1] || s[1] <= title.span[0]) : paraSpans;
  const doc: ReportDocument = {
    text,
    path: o.path,
    format: o.format,
    lines,
    title,
    headings,
    sections,
    parts,
    paragraphs,
    sentences,
    quantities: o.qm.find(text, bodySpans),
    years: findYears(text, bodySpans),
    directives: o.directives?.length ? [...findDirectives(html), ...o.directives].sort((a, b) => a.span[0] - b.span[0]) : findDirectives(html),
    year,
    ignored,
    slice: (span: Span) => text.slice(span[0], span[1]),
    positionAt: (offset: number) => positionAt(lines, offset),
    offsetAt: (p) => offsetAt(lines, text.length, p),
    part: (kind: PartKind) => parts.find((p) => p.kind === kind),
    partAt: (offset: number) => parts.find((p) => p.span[0] <= offset && offset < p.span[1]),
  };
  return doc;
}
