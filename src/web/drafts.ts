/**
 * What the web page does with drafts and an office's rules, without the DOM:
 * read a picked file as the CLI reads it, build the Linter of the chosen preset
 * and office files, lint and fix through lintDraft. The page (page.ts) only
 * shows what this gives; tests can run it in Node.
 */
import type { Builtins } from '../config/builtin.js';
import { compileConfig } from '../config/compile.js';
import { formatProblem, type ConfigProblem } from '../config/errors.js';
import { CONFIG_NAMES, resolveConfigOn } from '../config/load.js';
import { formatOf, prepareFormat } from '../document/index.js';
import { applyFixesOnce, type FixPolicy } from '../engine/fix.js';
import type { ParagraphRef } from '../io/docx.js';
import { decodeDocx, decodeText, ReadError } from '../io/decode.js';
import { lintDraft, type DraftLint } from '../lint-draft.js';
import { Linter } from '../linter.js';
import type { Diagnostic, Directive, DocumentFormat, FileResult } from '../types.js';
import { reviewDraft } from '../review-draft.js';

/** How a safe fix is applied in the page, said in a finding's help (the CLI's says --fix). */
export const FIX_HINT = '（点“修复”按钮或“修复全部可安全修复的问题”即可改正）';
import { memoryHost } from './memory-host.js';

/** One file the drafter opened. */
export interface PageDraft {
  /** The file's name: the filePath of its results, as the CLI's json has it. */
  name: string;
  format: DocumentFormat;
  /** The text as read; the editor starts from it. */
  text: string;
  /** How the file ends its lines, to give the fixed text back the same way. */
  lineBreak: '\n' | '\r\n';
  /** A .docx: where each line sits among the Word paragraphs (absent when line i is paragraph i). */
  paragraphs?: ParagraphRef[];
  /** A .docx: the `lawreport-lint-disable` directives of its Word comments. */
  directives?: Directive[];
  /** A .docx: the file itself, for the annotated copy. */
  bytes?: Uint8Array;
  /** Why the file cannot be checked. */
  error?: { code: string; message: string };
}

const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown'];

/** Reads a picked file as the CLI reads it: a file that cannot be read is a draft with `error`, never a throw. */
export async function readPageDraft(name: string, bytes: Uint8Array): Promise<PageDraft> {
  const ext = name.toLowerCase().match(/\.[^./\\]*$/)?.[0] ?? '';
  const format = formatOf(name);
  try {
    if (format === 'docx') {
      const d = await decodeDocx(name, bytes);
      return { name, format, text: d.text, lineBreak: '\n', paragraphs: d.paragraphs, directives: d.directives, bytes };
    }
    if (!TEXT_EXTENSIONS.includes(ext)) {
      throw new ReadError('unsupported-format', `不能检查${ext ? ` ${ext} ` : '没有扩展名的'}文件：请在 Word 或 WPS 中另存为 .docx，或另存为纯文本 .txt，再打开`);
    }
    const d = decodeText(name, bytes);
    await prepareFormat(format);
    return { name, format, text: d.text, lineBreak: /\r\n/.test(d.text) ? '\r\n' : '\n' };
  } catch (err) {
    if (err instanceof ReadError) return { name, format, text: '', lineBreak: '\n', error: { code: err.code, message: err.message } };
    throw err;
  }
}

/** An office's configuration: its files by absolute path in the page ('/.lawreport-lint.yaml', '/本县规则/a.yaml'). */
export interface OfficeRules {
  files: Record<string, string>;
  /** The config file the drafter picked (whatever its name); else a .lawreport-lint.yaml among the files. */
  configFile?: string;
  /** The preset chosen in the page (the CLI's --preset). */
  preset?: string;
}

/** The office's config file: the one picked, else a .lawreport-lint.yaml among its files, the one nearest the top. */
export function configFileOf(office: OfficeRules): string | undefined {
  if (office.configFile !== undefined && office.files[office.configFile] !== undefined) return office.configFile;
  return Object.keys(office.files)
    .filter((f) => CONFIG_NAMES.includes(f.slice(f.lastIndexOf('/') + 1)))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))[0];
}

/**
 * The Linter for the office's rules, read and validated as the CLI reads them
 * (a ConfigError with the CLI's problems when they are wrong). Without a config
 * file, the rule folders picked are switched on as `rulesDir` would.
 */
export async function officeLinter(office: OfficeRules, builtins: Builtins): Promise<Linter> {
  const files = new Map(Object.entries(office.files));
  let configFile = configFileOf(office);
  if (!configFile && files.size) {
    const folders = [...new Set([...files.keys()].map((f) => f.split('/')[1]))].filter((d) => [...files.keys()].some((f) => f.startsWith(`/${d}/`)));
    configFile = '/.lawreport-lint.yaml';
    files.set(configFile, `rulesDir: [${folders.map((d) => JSON.stringify(d)).join(', ')}]\n`);
  }
  const host = memoryHost(files, builtins);
  return new Linter(await compileConfig(await resolveConfigOn(host, { cwd: '/', configFile, preset: office.preset })));
}

/**
 * An office's problems as the CLI prints them (formatProblem), each path named
 * as the drafter picked it: the page holds the files at '/', the drafter knows
 * them relative to what they chose ('本县规则/a.yaml', not '/本县规则/a.yaml').
 */
export function officeProblems(problems: readonly ConfigProblem[]): string {
  return problems.map(formatProblem).join('\n\n').replace(/(^|[\s“”'"：:（(])\/(?=[^\s/])/gmu, '$1');
}

/**
 * Lints a draft's current text (the editor's), as the CLI lints the file. Where a
 * Word file's lines sit and its comments' directives hold for the text as read;
 * once edited in the page, it is linted as the text it has become.
 */
export function lintPageDraft(linter: Linter, draft: PageDraft, text = draft.text): DraftLint {
  const read = text === draft.text;
  return lintDraft(linter, { path: draft.name, text, paragraphs: read ? draft.paragraphs : undefined, directives: read ? draft.directives : undefined }, { filePath: draft.name, fixHint: FIX_HINT });
}

/**
 * The reviewed copy `--annotate` writes, as bytes: each finding a Word comment,
 * safe fixes as tracked changes, the checklist on the title. A Word draft is
 * annotated as read (its own formatting kept; edits in the page are not in the
 * Word file); a text draft as it is now, as a plain .docx.
 */
export function annotatedCopy(linter: Linter, draft: PageDraft, text: string, date = new Date()): { name: string; bytes: Uint8Array; comments: number; changes: number } {
  const word = draft.format === 'docx' && draft.bytes;
  const source = word ? draft : { ...draft, text, paragraphs: undefined, directives: undefined };
  const r = reviewDraft(linter, { path: draft.name, text: source.text, paragraphs: source.paragraphs, directives: source.directives }, word || undefined, {
    trackChanges: true, date: date.toISOString().replace(/\.\d+Z$/, 'Z'),
  });
  return { name: `${draft.name.replace(/\.[^.]*$/, '')}（审核意见）.docx`, bytes: r.bytes, comments: r.comments, changes: r.changes };
}

/** The json contract's entry for a draft: diagnostics in the draft's own positions (Word paragraphs for a .docx). */
export function resultOf(draft: PageDraft, linted: DraftLint | undefined): FileResult {
  if (draft.error || !linted) return { filePath: draft.name, diagnostics: [], error: draft.error };
  return { filePath: draft.name, diagnostics: linted.diagnostics };
}

/** `--fix` (and, with `unsafe`, `--fix-unsafe`) on the text: the fixed text, re-linted until nothing changes. */
export function fixAll(linter: Linter, draft: PageDraft, text: string, policy: FixPolicy): string {
  return linter.fix(text, { filePath: draft.name, format: textFormat(draft), ...policy }).output;
}

/** One finding's own fix (an unsafe one is applied only this way: one at a time, by the drafter). */
export function fixOne(text: string, d: Diagnostic): string {
  return applyFixesOnce(text, [d], { unsafe: true }).text;
}

/** A .docx is never rewritten by the CLI; in the page its text is fixed as plain text and downloaded as such. */
function textFormat(draft: PageDraft): DocumentFormat {
  return draft.format === 'docx' ? 'txt' : draft.format;
}
