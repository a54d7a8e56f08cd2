import type { Diagnostic, FileResult } from '../types.js';
import type { FormatContext, ReportFormat } from './context.js';
import { defineFormat } from './report.js';
import type { RuleInfo } from './report-context.js';

/**
 * What must not reach a terminal as it is: C0 controls (ESC starts the sequences
 * that clear the screen, set the window title, write the clipboard with OSC 52
 * or hide text), DEL, the C1 controls (U+009B is a one-character CSI), and the
 * bidirectional overrides that make text read differently from what it is.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${n.toString(16).toUpperCase()}`;
};

/** One field of a line for a terminal: every control character as a visible escape (ESC → \x1B). */
export function visible(s: string): string {
  return s.replace(CONTROL, escape);
}

/** A whole report for a terminal: controls visible, line breaks and tabs kept. */
export function visibleLines(s: string): string {
  return s.replace(CONTROL_BUT_LINES, escape);
}

/** JSON text with C1 controls and bidi overrides as \u escapes (JSON.stringify leaves them raw): the same JSON value. */
export function jsonForTerminal(s: string): string {
  return s.replace(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const d = (x: Diagnostic): Diagnostic => ({
  ...x,
  message: visible(x.message),
  relatedInformation: x.relatedInformation?.map((r) => ({ ...r, message: visible(r.message) })),
  data: x.data && {
    ...x.data,
    help: x.data.help === undefined ? undefined : visible(x.data.help),
    reference: x.data.reference === undefined ? undefined : visible(x.data.reference),
  },
});

/**
 * A draft's result as the terminal formats (stylish, table, checklist) show it:
 * its file name and every text from the draft or a rule file with controls made
 * visible, so colour codes are the only escapes a report writes.
 */
export function visibleResult(r: FileResult): FileResult {
  // almost every draft has nothing to escape: it is passed on as it is, not copied
  if (!needsEscapes(r)) return r;
  return {
    ...r,
    filePath: visible(r.filePath),
    error: r.error && { ...r.error, message: visible(r.error.message) },
    diagnostics: r.diagnostics.map(d),
    summary: r.summary && {
      ...r.summary,
      organ: r.summary.organ === undefined ? undefined : visible(r.summary.organ),
      title: r.summary.title === undefined ? undefined : visible(r.summary.title),
      parts: r.summary.parts.map((p) => ({ ...p, title: visible(p.title) })),
      passes: r.summary.passes.map((p) => ({ ...p, evidence: p.evidence.map((e) => ({ ...e, message: visible(e.message) })) })),
      quotes: r.summary.quotes.map(visible),
      contexts: r.summary.contexts?.map(([before, after]) => [visible(before), visible(after)] as [string, string]),
    },
  };
}

const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function needsEscapes(r: FileResult): boolean {
  const has = (s: string | undefined) => s !== undefined && ANY_CONTROL.test(s);
  if (has(r.filePath) || has(r.error?.message)) return true;
  for (const x of r.diagnostics) {
    if (has(x.message) || has(x.data?.help) || has(x.data?.reference)) return true;
    if (x.relatedInformation?.some((ri) => has(ri.message))) return true;
  }
  const sum = r.summary;
  if (!sum) return false;
  return has(sum.organ) || has(sum.title) || sum.parts.some((p) => has(p.title)) || sum.quotes.some(has)
    || !!sum.contexts?.some(([before, after]) => has(before) || has(after))
    || sum.passes.some((p) => p.evidence.some((e) => has(e.message)));
}

/** The context's words from rule and lexicon files (an office writes those too), made visible. */
export function visibleContext(ctx: FormatContext): FormatContext {
  const rules = ctx.rules && new Map([...ctx.rules].map(([id, info]): [string, RuleInfo] => [visible(id), {
    ...info, summary: visible(info.summary), help: info.help && visible(info.help), reference: info.reference && visible(info.reference),
  }]));
  const report = ctx.report && {
    parts: ctx.report.parts.map((p) => ({ ...p, name: visible(p.name), short: visible(p.short) })),
    checklist: ctx.report.checklist.map((c) => ({ ...c, label: visible(c.label), help: c.help && visible(c.help) })),
  };
  return { ...ctx, rules, report };
}

/**
 * A format for people at a terminal (stylish, compact, table, checklist): fed visible
 * results and context, whether coloured or not, and marked `forTerminal`.
 */
export function forTerminal(format: ReportFormat): ReportFormat {
  return defineFormat({ summary: format.summary, quotes: format.quotes, forTerminal: true }, (ctx, sink) => {
    // the fix command quotes the real file names (src/cli/shell.ts decides what to do with controls)
    const originals = new Map<string, string>();
    const shown = visibleContext(ctx);
    const { fixCommand } = ctx;
    if (fixCommand) shown.fixCommand = (files) => visible(fixCommand(files.map((f) => originals.get(f) ?? f)));
    const w = format(shown, sink);
    return {
      add: (r) => {
        const v = visibleResult(r);
        if (v.filePath !== r.filePath) originals.set(v.filePath, r.filePath);
        w.add(v);
      },
      end: () => w.end(),
    };
  });
}

/**
 * A JSON format whose text, shown on a terminal, never carries a raw C1 control or
 * bidi override (written as \u escapes instead: the same JSON value). Into a file or
 * a program it is written as it is, without scanning every line again.
 */
export function escapedJson(format: ReportFormat): ReportFormat {
  return defineFormat({ summary: format.summary, quotes: format.quotes, forTerminal: format.forTerminal },
    (ctx, sink) => format(ctx, ctx.terminal ? { ...sink, write: (text) => sink.write(jsonForTerminal(text)) } : sink));
}
