/// <reference lib="dom.iterable" />
/**
 * The offline web page (dist/web/lawreport-lint.html) for drafters who have no
 * terminal: open drafts, see every finding on the draft's own text (CodeMirror 6
 * with @codemirror/lint), the five parts, the findings by severity and rule, fix
 * them, compare several drafts in a table, and check with an office's own rules.
 * Everything runs in the page with the CLI's engine; nothing is sent anywhere.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { forEachDiagnostic, lintGutter, lintKeymap, setDiagnostics, type Action, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { explainRule } from '../cli/explain.js';
import type { Builtins } from '../config/builtin.js';
import { ConfigError } from '../config/errors.js';
import { SEVERITY_WORD } from '../formatters/context.js';
import { entry } from '../formatters/json.js';
import { groupProblems, headline } from '../formatters/overview.js';
import type { DraftLint } from '../lint-draft.js';
import type { Linter } from '../linter.js';
import type { Diagnostic, FileResult, Position } from '../types.js';
import { annotatedCopy, configFileOf, fixAll, fixOne, lintPageDraft, officeLinter, officeProblems, readPageDraft, resultOf, type OfficeRules, type PageDraft } from './drafts.js';
import { h, $ } from './dom.js';

/** The shipped rules, lexicons and presets: dist/builtin.json, compiled in by scripts/build-web.mjs. */
declare const LAWREPORT_BUILTINS: Builtins;

/** A pause in typing this long re-lints the draft (as the language server's default). */
const RELINT_PAUSE_MS = 150;
const REMEMBER_KEY = 'lawreport-lint.office';
const CM_SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

interface Open {
  draft: PageDraft;
  /** The editor's state (text, selection, undo history) while another draft is shown. */
  state?: EditorState;
  linted?: DraftLint;
  /** Linted as read: a .docx's lines are its Word paragraphs (once edited in the page, they are lines of text). */
  asRead?: boolean;
}

const opened: Open[] = [];
let current: Open | undefined;
let linter: Linter;
let office: OfficeRules & { configFile?: string } = { files: {}, preset: 'recommended' };
let relintTimer: ReturnType<typeof setTimeout> | undefined;

// ——— the editor ———

const editorExtensions = [
  lineNumbers(),
  highlightSpecialChars(),
  history(),
  drawSelection(),
  highlightActiveLine(),
  EditorView.lineWrapping,
  keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
  lintGutter(),
  EditorView.contentAttributes.of({ 'aria-label': '稿件全文', lang: 'zh-CN' }),
  EditorView.updateListener.of((u) => {
    if (u.docChanged) scheduleRelint();
    if (u.selectionSet && !u.docChanged) markFindingAt(u.state.selection.main.head);
  }),
];

const view = new EditorView({ parent: $('#editor') });

/** The editor's text as the file has it (its own line breaks): what is linted, fixed and downloaded. */
function editorText(): string {
  const doc = view.state.doc;
  return doc.sliceString(0, doc.length, current?.draft.lineBreak ?? '\n');
}

/** A draft's text now: the editor's for the one shown, as last left for the others. */
function textOf(o: Open): string {
  if (o === current) return editorText();
  return o.state ? o.state.doc.sliceString(0, o.state.doc.length, o.draft.lineBreak) : o.draft.text;
}

/** A model position (line, UTF-16 character) in the editor. */
function offsetIn(doc: Text, p: Position): number {
  if (p.line >= doc.lines) return doc.length;
  const line = doc.line(p.line + 1);
  return Math.min(line.from + p.character, line.to);
}

function scheduleRelint(): void {
  clearTimeout(relintTimer);
  relintTimer = setTimeout(() => {
    relintTimer = undefined;
    if (current) relint(current);
  }, RELINT_PAUSE_MS);
}

/** Lints the shown draft's text now and shows the findings. */
function relint(o: Open): void {
  clearTimeout(relintTimer);
  relintTimer = undefined;
  const started = performance.now();
  lint(o, editorText());
  const lintMs = performance.now() - started;
  showFindings(o);
  renderOverview();
  announce(o, lintMs, started);
}

function lint(o: Open, text: string): void {
  o.linted = lintPageDraft(linter, o.draft, text);
  o.asRead = text === o.draft.text;
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

function cmDiagnostics(o: Open, doc: Text): CmDiagnostic[] {
  const linted = o.linted!;
  return linted.output.diagnostics.map((d, i) => {
    const from = offsetIn(doc, d.range.start);
    return {
      from,
      to: Math.max(from, offsetIn(doc, d.range.end)),
      severity: CM_SEVERITY[d.severity],
      source: d.code,
      message: d.message,
      renderMessage: () => findingDetails(linted.diagnostics[i], true),
      actions: fixActions(o, d),
    };
  });
}

function fixActions(o: Open, d: Diagnostic): Action[] {
  const fix = d.data?.fix;
  if (!fix?.edits.length) return [];
  return [{ name: fix.safe ? fix.title : `${fix.title}（请核对）`, apply: () => applyFix(o, d) }];
}

// ——— fixes ———

/** Replaces the editor's text, changing only what differs (the cursor and undo history stay useful). */
function replaceText(next: string): void {
  const doc = view.state.doc;
  const before = editorText();
  if (next === before) return;
  const sep = current?.draft.lineBreak ?? '\n';
  const a = before.split(sep).join('\n');
  const b = next.split(sep).join('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  view.dispatch({ changes: { from: start, to: doc.length - end, insert: b.slice(start, b.length - end) }, userEvent: 'input.fix' });
}

/**
 * One finding's fix, on the text it was found in. If the drafter typed since,
 * the text is linted first and the fix applied only if the same finding is still
 * where it was; otherwise the new findings are shown and nothing else changes.
 */
function applyFix(o: Open, d: Diagnostic): void {
  if (relintTimer !== undefined) {
    relint(o);
    const same = (a: Diagnostic['range'], b: Diagnostic['range']) => JSON.stringify(a) === JSON.stringify(b);
    const still = o.linted!.output.diagnostics.find((x) => x.code === d.code && x.message === d.message && same(x.range, d.range));
    if (!still) return;
    d = still;
  }
  replaceText(fixOne(editorText(), d));
  relint(o);
}

function applyFixAll(o: Open, rule?: string): void {
  if (relintTimer !== undefined) relint(o);
  replaceText(fixAll(linter, o.draft, editorText(), { unsafe: false, rules: rule ? new Set([rule]) : undefined }));
  relint(o);
}

// ——— showing a draft ———

function show(o: Open): void {
  if (current && current !== o) current.state = view.state;
  current = o;
  document.body.classList.add('has-draft');
  $('#workspace').hidden = false;
  $('#overview-view').hidden = true;
  $('#draft-name').textContent = o.draft.name;
  $('#tab-draft').textContent = o.draft.name;
  $('#tab-draft').hidden = false;
  selectTab('draft');
  const error = $('#draft-error');
  error.hidden = !o.draft.error;
  error.textContent = o.draft.error ? `无法检查：${o.draft.error.message}` : '';
  view.setState(o.state ?? EditorState.create({ doc: o.draft.text, extensions: [...editorExtensions, EditorState.readOnly.of(!!o.draft.error)] }));
  ($('#download') as HTMLButtonElement).disabled = !!o.draft.error;
  ($('#download-word') as HTMLButtonElement).disabled = !!o.draft.error;
  $('#annotate-note').textContent = '';
  showFindings(o);
}

/** Puts the draft's findings on its text, the five parts and the findings list. */
function showFindings(o: Open): void {
  if (o !== current) return;
  const linted = o.linted;
  view.dispatch(setDiagnostics(view.state, linted ? cmDiagnostics(o, view.state.doc) : []));
  renderChecklist(o);
  renderFindings(o);
  const fixable = linted?.output.diagnostics.some((d) => d.data?.fix?.safe && d.data.fix.edits.length) ?? false;
  ($('#fix-all') as HTMLButtonElement).disabled = !fixable;
}

function renderChecklist(o: Open): void {
  const list = $('#parts');
  list.replaceChildren();
  const summary = o.linted?.summary;
  if (!summary) return;
  const missing = new Map<string, Diagnostic>();
  for (const d of o.linted!.output.diagnostics) {
    const kind = d.data?.fix && !d.data.fix.safe ? missingPartOf(d) : undefined;
    if (kind) missing.set(kind, d);
  }
  for (const p of linter.config.builder.vocabulary.parts) {
    const at = summary.parts.findIndex((s) => s.kind === p.kind);
    const found = summary.parts[at];
    const item = h('li', { class: found ? 'yes' : 'no' },
      h('span', { class: 'tick', 'aria-label': found ? '有' : '缺' }, found ? '✓' : '✗'),
      h('span', { class: 'part' }, p.name));
    if (found) {
      const heading = h('button', { class: 'link heading', title: '转到这一部分' }, `${lineLabel(o, found.line)}：“${found.title}”`);
      // the summary's parts are the model's, in order: the model's heading is where the editor goes
      heading.addEventListener('click', () => revealOffset(o, o.linted!.output.document.parts[at].heading.span[0]));
      item.append(heading);
    } else {
      item.append(h('span', { class: 'heading' }, '未找到'));
      const d = missing.get(p.kind);
      if (d) item.append(fixButton(o, d, `插入“${p.name}”部分`));
    }
    list.append(item);
  }
}

/** The part an unsafe “insert the missing part” fix is for, by the part's name in its message (缺少“其他需要报告的情况”部分). */
function missingPartOf(d: Diagnostic): string | undefined {
  if (d.data?.ruleType !== 'sections') return undefined;
  const names = linter.config.builder.vocabulary.parts;
  return names.find((p) => d.message.includes(`“${p.name}”`))?.kind;
}

/** A line of the draft's own positions as people count it: 第N段 in an unedited Word file, else 第N行. */
function lineLabel(o: Open, line: number): string {
  return o.draft.format === 'docx' && o.asRead ? `第${line + 1}段` : `第${line + 1}行`;
}

function renderFindings(o: Open): void {
  const box = $('#groups');
  box.replaceChildren();
  const linted = o.linted;
  const counts = $('#finding-counts');
  if (!linted) {
    counts.textContent = '';
    return;
  }
  const ds = linted.output.diagnostics;
  const bySeverity = [1, 2, 3, 4].map((s) => ds.filter((d) => d.severity === s).length);
  counts.textContent = ds.length
    ? [1, 2, 3].filter((s) => bySeverity[s - 1]).map((s) => `${bySeverity[s - 1]} 个${SEVERITY_WORD[s]}`).join('，')
    : '没有发现问题';
  for (const g of groupProblems(ds)) {
    const def = linter.config.resolved.rules.get(g.rule);
    const members = ds.map((d, i) => ({ d, i })).filter((x) => x.d.code === g.rule);
    const safe = members.filter((x) => x.d.data?.fix?.safe && x.d.data.fix.edits.length).length;
    const head = h('div', { class: 'group-head' },
      h('span', { class: `sev sev-${g.severity}` }, SEVERITY_WORD[g.severity]),
      h('span', { class: 'what' }, `${def?.summary ?? g.rule} ${g.count} 处`));
    if (safe) {
      const all = h('button', { class: 'fix-rule', title: safe < g.count ? `其中 ${safe} 处可安全修复` : '' }, '全部改正');
      all.addEventListener('click', () => applyFixAll(o, g.rule));
      head.append(h('span', { class: 'fix-rule-wrap' }, ' — ', all));
    }
    const group = h('section', { class: `group sev-${g.severity}`, 'data-rule': g.rule }, head);
    if (def?.reference) group.append(h('div', { class: 'ref' }, `依据：${def.reference}`));
    const help = linted.diagnostics[members[0].i].data?.help;
    // on paper the advice is said once per rule, not beside each of its 62 findings
    if (help) group.append(h('div', { class: 'help print-only' }, `建议：${help}`));
    const list = h('ol', { class: 'items' });
    for (const { d, i } of members) {
      const quote = linted.summary?.quotes[i];
      const li = h('li', { class: `finding sev-${d.severity}`, 'data-index': String(i), tabindex: '0' },
        h('span', { class: 'loc' }, lineLabel(o, linted.diagnostics[i].range.start.line)),
        h('span', { class: 'msg' }, d.message));
      if (quote?.trim()) li.append(h('q', { class: 'quote' }, quote));
      li.append(findingDetails(linted.diagnostics[i], false));
      if (d.data?.fix?.edits.length) li.append(fixButton(o, d, d.data.fix.safe ? d.data.fix.title : `${d.data.fix.title}（非安全修复，请核对）`));
      li.addEventListener('click', (e) => {
        if ((e.target as HTMLElement).closest('button, summary')) return;
        reveal(o, i);
      });
      li.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') reveal(o, i);
      });
      list.append(li);
    }
    group.append(list);
    box.append(group);
  }
}

function fixButton(o: Open, d: Diagnostic, label: string): HTMLElement {
  const b = h('button', { class: d.data?.fix?.safe ? 'fix safe' : 'fix unsafe' }, label);
  b.addEventListener('click', () => applyFix(o, d));
  return b;
}

/** Message, 依据, 建议 and the rule's explanation (the text of `--explain`). */
function findingDetails(d: Diagnostic, withMessage: boolean): HTMLElement {
  const box = h('div', { class: `details sev-${d.severity}` });
  if (withMessage) box.append(h('div', { class: 'msg' }, d.message));
  if (d.data?.reference) box.append(h('div', { class: 'ref' }, `依据：${d.data.reference}`));
  if (d.data?.help) box.append(h('div', { class: 'help' }, `建议：${d.data.help}`));
  const def = linter.config.resolved.rules.get(d.code);
  if (def) {
    const severity = linter.config.resolved.settings.get(def.id)?.severity ?? 'off';
    const text = h('pre');
    const explain = h('details', { class: 'explain' }, h('summary', {}, `规则说明（${def.id}）`), text);
    // written when opened: a draft has dozens of findings, and every re-lint lists them again
    explain.addEventListener('toggle', () => {
      if (!text.textContent) text.textContent = explainRule(def, severity);
    });
    box.append(explain);
  }
  return box;
}

/** Selects a finding's text in the editor and marks it in the list. */
function reveal(o: Open, i: number): void {
  const d = o.linted!.output.diagnostics[i];
  const doc = view.state.doc;
  const from = offsetIn(doc, d.range.start);
  const to = Math.max(from, offsetIn(doc, d.range.end));
  view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: 'center' }) });
  markFinding(i);
  view.focus();
}

/** Moves the editor to an offset of the linted text. */
function revealOffset(o: Open, offset: number): void {
  if (o !== current) return;
  const from = offsetIn(view.state.doc, o.linted!.output.document.positionAt(offset));
  view.dispatch({ selection: { anchor: from }, effects: EditorView.scrollIntoView(from, { y: 'start' }) });
  view.focus();
}

function markFinding(i: number | undefined): void {
  for (const el of document.querySelectorAll('#groups .finding.active')) el.classList.remove('active');
  if (i === undefined) return;
  const el = document.querySelector(`#groups .finding[data-index="${i}"]`);
  el?.classList.add('active');
  el?.scrollIntoView({ block: 'nearest' });
}

/** A click or cursor move onto an underlined range shows that finding in the list. */
function markFindingAt(pos: number): void {
  const o = current;
  if (!o?.linted) return;
  let hit: CmDiagnostic | undefined;
  forEachDiagnostic(view.state, (d, from, to) => {
    if (!hit && from <= pos && pos <= to) hit = d;
  });
  if (!hit) return;
  const doc = view.state.doc;
  const i = o.linted.output.diagnostics.findIndex((d) => d.code === hit!.source && offsetIn(doc, d.range.start) <= pos && pos <= Math.max(offsetIn(doc, d.range.start), offsetIn(doc, d.range.end)));
  if (i >= 0) markFinding(i);
}

// ——— several drafts ———

function renderOverview(): void {
  $('#tab-overview').textContent = `全部稿件（${opened.length}）`;
  $('#tab-overview').hidden = opened.length < 2;
  const parts = linter.config.builder.vocabulary.parts;
  const head = h('tr', {}, h('th', {}, '稿件'), h('th', {}, '单位'), h('th', {}, '年度'),
    ...parts.map((p) => h('th', { title: p.name }, p.short)),
    h('th', {}, '错误'), h('th', {}, '警告'), h('th', {}, '提示'), h('th', {}, '主要问题'));
  const rows = opened.map((o) => {
    const tr = h('tr', { tabindex: '0', class: o === current ? 'current' : '' });
    tr.append(h('td', { class: 'file' }, o.draft.name));
    if (o.draft.error || !o.linted) {
      tr.append(h('td', { colspan: String(parts.length + 6), class: 'reason' }, `无法检查：${o.draft.error?.message ?? ''}`));
    } else {
      const { summary, diagnostics } = o.linted;
      const count = (s: number) => diagnostics.filter((d) => d.severity === s).length;
      const groups = groupProblems(diagnostics);
      tr.append(h('td', { class: 'unit' }, summary?.organ ?? ''), h('td', {}, summary?.year ? String(summary.year) : ''));
      for (const p of parts) {
        const has = summary?.parts.some((s) => s.kind === p.kind);
        tr.append(h('td', { class: has ? 'tick yes' : 'tick no', title: has ? p.name : `缺少“${p.name}”部分` }, has ? '✓' : '✗'));
      }
      tr.append(h('td', { class: 'num e' }, String(count(1))), h('td', { class: 'num w' }, String(count(2))), h('td', { class: 'num i' }, String(count(3) + count(4))));
      const top = groups.slice(0, 3).map((g) => `${headline(g.message, 40)}${g.count > 1 ? `（${g.count}处）` : ''}`);
      if (groups.length > 3) top.push(`等 ${groups.length} 类`);
      tr.append(h('td', { class: 'top' }, top.join('；')));
    }
    tr.addEventListener('click', () => show(o));
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') show(o);
    });
    return tr;
  });
  $('#drafts').replaceChildren(h('thead', {}, head), h('tbody', {}, ...rows));
}

function selectTab(which: 'overview' | 'draft'): void {
  $('#overview-view').hidden = which !== 'overview';
  $('#workspace').hidden = which !== 'draft' || !current;
  $('#tab-overview').setAttribute('aria-selected', String(which === 'overview'));
  $('#tab-draft').setAttribute('aria-selected', String(which === 'draft'));
}

// ——— opening drafts ———

async function openFiles(files: readonly File[]): Promise<void> {
  const started = performance.now();
  let last: Open | undefined;
  for (const file of files) {
    const draft = await readPageDraft(file.name, new Uint8Array(await file.arrayBuffer()));
    const o: Open = { draft };
    const t = performance.now();
    if (!draft.error) lint(o, draft.text);
    const lintMs = performance.now() - t;
    const same = opened.findIndex((x) => x.draft.name === draft.name);
    if (same >= 0) opened[same] = o;
    else opened.push(o);
    last = o;
    if (files.length === 1) {
      show(o);
      renderOverview();
      announce(o, lintMs, started);
      return;
    }
  }
  renderOverview();
  if (last) {
    if (!current || !opened.includes(current)) show(opened[0]);
    selectTab('overview');
    announce(last, 0, started);
  }
}

function pasteDraft(): void {
  let n = 1;
  while (opened.some((o) => o.draft.name === `粘贴的稿件${n}.txt`)) n++;
  const o: Open = { draft: { name: `粘贴的稿件${n}.txt`, format: 'txt', text: '', lineBreak: '\n' } };
  lint(o, '');
  opened.push(o);
  show(o);
  renderOverview();
  view.focus();
}

function download(): void {
  const o = current;
  if (!o) return;
  const base = o.draft.name.replace(/\.[^.]*$/, '');
  const ext = o.draft.format === 'md' ? '.md' : '.txt';
  save(new Blob([editorText()], { type: 'text/plain;charset=utf-8' }), `${base}（修改后）${ext}`);
}

/** The reviewed Word copy (`--annotate`): comments on the findings, safe fixes as tracked changes. */
function downloadAnnotated(): void {
  const o = current;
  if (!o || o.draft.error) return;
  const copy = annotatedCopy(linter, o.draft, editorText());
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

async function applyRules(): Promise<void> {
  const status = $('#office-status');
  const problems = $('#office-problems');
  try {
    linter = await officeLinter(office, LAWREPORT_BUILTINS);
    problems.hidden = true;
    problems.textContent = '';
    const rules = Object.keys(office.files).filter((f) => /\.ya?ml$/.test(f) && f !== configFile());
    status.textContent = Object.keys(office.files).length
      ? `已载入本单位规则：${[configFile(), ...rules].filter((f): f is string => !!f).map(shown).join('、')}`
      : '';
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.hidden = false;
    problems.textContent = `${officeProblems(err.problems)}\n\n配置有 ${err.problems.length} 个问题，本单位规则未启用，暂按预设 ${office.preset ?? 'recommended'} 检查。`;
    status.textContent = '本单位规则有问题，请按下面的提示修改后重新载入（配置文件中 rulesDir 写的规则文件夹，要用“选择规则文件夹…”一并选择）。';
    linter = await officeLinter({ files: {}, preset: office.preset }, LAWREPORT_BUILTINS);
  }
  for (const o of opened) if (!o.draft.error) lint(o, textOf(o));
  if (current) showFindings(current);
  renderOverview();
  if (($('#remember') as HTMLInputElement).checked) localStorage.setItem(REMEMBER_KEY, JSON.stringify(office));
}

/** A path in the page's memory as the drafter knows it: relative to the files they picked. */
function shown(path: string): string {
  return path.replace(/^\//, '');
}

function configFile(): string | undefined {
  return office.configFile && office.files[office.configFile] !== undefined ? office.configFile : configFileOf(office.files);
}

async function loadOfficeFiles(files: readonly File[], kind: 'config' | 'folder'): Promise<void> {
  const next = { ...office.files };
  if (kind === 'folder') {
    const tops = new Set(files.map((f) => f.webkitRelativePath.split('/')[0]));
    for (const k of Object.keys(next)) if (tops.has(k.split('/')[1])) delete next[k];
  }
  for (const f of files) {
    const path = `/${kind === 'folder' && f.webkitRelativePath ? f.webkitRelativePath : f.name}`;
    if (kind === 'folder' && !/\.ya?ml$/i.test(path)) continue;
    next[path] = await f.text();
    if (kind === 'config') office.configFile = path;
  }
  office = { ...office, files: next };
  await applyRules();
}

function restoreOffice(): void {
  const saved = localStorage.getItem(REMEMBER_KEY);
  if (!saved) return;
  try {
    const o = JSON.parse(saved) as typeof office;
    if (o && typeof o === 'object' && o.files && typeof o.files === 'object') {
      office = { files: o.files, preset: typeof o.preset === 'string' ? o.preset : 'recommended', configFile: o.configFile };
      ($('#remember') as HTMLInputElement).checked = true;
    }
  } catch {
    localStorage.removeItem(REMEMBER_KEY);
  }
}

// ——— start ———

async function start(): Promise<void> {
  restoreOffice();
  const preset = $('#preset') as HTMLSelectElement;
  for (const name of Object.keys(LAWREPORT_BUILTINS.presets)) preset.append(h('option', { value: name }, PRESET_LABEL[name] ?? name));
  preset.value = office.preset ?? 'recommended';
  await applyRules();

  const input = $('#open') as HTMLInputElement;
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) void openFiles(files);
  });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) void openFiles(files);
  });
  $('#paste').addEventListener('click', pasteDraft);
  $('#fix-all').addEventListener('click', () => current && applyFixAll(current));
  $('#download').addEventListener('click', download);
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
  for (const [id, kind] of [['#office-config', 'config'], ['#office-folder', 'folder']] as const) {
    const el = $(id) as HTMLInputElement;
    el.addEventListener('change', () => {
      const files = [...(el.files ?? [])];
      el.value = '';
      if (files.length) void loadOfficeFiles(files, kind);
    });
  }
  $('#office-clear').addEventListener('click', () => {
    office = { files: {}, preset: office.preset };
    localStorage.removeItem(REMEMBER_KEY);
    void applyRules();
  });
  ($('#remember') as HTMLInputElement).addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).checked) localStorage.setItem(REMEMBER_KEY, JSON.stringify(office));
    else localStorage.removeItem(REMEMBER_KEY);
  });
  document.body.classList.add('ready');
  document.dispatchEvent(new CustomEvent('lawreport-lint:ready'));
}

const PRESET_LABEL: Record<string, string> = { recommended: '推荐（recommended）', strict: '严格（strict）' };

/** For tests and other tools: the open drafts' findings as the CLI's json contract, and the shown draft's text. */
declare global {
  interface Window {
    lawreportLint: { results(): FileResult[]; text(): string; current(): string | undefined };
  }
}
window.lawreportLint = {
  results: () => opened.map((o) => entry(resultOf(o.draft, o.linted))) as FileResult[],
  text: () => editorText(),
  current: () => current?.draft.name,
};

void start();
