/**
 * The language server, end to end: the built CLI is spawned as `lawreport-lint lsp
 * --stdio` and driven over JSON-RPC exactly as an editor would (no protocol mocks).
 * Run `node scripts/build.mjs` first (npm test does): the server runs from dist/.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, CodeLens, CreateFile, DocumentSymbol, Hover, PublishDiagnosticsParams, SymbolInformation, TextDocumentEdit, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { parse as parseYaml } from 'yaml';
import { hoverMarkdown } from '../src/present/explain.js';
import { main } from '../src/cli/index.js';
import { prepareFormat } from '../src/document/index.js';
import { applyFixesOnce } from '../src/engine/fix.js';
import { LinterFactory } from '../src/linter.js';
import { disableRuleEdits } from '../src/lsp/config-edit.js';
import { applyEdits, clientEdits, TextIndex } from '../src/lsp/edits.js';
import type { Diagnostic } from '../src/types.js';
import { LspClient, uriOf, within } from './lsp/client.js';
import { unlinked } from './helpers.js';
import { FIX_HINT } from '../src/lsp/session.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

/** The CLI's json diagnostics for a text at a path (stdin with --stdin-filename, so unsaved edits count). */
async function cliDiagnostics(path: string, text: string, cwd: string): Promise<Diagnostic[]> {
  let out = '';
  let err = '';
  const code = await main(['-f', 'json', '-', '--stdin-filename', path], {
    stdout: (s) => { out += s; },
    stderr: (s) => { err += s; },
    stdin: async () => Buffer.from(text, 'utf8'),
    cwd,
    isTTY: false,
  });
  expect(code, err).toBeLessThan(2);
  return (JSON.parse(out) as { diagnostics: Diagnostic[] }[])[0].diagnostics;
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'plaintext', 1, text), [...edits]);
}

/** The edits a WorkspaceEdit makes to one document (documentChanges or changes). */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? (c as TextDocumentEdit).edits as TextEdit[] : []));
  }
  return edit.changes?.[uri] ?? [];
}

function at(p: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return (p.diagnostics as Diagnostic[]).filter((d) => d.code === code);
}

let tmp: string;
let drafts: string;
let client: LspClient;
const factory = () => new LinterFactory({ cwd: tmp });

beforeAll(async () => {
  await prepareFormat('md');
  tmp = mkdtempSync(join(tmpdir(), 'lawreport-lsp-'));
  drafts = join(tmp, 'drafts');
  mkdirSync(drafts);
  for (const f of ['tushan-2023.txt', 'tianxingsi-2022.txt', 'xinji-2023.txt']) writeFileSync(join(drafts, f), readFileSync(join(CORPUS, f))); // not copyFileSync: the corpus is read-only, and --fix leaves a 0444 draft alone
  client = await LspClient.start({ cwd: tmp, initializationOptions: { debounce: 20 } });
});

afterAll(() => {
  client?.kill();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('language server over stdio', () => {
  const tushan = () => join(drafts, 'tushan-2023.txt');
  let text: string;
  let uri: string;

  it('publishes on open exactly the diagnostics the CLI prints as json', async () => {
    text = readFileSync(tushan(), 'utf8');
    uri = uriOf(tushan());
    await client.open(uri, text, 'plaintext', 1);
    const p = await client.diagnostics(uri, (x) => x.version === 1);
    expect(unlinked(p.diagnostics, FIX_HINT)).toEqual(await cliDiagnostics(tushan(), text, tmp));
    // an editor's user applies a fix with a quick fix, not by running --fix
    expect(p.diagnostics.some((d) => d.data?.help?.includes(FIX_HINT))).toBe(true);
    expect(p.diagnostics.some((d) => d.data?.help?.includes('lawreport-lint --fix'))).toBe(false);
    const [artifact] = at(p, 'conversion-artifact');
    expect(artifact.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 19 } });
    expect(artifact.codeDescription?.href).toMatch(/^file:.*\/rules\/conversion-artifact\.yaml$/);
    expect(existsSync(fileURLToPath(artifact.codeDescription!.href))).toBe(true);
    expect(artifact.data?.fix).toMatchObject({ safe: true, edits: [{ newText: '' }] });
  });

  it('hovers a finding with the rule\'s summary, why, reference and a valid example', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } });
    const def = (await factory().forFile(tushan())).config.resolved.rules.get('conversion-artifact')!;
    expect(hover.contents).toEqual({ kind: 'markdown', value: hoverMarkdown(def) });
    expect((hover.contents as { value: string }).value).toContain(def.summary);
    expect((hover.contents as { value: string }).value).toContain(def.examples.valid[0].text);
    expect(hover.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 3, character: 19 } });
    // nothing under the cursor: no hover
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } })).toBeNull();
  });

  it('offers the safe fix, and its edit gives what Linter.fix gives', async () => {
    const p = await client.diagnostics(uri, (x) => x.version === 1);
    const [artifact] = at(p, 'conversion-artifact');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: artifact.range, context: { diagnostics: [artifact] },
    });
    const fix = actions.find((a) => a.title === '删除转换残留')!;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true });
    expect(fix.diagnostics?.[0].code).toBe('conversion-artifact');
    const edits = editsFor(fix.edit, uri);
    const linter = await factory().forFile(tushan());
    const expected = linter.fix(text, { filePath: tushan(), rules: new Set(['conversion-artifact']) }).output;
    expect(apply(text, edits)).toBe(expected);
    expect(expected).not.toContain('[bookmark: _GoBack]');
    // plain text: a disable comment would be published with the report, so the config is offered
    expect(actions.some((a) => a.title.includes('lawreport-lint-disable'))).toBe(false);
    expect(actions.find((a) => a.title === '新建 .lawreport-lint.yaml 并关闭规则 conversion-artifact')).toBeTruthy();
  });

  it('“fix all safe problems” is source.fixAll.lawreport-lint and resolves to Linter.fix\'s output', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.lawreport-lint']);
    expect(actions[0].edit).toBeUndefined(); // computed on resolve
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    const linter = await factory().forFile(tushan());
    expect(apply(text, editsFor(resolved.edit, uri))).toBe(linter.fix(text, { filePath: tushan() }).output);
  });

  it('re-lints on didChange: the fixed finding disappears, the rest equals the CLI on the new text', async () => {
    const p = await client.diagnostics(uri, (x) => x.version === 1);
    const [artifact] = at(p, 'conversion-artifact');
    await client.change(uri, 2, artifact.data!.fix!.edits);
    text = apply(text, artifact.data!.fix!.edits);
    const p2 = await client.diagnostics(uri, (x) => x.version === 2);
    expect(at(p2, 'conversion-artifact')).toEqual([]);
    expect(unlinked(p2.diagnostics, FIX_HINT)).toEqual(await cliDiagnostics(tushan(), text, tmp));
    // findings elsewhere are still reported, at their places
    expect(at(p2, 'part-order')[0]?.range.start.line).toBe(17);
  });

  it('returns the report outline: title, parts with their kinds, items', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols).toHaveLength(1);
    const [title] = symbols;
    expect(title.name).toBe('关于2023年法治政府建设情况的报告');
    expect(title.detail).toContain('涂山镇');
    expect(title.selectionRange.start.line).toBe(1);
    const parts = title.children!;
    expect(parts.map((s) => s.detail)).toEqual([
      '主要举措和成效',
      '党政主要负责人履行推进法治建设第一责任人职责情况',
      '存在的不足和原因',
      '下一年度推进法治政府建设的主要安排',
      '其他需要报告的情况',
    ]);
    expect(parts.map((s) => s.selectionRange.start.line)).toEqual([4, 17, 22, 24, 26]);
    expect(parts[0].name).toBe('一、2023年推进法治政府建设的主要举措和成效');
    expect(parts[0].children!.map((c) => c.name)).toEqual(['基层智治有力有效', '深入推动效能提升', '加快建设法治政府', '平安建设从严从细', '品质城市提档升级', '群众需求精准回应']);
    expect(parts[0].children![0].selectionRange.start).toEqual({ line: 5, character: 0 });
  });

  it('shows the parts summary as a code lens on the title', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    expect(lenses).toEqual([{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, command: { title: '必备部分 5/5', command: '' } }]);
  });

  it('a missing part: lens names it; the unsafe action inserts it in the regulation\'s order, numbered', async () => {
    const path = join(drafts, 'tianxingsi-2022.txt');
    const t = readFileSync(path, 'utf8');
    const u = uriOf(path);
    await client.open(u, t, 'text', 1);
    const p = await client.diagnostics(u, (x) => x.version === 1);
    expect(unlinked(p.diagnostics, FIX_HINT)).toEqual(await cliDiagnostics(path, t, tmp));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: u } });
    expect(lenses[0].command?.title).toBe('必备部分 4/5 · 缺少：其他需要报告的情况');
    expect(lenses[0].range.start.line).toBe(2);

    const [missing] = at(p, 'other-matters');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u }, range: missing.range, context: { diagnostics: [missing] },
    });
    const insert = actions.find((a) => a.diagnostics?.[0].code === 'other-matters' && a.title.startsWith(missing.data!.fix!.title))!;
    expect(insert.title).toContain('非安全');
    expect(insert.isPreferred).toBe(false);
    const edits = editsFor(insert.edit, u);
    const linter = await factory().forFile(path);
    const expected = linter.fix(t, { filePath: path, unsafe: true, rules: new Set(['other-matters']) }).output;
    const fixed = apply(t, edits);
    expect(fixed).toBe(expected);
    expect(fixed.trimEnd().endsWith('五、其他需要报告的情况\n无。')).toBe(true);

    await client.change(u, 2, edits);
    const p2 = await client.diagnostics(u, (x) => x.version === 2);
    expect(at(p2, 'other-matters')).toEqual([]);
    const after = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: u } });
    expect(after[0].command?.title).toBe('必备部分 5/5');
  });

  it('a .md draft is linted as Markdown whatever its language id, and a finding is disabled by a comment above it', async () => {
    const path = join(drafts, 'note.md');
    const t = '# 关于2023年法治政府建设情况的报告\n\n2023年，我镇深入推进法治政府建设,健全制度[bookmark: _GoBack]。\n';
    const u = uriOf(path);
    await client.open(u, t, 'text', 1);
    const p = await client.diagnostics(u, (x) => x.version === 1);
    expect(unlinked(p.diagnostics, FIX_HINT)).toEqual(await cliDiagnostics(path, t, tmp));
    const [artifact] = at(p, 'conversion-artifact');
    expect(artifact.range.start.line).toBe(2);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u }, range: artifact.range, context: { diagnostics: [artifact] },
    });
    const disable = actions.find((a) => a.title === '禁用本行的 conversion-artifact 检查（插入注释）')!;
    expect(actions.some((a) => a.title.includes('.lawreport-lint.yaml'))).toBe(false);
    const edits = editsFor(disable.edit, u);
    const t2 = apply(t, edits);
    expect(t2).toBe('# 关于2023年法治政府建设情况的报告\n\n<!-- lawreport-lint-disable-next-line conversion-artifact -->\n2023年，我镇深入推进法治政府建设,健全制度[bookmark: _GoBack]。\n');
    await client.change(u, 2, edits);
    const p2 = await client.diagnostics(u, (x) => x.version === 2);
    expect(at(p2, 'conversion-artifact')).toEqual([]);
    expect(unlinked(p2.diagnostics, FIX_HINT)).toEqual(await cliDiagnostics(path, t2, tmp));

    // a second rule on the same line joins the comment already there
    const [comma] = at(p2, 'fullwidth-punctuation');
    expect(comma.range.start.line).toBe(3);
    const more = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: u }, range: comma.range, context: { diagnostics: [comma] },
    });
    const joined = more.find((a) => a.title === '禁用本行的 fullwidth-punctuation 检查（插入注释）')!;
    const t3 = apply(t2, editsFor(joined.edit, u));
    expect(t3.split('\n')[2]).toBe('<!-- lawreport-lint-disable-next-line conversion-artifact fullwidth-punctuation -->');
    await client.change(u, 3, editsFor(joined.edit, u));
    const p3 = await client.diagnostics(u, (x) => x.version === 3);
    expect(at(p3, 'fullwidth-punctuation')).toEqual([]);
    expect(unlinked(p3.diagnostics, FIX_HINT)).toEqual(await cliDiagnostics(path, t3, tmp));
  });

  it('.txt: “disable in .lawreport-lint.yaml” creates the config; a broken config is one diagnostic plus a message; repairs are picked up', async () => {
    const p = await client.diagnostics(uri, (x) => x.version === 2);
    const [order] = at(p, 'part-order');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: order.range, context: { diagnostics: [order] },
    });
    const disable = actions.find((a) => a.title === '新建 .lawreport-lint.yaml 并关闭规则 part-order')!;
    const [create, edit] = disable.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    const configPath = join(drafts, '.lawreport-lint.yaml');
    expect(create).toEqual({ kind: 'create', uri: uriOf(configPath) });
    const content = apply('', edit.edits as TextEdit[]);
    expect(parseYaml(content).rules).toEqual({ 'part-order': 'off' });

    try {
      // the client applies the edit and reports the new file
      let since = client.publishes.length;
      writeFileSync(configPath, content);
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configPath), type: 1 }] });
      // the server asked to be told about config changes
      expect(client.registrations).toContainEqual(expect.objectContaining({ method: 'workspace/didChangeWatchedFiles' }));
      const p3 = await client.diagnostics(uri, (x) => client.publishedSince(uri, since).includes(x));
      expect(at(p3, 'part-order')).toEqual([]);
      expect(unlinked(p3.diagnostics, FIX_HINT)).toEqual(await cliDiagnostics(tushan(), text, tmp));

      // with a config in place, “turn it off there” is built on resolve: the config is read only for the picked action
      const [numbering] = at(p3, 'heading-numbering');
      const offers = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri }, range: numbering.range, context: { diagnostics: [numbering] },
      });
      const off = offers.find((a) => a.title === '在 .lawreport-lint.yaml 中关闭规则 heading-numbering')!;
      expect(off.edit).toBeUndefined();
      const resolvedOff = await client.request<CodeAction>('codeAction/resolve', off);
      const [configEdit] = resolvedOff.edit!.documentChanges! as TextDocumentEdit[];
      expect(configEdit.textDocument.uri).toBe(uriOf(configPath));
      expect(parseYaml(apply(content, configEdit.edits as TextEdit[])).rules).toEqual({ 'part-order': 'off', 'heading-numbering': 'off' });

      // a broken config: one error on the first line, a message, no crash
      since = client.publishes.length;
      const messages = client.messages.length;
      writeFileSync(configPath, 'rules:\n  part-order: offf\n');
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configPath), type: 2 }] });
      const broken = await client.diagnostics(uri, (x) => client.publishedSince(uri, since).includes(x));
      expect(broken.diagnostics).toHaveLength(1);
      expect(broken.diagnostics[0]).toMatchObject({ code: 'config-error', severity: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } } });
      expect(broken.diagnostics[0].message).toContain('.lawreport-lint.yaml:2');
      expect(broken.diagnostics[0].relatedInformation?.[0].location.uri).toBe(uriOf(configPath));
      const shown = await client.waitFor(() => client.messages.slice(messages).find((m) => m.type === 1), 5000, 'showMessage');
      expect(shown.message).toContain(configPath);
      // still serving
      expect(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).toBeNull();

      // repaired without any notification: the mtime check finds it
      since = client.publishes.length;
      rmSync(configPath);
      const repaired = await client.diagnostics(uri, (x) => client.publishedSince(uri, since).includes(x), 10_000);
      expect(unlinked(repaired.diagnostics, FIX_HINT)).toEqual(await cliDiagnostics(tushan(), text, tmp));
      expect(at(repaired, 'part-order')).toHaveLength(1);

      // other YAML in the workspace (a CI workflow) recompiles and re-lints nothing: the server
      // handles notifications in order and logs each reload, so once the config's own change is
      // logged, a reload for the workflow would have been logged before it
      const ci = join(tmp, '.github', 'ci.yml');
      const logFrom = client.stderr.length;
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(ci), type: 2 }] });
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(configPath), type: 3 }] });
      await client.waitFor(() => client.stderr.slice(logFrom).includes(`配置文件 ${configPath} 有变化`) || undefined, 15_000, 'the config reload logged');
      expect(client.stderr.slice(logFrom)).not.toContain(ci);
    } finally {
      rmSync(configPath, { force: true });
    }
  });

  it('survives bad requests, unknown documents, a 5 MB draft and a burst of edits', async () => {
    await expect(client.request('lawreport/nonsense', {})).rejects.toThrow();
    expect(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/x.txt' }, position: { line: 0, character: 0 } })).toBeNull();
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere/x.txt' } })).toBeNull();
    expect(await client.request('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere/x.txt' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } })).toEqual([]);
    expect(await client.request('textDocument/hover', {})).toBeNull();
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere/x.txt', version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: 'x' }] }); // no version

    const seed = readFileSync(join(drafts, 'tushan-2023.txt'), 'utf8');
    let big = seed;
    while (Buffer.byteLength(big) < 5 * 1024 * 1024) big += `\n${seed}`;
    const bigUri = uriOf(join(drafts, 'big.txt'));
    await client.open(bigUri, big, 'plaintext', 1);
    const first = await client.diagnostics(bigUri, (x) => x.version === 1, 60_000);
    expect(first.diagnostics.length).toBeGreaterThan(0);

    const since = client.publishes.length;
    for (let v = 2; v <= 41; v++) await client.change(bigUri, v, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '一' }]);
    const last = await client.diagnostics(bigUri, (x) => x.version === 41, 60_000);
    expect(last.diagnostics.length).toBeGreaterThan(0);
    // debounced: a burst is not linted edit by edit
    expect(client.publishedSince(bigUri, since).length).toBeLessThan(20);

    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: bigUri } });
    const cleared = await client.diagnostics(bigUri, (x) => x.diagnostics.length === 0);
    expect(cleared.version).toBeUndefined();
    // and the server still answers
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 17, character: 1 } });
    expect(hover && (hover.contents as { value: string }).value).toContain('part-order');
  }, 120_000);

  it('answers shutdown and exits 0 on exit; logs only to stderr', async () => {
    const code = await client.stop();
    expect(code).toBe(0);
    expect(client.stderr).toContain('语言服务器已启动');
  });
});

describe('a client without code lenses or hierarchical symbols', () => {
  it('gets the parts summary as an information diagnostic and a flat outline; exit without shutdown is 1', async () => {
    const c = await LspClient.start({
      cwd: tmp,
      capabilities: { textDocument: { hover: { contentFormat: ['plaintext'] } } },
      args: ['--debounce', '0'],
    });
    try {
      const path = join(drafts, 'tianxingsi-2022.txt');
      const u = uriOf(path);
      const t = readFileSync(path, 'utf8');
      await c.open(u, t);
      const p = await c.diagnostics(u, (x) => x.version === 1);
      const cli = await cliDiagnostics(path, t, tmp);
      expect(unlinked(p.diagnostics.filter((d) => d.code !== 'report-parts'), FIX_HINT)).toEqual(cli);
      const summary = p.diagnostics.find((d) => d.code === 'report-parts')!;
      expect(summary).toMatchObject({ severity: 3, message: '必备部分 4/5 · 缺少：其他需要报告的情况', range: { start: { line: 2, character: 0 } } });

      const flat = await c.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: u } });
      expect(flat[0].name).toBe('关于2022年法治政府建设情况的报告');
      expect(flat.filter((s) => s.containerName === flat[0].name).map((s) => s.name)[0]).toBe('一、主要举措和成效');
      expect(flat.every((s) => s.location.uri === u)).toBe(true);

      const [comma] = p.diagnostics.filter((d) => d.code === 'part-order');
      const hover = await c.request<Hover>('textDocument/hover', { textDocument: { uri: u }, position: comma.range.start });
      expect(hover.contents).toMatchObject({ kind: 'plaintext' });
      expect((hover.contents as { value: string }).value).toContain('part-order —');

      // without versioned documentChanges the edit comes as `changes`, computed eagerly
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: u }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.lawreport-lint'] },
      });
      const linter = await factory().forFile(path);
      expect(apply(t, actions[0].edit!.changes![u])).toBe(linter.fix(t, { filePath: path }).output);

      await c.conn.sendNotification('exit');
      expect(await within(c.exited, 10_000, 'exit')).toBe(1);
    } finally {
      c.kill();
    }
  });
});

describe('edits the server hands to clients', () => {
  it('merges touching edits so every client gets the engine\'s result (a part inserted with renumbering)', async () => {
    const linter = await factory().forFile(join(drafts, 'a.txt'));
    const t = '关于2023年法治政府建设情况的报告\n一、主要举措和成效\n……\n二、党政主要负责人履行第一责任人职责情况\n……';
    const d = linter.lint(t, { filePath: join(drafts, 'a.txt') }).diagnostics.find((x) => x.code === 'required-parts' && x.data?.fix?.edits.length! > 1)!;
    const index = new TextIndex(t);
    const edits = clientEdits(index, d.data!.fix!.edits);
    const engine = applyFixesOnce(t, [d], { unsafe: true }).text;
    expect(applyEdits(index, edits)).toBe(engine);
    expect(apply(t, edits)).toBe(engine);
    // no two edits touch, so the order a client applies them in cannot matter
    const offsets = edits.map((e) => [index.offset(e.range.start), index.offset(e.range.end)]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < offsets.length; i++) expect(offsets[i][0]).toBeGreaterThan(offsets[i - 1][1]);
  });

  it('switches a rule off in an existing config, keeping comments and layout', () => {
    const cases: [string, string][] = [
      ['extends: recommended # 默认\nrules:\n  placeholder: error   # 本县要求\n', 'extends: recommended # 默认\nrules:\n  placeholder: error   # 本县要求\n  part-order: off\n'],
      ['rules:\n    part-order: warning\n', 'rules:\n    part-order: off\n'],
      ['rules: { placeholder: error }\n', 'rules: { placeholder: error, part-order: off }\n'],
      ['rules: {}\n', 'rules: { part-order: off }\n'],
      ['extends: strict', 'extends: strict\nrules:\n  part-order: off\n'],
      ['', 'rules:\n  part-order: off\n'],
      ['rules:\r\n  placeholder: error\r\n', 'rules:\r\n  placeholder: error\r\n  part-order: off\r\n'],
    ];
    for (const [before, after] of cases) {
      const edits = disableRuleEdits(before, 'part-order')!;
      expect(apply(before, edits), before).toBe(after);
    }
    // shapes edited by rewriting still end with the rule off
    for (const odd of ['rules:\n', 'rules:\n  part-order: { severity: error }\n', '{ extends: strict }\n']) {
      const out = apply(odd, disableRuleEdits(odd, 'part-order')!);
      expect(parseYaml(out).rules['part-order'], odd).toBe('off');
    }
    expect(disableRuleEdits('rules: [\n', 'part-order')).toBeUndefined();
  });
});
