/**
 * Item 13 of issue 12 (and 7 in the editor): the language server over a raw
 * stdio connection. A malformed header — no Content-Length, `abc` or `-5` for it,
 * a line without a colon — left the server deaf to every later message. Now it
 * logs the bad header, skips to the next one and answers what follows; a draft
 * whose one line is 10 KB of `>` gets its diagnostics published.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, within } from '../lsp/client.js';

/** A server on raw pipes: bytes in, framed messages out. */
function rawServer() {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: mkdtempSync(join(tmpdir(), 'lrl-lsp-raw-')), stdio: ['pipe', 'pipe', 'pipe'] });
  let out = Buffer.alloc(0);
  let stderr = '';
  const messages: { id?: number; method?: string; params?: any; result?: any }[] = [];
  const waiters: (() => void)[] = [];
  child.stderr.on('data', (c) => { stderr += c; });
  child.stdout.on('data', (c: Buffer) => {
    out = Buffer.concat([out, c]);
    for (;;) {
      const end = out.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(out.subarray(0, end).toString())![1]);
      if (out.length < end + 4 + length) break;
      messages.push(JSON.parse(out.subarray(end + 4, end + 4 + length).toString()));
      out = out.subarray(end + 4 + length);
      for (const w of waiters.splice(0)) w();
    }
  });
  const frame = (m: object) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }));
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
  };
  /** Resolves with the first message (already received or to come) that `match` accepts. */
  const next = (match: (m: (typeof messages)[number]) => boolean, what: string) => within(new Promise<(typeof messages)[number]>((resolve) => {
    const look = () => {
      const m = messages.find(match);
      if (m) resolve(m);
      else waiters.push(look);
    };
    look();
  }), 30_000, what);
  return { child, write: (b: Buffer | string) => child.stdin.write(b), frame, next, stderr: () => stderr };
}

describe('a malformed header never leaves the server deaf', () => {
  const s = rawServer();
  afterAll(() => s.child.kill());

  it('answers after each kind of bad header, and logs each one', async () => {
    s.write('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0"}');
    s.write(s.frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    expect((await s.next((m) => m.id === 1, 'initialize')).result.serverInfo.name).toBe('lawreport-lint');
    s.write(s.frame({ method: 'initialized', params: {} }));

    const bad = ['X-Custom: 1\r\n\r\n', 'Content-Length: -5\r\n\r\n', 'no colon here\r\nContent-Type: x\r\n\r\n{}', 'Content-Length: 5\r\n\r\nnot json', '\r\n\r\n\r\n'];
    for (const [i, junk] of bad.entries()) {
      s.write(junk);
      s.write(s.frame({ id: 10 + i, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } } }));
      expect((await s.next((m) => m.id === 10 + i, `hover after ${JSON.stringify(junk)}`)).result).toBeNull();
    }
    expect(s.stderr()).toContain('收到格式错误的消息头（没有 Content-Length）');
    expect(s.stderr()).toContain('Content-Length “-5” 不是有效的字节数');
    expect(s.stderr()).toContain('收到的消息不是有效的 JSON');
  });

  it('an office rule catastrophic for backtracking: the draft is published, the rule named as stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrl-lsp-slow-'));
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, '.lawreport-lint.yaml'), 'rulesDir: rules\n');
    writeFileSync(join(dir, 'rules', 'slow.yaml'), "id: slow\ntype: existence\nsummary: 测试\nseverity: warning\nmessage: 慢\npatterns:\n  - regex: '(a+){1,1000}$'\nexamples: { valid: [甲], invalid: [乙] }\n");
    const uri = pathToFileURL(join(dir, 'draft.txt')).href;
    s.write(s.frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: `关于2023年XX法治政府建设情况的报告\n${'a'.repeat(200_000)}!\n` } } }));
    const published = await s.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 'publishDiagnostics');
    const codes = published.params.diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toContain('rule-timeout');
    expect(codes).toContain('placeholder');
  });

  it('a Markdown draft whose line is 10 KB of > is linted and its diagnostics published', async () => {
    const uri = pathToFileURL(join(tmpdir(), 'deep.md')).href;
    const text = `# 关于2023年XX法治政府建设情况的报告\n\n${'>'.repeat(10_000)}\n\n组织XX名干部参加考试。\n`;
    s.write(s.frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } }));
    const published = await s.next((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 'publishDiagnostics');
    const lines = published.params.diagnostics.filter((d: { code: string }) => d.code === 'placeholder').map((d: { range: { start: { line: number } } }) => d.range.start.line);
    expect(lines).toEqual([0, 4]);
  });
});

describe('the reader, chunk by chunk', () => {
  it('each kind of junk arriving alone, then a message: the message is read, and reading always moves on', async () => {
    const { PassThrough } = await import('node:stream');
    const { RecoveringMessageReader } = await import('../../src/lsp/reader.js');
    const frame = (id: number) => {
      const body = JSON.stringify({ jsonrpc: '2.0', id, method: 'x' });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const junk = ['no colon here\r\nContent-Type: x\r\n\r\n{}', 'X-Custom: 1\r\n\r\n', 'Content-Length: -5\r\n\r\n', 'Content-Length: 5\r\n\r\nnot json', '\r\n\r\n\r\n', 'Content-Len'];
    const stream = new PassThrough();
    const logs: string[] = [];
    const got: number[] = [];
    new RecoveringMessageReader(stream, (m) => logs.push(m)).listen((m) => got.push((m as unknown as { id: number }).id));
    for (const [i, j] of junk.entries()) {
      stream.write(j);
      await new Promise((r) => setImmediate(r)); // the junk is read on its own
      stream.write(frame(i));
      await new Promise((r) => setImmediate(r));
    }
    // the last junk is the start of a header: the frame after it is what that header becomes garbled into, then the next is read
    stream.write(frame(99));
    await new Promise((r) => setImmediate(r));
    expect(got.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(got).toContain(99);
    expect(logs.length).toBeGreaterThanOrEqual(5);
  });
});
