/**
 * A reviewed copy of one draft as a .docx (bytes in, bytes out; no file system, so
 * the offline page uses it as the CLI does): each finding a Word comment on its
 * text (repeated findings of one rule in one paragraph one comment), safe fixes as
 * tracked changes unless asked not to, and a summary comment on the title with the
 * checklist. A .txt/.md draft becomes a plain .docx first, one paragraph a line.
 */
import { formatOf } from './document/index.js';
import { reviewedCopyHint } from './engine/fix-hint.js';
import { reportContext } from './formatters/report-context.js';
import type { Draft } from './io/decode.js';
import { lintDraft } from './lint-draft.js';
import type { Linter } from './linter.js';
import { SEVERITY_WORD } from './present/severity.js';
import type { Diagnostic, Range, ReportDocument } from './types.js';
import { annotateDocx, type WordChange, type WordComment } from './word/annotate.js';
import { diffChars } from './word/diff.js';
import { plainDocx, type PlainStyle } from './word/plain.js';

/** Listed one by one up to this many; a paragraph with 62 half-width commas gets one comment. */
const LISTED = 12;

export interface ReviewOptions {
  /** Safe fixes as tracked changes (default); false: comments only, the text untouched. */
  trackChanges: boolean;
  reportUnusedDirectives?: boolean;
  /** The comments' and changes' date, ISO 8601. */
  date: string;
  /** The draft's path for configuration overrides (absolute in the CLI); default draft.path. */
  filePath?: string;
}

export interface Review {
  bytes: Uint8Array;
  comments: number;
  changes: number;
  /** Safe fixes Word cannot track there, written as comments instead. */
  skipped: number;
  errors: number;
}

/** `bytes`: the .docx the draft was read from; absent for a text draft. */
export function reviewDraft(linter: Linter, draft: Pick<Draft, 'path' | 'text' | 'paragraphs' | 'directives'>, bytes: Uint8Array | undefined, o: ReviewOptions): Review {
  const format = formatOf(draft.path);
  const filePath = o.filePath ?? draft.path;
  // the engine's own positions (model lines): the Word places are worked out below
  // a safe fix's help says what the reviewed copy did with it, not how --fix would apply it
  const { output } = lintDraft(linter, draft, { filePath, reportUnusedDirectives: o.reportUnusedDirectives, summary: false, fixHint: reviewedCopyHint(o.trackChanges) });
  const { diagnostics, document: doc } = output;
  const word = format === 'docx' && bytes ? bytes : plainDocx(plainLines(draft.text, doc));
  const paragraphOf = (line: number) => draft.paragraphs?.[line]?.paragraph ?? line;
  const columnOf = (p: { line: number; character: number }) => (draft.paragraphs?.[p.line]?.column ?? 0) + p.character;

  let changes: WordChange[] = [];
  if (o.trackChanges) {
    const fixed = linter.fix(draft.text, { filePath, format, directives: draft.directives, reportUnusedDirectives: o.reportUnusedDirectives }, output).output;
    changes = lineChanges(draft.text, fixed);
  }
  const comments = groupComments(diagnostics, paragraphOf, columnOf);
  comments.unshift(summaryComment(doc, diagnostics, linter.config.resolved, changes.length));
  const r = annotateDocx(word, { comments, changes, date: o.date });
  return { bytes: r.bytes, comments: r.comments, changes: r.changes, skipped: r.skipped, errors: diagnostics.filter((d) => d.severity === 1).length };
}

/** Each line a paragraph: the title in Word's Title style, part headings and their items in heading styles. */
function plainLines(text: string, doc: ReportDocument): { text: string; style?: PlainStyle }[] {
  const styles = new Map<number, PlainStyle>();
  if (doc.title) styles.set(doc.positionAt(doc.title.span[0]).line, 'Title');
  for (const h of doc.headings) if (h.level <= 2 && h.marker && !styles.has(h.line) && h.bodyStart > h.span[1]) styles.set(h.line, h.level === 1 ? 'Heading1' : 'Heading2');
  // the newline that ends the file is not an empty last paragraph
  return text.replace(/\r?\n$/, '').split(/\r?\n/).map((line, i) => ({ text: line, style: styles.get(i) }));
}

/** What --fix changed, as the smallest edits per line (a fix never joins or splits lines). */
function lineChanges(before: string, after: string): WordChange[] {
  const a = before.split(/\r?\n/), b = after.split(/\r?\n/);
  if (a.length !== b.length) return [];
  const out: WordChange[] = [];
  a.forEach((line, i) => {
    for (const h of diffChars(line, b[i])) out.push({ range: { start: { line: i, character: h.from }, end: { line: i, character: h.to } }, newText: h.text });
  });
  return out;
}

/** One comment per finding, or per rule and paragraph when a rule found several things in one paragraph. */
function groupComments(
  diagnostics: readonly Diagnostic[], paragraphOf: (line: number) => number, columnOf: (p: Range['start']) => number,
): WordComment[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.code}\u0000${paragraphOf(d.range.start.line)}`;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  const out: WordComment[] = [];
  for (const g of groups.values()) {
    const d = g[0];
    const lines = g.length === 1
      ? [`${SEVERITY_WORD[d.severity]}：${d.message}`]
      : [`${SEVERITY_WORD[d.severity]}：本段有 ${g.length} 处同类问题`,
        ...g.slice(0, LISTED).map((x) => `第 ${columnOf(x.range.start) + 1} 字：${x.message}`),
        ...(g.length > LISTED ? [`……另有 ${g.length - LISTED} 处`] : [])];
    if (d.data?.reference) lines.push(`依据：${d.data.reference}`);
    if (d.data?.help) lines.push(`建议：${d.data.help}`);
    lines.push(`（lawreport-lint ${d.code}）`);
    out.push({ range: { start: g[0].range.start, end: g[g.length - 1].range.end }, text: lines.join('\n') });
  }
  return out;
}

/** On the title: the five parts ✓/✗, the counts, and what the tracked changes are. */
function summaryComment(doc: ReportDocument, diagnostics: readonly Diagnostic[], resolved: Parameters<typeof reportContext>[0], changes: number): WordComment {
  const count = (s: number) => diagnostics.filter((d) => d.severity === s).length;
  const kinds = new Set(doc.parts.map((p) => p.kind));
  const parts = reportContext(resolved).report.parts.map((p) => `${p.name} ${kinds.has(p.kind) ? '✓' : '✗'}`);
  const span = doc.title?.span ?? doc.paragraphs[0]?.span ?? [0, 0];
  return {
    range: { start: doc.positionAt(span[0]), end: doc.positionAt(span[1]) },
    text: [
      `lawreport-lint 审核意见：${count(1)} 个错误，${count(2)} 个警告，${count(3) + count(4)} 个提示`,
      ...parts,
      changes ? `${changes} 处可安全修改的地方已标为修订（作者 lawreport-lint），请在 Word 或 WPS 中逐条接受或拒绝。` : '没有标为修订的修改。',
    ].join('\n'),
  };
}
