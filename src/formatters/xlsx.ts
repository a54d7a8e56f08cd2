import { Writable } from 'node:stream';
import type { Cell, Worksheet } from 'exceljs';
import { SEVERITY_NAME_WORD } from '../present/severity.js';
import type { FileResult } from '../types.js';
import type { DraftChange } from './change.js';
import { evaluate, requirementsOf, STATUS_WORD, type CheckStatus } from './checklist.js';
import { SEVERITY_WORD, where, type FormatContext, type ReportSink } from './context.js';
import { byOrgan, displayPath, draftRow, headline, partColumns, quoteInContext, relatedLine, relatedPlaces, ruleName, ruleTotals, topProblems, type DraftRow } from './overview.js';
import { defineFormat } from './report.js';
import { displayWidth } from '../present/width.js';

/**
 * `--format xlsx` (with -o 汇总.xlsx): the workbook a county office forwards
 * upward, written with exceljs's streaming writer, row by row.
 *
 * - 汇总: one row per draft, by organ in pinyin order: organ, year, file, the five
 *   parts ✓/✗, each checklist requirement 通过/未通过, errors, warnings, info, the
 *   main problems (and what --previous and --compare found); unreadable drafts with
 *   the reason. Header frozen, filters on, widths fitted to the Chinese text.
 * - 问题明细: one row per finding, drafts in the same order, its sentence quoted
 *   with the finding's text in bold red.
 * - 规则: the rules of the run, their severity, legal basis and what to do.
 * - 对比 (with --compare): per organ, what changed since the earlier run.
 *
 * Memory stays flat: a draft's rows are kept as one small summary row; its findings
 * go to a spool (a temporary file in the CLI) and are read back, paced by the
 * archive, when the sheets are written at the end.
 */
export const xlsxReport = defineFormat({ summary: true, binary: true }, (ctx, sink) => {
  const parts = partColumns(ctx);
  const requirements = requirementsOf(ctx);
  const compare = ctx.compare?.start();
  // the checklist's requirements as columns: the configured list, or every one met
  const columns = new Map<string, string>((ctx.report?.checklist ?? []).map((r) => [r.id, r.label]));
  const rows: Row[] = [];
  const findings = sink.spool();
  return {
    add(r) {
      const items = r.error ? [] : evaluate(r, requirements(r), ctx);
      for (const it of items) if (!columns.has(it.requirement.id)) columns.set(it.requirement.id, it.requirement.label);
      rows.push({
        ...draftRow(r, ctx), index: rows.length, previous: r.previous,
        statuses: new Map(items.map((it) => [it.requirement.id, it.status])),
        change: r.error ? undefined : compare?.change(r, items),
      });
      for (let i = 0; i < r.diagnostics.length; i++) findings.write(`${JSON.stringify(findingRow(r, i, ctx))}\n`);
      findings.cut();
    },
    async end() {
      const { default: ExcelJS } = await import('exceljs');
      const out = byteStream(sink);
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      book.creator = 'lawreport-lint';
      const sorted = byOrgan(rows);
      // printed, each sheet is A4 landscape, as wide as the page
      const sheet = (name: string, ySplit: number, xSplit = 0) => book.addWorksheet(name, {
        views: [{ state: 'frozen', xSplit, ySplit }],
        pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
      });
      await summarySheet(sheet('汇总', 1, 1), sorted, parts, columns, ctx);
      await findingsSheet(sheet('问题明细', 1), findings.read(sorted.map((r) => r.index)));
      await rulesSheet(sheet('规则', 1), rows, ctx);
      if (compare) await changesSheet(sheet('对比', 1), sorted, compare.unpaired());
      await book.commit();
    },
  };
});

interface Row extends DraftRow {
  index: number;
  previous?: string | null;
  statuses: Map<string, CheckStatus>;
  change?: DraftChange;
}

/** A finding as the cells of its row (the sentence as [before, text, after]). */
type FindingRow = [unit: string, year: number | '', file: string, at: string, severity: string, rule: string, id: string, message: string, sentence: [string, string, string] | null, related: string, help: string, reference: string];

function findingRow(r: FileResult, i: number, ctx: FormatContext): FindingRow {
  const d = r.diagnostics[i];
  const q = quoteInContext(r, i);
  return [
    r.summary?.organ ?? '', r.summary?.year ?? '', displayPath(r.filePath, ctx.cwd), where(r, d.range.start.line, d.range.start.character),
    SEVERITY_WORD[d.severity], ruleName(d.code, ctx), d.code, d.message, q ? [q.before, q.text, q.after] : null,
    relatedPlaces(r, d, ctx).map(relatedLine).join('\n'), d.data?.help ?? '', d.data?.reference ?? '',
  ];
}

/** The writer's output as bytes to the report's sink (a file: xlsx never goes to a terminal). */
function byteStream(sink: ReportSink): Writable {
  if (!sink.bytes) throw new Error('xlsx is binary: it needs a file to go to');
  const bytes = sink.bytes.bind(sink);
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes(chunk);
      done();
    },
  });
}

/**
 * Waits until the archive has taken what the sheet was given: exceljs's sheet
 * stream hands its chunks to the zip's compressor without back-pressure, so rows
 * written faster than they are compressed would pile up in memory (~100 MB for
 * 3,000 drafts). It waits while the compressor holds more than it wants and is
 * getting through it; when it makes no progress for a while (the archive is still
 * on an earlier file, or — seen in-process under vitest — reads only at the end),
 * the rows go on rather than wait for ever.
 */
async function breathe(sheet: Worksheet): Promise<void> {
  const into = (sheet as unknown as { stream?: { pipes?: Compressor[] } }).stream?.pipes?.[0];
  await tick();
  let least = Infinity;
  for (let idle = 0; into && full(into) && idle < IDLE_TURNS;) {
    await pause();
    const held = into.writableLength ?? into._writableState?.length ?? 0;
    if (held < least) [least, idle] = [held, 0];
    else idle++;
  }
}

/** How many 1 ms pauses without progress end a wait. */
const IDLE_TURNS = 20;

/** Whether the compressor holds more than it wants (archiver's streams are readable-stream 2, which has no writableNeedDrain). */
const full = (into: Compressor) => !!(into.writableNeedDrain ?? into._writableState?.needDrain);

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

type Compressor = Writable & { _writableState?: { needDrain?: boolean; length?: number } };

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const HEADER_STYLE = { font: { bold: true }, fill: { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEEF0F3' } }, alignment: { vertical: 'middle' as const, wrapText: true } };
const RED = 'FFC81E1E';
const GREEN = 'FF148C3C';

/** Column widths in Excel's units (about one Latin character): fitted to the widest text, CJK counting 2. */
function widths(header: string[], cells: (string | number)[][], max = 48): number[] {
  return header.map((h, c) => Math.min(max, Math.max(displayWidth(h), ...cells.map((row) => longestLine(String(row[c] ?? '')))) + 2));
}

const longestLine = (s: string) => Math.max(0, ...s.split('\n').map(displayWidth));

/** How many lines a text takes in a column of `width` (its lines, each wrapped). */
const wrappedLines = (s: string, width: number) => s.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))), 0);

function head(sheet: Worksheet, header: string[], width: number[]): void {
  sheet.columns = header.map((h, i) => ({ header: h, width: width[i] }));
  const row = sheet.getRow(1);
  row.eachCell((cell) => Object.assign(cell, { style: HEADER_STYLE }));
  row.height = 15 * Math.max(1, ...header.map((h, c) => wrappedLines(h, width[c])));
  row.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
}

async function summarySheet(sheet: Worksheet, rows: Row[], parts: ReturnType<typeof partColumns>, columns: Map<string, string>, ctx: FormatContext): Promise<void> {
  const previous = rows.some((r) => r.previous !== undefined);
  const header = ['单位', '年度', '稿件', ...parts.map((p) => p.short), ...columns.values(), '错误', '警告', '提示', '主要问题', ...(previous ? ['上一年度报告'] : [])];
  const cells = rows.map((row): (string | number)[] => {
    if (row.error) return [row.unit ?? '', '', row.file, ...parts.map(() => ''), ...[...columns.keys()].map(() => ''), '', '', '', `无法检查：${row.error.message}`, ...(previous ? [''] : [])];
    const { shown, more } = topProblems(row);
    const problems = shown.map((g) => `${headline(g.message, 60)}${g.count > 1 ? `（${g.count} 处）` : ''}`);
    if (more) problems.push(`另有 ${more} 类问题`);
    return [
      row.unit ?? '', row.year ?? '', row.file,
      ...parts.map((p) => (row.parts?.has(p.kind) ? '✓' : '✗')),
      ...[...columns.keys()].map((id) => STATUS_WORD[row.statuses.get(id) ?? 'unchecked']),
      row.errors, row.warnings, row.infos, problems.join('\n'),
      ...(previous ? [row.previous ? displayPath(row.previous, ctx.cwd) : row.previous === null ? '（没有找到）' : ''] : []),
    ];
  });
  const width = widths(header, cells);
  // the tick and status columns are narrow: their header wraps instead
  for (let c = 3; c < 3 + parts.length + columns.size; c++) width[c] = Math.max(6, Math.min(width[c], 12));
  head(sheet, header, width);
  const first = 3;
  const statusFrom = first + parts.length;
  for (const values of cells) {
    const row = sheet.addRow(values);
    row.alignment = { vertical: 'top', wrapText: true };
    // as tall as its text wrapped in its column (a written height: not every reader fits rows to wrapped text)
    row.height = 15 * Math.max(1, ...values.map((v, c) => wrappedLines(String(v), width[c])));
    row.eachCell((cell: Cell, n: number) => {
      const c = n - 1;
      if (c >= first && c < statusFrom + columns.size) {
        cell.alignment = { horizontal: 'center', vertical: 'top' };
        if (cell.value === '✗' || cell.value === STATUS_WORD.fail) cell.font = { color: { argb: RED }, bold: true };
        else if (cell.value === '✓' || cell.value === STATUS_WORD.pass) cell.font = { color: { argb: GREEN } };
      }
      if (typeof cell.value === 'string' && cell.value.startsWith('无法检查：')) cell.font = { color: { argb: RED } };
    });
    row.commit();
  }
  sheet.commit();
  await breathe(sheet);
}

async function findingsSheet(sheet: Worksheet, pieces: Iterable<string>): Promise<void> {
  const header = ['单位', '年度', '稿件', '位置', '严重程度', '规则', '规则 id', '问题', '所在句子（问题处加粗标红）', '参见', '建议', '依据'];
  head(sheet, header, [22, 6, 24, 8, 8, 12, 18, 48, 60, 30, 40, 40]);
  let n = 0;
  let rest = '';
  for (const text of pieces) {
    const lines = (rest + text).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      const [unit, year, file, at, severity, rule, id, message, sentence, related, help, reference] = JSON.parse(line) as FindingRow;
      const row = sheet.addRow([unit, year, file, at, severity, rule, id, message, '', related, help, reference]);
      row.alignment = { vertical: 'top', wrapText: true };
      if (sentence) {
        row.getCell(9).value = {
          richText: [{ text: sentence[0] }, { text: sentence[1], font: { bold: true, color: { argb: RED } } }, { text: sentence[2] }].filter((t) => t.text),
        };
      }
      if (severity === SEVERITY_WORD[1]) row.getCell(5).font = { color: { argb: RED }, bold: true };
      row.commit();
      if (++n % 200 === 0) await breathe(sheet);
    }
  }
  sheet.commit();
  await breathe(sheet);
}

async function rulesSheet(sheet: Worksheet, rows: Row[], ctx: FormatContext): Promise<void> {
  const totals = new Map(ruleTotals(rows, ctx).map((t) => [t.rule, t]));
  const ids = [...new Set([...ctx.rules?.keys() ?? [], ...totals.keys()])].sort();
  const header = ['规则', '规则 id', '说明', '本次级别', '依据', '建议', '稿件数', '问题数'];
  const cells = ids.map((id) => {
    const info = ctx.rules?.get(id);
    const t = totals.get(id);
    return [ruleName(id, ctx), id, info?.summary ?? '', info ? SEVERITY_NAME_WORD[info.severity] : t ? SEVERITY_WORD[t.severity] : '', info?.reference ?? '', info?.help ?? '', t?.drafts ?? 0, t?.findings ?? 0];
  });
  await smallSheet(sheet, header, cells, 60);
}

async function changesSheet(sheet: Worksheet, rows: Row[], unpaired: { organ?: string; file: string }[]): Promise<void> {
  const header = ['单位', '稿件', '对照的记录', '原未通过', '现未通过', '已改正', '新出现', '原问题数', '现问题数'];
  const sum = (c: { errors: number; warnings: number; infos: number }) => c.errors + c.warnings + c.infos;
  const cells: (string | number)[][] = rows.filter((r) => r.change).map(({ change: c, file }) => [
    c!.unit, file, c!.then ? c!.then.file : '（没有对应的记录）', c!.then && !c!.then.error ? c!.failedThen ?? '' : '', c!.failedNow,
    c!.fixed.join('、'), c!.newFailures.join('、'), c!.then?.counts ? sum(c!.then.counts) : '', sum(c!.countsNow),
  ]);
  for (const u of unpaired) cells.push([u.organ ?? '', '（本次没有收到）', u.file, '', '', '', '', '', '']);
  await smallSheet(sheet, header, cells);
}

/** A sheet of a few rows known at once: columns fitted to them, rows as tall as their wrapped text. */
async function smallSheet(sheet: Worksheet, header: string[], cells: (string | number)[][], max?: number): Promise<void> {
  const width = widths(header, cells, max);
  head(sheet, header, width);
  for (const values of cells) {
    const row = sheet.addRow(values);
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = 15 * Math.max(1, ...values.map((v, c) => wrappedLines(String(v), width[c])));
    row.commit();
  }
  sheet.commit();
  await breathe(sheet);
}
