import { statSync } from 'node:fs';
import { basename, dirname, isAbsolute } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigError, problemLocation, type ConfigProblem } from '../config/errors.js';
import { CONFIG_NAMES } from '../config/load.js';
import { LinterFactory, type Linter, type LintOutput } from '../linter.js';
import { lintDraft } from '../lint-draft.js';
import type { Diagnostic } from '../types.js';
import { partsSummary, summaryDiagnostic, type PartsSummary } from './lens.js';
import { fileUri, locate } from './uri.js';

/** What the server needs from the client connection; the session never touches the protocol. */
export interface SessionHost {
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  showError(message: string): void;
  /** The parts summary changed: clients that re-request lenses only on demand should do so. */
  summaryChanged(): void;
  log(message: string): void;
}

export interface SessionOptions {
  cwd: string;
  /** Milliseconds between the last edit and the re-lint. */
  debounce: number;
  /** The client shows code lenses; otherwise the parts summary becomes an information diagnostic. */
  codeLens: boolean;
}

/** One open document's lint result, for the version it was computed on. */
export interface Snapshot {
  uri: string;
  version: number;
  text: string;
  path?: string;
  format: 'md' | 'txt';
  linter: Linter;
  output: LintOutput;
  /** Exactly the CLI's diagnostics (relatedInformation pointing at the client's URI). */
  diagnostics: Diagnostic[];
  summary: PartsSummary;
}

interface DocState {
  uri: string;
  path?: string;
  format: 'md' | 'txt';
  timer?: NodeJS.Timeout;
  linter?: Linter;
  loading?: Promise<void>;
  configFile?: string;
  /** The configuration could not be loaded: one diagnostic instead of findings. */
  problems?: ConfigProblem[];
  snapshot?: Snapshot;
  /** TextDocuments follows didOpen with a content event of its own: that one is not an edit. */
  skipChange?: boolean;
  published?: { version: number; linter?: Linter; problems?: ConfigProblem[] };
  /** How long the last lint took: a slow document is re-linted less eagerly. */
  lastMs: number;
  /** Requests waiting for the pending lint of a slow document. */
  waiting: ((snap: Snapshot | undefined) => void)[];
}

/** How a safe fix is applied in an editor, said in a finding's help (the CLI's says --fix). */
export const FIX_HINT = '（可用快速修复一键改正）';

/** A lint slower than this is logged, so a sluggish editor can be explained from the log. */
const SLOW_LINT_MS = 200;
/**
 * A document whose lint takes longer than this (a draft of megabytes) waits at least
 * as long as its last lint (at most MAX_WAIT_MS) after an edit, and requests wait for
 * that lint instead of forcing one per keystroke: the server keeps time to answer.
 */
const SLOW_DOC_MS = 50;
const MAX_WAIT_MS = 2000;

type Documents = { get(uri: string): TextDocument | undefined; all(): TextDocument[] };

/**
 * Open documents and their configurations. Each document keeps the Linter of its
 * nearest `.lawreport-lint.yaml` (compiled once by the LinterFactory); an edit
 * re-parses only that document. Configs are re-read when the client reports a
 * change or when a watched file's mtime moves.
 */
export class Session {
  private readonly states = new Map<string, DocState>();
  private readonly factory: LinterFactory;
  /** Files each loaded configuration was built from, with their mtime and size then ('' when missing). */
  private readonly mtimes = new Map<string, string>();
  /** The last config error shown per configuration, so typing does not repeat the popup. */
  private readonly shown = new Map<string, string>();
  private lastSummary = new Map<string, string>();
  /** Bumped by reloadConfigs, so a load that started before a config change is discarded. */
  private generation = 0;

  constructor(private readonly docs: Documents, private readonly host: SessionHost, readonly options: SessionOptions) {
    this.factory = new LinterFactory({ cwd: options.cwd });
  }

  opened(doc: TextDocument): void {
    this.clear(doc.uri);
    const { path, format } = locate(doc.uri);
    const st: DocState = { uri: doc.uri, path, format, skipChange: true, lastMs: 0, waiting: [] };
    this.states.set(doc.uri, st);
    void this.lint(st);
  }

  changed(doc: TextDocument): void {
    const st = this.states.get(doc.uri);
    if (!st) return;
    if (st.skipChange) {
      st.skipChange = false;
      return;
    }
    const { debounce } = this.options;
    this.schedule(st, st.lastMs > SLOW_DOC_MS ? Math.max(debounce, Math.min(st.lastMs, MAX_WAIT_MS)) : debounce);
  }

  closed(uri: string): void {
    this.clear(uri);
    this.lastSummary.delete(uri);
    this.host.publish(uri, undefined, []);
  }

  private clear(uri: string): void {
    const st = this.states.get(uri);
    if (!st) return;
    if (st.timer) clearTimeout(st.timer);
    this.release(st, undefined);
    this.states.delete(uri);
  }

  private release(st: DocState, snap: Snapshot | undefined): void {
    for (const w of st.waiting.splice(0)) w(snap);
  }

  private schedule(st: DocState, delay: number): void {
    if (st.timer) clearTimeout(st.timer);
    st.timer = undefined;
    if (delay <= 0 && st.linter) {
      this.lintSync(st);
      return;
    }
    st.timer = setTimeout(() => {
      st.timer = undefined;
      void this.lint(st);
    }, Math.max(0, delay));
  }

  /** Lints the document's current text (loading its configuration first if needed) and publishes. */
  private async lint(st: DocState): Promise<void> {
    try {
      if (!st.linter && !st.problems) await this.load(st);
      if (this.states.get(st.uri) !== st) return; // closed while the config loaded
      this.lintSync(st);
    } catch (err) {
      this.host.log(`检查 ${st.uri} 时出错：${(err as Error).stack ?? err}`);
      this.release(st, undefined);
    }
  }

  private lintSync(st: DocState): void {
    const doc = this.docs.get(st.uri);
    if (!doc) return;
    if (st.problems) {
      this.release(st, undefined);
      if (st.published?.version === doc.version && st.published.problems === st.problems) return;
      st.published = { version: doc.version, problems: st.problems };
      this.host.publish(st.uri, doc.version, [configDiagnostic(st.problems, doc)]);
      return;
    }
    const snap = this.compute(st, doc);
    this.release(st, snap);
    if (!snap) return;
    if (st.published?.version === snap.version && st.published.linter === snap.linter) return;
    st.published = { version: snap.version, linter: snap.linter };
    this.host.publish(st.uri, snap.version, this.options.codeLens ? snap.diagnostics : [...snap.diagnostics, summaryDiagnostic(snap.summary)]);
    if (this.lastSummary.get(st.uri) !== snap.summary.text) {
      this.lastSummary.set(st.uri, snap.summary.text);
      this.host.summaryChanged();
    }
  }

  /** The snapshot for the document's current version, computed now if the last one is stale. */
  private compute(st: DocState, doc: TextDocument): Snapshot | undefined {
    const linter = st.linter;
    if (!linter) return undefined;
    if (st.snapshot && st.snapshot.version === doc.version && st.snapshot.linter === linter) return st.snapshot;
    const started = performance.now();
    const text = doc.getText();
    const { output } = lintDraft(linter, { path: st.path ?? '', text }, { filePath: st.path, format: st.format, summary: false, fixHint: FIX_HINT });
    const ms = performance.now() - started;
    st.lastMs = ms;
    if (ms > SLOW_LINT_MS) this.host.log(`检查 ${st.path ?? st.uri}（${text.length} 字符）用时 ${Math.round(ms)} 毫秒`);
    st.snapshot = {
      uri: st.uri, version: doc.version, text, path: st.path, format: st.format, linter, output,
      diagnostics: pointAt(output, st.uri),
      summary: partsSummary(output.document, linter.config.builder.vocabulary),
    };
    return st.snapshot;
  }

  /**
   * The current snapshot of an open document, for requests (code actions, hover,
   * outline). Undefined for unknown documents and while the configuration is broken.
   */
  async snapshot(uri: string): Promise<Snapshot | undefined> {
    const st = this.states.get(uri);
    if (!st) return undefined;
    if (!st.linter && !st.problems) await this.load(st);
    const doc = this.docs.get(uri);
    if (!doc || this.states.get(uri) !== st) return undefined;
    const stale = st.snapshot?.version !== doc.version;
    if (stale && st.timer && st.lastMs > SLOW_DOC_MS) return new Promise((resolve) => st.waiting.push(resolve));
    const snap = this.compute(st, doc);
    // a request caught the document between an edit and its debounced lint: publish now
    if (stale && snap) {
      if (st.timer) clearTimeout(st.timer);
      st.timer = undefined;
      this.lintSync(st);
    }
    return snap;
  }

  private load(st: DocState): Promise<void> {
    const generation = this.generation;
    st.loading ??= (async () => {
      const configFile = this.factory.configFileFor(st.path);
      st.configFile = configFile;
      if (configFile) this.remember(configFile);
      try {
        const linter = await this.factory.forFile(st.path, st.format);
        if (generation !== this.generation) return;
        for (const f of linter.config.resolved.files) this.remember(f);
        st.linter = linter;
        st.problems = undefined;
        this.shown.delete(configFile ?? '');
      } catch (err) {
        if (generation !== this.generation) return;
        const problems: ConfigProblem[] = err instanceof ConfigError
          ? err.problems
          : [{ file: configFile ?? '（内置配置）', message: `无法加载配置：${(err as Error).message}` }];
        if (!(err instanceof ConfigError)) this.host.log(`加载配置失败：${(err as Error).stack ?? err}`);
        for (const p of problems) if (isAbsolute(p.file)) this.remember(p.file);
        st.problems = problems;
        const message = configMessage(problems, configFile);
        if (this.shown.get(configFile ?? '') !== message) {
          this.shown.set(configFile ?? '', message);
          this.host.showError(message);
        }
      } finally {
        if (generation === this.generation) st.loading = undefined;
      }
    })();
    return st.loading;
  }

  private remember(file: string): void {
    if (!this.mtimes.has(file)) this.mtimes.set(file, mtimeOf(file));
  }

  /**
   * Whether a changed file can change a configuration: one that a configuration was
   * read from, a new file beside one (an office's rule in its rulesDir), or a config
   * file that may now be a draft's nearest. Other YAML in the workspace (CI, compose
   * files…) recompiles nothing.
   */
  concernsConfig(path: string): boolean {
    if (CONFIG_NAMES.includes(basename(path)) || this.mtimes.has(path)) return true;
    const dir = dirname(path);
    for (const f of this.mtimes.keys()) if (dirname(f) === dir) return true;
    return false;
  }

  /**
   * For clients without file watching (and files outside the workspace): did any
   * configuration file change, or does a document now have a different nearest config?
   */
  pollConfigs(): boolean {
    let changed = false;
    for (const [file, mtime] of this.mtimes) if (mtimeOf(file) !== mtime) changed = true;
    for (const st of this.states.values()) {
      if ((st.linter || st.problems) && this.factory.configFileFor(st.path) !== st.configFile) changed = true;
    }
    if (changed) this.reloadConfigs();
    return changed;
  }

  /** Forgets every compiled configuration and re-lints the open documents. */
  reloadConfigs(): void {
    this.factory.invalidate();
    this.mtimes.clear();
    this.generation++;
    for (const st of this.states.values()) {
      st.loading = undefined;
      st.linter = undefined;
      st.problems = undefined;
      st.configFile = undefined;
      if (st.timer) clearTimeout(st.timer);
      st.timer = undefined;
      void this.lint(st);
    }
  }

  setDebounce(ms: number): void {
    this.options.debounce = ms;
  }

  dispose(): void {
    for (const st of this.states.values()) {
      if (st.timer) clearTimeout(st.timer);
      this.release(st, undefined);
    }
    this.states.clear();
  }
}

function mtimeOf(file: string): string {
  try {
    const s = statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return '';
  }
}

/**
 * The engine names the draft by its path; an untitled buffer, or a client that
 * spells the file URI differently, gets its own URI back in relatedInformation.
 */
function pointAt(output: LintOutput, uri: string): Diagnostic[] {
  const own = output.uri;
  if (own === uri) return output.diagnostics;
  return output.diagnostics.map((d) => d.relatedInformation
    ? { ...d, relatedInformation: d.relatedInformation.map((r) => (r.location.uri === own ? { ...r, location: { ...r.location, uri } } : r)) }
    : d);
}

function configMessage(problems: ConfigProblem[], configFile?: string): string {
  const first = problems[0];
  const more = problems.length > 1 ? `（另有 ${problems.length - 1} 个问题）` : '';
  return `lawreport-lint：配置${configFile ? ` ${configFile} ` : ''}有误，暂停检查：${problemLocation(first)} ${first.message}${more}。修改保存后会自动重新检查。`;
}

/** A broken configuration: one error on the document's first line, pointing at each problem. */
function configDiagnostic(problems: ConfigProblem[], doc: TextDocument): Diagnostic {
  const firstLine = doc.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
  const first = problems[0];
  const related = problems.filter((p) => isAbsolute(p.file)).map((p) => ({
    location: {
      uri: fileUri(p.file),
      range: { start: { line: Math.max(0, (p.line ?? 1) - 1), character: Math.max(0, (p.column ?? 1) - 1) }, end: { line: Math.max(0, (p.line ?? 1) - 1), character: Math.max(0, (p.column ?? 1) - 1) } },
    },
    message: p.hint ? `${p.message}（提示：${p.hint}）` : p.message,
  }));
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
    severity: 1,
    code: 'config-error',
    source: 'lawreport-lint',
    message: `配置有误，未检查这份稿件：${problemLocation(first)} ${first.message}${problems.length > 1 ? `（共 ${problems.length} 个问题）` : ''}`,
    ...(related.length ? { relatedInformation: related } : {}),
    data: { help: first.hint ?? '修改配置文件并保存，稿件会自动重新检查。' },
  };
}
