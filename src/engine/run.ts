import type { CompiledRule, Diagnostic, Finding, MessageData, Note, PassEvidence, Range, ReportDocument, Severity, Span } from '../types.js';
import { RULE_TIME_LIMIT_MS, RuleTimeout, withBudget } from './budget.js';

/**
 * Findings one rule reports on one draft, at most. A real draft has a few dozen
 * per rule; a generated one can have one per character (a million trailing
 * spaces), and a million diagnostics took 20 s and 2.6 GB. Past this many the
 * rule stops, and one more diagnostic says how many were listed.
 */
export const MAX_FINDINGS_PER_RULE = 2000;

/** Thrown by `report` to stop a rule that has reported enough. */
class Enough extends Error {}
import { applyDirectives } from './directives.js';
import { fixHint } from './fix-hint.js';
import { interpolate } from './interpolate.js';
import { sortDiagnostics } from './order.js';

export interface RunOptions {
  previous?: ReportDocument;
  reportUnusedDirectives?: boolean;
  /** Throw on a bad span instead of reporting internal-error (tests). */
  strict?: boolean;
  /**
   * Collect the checks' evidence (for summaries and the checklist); default true.
   * 'presence': only that there is some (each PassEvidence with message ''), for
   * verdicts: filling every evidence message cost ~6% of a cold batch.
   */
  evidence?: boolean | 'presence';
  /**
   * A file's URL on the host the drafts and rules were read from (ConfigHost.fileUrl):
   * related locations name the draft by it, and a rule's documentation link is its
   * file's. Without it, a draft is `untitled:` and rules have no link.
   */
  fileUrl?: FileUrl;
  /**
   * Link each diagnostic to its rule file (`codeDescription.href`, a file: URL of this
   * machine); default true. An editor opens it; a report that leaves the machine (the
   * CLI's) carries the rule's help and reference instead, and a dead link would mislead.
   */
  ruleLinks?: boolean;
  /**
   * How a safe fix is applied where the findings are read, put into their help:
   * default the CLI's, by the draft's format (engine/fix-hint.ts); an editor says “快速修复”.
   */
  fixHint?: string;
  /** What reading the draft found (bytes that did not decode), reported with the findings. */
  notes?: readonly Note[];
}

export type FileUrl = (path: string) => string;

export interface RunResult {
  diagnostics: Diagnostic[];
  evidence: { rule: string; evidence: PassEvidence[] }[];
}

// A draft's URI, built once: every related location carries it, and pathToFileURL
// per location was 4% of a batch.
const uris = new WeakMap<ReportDocument, string>();
export function documentUri(doc: ReportDocument, fileUrl: FileUrl | undefined): string {
  let uri = uris.get(doc);
  if (uri === undefined) uris.set(doc, (uri = uriOf(doc.path, fileUrl)));
  return uri;
}

function uriOf(path: string | undefined, fileUrl: FileUrl | undefined): string {
  if (!path) return 'untitled:draft';
  try {
    if (fileUrl) return fileUrl(path);
  } catch {
    // not a path this host can name
  }
  return `untitled:${path}`;
}

function toRange(doc: ReportDocument, span: Span): Range {
  return { start: doc.positionAt(span[0]), end: doc.positionAt(span[1]) };
}

function validSpan(doc: ReportDocument, span: unknown): span is Span {
  return Array.isArray(span) && span.length === 2 && Number.isInteger(span[0]) && Number.isInteger(span[1])
    && span[0] >= 0 && span[0] <= span[1] && span[1] <= doc.text.length;
}

/** The first span of a finding (its own, its edits', its related places in this document) outside the text. */
function badSpan(doc: ReportDocument, f: Finding): unknown {
  if (!validSpan(doc, f.span)) return f.span;
  for (const e of f.fix?.edits ?? []) if (!validSpan(doc, e.span)) return e.span;
  for (const r of f.related ?? []) if (!r.document && !validSpan(doc, r.span)) return r.span;
  return undefined;
}

/**
 * Runs every compiled rule over one document. A rule that throws or reports a
 * bad span becomes one `internal-error` diagnostic naming the rule, never a crash;
 * a rule past its time limit (an office pattern too slow for this draft) stops
 * and becomes one `rule-timeout` diagnostic, and the other rules still run.
 */
export function runRules(doc: ReportDocument, rules: readonly CompiledRule[], options: RunOptions = {}): RunResult {
  const out: Diagnostic[] = [];
  const evidence: RunResult['evidence'] = [];
  const anchor: Span = doc.title?.span ?? doc.paragraphs[0]?.span ?? [0, 0];
  const withEvidence = options.evidence !== false;
  const wordless = options.evidence === 'presence';
  for (const rule of rules) {
    const { def } = rule;
    const passes: PassEvidence[] = [];
    const findings: Finding[] = [];
    try {
      let enough = false;
      try {
        withBudget(RULE_TIME_LIMIT_MS, () => rule.check({
          doc, previous: options.previous,
          report: (f) => {
            if (findings.length >= MAX_FINDINGS_PER_RULE) throw new Enough();
            findings.push(f);
          },
          pass: !withEvidence ? undefined
            : wordless ? () => passes.push(PRESENT)
              : (e) => passes.push({ span: e.span, message: fill(def, messageOf(def, e.messageId) ?? def.summary, e.data, doc.reportKind.words) }),
        }));
      } catch (err) {
        if (!(err instanceof Enough)) throw err;
        enough = true;
      }
      for (const f of findings) {
        const bad = badSpan(doc, f);
        if (bad) throw new Error(`报告的位置超出文本范围：${JSON.stringify(bad)}`);
        out.push(toDiagnostic(doc, rule, f, options));
      }
      if (enough) {
        const last = findings[findings.length - 1].span;
        out.push({
          range: toRange(doc, [last[1], last[1]]),
          severity: 3,
          code: 'too-many-findings',
          source: 'lawreport-lint',
          message: `规则 ${def.id} 在这份稿件中的问题超过 ${MAX_FINDINGS_PER_RULE} 处，只列出了前 ${MAX_FINDINGS_PER_RULE} 处，此后的没有检查`,
          data: { help: '改正已列出的问题后再检查一次；--fix 一次最多修复每条规则的前这些处，可再运行一次', ruleType: def.type },
        });
      }
    } catch (err) {
      if (err instanceof RuleTimeout) {
        passes.length = 0;
        out.push({
          range: toRange(doc, anchor),
          severity: 2,
          code: 'rule-timeout',
          source: 'lawreport-lint',
          message: `规则 ${def.id} 在这份稿件上${err.message}，已停止，没有报告它的结果；其余规则照常检查`,
          data: { help: '这条规则的正则表达式在这份稿件上太慢：请简化它（如 (.*a){20}、(a+){1,1000} 这类重复套重复的写法），或向规则的编写单位反映', ruleType: def.type },
        });
        continue;
      }
      if (options.strict) throw err;
      out.push({
        range: toRange(doc, anchor),
        severity: 1,
        code: 'internal-error',
        source: 'lawreport-lint',
        message: `规则 ${def.id} 运行出错，已跳过：${(err as Error).message}`,
        data: { help: '这是 lawreport-lint 的缺陷，请附上这份稿件报告问题。', ruleType: def.type },
      });
    }
    if (passes.length && !findings.length) evidence.push({ rule: def.id, evidence: passes });
  }
  for (const n of options.notes ?? []) out.push(noteDiagnostic(doc, n));
  const { kept, unused } = applyDirectives(doc, out);
  if (options.reportUnusedDirectives) {
    for (const d of unused) {
      if (d.kind === 'range') {
        // a Word comment is not text: no fix can remove it
        kept.push({
          range: toRange(doc, d.span),
          severity: 2,
          code: 'unused-disable-directive',
          source: 'lawreport-lint',
          message: `Word 批注中的禁用指令没有屏蔽任何问题（${d.rules.length ? d.rules.join('、') : '全部规则'}），可以删除这条批注`,
          data: { help: '在 Word 或 WPS 中右击该批注，选择“删除批注”。' },
        });
        continue;
      }
      kept.push({
        range: toRange(doc, d.span),
        severity: 2,
        code: 'unused-disable-directive',
        source: 'lawreport-lint',
        message: d.rules.length
          ? `禁用注释没有屏蔽任何问题（${d.rules.join('、')}），可以删除`
          : '禁用注释没有屏蔽任何问题，可以删除',
        data: {
          fix: { title: '删除这条禁用注释', safe: true, edits: [{ range: toRange(doc, d.span), newText: '' }] },
        },
      });
    }
  }
  return { diagnostics: sortDiagnostics(kept), evidence };
}

export function noteDiagnostic(doc: ReportDocument, n: Note): Diagnostic {
  const d: Diagnostic = { range: toRange(doc, n.span), severity: n.severity, code: n.code, source: 'lawreport-lint', message: n.message };
  if (n.help) d.data = { help: n.help };
  return d;
}

/** A rule's message by id: an own entry only (a `messageId: constructor` names none). */
function messageOf(def: CompiledRule['def'], id: string): string | undefined {
  return Object.hasOwn(def.messages, id) ? def.messages[id] : undefined;
}

type Values = Record<string, string | number> | undefined;

/**
 * `data` with the values the rule file words (a Worded: “无”, “开头”) put in: each
 * its message, filled from its own data, then from the rest of `data`.
 */
function worded(def: CompiledRule['def'], data: MessageData | undefined, kindWords: Readonly<Record<string, string>>): Values {
  let plain: Values;
  for (const k in data) {
    const v = data[k];
    if (typeof v !== 'object') continue;
    plain ??= { ...(data as Record<string, string | number>) };
    plain[k] = interpolate(messageOf(def, v.messageId) ?? '', { ...plain, ...v.data }, kindWords);
  }
  return plain ?? (data as Values);
}

/** A template filled from `data` (its worded values put in), then from the report kind's words. */
function fill(def: CompiledRule['def'], template: string, data: MessageData | undefined, kindWords: Readonly<Record<string, string>>): string {
  return interpolate(template, worded(def, data, kindWords), kindWords);
}

// A rule's documentation link, built once: a URL per diagnostic was a visible share of a batch.
const hrefs = new WeakMap<CompiledRule['def'], string | undefined>();
function ruleHref(def: CompiledRule['def'], fileUrl: FileUrl | undefined): string | undefined {
  if (!hrefs.has(def)) hrefs.set(def, def.file && fileUrl ? fileUrl(def.file) : undefined);
  return hrefs.get(def);
}

/** Evidence recorded for its presence alone (RunOptions.evidence 'presence'). */
const PRESENT: PassEvidence = Object.freeze({ message: '' });

/** A finding's `severity` caps the rule's: a finding the model is not sure of is never an error. */
const CAP: Record<NonNullable<Finding['severity']>, Severity> = { warning: 2, info: 3 };

/**
 * Help texts with a fix hint put in: one string per help and hint, not one per comma a
 * draft has. Keyed by hint, then help, so a lookup builds no key string.
 */
const hinted = new Map<string, Map<string, string>>();

/** “删除多余的空格（…可自动修复）。”: the hint goes inside the help's sentence. */
function withFixHint(help: string, hint: string): string {
  let byHelp = hinted.get(hint);
  if (!byHelp) hinted.set(hint, (byHelp = new Map()));
  let out = byHelp.get(help);
  if (out === undefined) {
    out = help.endsWith('。') ? `${help.slice(0, -1)}${hint}。` : help + hint;
    if (byHelp.size < 10_000) byHelp.set(help, out); // help texts come from rule files: bounded anyway
  }
  return out;
}

function toDiagnostic(doc: ReportDocument, rule: CompiledRule, f: Finding, { previous, fileUrl, ruleLinks, fixHint: hint }: RunOptions): Diagnostic {
  const { def } = rule;
  const messageId = f.messageId ?? 'default';
  const template = messageOf(def, messageId) ?? (f.messageId ? messageOf(def, 'default') : undefined) ?? def.summary;
  const kindWords = doc.reportKind.words;
  // the finding's data with its worded values put in, once for the message, the related places, the fix title and help
  const values = worded(def, f.data, kindWords);
  const d: Diagnostic = {
    range: toRange(doc, f.span),
    severity: f.severity ? (Math.max(rule.severity, CAP[f.severity]) as Severity) : rule.severity,
    code: def.id,
    source: 'lawreport-lint',
    message: interpolate(template, values, kindWords),
  };
  const href = ruleLinks === false ? undefined : ruleHref(def, fileUrl);
  if (href) d.codeDescription = { href };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => {
      const target = r.document === 'previous' && previous ? previous : doc;
      const message = r.messageId ? fill(def, messageOf(def, r.messageId) ?? def.summary, r.data ? { ...values, ...r.data } : values, kindWords) : r.message ?? '';
      return { location: { uri: documentUri(target, fileUrl), range: toRange(target, r.span) }, message };
    });
  }
  const data: NonNullable<Diagnostic['data']> = { ruleType: def.type, messageId };
  if (f.fix) {
    // the rule file words every fix title its options use (checked when it loads)
    const title = f.fix.title ?? messageOf(def, f.fix.messageId ?? 'fix') ?? '修复';
    data.fix = {
      title: f.fix.data ? fill(def, title, { ...values, ...f.fix.data }, kindWords) : interpolate(title, values, kindWords),
      safe: f.fix.safe,
      // most fixes replace what the finding covers: that range, not a second one the same
      edits: f.fix.edits.map((e) => ({ range: e.span === f.span ? d.range : toRange(doc, e.span), newText: e.text })),
    };
  }
  if (def.help) data.help = interpolate(def.help, values, kindWords);
  if (f.fix?.safe) data.help = withFixHint(data.help ?? '', hint ?? fixHint(doc.format));
  const reference = f.reference ?? def.reference;
  if (reference) data.reference = reference;
  d.data = data;
  return d;
}
