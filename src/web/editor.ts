/**
 * The draft's text in CodeMirror 6, with the findings as @codemirror/lint
 * diagnostics: underlined at their exact ranges in their severity's colour, a
 * gutter mark per line, a hover with the details and the fix.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { forEachDiagnostic, lintGutter, lintKeymap, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import type { DraftLint } from '../lint-draft.js';
import type { Diagnostic, Position } from '../types.js';

const CM_SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

export interface EditorEvents {
  /** The drafter changed the text. */
  changed(): void;
  /** The cursor or a click landed at `pos` without changing the text. */
  moved(pos: number): void;
}

export class DraftEditor {
  readonly view: EditorView;
  private readonly extensions: Extension[];

  constructor(parent: HTMLElement, events: EditorEvents) {
    this.view = new EditorView({ parent });
    this.extensions = [
      lineNumbers(),
      // control characters Word leaves behind show as marks, not as nothing
      highlightSpecialChars(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      keymap.of([...defaultKeymap, ...historyKeymap, ...lintKeymap]),
      lintGutter(),
      EditorView.contentAttributes.of({ 'aria-label': '稿件全文', lang: 'zh-CN' }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) events.changed();
        else if (u.selectionSet) events.moved(u.state.selection.main.head);
      }),
    ];
  }

  /** A new editor state for a draft's text (read-only when the draft could not be read). */
  stateFor(text: string, readOnly: boolean): EditorState {
    return EditorState.create({ doc: text, extensions: [...this.extensions, EditorState.readOnly.of(readOnly)] });
  }

  /** The text with the file's own line breaks: what is linted, fixed and downloaded. */
  text(lineBreak: string, state = this.view.state): string {
    return state.doc.sliceString(0, state.doc.length, lineBreak);
  }

  /** Replaces the text, changing only what differs (the cursor and undo history stay useful). */
  replaceText(next: string, lineBreak: string): void {
    const a = this.text('\n');
    const b = next.split(lineBreak).join('\n');
    if (a === b) return;
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let end = 0;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    this.view.dispatch({ changes: { from: start, to: a.length - end, insert: b.slice(start, b.length - end) }, userEvent: 'input.fix' });
  }

  /**
   * Puts the findings on the text. `details` renders a finding's hover, `fix` its
   * action (the index is the finding's in `linted`).
   */
  show(linted: DraftLint | undefined, details: (i: number) => Node, fix: (i: number) => { name: string; apply(): void } | undefined): void {
    const doc = this.view.state.doc;
    const diagnostics: CmDiagnostic[] = (linted?.output.diagnostics ?? []).map((d, i) => {
      const from = offsetIn(doc, d.range.start);
      const action = fix(i);
      return {
        from,
        to: Math.max(from, offsetIn(doc, d.range.end)),
        severity: CM_SEVERITY[d.severity],
        source: d.code,
        message: d.message,
        renderMessage: () => details(i),
        actions: action ? [{ name: action.name, apply: () => action.apply() }] : [],
      };
    });
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /** Selects a range of the linted text (model positions) and scrolls it into view. */
  select(range: Diagnostic['range'], y: 'center' | 'start' = 'center'): void {
    const doc = this.view.state.doc;
    const from = offsetIn(doc, range.start);
    const to = Math.max(from, offsetIn(doc, range.end));
    this.view.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y }) });
    this.view.focus();
  }

  /** The index in `linted` of a finding whose underline covers `pos`. */
  findingAt(linted: DraftLint, pos: number): number {
    let code: string | undefined;
    forEachDiagnostic(this.view.state, (d, from, to) => {
      if (code === undefined && from <= pos && pos <= to) code = d.source;
    });
    if (code === undefined) return -1;
    const doc = this.view.state.doc;
    return linted.output.diagnostics.findIndex((d) => {
      const from = offsetIn(doc, d.range.start);
      return d.code === code && from <= pos && pos <= Math.max(from, offsetIn(doc, d.range.end));
    });
  }
}

/** A model position (line, UTF-16 character) in the editor: the same lines, as CodeMirror splits on \n, \r\n and \r too. */
function offsetIn(doc: Text, p: Position): number {
  if (p.line >= doc.lines) return doc.length;
  const line = doc.line(p.line + 1);
  return Math.min(line.from + p.character, line.to);
}
