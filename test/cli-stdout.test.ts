/**
 * Reports written to standard output (src/cli/stdout.ts) by the built CLI: into
 * a pipe whose reader is slow every line arrives, in order, exactly as with
 * -o; a reader that goes away (`| head`) ends the output quietly with the exit
 * code of the findings.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { corpus, DRAFTS, tempDir } from './batch/helpers.js';
import { stdoutWriter } from '../src/cli/stdout.js';
import { ROOT } from './helpers.js';

const BIN = join(ROOT, 'bin', 'lawreport-lint.js');

function folder(n: number): string {
  const dir = tempDir('lrl-stdout-');
  mkdirSync(join(dir, 'drafts'));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, 'drafts', `${String(i).padStart(3, '0')}.txt`), corpus(DRAFTS[i % 3]));
  return dir;
}

function run(args: string[], cwd: string, onStdout: (child: ReturnType<typeof spawn>) => Promise<Buffer>) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return Promise.all([onStdout(child), exit]).then(([out, code]) => ({ out: out.toString('utf8'), code, stderr }));
}

test('a pipe gets every line, in order, as -o writes them', async () => {
  const dir = folder(60);
  const piped = await run(['drafts', '-f', 'jsonl'], dir, async (child) => {
    const chunks: Buffer[] = [];
    for await (const c of child.stdout!) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  });
  const file = await run(['drafts', '-f', 'jsonl', '-o', 'out.jsonl'], dir, async () => Buffer.alloc(0));
  expect(piped.code).toBe(1);
  expect(file.code).toBe(1);
  expect(piped.out.split('\n').length).toBe(61);
  expect(piped.out).toBe(readFileSync(join(dir, 'out.jsonl'), 'utf8'));
}, 30_000);

test('a reader that goes away ends the output quietly; the exit code is still the findings’', async () => {
  const dir = folder(60);
  const r = await run(['drafts', '-f', 'jsonl'], dir, async (child) => {
    const first = await new Promise<Buffer>((resolve) => child.stdout!.once('data', resolve));
    child.stdout!.destroy();
    return first;
  });
  expect(r.out.startsWith('{"filePath":')).toBe(true);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
}, 30_000);

/**
 * The writer itself, into a real pipe whose reader does not read until told:
 * the pipe fills for certain (1 MB against a 64 KB pipe), so the direct write
 * meets EAGAIN and the rest goes through the stream, in order.
 */
function pausedReader() {
  // reads nothing until it gets a message; then counts and hashes what it reads
  const child = spawn(process.execPath, ['-e', `
    const { createHash } = require('node:crypto');
    process.stdin.pause();
    process.once('message', () => {
      const h = createHash('sha256'); let n = 0;
      process.stdin.on('data', (d) => { n += d.length; h.update(d); });
      process.stdin.on('end', () => process.send({ n, hash: h.digest('hex') }, () => process.exit(0)));
      process.stdin.resume();
    });
    process.send('ready');
  `], { stdio: ['pipe', 'ignore', 'inherit', 'ipc'] });
  const ready = new Promise((resolve) => child.once('message', resolve));
  const fd = (child.stdin as unknown as { _handle: { fd: number } })._handle.fd;
  return { child, ready, fd, stream: child.stdin as unknown as NodeJS.WriteStream };
}

test('into a full pipe the writer falls back to the stream and keeps the order', async () => {
  const { child, ready, fd, stream } = pausedReader();
  await ready;
  const lines = Array.from({ length: 4000 }, (_, i) => `{"line":${i},"text":"${'法治政府建设'.repeat(20)}"}\n`);
  const write = stdoutWriter(stream, fd);
  for (const l of lines) write(l);
  const all = Buffer.from(lines.join(''), 'utf8');
  expect(stream.writableLength, 'the pipe filled and the rest was queued on the stream').toBeGreaterThan(0);
  const got = new Promise<{ n: number; hash: string }>((resolve) => child.on('message', (m) => { if (typeof m === 'object') resolve(m as never); }));
  child.send('read');
  stream.end();
  const { n, hash } = await got;
  expect(n).toBe(all.length);
  expect(hash).toBe(createHash('sha256').update(all).digest('hex'));
});

test('a reader that goes away while the stream holds the rest: no error, later writes are dropped', async () => {
  const { child, ready, fd, stream } = pausedReader();
  await ready;
  const write = stdoutWriter(stream, fd);
  const line = `${'报告'.repeat(500)}\n`;
  while (stream.writableLength === 0) write(line); // until the pipe is full and the stream queues
  const errored = new Promise<NodeJS.ErrnoException>((resolve) => stream.once('error', resolve));
  child.kill();
  expect((await errored).code).toBe('EPIPE');
  expect(() => write(line)).not.toThrow();
});
