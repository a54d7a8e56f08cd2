/// <reference lib="dom.iterable" />
/**
 * The offline web page (dist/web/lawreport-lint.html) for drafters who have no
 * terminal: open drafts, see every finding on the draft's own text, the five
 * parts, the findings by severity and rule, fix them, compare several drafts in
 * a table, take them back to Word, and check with an office's own rules.
 * Everything runs in the page with the CLI's engine; nothing is sent anywhere.
 * This module holds the page's state and wires the views to it.
 */
import type { Builtins } from '../config/builtin.js';
import { ConfigError } from '../config/errors.js';
import { entry } from '../formatters/json.js';
import type { DraftLint } from '../lint-draft.js';
import type { Linter } from '../linter.js';
import type { FileResult } from '../types.js';
import { $, h } from './dom.js';
import { annotatedCopy, fixAll, fixOne, lintPageDraft, officeLinter, officeProblems, readPageDraft, resultOf, type OfficeRules, type PageDraft } from './drafts.js';
import { DraftEditor } from './editor.js';
import { findingDetails, fixLabel, markFinding, renderChecklist, renderFindings, type FindingActions, type ShownFindings } from './findings-view.js';
import { describe, remember, remembered, withPicked } from './office.js';
import { renderOverview } from './overview-view.js';

/** The shipped rules, lexicons and presets: dist/builtin.json, compiled in by scripts/build-web.mjs. */
declare const LAWREPORT_BUILTINS: Builtins;

/** A pause in typing this long re-lints the draft (as the language server's default). */
const RELINT_PAUSE_MS = 150;
const PRESET_LABEL: Record<string, string> = { recommended: '推荐（recommended）', strict: '严格（strict）' };

interface Open {
  draft: PageDraft;
  /** The editor's state (text, selection, undo history) while another draft is shown. */
  state?: ReturnType<DraftEditor['stateFor']>;
  linted?: DraftLint;
  /** Linted as read: a .docx's lines are its Word paragraphs (once edited in the page, they are lines of text). */
  asRead?: boolean;
}

const opened: Open[] = [];
let current: Open | undefined;
let linter: Linter;
let office: OfficeRules = { files: {}, preset: 'recommended' };
let relintTimer: ReturnType<typeof setTimeout> | undefined;

const editor = new DraftEditor($('#editor'), {
  changed: () => {
    clearTimeout(relintTimer);
    relintTimer = setTimeout(() => current && relint(current), RELINT_PAUSE_MS);
  },
  moved: (pos) => {
    if (!current?.linted) return;
    const i = editor.findingAt(current.linted, pos);
    if (i >= 0) markFinding($('#groups'), i);
  },
});

/** A draft's text now: the editor's for the one shown, as last left for the others. */
function textOf(o: Open): string {
  if (o === current) return editor.text(o.draft.lineBreak);
  return o.state ? editor.text(o.draft.lineBreak, o.state) : o.draft.text;
}

function lint(o: Open, text: string): void {
  o.linted = lintPageDraft(linter, o.draft, text);
  o.asRead = text === o.draft.text;
}

/** Lints the shown draft's text now and shows the findings. */
function relint(o: Open): void {
  clearTimeout(relintTimer);
  relintTimer = undefined;
  const started = performance.now();
  lint(o, textOf(o));
  const lintMs = performance.now() - started;
  showFindings(o);
  showOverview();
  announce(o, lintMs, started);
}

/**
 * Tells tests and the benchmark that findings are on screen, and how long they
 * took since `started`: linting, everything until the page is updated (workMs),
 * and until the next frame is drawn (totalMs).
 */
function announce(o: Open, lintMs: number, started: number): void {
  const workMs = performance.now() - started;
  requestAnimationFrame(() => document.dispatchEvent(new CustomEvent('lawreport-lint:shown', {
    detail: { draft: o.draft.name, lintMs, workMs, totalMs: performance.now() - started },
  })));
}

// ——— fixes ———

/**
 * One finding's fix, on the text it was found in. If the drafter typed since,
 * the text is linted first and the fix applied only if the same finding is still
 * where it was; otherwise the new findings are shown and nothing else changes.
 */
function applyFix(o: Open, i: number): void {
  let d = o.linted!.output.diagnostics[i];
  if (relintTimer !== undefined) {
    relint(o);
    const same = (a: typeof d.range, b: typeof d.range) => JSON.stringify(a) === JSON.stringify(b);
    const still = o.linted!.output.diagnostics.find((x) => x.code === d.code && x.message === d.message && same(x.range, d.range));
    if (!still) return;
    d = still;
  }
  editor.replaceText(fixOne(textOf(o), d), o.draft.lineBreak);
  relint(o);
}

/** `--fix` on the text: every safe fix, or (`rule`) those of one rule. */
function applyFixAll(o: Open, rule?: string): void {
  if (relintTimer !== undefined) relint(o);
  editor.replaceText(fixAll(linter, o.draft, textOf(o), { unsafe: false, rules: rule ? new Set([rule]) : undefined }), o.draft.lineBreak);
  relint(o);
}

// ——— showing a draft ———

function show(o: Open): void {
  if (current && current !== o) current.state = editor.view.state;
  current = o;
  document.body.classList.add('has-draft');
  $('#draft-name').textContent = o.draft.name;
  $('#tab-draft').textContent = o.draft.name;
  $('#tab-draft').hidden = false;
  selectTab('draft');
  const error = $('#draft-error');
  error.hidden = !o.draft.error;
  error.textContent = o.draft.error ? `无法检查：${o.draft.error.message}` : '';
  editor.view.setState(o.state ?? editor.stateFor(o.draft.text, !!o.draft.error));
  ($('#download') as HTMLButtonElement).disabled = !!o.draft.error;
  ($('#download-word') as HTMLButtonElement).disabled = !!o.draft.error;
  $('#annotate-note').textContent = '';
  showFindings(o);
}

/** Puts the draft's findings on its text, the five parts and the findings list. */
function showFindings(o: Open): void {
  if (o !== current) return;
  const linted = o.linted;
  editor.show(linted, (i) => findingDetails(linter, linted!.diagnostics[i], true), (i) => {
    const name = fixLabel(linted!.output.diagnostics[i], true);
    return name === undefined ? undefined : { name, apply: () => applyFix(o, i) };
  });
  const fixable = linted?.output.diagnostics.some((d) => d.data?.fix?.safe && d.data.fix.edits.length) ?? false;
  ($('#fix-all') as HTMLButtonElement).disabled = !fixable;
  if (!linted) {
    for (const id of ['#parts', '#groups', '#finding-counts']) $(id).replaceChildren();
    return;
  }
  const shown: ShownFindings = { linted, paragraphs: o.draft.format === 'docx' && !!o.asRead };
  const act: FindingActions = {
    reveal: (i) => {
      editor.select(linted.output.diagnostics[i].range);
      markFinding($('#groups'), i);
    },
    revealOffset: (offset) => {
      const p = linted.output.document.positionAt(offset);
      editor.select({ start: p, end: p }, 'start');
    },
    fix: (i) => applyFix(o, i),
    fixRule: (rule) => applyFixAll(o, rule),
  };
  renderChecklist($('#parts'), linter, shown, act);
  renderFindings($('#groups'), $('#finding-counts'), linter, shown, act);
}

function showOverview(): void {
  $('#tab-overview').textContent = `全部稿件（${opened.length}）`;
  $('#tab-overview').hidden = opened.length < 2;
  renderOverview($('#drafts'), opened.map((o) => ({
    name: o.draft.name, error: o.draft.error, linted: o.linted, current: o === current, open: () => show(o),
  })), linter.config.builder.vocabulary.parts);
}

function selectTab(which: 'overview' | 'draft'): void {
  $('#overview-view').hidden = which !== 'overview';
  $('#workspace').hidden = which !== 'draft' || !current;
  $('#tab-overview').setAttribute('aria-selected', String(which === 'overview'));
  $('#tab-draft').setAttribute('aria-selected', String(which === 'draft'));
}

// ——— opening drafts, taking them back ———

async function openFiles(files: readonly File[]): Promise<void> {
  const started = performance.now();
  let last: Open | undefined;
  let lintMs = 0;
  for (const file of files) {
    const draft = await readPageDraft(file.name, new Uint8Array(await file.arrayBuffer()));
    const o: Open = { draft };
    const t = performance.now();
    if (!draft.error) lint(o, draft.text);
    lintMs = performance.now() - t;
    const same = opened.findIndex((x) => x.draft.name === draft.name);
    if (same >= 0) opened[same] = o;
    else opened.push(o);
    last = o;
  }
  if (!last) return;
  if (files.length === 1) show(last);
  else if (!current || !opened.includes(current)) show(opened[0]);
  showOverview();
  if (files.length > 1) selectTab('overview');
  announce(last, lintMs, started);
}

function pasteDraft(): void {
  let n = 1;
  while (opened.some((o) => o.draft.name === `粘贴的稿件${n}.txt`)) n++;
  const o: Open = { draft: { name: `粘贴的稿件${n}.txt`, format: 'txt', text: '', lineBreak: '\n' } };
  lint(o, '');
  opened.push(o);
  show(o);
  showOverview();
  editor.view.focus();
}

function downloadText(): void {
  const o = current;
  if (!o) return;
  const ext = o.draft.format === 'md' ? '.md' : '.txt';
  save(new Blob([textOf(o)], { type: 'text/plain;charset=utf-8' }), `${o.draft.name.replace(/\.[^.]*$/, '')}（修改后）${ext}`);
}

/** The reviewed Word copy (`--annotate`): comments on the findings, safe fixes as tracked changes. */
function downloadAnnotated(): void {
  const o = current;
  if (!o || o.draft.error) return;
  const copy = annotatedCopy(linter, o.draft, textOf(o));
  save(new Blob([copy.bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }), copy.name);
  $('#annotate-note').textContent = `${copy.name}：${copy.comments} 条批注，${copy.changes} 处修订`
    + (o.draft.format === 'docx' && !o.asRead ? '（按原 Word 文件标注，网页中的修改不在其中）' : '');
}

/** Hands a file to the browser's downloads (nothing leaves the machine). */
function save(blob: Blob, name: string): void {
  const a = h('a', { href: URL.createObjectURL(blob), download: name }) as HTMLAnchorElement;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

// ——— an office's own rules ———

/** Builds the Linter of the preset and the office's files, and lints every open draft again. */
async function applyRules(): Promise<void> {
  const status = $('#office-status');
  const problems = $('#office-problems');
  try {
    linter = await officeLinter(office, LAWREPORT_BUILTINS);
    problems.hidden = true;
    problems.textContent = '';
    status.textContent = describe(office);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.hidden = false;
    problems.textContent = `${officeProblems(err.problems)}\n\n配置有 ${err.problems.length} 个问题，本单位规则未启用，暂按预设 ${office.preset ?? 'recommended'} 检查。`;
    status.textContent = '本单位规则有问题，请按下面的提示修改后重新载入（配置文件中 rulesDir 写的规则文件夹，要用“选择规则文件夹…”一并选择）。';
    linter = await officeLinter({ files: {}, preset: office.preset }, LAWREPORT_BUILTINS);
  }
  for (const o of opened) if (!o.draft.error) lint(o, textOf(o));
  if (current) showFindings(current);
  showOverview();
  if (($('#remember') as HTMLInputElement).checked) remember(office);
}

// ——— start ———

/** Files picked in an <input type="file">, handed over once (the input is emptied so the same file can be picked again). */
function onPicked(id: string, use: (files: File[]) => void): void {
  const input = $(id) as HTMLInputElement;
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) use(files);
  });
}

async function start(): Promise<void> {
  const saved = remembered();
  if (saved) {
    office = { ...saved, preset: saved.preset ?? 'recommended' };
    ($('#remember') as HTMLInputElement).checked = true;
  }
  const preset = $('#preset') as HTMLSelectElement;
  for (const name of Object.keys(LAWREPORT_BUILTINS.presets)) preset.append(h('option', { value: name }, PRESET_LABEL[name] ?? name));
  preset.value = office.preset ?? 'recommended';
  await applyRules();

  onPicked('#open', (files) => void openFiles(files));
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) void openFiles(files);
  });
  $('#paste').addEventListener('click', pasteDraft);
  $('#fix-all').addEventListener('click', () => current && applyFixAll(current));
  $('#download').addEventListener('click', downloadText);
  $('#download-word').addEventListener('click', downloadAnnotated);
  $('#print').addEventListener('click', () => window.print());
  $('#tab-overview').addEventListener('click', () => selectTab('overview'));
  $('#tab-draft').addEventListener('click', () => current && selectTab('draft'));
  preset.addEventListener('change', () => {
    office = { ...office, preset: preset.value };
    void applyRules();
  });
  $('#office-toggle').addEventListener('click', () => {
    const panel = $('#office');
    panel.hidden = !panel.hidden;
    $('#office-toggle').setAttribute('aria-expanded', String(!panel.hidden));
  });
  onPicked('#office-config', async (files) => {
    office = await withPicked(office, files, 'config');
    await applyRules();
  });
  onPicked('#office-folder', async (files) => {
    office = await withPicked(office, files, 'folder');
    await applyRules();
  });
  $('#office-clear').addEventListener('click', () => {
    office = { files: {}, preset: office.preset };
    remember(undefined);
    void applyRules();
  });
  $('#remember').addEventListener('change', (e) => remember((e.target as HTMLInputElement).checked ? office : undefined));
  document.body.classList.add('ready');
  document.dispatchEvent(new CustomEvent('lawreport-lint:ready'));
}

/** For tests and other tools: the open drafts' findings as the CLI's json contract, and the shown draft's text. */
declare global {
  interface Window {
    lawreportLint: { results(): FileResult[]; text(): string; current(): string | undefined };
  }
}
window.lawreportLint = {
  results: () => opened.map((o) => entry(resultOf(o.draft, o.linted))) as FileResult[],
  text: () => (current ? textOf(current) : ''),
  current: () => current?.draft.name,
};

void start();
