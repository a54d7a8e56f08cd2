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
import { discover, ignoredNotice } from '../batch/discover.js';
import { formatOf } from '../document/index.js';
import { decodeDraft, DRAFT_EXTENSIONS, readDraftBytes, ReadError } from '../io/read.js';
import { writeFileAtomic } from '../io/write.js';
import type { LinterFactory } from '../linter.js';
import { reviewDraft, type Review, type ReviewOptions } from '../review-draft.js';
import { DocxError } from '../word/zip.js';
import type { CliIO } from './index.js';
import type { CliOptions } from './program.js';

export async function annotateDrafts(o: CliOptions, io: CliIO, factory: LinterFactory): Promise<number> {
  const abs = (p: string) => resolve(io.cwd, p);
  const outDir = abs(o.annotate!);
  const base = await factory.forFile(undefined, 'txt');
  const found = discover(o.paths, DRAFT_EXTENSIONS, (p) => (o.ignore ? base.config.ignoredBy(abs(p)) : undefined), io.cwd);
  let failed = found.problems.length > 0;
  for (const p of found.problems) io.stderr(`lawreport-lint: ${p.input}: ${p.message}\n`);
  const notice = ignoredNotice(found.ignored);
  if (notice) io.stderr(`lawreport-lint: ${notice}\n`);
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
      io.stdout(`${relative(io.cwd, r.out) || r.out}：${r.comments} 条批注，${r.changes} 处修订${r.skipped ? `（另有 ${r.skipped} 处修改不能标为修订，已写在批注中，请手工修改）` : ''}\n`);
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
  const r = await reviewFile(path, c.factory, { trackChanges: c.o.trackChanges, reportUnusedDirectives: c.o.reportUnusedDisableDirectives, date: c.date });
  mkdirSync(dirname(out), { recursive: true });
  writeFileAtomic(out, r.bytes);
  return { out, ...r };
}

/** A draft file read, linted with its own configuration and reviewed in Word: --annotate's copy, and --output-dir's. */
export async function reviewFile(path: string, factory: LinterFactory, o: Omit<ReviewOptions, 'filePath'>): Promise<Review> {
  const bytes = await readDraftBytes(path);
  const draft = await decodeDraft(path, bytes);
  const linter = await factory.forFile(path, formatOf(path));
  return reviewDraft(linter, draft, bytes, { ...o, filePath: path });
}
