import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic, FileResult, PartKind, Severity } from '../types.js';
import { placeIn } from '../present/position.js';
import { isWord, where, type FormatContext } from './context.js';
import type { ReportVocabulary } from './report-context.js';
import { displayWidth } from '../present/width.js';

/**
 * The per-draft digest shared by the formats for people (table, html,
 * checklist): who wrote it, which parts it has, how many problems and which.
 */

/** Used only when the CLI passed no vocabulary: the kinds themselves label the columns. */
const FALLBACK_PARTS: PartColumn['kind'][] = ['achievements', 'shortcomings', 'duties', 'plan', 'other'];

export type PartColumn = ReportVocabulary['parts'][number];

export function partColumns(ctx: FormatContext): PartColumn[] {
  return ctx.report?.parts.length ? ctx.report.parts : FALLBACK_PARTS.map((kind) => ({ kind, name: kind, short: kind }));
}

export interface ProblemGroup {
  rule: string;
  severity: Severity;
  count: number;
  /** The first finding's message: the problem in words. */
  message: string;
}

/** What the summary formats keep of a draft until the end of a batch: a few hundred bytes, not its findings. */
export interface DraftRow {
  /** Why the draft could not be checked. */
  error?: FileResult['error'];
  /** The path as given, relative to the working folder when absolute. */
  file: string;
  unit?: string;
  year?: number;
  title?: string;
  /** Which parts were found; undefined when the draft could not be read or has no summary. */
  parts?: Set<PartKind>;
  errors: number;
  warnings: number;
  infos: number;
  /** Problems grouped by rule, most serious first. */
  problems: ProblemGroup[];
}

export function displayPath(filePath: string, cwd: string): string {
  // Windows separators as /; elsewhere a backslash is part of a name (or of an escape shown for a control character)
  if (!isAbsolute(filePath)) return filePath.split(sep).join('/');
  const rel = relative(cwd, filePath);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : filePath).split(sep).join('/');
}

export function draftRow(r: FileResult, ctx: FormatContext): DraftRow {
  const count = (s: Severity) => r.diagnostics.filter((d) => d.severity === s).length;
  return {
    error: r.error,
    file: displayPath(r.filePath, ctx.cwd),
    unit: r.summary?.organ,
    year: r.summary?.year,
    title: r.summary?.title,
    parts: r.error || !r.summary ? undefined : new Set(r.summary.parts.map((p) => p.kind)),
    errors: count(1),
    warnings: count(2),
    infos: count(3) + count(4),
    problems: groupProblems(r.diagnostics),
  };
}

/** How many kinds of problem a draft's row names in words; the rest are counted. */
const TOP_PROBLEMS = 3;

/** The problems a row names (most serious first), and how many more kinds there are. */
export function topProblems(row: DraftRow): { shown: ProblemGroup[]; more: number } {
  return { shown: row.problems.slice(0, TOP_PROBLEMS), more: Math.max(0, row.problems.length - TOP_PROBLEMS) };
}

/** Findings by rule, most serious first, then the most frequent. */
export function groupProblems(diagnostics: readonly Diagnostic[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup & { first: number }>();
  diagnostics.forEach((d, i) => {
    const g = groups.get(d.code);
    if (g) {
      g.count++;
      if (d.severity < g.severity) g.severity = d.severity;
    } else groups.set(d.code, { rule: d.code, severity: d.severity, count: 1, message: d.message, first: i });
  });
  return [...groups.values()]
    .sort((a, b) => a.severity - b.severity || b.count - a.count || a.first - b.first)
    .map(({ first: _first, ...g }) => g);
}

export interface RuleTotal {
  rule: string;
  /** The most serious severity the rule reported with. */
  severity: Severity;
  drafts: number;
  findings: number;
  summary?: string;
}

/** Findings per rule over all drafts, most findings first, from the rows' per-rule groups. */
export function ruleTotals(rows: readonly DraftRow[], ctx: FormatContext): RuleTotal[] {
  const totals = new Map<string, RuleTotal>();
  for (const row of rows) {
    for (const g of row.problems) {
      let t = totals.get(g.rule);
      if (!t) totals.set(g.rule, (t = { rule: g.rule, severity: g.severity, drafts: 0, findings: 0, summary: ctx.rules?.get(g.rule)?.summary }));
      t.findings += g.count;
      t.drafts++;
      if (g.severity < t.severity) t.severity = g.severity;
    }
  }
  return [...totals.values()].sort((a, b) => a.severity - b.severity || b.findings - a.findings || (a.rule < b.rule ? -1 : 1));
}

export interface Totals { drafts: number; unreadable: number; errors: number; warnings: number; infos: number }

export function totals(rows: readonly DraftRow[]): Totals {
  return rows.reduce<Totals>((t, r) => ({
    drafts: t.drafts + 1,
    unreadable: t.unreadable + (r.error ? 1 : 0),
    errors: t.errors + r.errors,
    warnings: t.warnings + r.warnings,
    infos: t.infos + r.infos,
  }), { drafts: 0, unreadable: 0, errors: 0, warnings: 0, infos: 0 });
}

/** The text a diagnostic covers, when the summary's quotes still line up with the diagnostics. */
export function quoteOf(r: FileResult, index: number): string | undefined {
  const q = r.summary?.quotes;
  if (!q || q.length !== r.diagnostics.length) return undefined;
  const t = q[index];
  return t && t.trim() ? t : undefined;
}

/** A finding's text in its sentence: what comes before it, the text itself, what follows. */
export interface QuoteInContext { before: string; text: string; after: string }

/**
 * The sentence around a finding with the finding's text marked, when the summary has it;
 * else the bare quote. Whitespace counts: a stray space is worth marking in its sentence.
 */
export function quoteInContext(r: FileResult, index: number): QuoteInContext | undefined {
  const q = r.summary?.quotes;
  if (!q || q.length !== r.diagnostics.length || !q[index]) return undefined;
  const c = r.summary?.contexts?.length === q.length ? r.summary.contexts[index] : undefined;
  if (!c && !q[index].trim()) return undefined;
  return { before: c?.[0] ?? '', text: q[index], after: c?.[1] ?? '' };
}

/** A quote in context as plain text, the finding's own text in 「」: “开展普法「,」充分运用新媒体”. */
export function markedQuote(q: QuoteInContext | undefined): string {
  return q ? `${q.before}「${q.text}」${q.after}` : '';
}

/** A place a finding points at: in this draft (第N行), or in another file (last year's report), named. */
export interface RelatedPlace { file?: string; where: string; message: string }

export function relatedPlaces(r: FileResult, d: Diagnostic, ctx: Pick<FormatContext, 'cwd'>): RelatedPlace[] {
  if (!d.relatedInformation?.length) return [];
  const own = pathToFileURL(resolve(ctx.cwd, r.filePath)).href;
  return d.relatedInformation.map((rel) => {
    const { line, character } = rel.location.range.start;
    if (rel.location.uri === own || !rel.location.uri.startsWith('file:')) return { where: where(r, line, character), message: rel.message };
    const path = fileURLToPath(rel.location.uri);
    return { file: displayPath(path, ctx.cwd), where: placeIn(path, line, character), message: rel.message };
  });
}

/** A related place as one line: “tushan-2022.txt 26:1：上一年度的安排：…”. */
export function relatedLine(p: RelatedPlace): string {
  return `${p.file ? `${p.file} ` : ''}${p.where}：${p.message}`;
}

/** Sorts by organ in pinyin order (Intl.Collator zh-CN), drafts without an organ after, by file; unreadable ones last. */
export function byOrgan<T extends Pick<DraftRow, 'unit' | 'file' | 'error'>>(rows: readonly T[]): T[] {
  const collator = new Intl.Collator('zh-CN');
  const rank = (r: T) => (r.error ? 2 : r.unit ? 0 : 1);
  return [...rows].sort((a, b) => rank(a) - rank(b) || collator.compare(a.unit ?? '', b.unit ?? '') || collator.compare(a.file, b.file));
}

/** A rule's short name for a header: its `name`, else its id. */
export function ruleName(id: string, ctx: FormatContext): string {
  return ctx.rules?.get(id)?.name ?? id;
}

/** A 0-based line as people count it: 第N行, or 第N段 for a .docx (lines are paragraphs). */
export function lineLabel(r: FileResult, line: number): string {
  return isWord(r) ? `第${line + 1}段` : `第${line + 1}行`;
}

/** A problem in a few words: the message's first clause (before “；”), cut to a display width. */
export function headline(message: string, width: number): string {
  const first = message.split('；')[0];
  return clipWidth(first, width);
}

/** Cuts a string to a display width (CJK = 2), ending with … when cut. */
function clipWidth(s: string, width: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= width) return flat;
  const room = width - displayWidth('…');
  let out = '';
  let w = 0;
  for (const ch of flat) {
    w += displayWidth(ch);
    if (w > room) break;
    out += ch;
  }
  return `${out}…`;
}

/** The rules the configuration enables, sorted. */
export function enabledRules(ctx: FormatContext): string[] {
  const ids: string[] = [];
  for (const [id, info] of ctx.rules ?? []) if (info.severity !== 'off') ids.push(id);
  return ids.sort();
}

/** The rules a draft is reported against, sorted: those `enabled`, those that reported on it, and (`passes`) those that recorded a pass. */
export function rulesOfDraft(r: FileResult, enabled: readonly string[], passes = false): string[] {
  const ids = new Set(enabled);
  for (const d of r.diagnostics) ids.add(d.code);
  if (passes) for (const p of r.summary?.passes ?? []) ids.add(p.rule);
  return [...ids].sort();
}
