import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { eligible, type FixPolicy } from '../engine/fix.js';
import type { Diagnostic, Range, TextEdit } from '../types.js';
import { touches } from './ranges.js';
import { disableRuleEdits, newConfigText } from './config-edit.js';
import { clientEdits, editsTo, TextIndex } from './edits.js';
import type { Snapshot } from './session.js';
import { fileUri } from './uri.js';

/** `editor.codeActionsOnSave: { "source.fixAll.lawreport-lint": "explicit" }` */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.lawreport-lint`;

export interface ActionFeatures {
  /** Versioned TextDocumentEdits instead of a bare `changes` map. */
  documentChanges: boolean;
  /** The client can create files in a WorkspaceEdit (a new .lawreport-lint.yaml). */
  createFiles: boolean;
  /** The client resolves an action's `edit` lazily (codeAction/resolve). */
  resolveEdit: boolean;
}

/** What a lazily resolved “fix all” action needs to compute its edit later. */
interface FixAllData { uri: string; version: number; unsafe: boolean; rule?: string }
/** A “turn the rule off in the config” action whose edit is built on resolve. */
interface DisableData { uri: string; version: number; disable: string }

/** An open document's text and version, when the client has it open (a config file being edited). */
export type OpenText = (uri: string) => { text: string; version: number } | undefined;


function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

function kindAllowed(kind: string, only: readonly string[] | undefined): boolean {
  return !only?.length || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The snapshot's text with the line table its model already has. */
function indexOf(snap: Snapshot): TextIndex {
  return new TextIndex(snap.text, snap.output.document.lines);
}

function documentEdit(snap: Snapshot, edits: TextEdit[], f: ActionFeatures): WorkspaceEdit {
  return f.documentChanges
    ? { documentChanges: [{ textDocument: { uri: snap.uri, version: snap.version }, edits }] }
    : { changes: { [snap.uri]: edits } };
}

/**
 * Code actions for the findings under `params.range` (and those the client names):
 * each finding's own fix (unsafe ones marked), “fix all of this rule”, disabling the
 * rule (a comment in Markdown, the config file for plain text, where a comment would
 * end up in the published report), and “fix all safe problems” as source.fixAll.
 */
export function codeActions(snap: Snapshot, params: CodeActionParams, f: ActionFeatures, open: OpenText): CodeAction[] {
  const only = params.context?.only;
  const named = params.context?.diagnostics ?? [];
  const here = snap.diagnostics.filter((d) => touches(d.range, params.range)
    || named.some((c) => c.code === d.code && sameRange(c.range, d.range)));
  const index = indexOf(snap);
  const actions: CodeAction[] = [];

  if (kindAllowed(CodeActionKind.QuickFix, only)) {
    const fixes: CodeAction[] = [];
    const allOfRule: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const seenRule = new Set<string>();
    for (const d of here) {
      const fix = d.data?.fix;
      if (fix?.edits.length) {
        const edits = clientEdits(index, fix.edits);
        if (edits.length) {
          fixes.push({
            title: fix.safe ? fix.title : `${fix.title}（非安全修复，请核对结果）`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: fix.safe,
            edit: documentEdit(snap, edits, f),
          });
        }
        const policy: FixPolicy = { unsafe: !fix.safe, rules: new Set([d.code]) };
        const key = `${d.code}:${!fix.safe}`;
        const count = snap.diagnostics.filter((x) => eligible(x, policy)).length;
        if (count > 1 && !seenRule.has(key)) {
          seenRule.add(key);
          allOfRule.push(fixAllAction(snap, `修复全部 ${count} 处 ${d.code} 问题${fix.safe ? '' : '（含非安全修复，请核对结果）'}`,
            CodeActionKind.QuickFix, { uri: snap.uri, version: snap.version, unsafe: !fix.safe, rule: d.code }, f, [d]));
        }
      }
      if (snap.linter.config.resolved.rules.has(d.code) && !seenRule.has(`disable:${d.code}`)) {
        seenRule.add(`disable:${d.code}`);
        const a = snap.format === 'md' ? disableByComment(snap, d, index, f) : disableInConfig(snap, d, f, open);
        if (a) disables.push(a);
      }
    }
    // one by one: spreading a list of tens of thousands of actions overflows the stack
    for (const list of [fixes, allOfRule, disables]) for (const a of list) actions.push(a);
  }

  if (kindAllowed(FIX_ALL_KIND, only)) {
    const count = snap.diagnostics.filter((d) => eligible(d, {})).length;
    if (count) {
      actions.push(fixAllAction(snap, `修复全部可安全修复的问题（${count} 处）`, FIX_ALL_KIND, { uri: snap.uri, version: snap.version, unsafe: false }, f));
    }
  }
  return actions;
}

function fixAllAction(snap: Snapshot, title: string, kind: string, data: FixAllData, f: ActionFeatures, diagnostics?: Diagnostic[]): CodeAction {
  const action: CodeAction = { title, kind, ...(diagnostics ? { diagnostics } : {}) };
  // Fixing everything re-lints until nothing changes: on a long draft that is worth
  // doing only for the action the user picks, so clients that can resolve get it later.
  if (f.resolveEdit) action.data = data;
  else action.edit = documentEdit(snap, fixAllEdits(snap, data), f);
  return action;
}

/** codeAction/resolve: the edit of a “fix all” or “disable in config” action, if the document has not moved on. */
export function resolveAction(action: CodeAction, snap: Snapshot | undefined, f: ActionFeatures, open: OpenText): CodeAction {
  const data = action.data as FixAllData | DisableData | undefined;
  if (!data || !snap || snap.uri !== data.uri || snap.version !== data.version) return action;
  if ('disable' in data) {
    const configFile = snap.linter.config.resolved.configFile;
    const edit = configFile ? configEdit(configFile, data.disable, f, open) : undefined;
    return edit ? { ...action, edit } : action;
  }
  return { ...action, edit: documentEdit(snap, fixAllEdits(snap, data), f) };
}

/** Fix-all edits per snapshot and policy: clients that cannot resolve ask again on every cursor move. */
const fixAllCache = new WeakMap<Snapshot, Map<string, TextEdit[]>>();

/** Exactly what `Linter.fix` writes for the policy, as edits on the snapshot's text. */
function fixAllEdits(snap: Snapshot, data: FixAllData): TextEdit[] {
  const key = `${data.unsafe}:${data.rule ?? ''}`;
  let cached = fixAllCache.get(snap);
  if (!cached) fixAllCache.set(snap, (cached = new Map()));
  let edits = cached.get(key);
  if (!edits) cached.set(key, (edits = computeFixAll(snap, data)));
  return edits;
}

function computeFixAll(snap: Snapshot, data: FixAllData): TextEdit[] {
  const policy: FixPolicy = { unsafe: data.unsafe, ...(data.rule ? { rules: new Set([data.rule]) } : {}) };
  // the snapshot is the lint of this text: fixing starts from it instead of linting again
  const fixed = snap.linter.fix(snap.text, { filePath: snap.path, format: snap.format, ...policy }, snap.output);
  // one pass: its fixes' edits are the answer; after several, editsTo diffs the result
  const candidates = fixed.passes === 1 ? fixed.applied.flatMap((d) => d.data?.fix?.edits ?? []) : [];
  return editsTo(indexOf(snap), fixed.output, candidates);
}

/** Markdown: `<!-- lawreport-lint-disable-next-line rule -->` on its own line above (or the rule added to one already there). */
function disableByComment(snap: Snapshot, d: Diagnostic, index: TextIndex, f: ActionFeatures): CodeAction | undefined {
  const doc = snap.output.document;
  const line = d.range.start.line;
  const title = `禁用本行的 ${d.code} 检查（插入注释）`;
  const prev = doc.directives.find((x) => x.kind === 'disable-next-line' && x.rules.length && x.line === line - 1
    && doc.lines[x.line] && doc.slice([doc.lines[x.line].start, doc.lines[x.line].end]).trim() === doc.slice(x.span));
  let edit: TextEdit;
  if (prev) {
    edit = { range: index.range(prev.rulesEnd, prev.rulesEnd), newText: ` ${d.code}` };
  } else {
    const start = doc.lines[line]?.start ?? 0;
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    edit = { range: index.range(start, start), newText: `<!-- lawreport-lint-disable-next-line ${d.code} -->${eol}` };
  }
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: documentEdit(snap, [edit], f) };
}

/** The edit setting `rule: off` in a config file (as open in the editor, else on disk); undefined when it cannot be read or parsed. */
function configEdit(configFile: string, rule: string, f: ActionFeatures, open: OpenText): WorkspaceEdit | undefined {
  const uri = fileUri(configFile);
  const opened = open(uri);
  let text = opened?.text;
  if (text === undefined) {
    try {
      text = readFileSync(configFile, 'utf8');
    } catch {
      return undefined;
    }
  }
  const edits = disableRuleEdits(text, rule);
  if (!edits) return undefined;
  return f.documentChanges
    ? { documentChanges: [{ textDocument: { uri, version: opened?.version ?? null }, edits }] }
    : { changes: { [uri]: edits } };
}

/** Plain text: switch the rule off in the nearest .lawreport-lint.yaml, creating one next to the draft if there is none. */
function disableInConfig(snap: Snapshot, d: Diagnostic, f: ActionFeatures, open: OpenText): CodeAction | undefined {
  const configFile = snap.linter.config.resolved.configFile;
  if (configFile) {
    const action: CodeAction = { title: `在 ${basename(configFile)} 中关闭规则 ${d.code}`, kind: CodeActionKind.QuickFix, diagnostics: [d] };
    // reading and parsing the config is left to the action the user picks, when the client can resolve
    if (f.resolveEdit) return { ...action, data: { uri: snap.uri, version: snap.version, disable: d.code } satisfies DisableData };
    const edit = configEdit(configFile, d.code, f, open);
    return edit && { ...action, edit };
  }
  if (!snap.path || !f.documentChanges || !f.createFiles) return undefined;
  const uri = fileUri(join(dirname(snap.path), '.lawreport-lint.yaml'));
  const start = { line: 0, character: 0 };
  return {
    title: `新建 .lawreport-lint.yaml 并关闭规则 ${d.code}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: {
      documentChanges: [
        { kind: 'create', uri },
        { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: newConfigText(d.code) }] },
      ],
    },
  };
}
