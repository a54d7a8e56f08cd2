import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FormatContext } from '../formatters/context.js';
import { evaluate, requirementsOf } from '../formatters/checklist.js';
import { indexPage, returnFileName, returnPage, type IndexEntry } from '../formatters/county-return.js';
import { draftRow } from '../formatters/overview.js';
import { xlsxReport } from '../formatters/xlsx.js';
import { ReadError } from '../io/read.js';
import { fileSpool } from '../batch/spool.js';
import { AtomicOutput, writeFileAtomic } from '../io/write.js';
import type { LinterFactory } from '../linter.js';
import type { FileResult } from '../types.js';
import { DocxError } from '../word/zip.js';
import { reviewFile } from './annotate.js';

/** The workbook --output-dir writes beside the returns, for the office to forward upward. */
const WORKBOOK = '汇总.xlsx';
const INDEX = 'index.html';

export interface OutputDirWriter {
  /** Writes a draft's return and its reviewed Word copy. */
  add(r: FileResult): Promise<void>;
  end(): Promise<void>;
  /** What was written, for the closing line. */
  readonly written: { returns: number; files: string[] };
  /** Drops what is half-written (a failed run): the returns already written stay. */
  abort(): void;
}

export interface OutputDirOptions {
  /** Where the drafts' paths are relative to, and the configuration of each draft (for its Word copy). */
  cwd: string;
  factory: LinterFactory;
  /** Safe fixes as tracked changes in the Word copy (--no-track-changes: comments only). */
  trackChanges: boolean;
  reportUnusedDirectives?: boolean;
}

/**
 * `--output-dir DIR`: for every draft as it arrives, its return
 * (`<organ>-<year>-审核意见.html`, see county-return.ts) and its reviewed Word copy
 * (`<organ>-<year>-审核意见.docx`: the findings as comments, safe fixes as tracked
 * changes, as --annotate writes it); at the end the index and the workbook. Each
 * file is written atomically; memory stays flat (a return is written and dropped;
 * the index keeps a row per draft; the workbook spools).
 */
export function outputDir(dir: string, ctx: FormatContext, o: OutputDirOptions): OutputDirWriter {
  mkdirSync(dir, { recursive: true });
  const requirements = requirementsOf(ctx);
  const compare = ctx.compare?.start();
  const taken = new Set([INDEX, WORKBOOK].map((n) => n.toLowerCase()));
  const entries: IndexEntry[] = [];
  const workbook = new AtomicOutput(join(dir, WORKBOOK));
  const xlsx = xlsxReport({ ...ctx, color: false }, { write: () => {}, bytes: (chunk) => workbook.write(chunk), spool: () => fileSpool() });
  const written = { returns: 0, files: [] as string[] };
  // the comments' and changes' date: one for the whole run
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  return {
    written,
    async add(r) {
      xlsx.add(r);
      const items = r.error ? [] : evaluate(r, requirements(r), ctx);
      const change = r.error ? undefined : compare?.change(r, items);
      const row = draftRow(r, ctx);
      const name = returnFileName(r, taken);
      const docxName = name.replace(/\.html$/, '.docx');
      const docx = !r.error && (await writeReviewedCopy(r, join(dir, docxName), { ...o, date }));
      writeFileAtomic(join(dir, name), returnPage({ r, row, items, change }, ctx));
      written.returns++;
      written.files.push(name);
      entries.push({
        ...row, href: name, docx: docx ? docxName : undefined, change,
        passed: items.filter((it) => it.status === 'pass').length,
        failed: items.filter((it) => it.status === 'fail').length,
      });
    },
    async end() {
      await xlsx.end();
      workbook.commit();
      writeFileAtomic(join(dir, INDEX), indexPage(entries, ctx, { workbook: WORKBOOK, unpaired: compare?.unpaired() }));
      written.files.push(INDEX, WORKBOOK);
    },
    abort: () => workbook.abort(),
  };
}

/**
 * The township's draft reviewed in Word (the Word writer of --annotate): read again
 * from its file and linted by the same pipeline, so the comments are the findings
 * of the return. False when the file changed into something unreadable meanwhile.
 */
async function writeReviewedCopy(r: FileResult, out: string, o: OutputDirOptions & { date: string }): Promise<boolean> {
  const path = resolve(o.cwd, r.filePath);
  try {
    const review = await reviewFile(path, o.factory, { trackChanges: o.trackChanges, reportUnusedDirectives: o.reportUnusedDirectives, date: o.date });
    writeFileAtomic(out, review.bytes);
    return true;
  } catch (err) {
    if (err instanceof ReadError || err instanceof DocxError) return false;
    throw err;
  }
}
