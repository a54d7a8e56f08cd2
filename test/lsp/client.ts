/**
 * A real LSP client for the end-to-end tests: spawns the built CLI
 * (`lawreport-lint lsp --stdio`) and speaks JSON-RPC to it over the child's stdio.
 * Every wait is bounded, so a hung server fails a test instead of the run.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRefreshRequest,
  createProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'lawreport-lint.js');

/** Capabilities of a full-featured editor (VS Code-like). */
export const FULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeLens: {},
  },
  workspace: {
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    didChangeWatchedFiles: { dynamicRegistration: true },
    codeLens: { refreshSupport: true },
  },
};

export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`超时（${ms} 毫秒）：${what}`)), ms);
    }),
  ]);
}

export const uriOf = (path: string) => pathToFileURL(path).href;

export class LspClient {
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly registrations: unknown[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private waiters: (() => void)[] = [];

  private constructor(readonly child: ChildProcessWithoutNullStreams, readonly conn: ProtocolConnection) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      this.stderr += s;
      this.wake();
    });
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.publishes.push(p);
      this.wake();
    });
    conn.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
      this.wake();
    });
    conn.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
    });
    conn.onRequest(CodeLensRefreshRequest.type, () => undefined);
    conn.listen();
  }

  static async start(options: { cwd: string; capabilities?: ClientCapabilities; initializationOptions?: unknown; args?: string[] }): Promise<LspClient> {
    const child = spawn(process.execPath, [BIN, 'lsp', '--stdio', ...(options.args ?? [])], { cwd: options.cwd, stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, conn);
    await within(conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(options.cwd),
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
      workspaceFolders: [{ uri: uriOf(options.cwd), name: 'drafts' }],
    }), 20_000, 'initialize');
    await conn.sendNotification('initialized', {});
    return client;
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves with what `find` finds, now or after a later publish, message or line on stderr. */
  waitFor<T>(find: () => T | undefined, ms: number, what: string): Promise<T> {
    const attempt = (resolve: (v: T) => void) => {
      const found = find();
      if (found !== undefined) resolve(found);
      else this.waiters.push(() => attempt(resolve));
    };
    return within(new Promise<T>(attempt), ms, what);
  }

  diagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, ms = 15_000): Promise<PublishDiagnosticsParams> {
    return this.waitFor(() => [...this.publishes].reverse().find((p) => p.uri === uri && accept(p)), ms, `publishDiagnostics ${uri}`);
  }

  /** Publishes for `uri` received after `since` (an index into `publishes`). */
  publishedSince(uri: string, since: number): PublishDiagnosticsParams[] {
    return this.publishes.slice(since).filter((p) => p.uri === uri);
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Sends edits that are all relative to the current text, last first, as incremental changes. */
  change(uri: string, version: number, edits: readonly TextEdit[]): Promise<void> {
    const ordered = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    return this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: ordered.map((e) => ({ range: e.range, text: e.newText })),
    });
  }

  request<R>(method: string, params: unknown, ms = 15_000): Promise<R> {
    return within(this.conn.sendRequest(method, params) as Promise<R>, ms, method);
  }

  async stop(): Promise<number | null> {
    await this.request('shutdown', undefined);
    await this.conn.sendNotification('exit');
    return within(this.exited, 10_000, 'exit');
  }

  kill(): void {
    this.conn.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
