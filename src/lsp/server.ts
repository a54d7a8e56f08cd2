/**
 * `lawreport-lint lsp --stdio`: the language server. This file wires the protocol
 * to the session (documents and configs), actions, hover, outline and lens modules;
 * none of them knows about JSON-RPC. stdout carries the protocol, so every log line
 * goes to stderr.
 */
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeParams,
  type InitializeResult,
  type WatchDog,
} from 'vscode-languageserver';
import { createProtocolConnection, StreamMessageWriter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { VERSION } from '../present/version.js';
import { codeActions, FIX_ALL_KIND, resolveAction, type ActionFeatures } from './actions.js';
import { hoverFor } from './hover.js';
import { RecoveringMessageReader } from './reader.js';
import { summaryLens } from './lens.js';
import { Session } from './session.js';
import { outline } from './symbols.js';
import { locate } from './uri.js';

const DEFAULT_DEBOUNCE_MS = 150;
/** How often config files' mtimes are compared, for clients that do not watch files. */
const POLL_MS = 1500;

interface ServerArgs { debounce?: number; clientProcessId?: number }

const USAGE = `用法：lawreport-lint lsp [--stdio] [--debounce 毫秒]

启动语言服务器（Language Server Protocol，经标准输入输出通信）。编辑器插件会自动传入 --stdio。
  --debounce 毫秒   停止输入多久后重新检查，默认 ${DEFAULT_DEBOUNCE_MS}（也可在 initializationOptions.debounce 中设置）
`;

function parseServerArgs(args: string[]): ServerArgs | { exit: number } {
  const out: ServerArgs = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => inline ?? args[++i];
    if (flag === '--stdio') continue;
    if (flag === '-h' || flag === '--help') {
      process.stdout.write(USAGE);
      return { exit: 0 };
    }
    if (flag === '--debounce') {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0) {
        process.stderr.write(`lawreport-lint lsp: --debounce 应为非负的毫秒数\n${USAGE}`);
        return { exit: 2 };
      }
      out.debounce = n;
    } else if (flag === '--clientProcessId') {
      const n = Number(value());
      if (Number.isInteger(n)) out.clientProcessId = n;
    } else if (['--node-ipc', '--socket', '--pipe', '--port'].includes(flag)) {
      process.stderr.write(`lawreport-lint lsp: 只支持经标准输入输出通信（--stdio），不支持 ${flag}\n`);
      return { exit: 2 };
    } else {
      process.stderr.write(`lawreport-lint lsp: 忽略未知参数 ${args[i]}\n`);
    }
  }
  return out;
}

function log(message: string): void {
  process.stderr.write(`[lawreport-lint lsp ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

/** Anything that writes to the console must not corrupt the protocol on stdout. */
function consoleToStderr(): void {
  const write = (...a: unknown[]) => log(a.map((x) => (typeof x === 'string' ? x : x instanceof Error ? x.stack ?? x.message : JSON.stringify(x))).join(' '));
  console.log = write;
  console.info = write;
  console.debug = write;
  console.warn = write;
  console.error = write;
}

function debounceFrom(options: unknown): number | undefined {
  const n = (options as { debounce?: unknown } | null | undefined)?.debounce;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** `initializationOptions.summaryDiagnostic: true`: the parts summary as a diagnostic even where lenses exist (Neovim shows lenses only on request). */
function summaryDiagnosticWanted(options: unknown): boolean {
  return (options as { summaryDiagnostic?: unknown } | null | undefined)?.summaryDiagnostic === true;
}

function features(c: ClientCapabilities) {
  const td = c.textDocument;
  const ws = c.workspace;
  const actions: ActionFeatures = {
    documentChanges: !!ws?.workspaceEdit?.documentChanges,
    createFiles: !!ws?.workspaceEdit?.resourceOperations?.includes('create'),
    resolveEdit: !!td?.codeAction?.dataSupport && !!td.codeAction.resolveSupport?.properties.includes('edit'),
  };
  return {
    actions,
    codeLens: !!td?.codeLens,
    codeLensRefresh: !!ws?.codeLens?.refreshSupport,
    hierarchicalSymbols: !!td?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    markdownHover: td?.hover?.contentFormat ? td.hover.contentFormat.includes('markdown') : false,
    watchFiles: !!ws?.didChangeWatchedFiles?.dynamicRegistration,
  };
}

function workspaceRoot(params: InitializeParams): string {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  const path = uri ? locate(uri).path : params.rootPath ?? undefined;
  return path ?? process.cwd();
}

/**
 * Runs the server until the client sends `exit` (or closes stdin); resolves with
 * the exit code: 0 after shutdown + exit, 1 when exit came without shutdown.
 */
export function startServer(args: string[]): Promise<number> {
  const parsed = parseServerArgs(args);
  if ('exit' in parsed) return Promise.resolve(parsed.exit);
  consoleToStderr();
  // An editor's server must outlive its own bugs: log them and keep serving.
  process.on('unhandledRejection', (err) => log(`未处理的异常：${(err as Error)?.stack ?? err}`));
  process.on('uncaughtException', (err) => log(`未捕获的异常：${err?.stack ?? err}`));

  return new Promise<number>((resolveExit) => {
    const timers: NodeJS.Timeout[] = [];
    let finished = false;
    const watchParent = (pid: number) => {
      const t = setInterval(() => {
        try {
          process.kill(pid, 0);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EPERM') {
            log(`编辑器进程 ${pid} 已退出，语言服务器随之退出`);
            finish(watchDog.shutdownReceived ? 0 : 1);
          }
        }
      }, 3000);
      t.unref();
      timers.push(t);
    };
    const watchDog: WatchDog = {
      shutdownReceived: false,
      initialize: (params) => {
        if (typeof params.processId === 'number' && params.processId !== process.pid) watchParent(params.processId);
      },
      exit: (code) => finish(code),
    };
    if (parsed.clientProcessId !== undefined) watchParent(parsed.clientProcessId);

    const connection = createConnection(
      () => createProtocolConnection(new RecoveringMessageReader(process.stdin, log), new StreamMessageWriter(process.stdout), {
        error: (m) => log(m), warn: (m) => log(m), info: (m) => log(m), log: (m) => log(m),
      }),
      watchDog,
    );
    const documents = new TextDocuments(TextDocument);
    let session: Session | undefined;
    let client = features({});

    function finish(code: number): void {
      if (finished) return;
      finished = true;
      for (const t of timers) clearInterval(t);
      session?.dispose();
      try {
        connection.dispose();
      } catch {
        // already closed by the client
      }
      process.stdin.pause();
      process.stdin.destroy();
      resolveExit(code);
      // Should some handle outlive the connection, do not hang the editor's shutdown.
      setTimeout(() => process.exit(code), 1000).unref();
    }
    process.stdin.on('end', () => finish(watchDog.shutdownReceived ? 0 : 1));
    process.stdin.on('close', () => finish(watchDog.shutdownReceived ? 0 : 1));

    /** A failing handler logs and answers `fallback`: one bad request never takes the server down. */
    const guard = <P, R>(name: string, fallback: R, fn: (p: P) => R | Promise<R>) => async (p: P): Promise<R> => {
      try {
        return await fn(p);
      } catch (err) {
        log(`${name} 处理失败：${(err as Error)?.stack ?? err}`);
        return fallback;
      }
    };

    connection.onInitialize((params): InitializeResult => {
      client = features(params.capabilities ?? {});
      const debounce = debounceFrom(params.initializationOptions) ?? parsed.debounce ?? DEFAULT_DEBOUNCE_MS;
      const cwd = workspaceRoot(params);
      session = new Session(documents, {
        publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }).then(undefined, (err) => log(`发布诊断失败：${err?.message ?? err}`)),
        showError: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }).then(undefined, () => undefined),
        summaryChanged: () => {
          if (client.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).then(undefined, () => undefined);
        },
        log,
      }, { cwd, debounce, codeLens: client.codeLens && !summaryDiagnosticWanted(params.initializationOptions) });
      log(`lawreport-lint ${VERSION} 语言服务器已启动：工作区 ${cwd}，防抖 ${debounce} 毫秒`);
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
          hoverProvider: true,
          documentSymbolProvider: { label: 'lawreport-lint' },
          codeLensProvider: { resolveProvider: false },
        },
        serverInfo: { name: 'lawreport-lint', version: VERSION },
      };
    });

    connection.onInitialized(() => {
      if (client.watchFiles) {
        connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] })
          .then(undefined, (err) => log(`无法注册配置文件监视：${err?.message ?? err}`));
      }
      const poll = setInterval(() => {
        try {
          if (session?.pollConfigs()) log('配置文件有变化，已重新读取');
        } catch (err) {
          log(`检查配置文件时出错：${(err as Error).stack ?? err}`);
        }
      }, POLL_MS);
      poll.unref();
      timers.push(poll);
    });

    connection.onDidChangeWatchedFiles((params) => {
      const concerned = params.changes?.map((c) => locate(c.uri).path).find((path) => !!path && !!session?.concernsConfig(path));
      if (concerned) {
        log(`配置文件 ${concerned} 有变化（编辑器通知），重新读取`);
        session?.reloadConfigs();
      }
    });

    connection.onDidChangeConfiguration((params) => {
      const settings = (params?.settings ?? {}) as Record<string, unknown>;
      const ms = debounceFrom(settings['lawreport-lint']) ?? debounceFrom(settings.lawreportLint);
      if (ms !== undefined) session?.setDebounce(ms);
    });

    documents.onDidOpen((e) => {
      try {
        session?.opened(e.document);
      } catch (err) {
        log(`打开 ${e.document.uri} 失败：${(err as Error).stack ?? err}`);
      }
    });
    documents.onDidChangeContent((e) => {
      try {
        session?.changed(e.document);
      } catch (err) {
        log(`处理 ${e.document.uri} 的修改失败：${(err as Error).stack ?? err}`);
      }
    });
    documents.onDidClose((e) => session?.closed(e.document.uri));

    const openText = (uri: string) => {
      const d = documents.get(uri);
      return d ? { text: d.getText(), version: d.version } : undefined;
    };

    connection.onCodeAction(guard('codeAction', [], async (params) => {
      const snap = await session?.snapshot(params.textDocument.uri);
      return snap ? codeActions(snap, params, client.actions, openText) : [];
    }));
    connection.onCodeActionResolve(async (action) => {
      try {
        const uri = (action.data as { uri?: unknown } | undefined)?.uri;
        const snap = typeof uri === 'string' ? await session?.snapshot(uri) : undefined;
        return resolveAction(action, snap, client.actions, openText);
      } catch (err) {
        log(`codeAction/resolve 处理失败：${(err as Error)?.stack ?? err}`);
        return action;
      }
    });
    connection.onHover(guard('hover', null, async (params) => {
      const snap = await session?.snapshot(params.textDocument.uri);
      return snap ? hoverFor(snap.diagnostics, params.position, snap.linter.config.resolved.rules, client.markdownHover) : null;
    }));
    connection.onDocumentSymbol(guard('documentSymbol', null, async (params) => {
      const snap = await session?.snapshot(params.textDocument.uri);
      return snap ? outline(snap.output.document, snap.linter.config.builder.vocabulary, snap.uri, client.hierarchicalSymbols) : null;
    }));
    connection.onCodeLens(guard('codeLens', [], async (params) => {
      const snap = await session?.snapshot(params.textDocument.uri);
      return snap ? [summaryLens(snap.summary)] : [];
    }));
    connection.onShutdown(() => {
      // no more diagnostics after shutdown: pending debounced lints are dropped
      session?.dispose();
    });

    documents.listen(connection);
    connection.listen();
  });
}
