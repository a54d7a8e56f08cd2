// The language server while a drafter types: the time from a one-character
// didChange in a ~10 KB draft to its publishDiagnostics, with the debounce set to 0
// (initializationOptions), so the figure is the server's own work plus the pipe.
// Target: ≤ 10 ms median. Also, in-process, Linter.lint on the same text: the
// floor the server cannot go under (rules, lexicons and segmenters are compiled
// once; each edit re-parses only the edited document).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { fmt, stats, time } from './util.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(root, 'bin', 'lawreport-lint.js');
const DRAFT = join(root, '..', 'shared', 'corpus', 'xinji-2023.txt');
const EDITS = 100;
const WARMUP = 20;

function within(p, ms, what) {
  let t;
  return Promise.race([p.finally(() => clearTimeout(t)), new Promise((_, reject) => { t = setTimeout(() => reject(new Error(`timeout: ${what}`)), ms); })]);
}

export default async function lspBench() {
  const text = readFileSync(DRAFT, 'utf8');
  const uri = pathToFileURL(join(root, 'bench-draft.txt')).href; // never written: the server lints the buffer
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiting.get(p.version);
    if (p.uri === uri && w) {
      waiting.delete(p.version);
      w(performance.now());
    }
  });
  conn.listen();
  const published = (version) => within(new Promise((resolve) => waiting.set(version, resolve)), 30_000, `publish v${version}`);

  try {
    await within(conn.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { textDocument: { codeLens: {} } }, initializationOptions: { debounce: 0 },
    }), 30_000, 'initialize');
    await conn.sendNotification('initialized', {});
    const opened = published(1);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    await opened;

    // one character typed into a body line, then deleted again: the draft stays the same size
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > 8 && l.length > 40);
    const pos = { line, character: 20 };
    const samples = [];
    let version = 1;
    for (let i = 0; i < WARMUP + EDITS; i++) {
      version++;
      const insert = i % 2 === 0;
      const change = insert
        ? { range: { start: pos, end: pos }, text: '法' }
        : { range: { start: pos, end: { line, character: 21 } }, text: '' };
      const done = published(version);
      const t0 = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const t1 = await done;
      if (i >= WARMUP) samples.push(t1 - t0);
    }
    const s = stats(samples);
    console.log(`didChange → publishDiagnostics, ${Buffer.byteLength(text)} B draft, ${s.n} one-character edits, debounce 0: median ${fmt(s.median)}, p95 ${fmt(s.p95)} (min ${fmt(s.min)}, max ${fmt(s.max)})  target ≤ 10 ms median`);

    await within(conn.sendRequest('shutdown'), 10_000, 'shutdown');
    await conn.sendNotification('exit');
  } catch (err) {
    console.error(`server log:\n${log}`);
    throw err;
  } finally {
    conn.dispose();
    if (child.exitCode === null) child.kill();
  }

  // the floor: the same lint in-process, without the protocol
  const { LinterFactory } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
  const linter = await new LinterFactory({ cwd: root }).forFile(join(root, 'bench-draft.txt'));
  const filePath = join(root, 'bench-draft.txt');
  const l = time(() => linter.lint(text, { filePath }), 100);
  console.log(`Linter.lint in-process on the same draft: median ${fmt(l.median)}, p95 ${fmt(l.p95)}`);
}
