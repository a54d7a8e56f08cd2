import type { Directive, DocumentFormat, Part, PartKind, ReportDocument, ReportKindSetting, Section, Span } from '../types.js';
import { findDirectives } from './directives.js';
import { compileKindReader, type KindReader } from './kind.js';
import { compileDebris, scanLines, type Debris } from './lines.js';
import { loadMarkdown } from './markdown.js';
import { buildSections, findHeadings } from './outline.js';
import { itemsOf, overlapping } from './parts.js';
import { compilePlacement } from './placement.js';
import { computeLines, offsetAt, positionAt } from './positions.js';
import { compileQuantities, type QuantityMatcher } from './quantities.js';
import { findParagraphs, findSentences } from './sentences.js';
import { compileTitleVocabulary, findTitle, type TitleVocabulary } from './title.js';
import type { DocumentVocabulary } from './vocabulary.js';
import { compileDocumentNames, findYears, type DocumentName } from './years.js';

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

interface Compiled {
  tv: TitleVocabulary;
  qm: QuantityMatcher;
  debris: Debris;
  documentName: DocumentName;
  kindOf: KindReader;
  place: ReturnType<typeof compilePlacement>;
  isBarePart: (t: string) => boolean;
}

/** `reportKind`: the config's setting; `auto` (the default) reads the kind from each draft. */
export function createDocumentBuilder(vocabulary: DocumentVocabulary, options: { reportKind?: ReportKindSetting } = {}): DocumentBuilder {
  const keywords = vocabulary.parts.flatMap((p) => p.keywords);
  const c: Compiled = {
    tv: compileTitleVocabulary(vocabulary),
    qm: compileQuantities(vocabulary),
    debris: compileDebris(vocabulary),
    documentName: compileDocumentNames(vocabulary),
    kindOf: compileKindReader(vocabulary, options.reportKind),
    place: compilePlacement(vocabulary),
    isBarePart: (t: string) => keywords.some((k) => t.includes(k)),
  };
  return {
    vocabulary,
    build(text, o = {}) {
      const format = o.format ?? formatOf(o.path);
      return buildDocument(text, o.path, format, c, o.directives);
    },
  };
}

function buildDocument(text: string, path: string | undefined, format: DocumentFormat, c: Compiled, directives?: readonly Directive[]): ReportDocument {
  const lines = computeLines(text);
  const { sourceLines, ignored, html } = scanLines(text, lines, format === 'md' ? 'md' : 'txt', c.debris);
  const { title, lineIndex } = findTitle(text, sourceLines, c.tv);
  const headings = findHeadings(text, sourceLines, lineIndex, c.isBarePart);
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
  const bodySpans: Span[] = title ? paraSpans.filter((s) => s[0] >= title.span[1] || s[1] <= title.span[0]) : paraSpans;
  const quantities = c.qm.find(text, bodySpans);
  const years = findYears(text, bodySpans, c.documentName);
  const { parts, itemParts } = c.place({
    text, sections, year, quantities, years,
    itemsOf: (s: Section) => itemsOf(text, s, paragraphs, sentences, paragraphEnd),
  });
  const all = itemParts.length ? [...parts, ...itemParts].sort((a, b) => a.span[0] - b.span[0]) : parts;
  // every scoped rule asks for the parts of a kind: one list per kind, made on first use
  const ofKind = new Map<PartKind, Part[]>();
  const doc: ReportDocument = {
    text,
    path,
    format,
    lines,
    title,
    headings,
    sections,
    parts,
    itemParts,
    reportKind: c.kindOf(title, text),
    paragraphs,
    sentences,
    quantities,
    years,
    directives: directives?.length ? [...findDirectives(html), ...directives].sort((a, b) => a.span[0] - b.span[0]) : findDirectives(html),
    year,
    ignored,
    slice: (span: Span) => text.slice(span[0], span[1]),
    positionAt: (offset: number) => positionAt(lines, offset),
    offsetAt: (p) => offsetAt(lines, text.length, p),
    part: (kind: PartKind) => parts.find((p) => p.kind === kind) ?? itemParts.find((p) => p.kind === kind),
    partsOf: (kind: PartKind): Part[] => {
      let list = ofKind.get(kind);
      if (!list) ofKind.set(kind, (list = all.filter((p) => p.kind === kind)));
      return list;
    },
    partAt: (offset: number) => parts.find((p) => p.span[0] <= offset && offset < p.span[1]),
  };
  return doc;
}
