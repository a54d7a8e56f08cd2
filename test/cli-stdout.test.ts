/**
 * Reports written to standard output (src/cli/stdout.ts) by the built CLI: into
 * a pipe whose reader is slow every line arrives, in order, exactly as with
 * -o; a reader that goes away (`| head`) ends the output quietly with the exit
 * code of the findings.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { corpus, DRAFTS, tempDir } from './batch/helpers.js';
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

test('a slow reader of the pipe gets every line, in order, as -o writes them', async () => {
  const dir = folder(60);
  const slow = await run(['drafts', '-f', 'jsonl'], dir, async (child) => {
    await new Promise((resolve) => setTimeout(resolve, 700)); // the pipe fills up meanwhile
    const chunks: Buffer[] = [];
    for await (const c of child.stdout!) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  });
  const file = await run(['drafts', '-f', 'jsonl', '-o', 'out.jsonl'], dir, async () => Buffer.alloc(0));
  expect(slow.code).toBe(1);
  expect(file.code).toBe(1);
  expect(slow.out.split('\n').length).toBe(61);
  expect(slow.out).toBe(readFileSync(join(dir, 'out.jsonl'), 'utf8'));
}, 30_000);

test('a reader that goes away ends the output quietly; the exit code is still the findings’', async () => {
  const dir = folder(60);
  const r = await run(['drafts', '-f', 'jsonl'], dir, async (child) => {
    // once the pipe is full the CLI has handed the rest to process.stdout, where the reader's going shows up
    await new Promise((resolve) => setTimeout(resolve, 400));
    const first = await new Promise<Buffer>((resolve) => child.stdout!.once('data', resolve));
    child.stdout!.destroy();
    return first;
  });
  expect(r.out.startsWith('{"filePath":')).toBe(true);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(1);
}, 30_000);
