import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FormatContext, ReportWriter } from '../formatters/context.js';
import { evaluate, requirementsOf } from '../formatters/checklist.js';
import { indexPage, returnFileName, returnPage, type IndexEntry } from '../formatters/county-return.js';
import { draftRow } from '../formatters/overview.js';
import { xlsxReport } from '../formatters/xlsx.js';
import { fileSpool } from '../io/spool.js';
import { AtomicOutput, writeFileAtomic } from '../io/write.js';
import type { FileResult } from '../types.js';

/** The workbook --output-dir writes beside the returns, for the office to forward upward. */
export const WORKBOOK = '汇总.xlsx';
export const INDEX = 'index.html';

export interface OutputDirWriter extends ReportWriter {
  end(): Promise<void>;
  /** What was written, for the closing line. */
  readonly written: { returns: number; files: string[] };
  /** Drops what is half-written (a failed run): the returns already written stay. */
  abort(): void;
}

/**
 * `--output-dir DIR`: for every draft as it arrives, its return
 * (`<organ>-<year>-审核意见.html`, see county-return.ts); at the end the index and
 * the workbook. Each file is written atomically; memory stays flat (a return is
 * written and dropped; the index keeps a row per draft; the workbook spools).
 */
export function outputDir(dir: string, ctx: FormatContext): OutputDirWriter {
  mkdirSync(dir, { recursive: true });
  const requirements = requirementsOf(ctx);
  const compare = ctx.compare?.start();
  const taken = new Set([INDEX, WORKBOOK].map((n) => n.toLowerCase()));
  const entries: IndexEntry[] = [];
  const workbook = new AtomicOutput(join(dir, WORKBOOK));
  const xlsx = xlsxReport({ ...ctx, color: false }, { write: () => {}, bytes: (chunk) => workbook.write(chunk), spool: () => fileSpool() });
  const written = { returns: 0, files: [] as string[] };
  return {
    written,
    add(r) {
      xlsx.add(r);
      const items = r.error ? [] : evaluate(r, requirements(r), ctx);
      const change = r.error ? undefined : compare?.change(r, items);
      const row = draftRow(r, ctx);
      const name = returnFileName(r, taken);
      writeFileAtomic(join(dir, name), returnPage({ r, row, items, change }, ctx));
      writeAnnotatedDocx(dir, r);
      written.returns++;
      written.files.push(name);
      entries.push({
        ...row, href: name, change,
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
 * CALL SITE for the Word engineer's writer (issue 14, `--annotate`): each draft's
 * reviewed copy, its findings as Word comments, beside its return. The writer has
 * not landed on main yet; when it does, write `returnFileName(r, taken, '审核意见.docx')`
 * here from the draft's bytes and r.diagnostics.
 */
function writeAnnotatedDocx(_dir: string, _r: FileResult): void {}
