/**
 * `--annotate DIR`: for every draft, a reviewed copy in DIR named
 * `<draft>（审核意见）.docx`, the draft itself never touched. A Word draft keeps
 * all its formatting; a .txt/.md draft becomes a plain .docx first. Each finding
 * is a Word comment on its text (repeated findings of one rule in one paragraph
 * are one comment), safe fixes are tracked changes (unless --no-track-changes),
 * and a summary comment on the title gives the checklist.
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { discover } from '../batch/discover.js';
import { formatOf } from '../document/index.js';
import { fixHint } from '../engine/fix-hint.js';
import { reportContext } from '../formatters/report-context.js';
import { decodeDraft, DRAFT_EXTENSIONS, readDraftBytes, ReadError } from '../io/read.js';
import { writeFileAtomic } from '../io/write.js';
import type { LinterFactory } from '../linter.js';
import type { Diagnostic, DocumentFormat, Range, ReportDocument } from '../types.js';
import { annotateDocx, type WordChange, type WordComment } from '../word/annotate.js';
import { diffChars } from '../word/diff.js';
import { plainDocx, type PlainStyle } from '../word/plain.js';
import { DocxError } from '../word/zip.js';
import type { CliIO } from './index.js';
import type { CliOptions } from './program.js';

const SEVERITY = { 1: '错误', 2: '警告', 3: '提示', 4: '提示' } as const;
/** Listed one by one up to this many; a paragraph with 62 half-width commas gets one comment. */
const LISTED = 12;

export async function annotateDrafts(o: CliOptions, io: CliIO, factory: LinterFactory): Promise<number> {
  const abs = (p: string) => resolve(io.cwd, p);
  const outDir = abs(o.annotate!);
  const base = await factory.forFile(undefined, 'txt');
  const found = discover(o.paths, DRAFT_EXTENSIONS, (p) => base.config.isIgnored(abs(p)), io.cwd);
  let failed = found.problems.length > 0;
  for (const p of found.problems) io.stderr(`lawreport-lint: ${p.input}: ${p.message}\n`);
  if (!found.files.length) return 2;
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  let errors = 0;
  const used = new Set<string>();
  for (const file of found.files) {
    try {
      // 涂山镇.docx and 涂山镇.txt side by side: the second keeps its extension in the name
      let out = outPath(outDir, file, false);
      if (used.has(out)) out = outPath(outDir, file, true);
      used.add(out);
      const r = await annotateOne(abs(file), out, { o, factory, date });
      errors += r.errors;
      io.stdout(`${relative(io.cwd, r.out) || r.out}：${r.comments} 条批注，${r.changes} 处修订${r.skipped ? `（另有 ${r.skipped} 处修改不能写成修订，见批注）` : ''}\n`);
    } catch (err) {
      if (!(err instanceof ReadError || err instanceof DocxError)) throw err;
      failed = true;
      io.stderr(`lawreport-lint: ${file}: ${err.message.split(abs(file)).join(file)}\n`);
    }
  }
  return failed ? 2 : errors ? 1 : 0;
}

/** `乡镇报告/涂山镇.docx` → `审核意见/乡镇报告/涂山镇（审核意见）.docx` (the draft's folder kept when it is below the current one). */
function outPath(outDir: string, file: string, withExtension: boolean): string {
  const dir = dirname(file);
  const sub = isAbsolute(dir) || dir.startsWith('..') ? '' : dir;
  return join(outDir, sub, `${withExtension ? basename(file) : basename(file, extname(file))}（审核意见）.docx`);
}

async function annotateOne(path: string, out: string, c: { o: CliOptions; factory: LinterFactory; date: string }) {
  const bytes = await readDraftBytes(path);
  const draft = await decodeDraft(path, bytes);
  const format = formatOf(path);
  const linter = await c.factory.forFile(path, format);
  const options = { filePath: path, format, directives: draft.directives, reportUnusedDirectives: c.o.reportUnusedDisableDirectives };
  const linted = linter.lint(draft.text, options);
  const { diagnostics, document: doc } = linted;
  // a text draft becomes a plain .docx whose paragraphs are its lines
  const word = format === 'docx' ? bytes : plainDocx(plainLines(draft.text, doc));
  const paragraphOf = (line: number) => draft.paragraphs?.[line]?.paragraph ?? line;
  const columnOf = (p: { line: number; character: number }) => (draft.paragraphs?.[p.line]?.column ?? 0) + p.character;

  let changes: WordChange[] = [];
  if (c.o.trackChanges) {
    const fixed = linter.fix(draft.text, options, linted).output;
    changes = lineChanges(draft.text, fixed);
  }
  const comments = groupComments(diagnostics, paragraphOf, columnOf, format, c.o.trackChanges);
  comments.unshift(summaryComment(doc, diagnostics, linter.config.resolved, changes.length));
  const r = annotateDocx(word, { comments, changes, date: c.date });
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(out, r.bytes);
  return { out, comments: r.comments, changes: r.changes, skipped: r.skipped, errors: diagnostics.filter((d) => d.severity === 1).length };
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
  format: DocumentFormat, tracked: boolean,
): WordComment[] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.code}\u0000${paragraphOf(d.range.start.line)}`;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  const help = (d: Diagnostic) => {
    const h = d.data?.help;
    if (!h) return undefined;
    const how = d.data?.fix?.safe ? (tracked ? '（已标为修订，在 Word 或 WPS 中接受即可）' : '（请在 Word 或 WPS 中修改）') : '';
    return h.replace(fixHint(format), how);
  };
  const out: WordComment[] = [];
  for (const g of groups.values()) {
    const d = g[0];
    const lines = g.length === 1
      ? [`${SEVERITY[d.severity]}：${d.message}`]
      : [`${SEVERITY[d.severity]}：本段有 ${g.length} 处同类问题`,
        ...g.slice(0, LISTED).map((x) => `第 ${columnOf(x.range.start) + 1} 字：${x.message}`),
        ...(g.length > LISTED ? [`……另有 ${g.length - LISTED} 处`] : [])];
    if (d.data?.reference) lines.push(`依据：${d.data.reference}`);
    const h = help(d);
    if (h) lines.push(`建议：${h}`);
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
