/**
 * FileResults as the batch pipeline will hand them to formatters: the three
 * corpus drafts linted with the recommended preset (summary filled), plus files
 * that could not be read, in path order; and the FormatContext the CLI builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../../src/document/summary.js';
import type { FormatContext } from '../../src/formatters/context.js';
import { reportContext } from '../../src/formatters/report-context.js';
import type { FileResult } from '../../src/types.js';
import { CORPUS, linterWith } from '../helpers.js';

export const DRAFTS = ['tianxingsi-2022.txt', 'tushan-2023.txt', 'xinji-2023.txt'] as const;

/** A made-up working folder: files are shown relative to it, as the CLI gives them. */
export const CWD = '/srv/依法治县办/2024';

export const UNREADABLE: FileResult[] = [
  { filePath: 'drafts/旧稿.doc', diagnostics: [], error: { code: 'unsupported-format', message: '不支持旧版 Word（.doc）文件；请在 Word 中另存为 .docx 后再检查' } },
  { filePath: 'drafts/空白.txt', diagnostics: [], error: { code: 'empty', message: '文件是空的（0 字节），没有可检查的内容' } },
];

export function corpusText(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8');
}

/** Lints a text as the pipeline does: absolute path for the linter, the path as given in the result. */
export async function lintResult(filePath: string, text: string): Promise<FileResult> {
  const linter = await linterWith();
  const out = linter.lint(text, { filePath: join(CWD, filePath) });
  return { filePath, diagnostics: out.diagnostics, summary: summarize(out.document, out.diagnostics, out.evidence) };
}

/** The three drafts under drafts/, then the unreadable files, in path order. */
export async function corpusResults(): Promise<FileResult[]> {
  const drafts = await Promise.all(DRAFTS.map((name) => lintResult(`drafts/${name}`, corpusText(name))));
  return [...drafts, ...UNREADABLE].sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
}

export async function formatContext(overrides: Partial<FormatContext> = {}): Promise<FormatContext> {
  const linter = await linterWith();
  return { color: false, cwd: CWD, ...reportContext(linter.config.resolved), ...overrides };
}

export function byFile(results: FileResult[], name: string): FileResult {
  const r = results.find((x) => x.filePath.endsWith(name));
  if (!r) throw new Error(`no result for ${name}`);
  return r;
}
